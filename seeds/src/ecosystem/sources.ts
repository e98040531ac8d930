import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DOCUMENTS } from './cite.ts';

// Where the texts cited as provenance live: the five seed documents (copied
// into seeds/documents, see its SOURCE.md; SEED_DOCUMENTS_DIR overrides) and
// the tables copied into seeds/data and graph/data.

const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

export function seedDocumentsDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.SEED_DOCUMENTS_DIR ?? `${REPO_ROOT}seeds/documents/`;
}

/** The file a provenance `source` names, or undefined when it is not a known text. */
export function sourcePath(source: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  if ((DOCUMENTS as readonly string[]).includes(source)) return `${seedDocumentsDir(env).replace(/\/?$/, '/')}${source}`;
  if (source.startsWith('seeds/data/') || source.startsWith('graph/data/')) return REPO_ROOT + source;
  return undefined;
}

export function readSource(source: string, env: NodeJS.ProcessEnv = process.env): string {
  const path = sourcePath(source, env);
  if (!path || !existsSync(path)) throw new Error(`source "${source}" not found${path ? ` at ${path}` : ''}`);
  return readFileSync(path, 'utf8');
}

/** Whitespace runs (line breaks, no-break and narrow spaces) as one space: how quotes are compared. */
export function collapseWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
