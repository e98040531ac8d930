import { createHash } from 'node:crypto';
import { slugify } from './text.ts';

/**
 * The id of a relationship that came without one (imports, seeds): derived from
 * its type and ends, so re-importing the same connection finds the same
 * relationship instead of duplicating it.
 */
export function relationshipIdFor(rel: { type: string; from: string; to: string }): string {
  const digest = createHash('sha1').update(`${rel.type}\u0000${rel.from}\u0000${rel.to}`).digest('hex');
  return `r-${digest.slice(0, 20)}`;
}

/** The id of a node created without one: a slug of its name plus a short random suffix. */
export function nodeIdFor(name: string): string {
  const suffix = createHash('sha1').update(`${name}\u0000${process.hrtime.bigint()}\u0000${Math.random()}`).digest('hex').slice(0, 8);
  return `${slugify(name)}-${suffix}`;
}
