import { ValidationError, fieldErrorsFromZod } from '../errors.ts';
import { nodeIdFor, relationshipIdFor } from '../model/identity.ts';
import {
  NodeInputSchema,
  NodePatchSchema,
  RelationshipInputSchema,
  RelationshipPatchSchema,
  type GraphNode,
  type GraphRelationship,
  type NodeInputParsed,
  type Provenance,
  type RelationshipInputParsed,
} from '../model/schemas.ts';
import { DEFAULT_KIND } from '../model/vocabulary.ts';
import { fastNodeInput, fastRelationshipInput } from './input-fast-path.ts';
import type { TopologyNode, TopologyRelationship, WriteContext } from './port.ts';

// How inputs become stored records, shared by both adapters so that they
// store exactly the same thing: validation, defaults, automatic provenance,
// provenance never dropped, timestamps.

const TIMESTAMP_FIELDS = new Set(['createdAt', 'updatedAt']);

function manualProvenance(ctx: WriteContext, now: string): Provenance {
  return { source: ctx.via ? `manual edit (${ctx.via})` : 'manual edit', addedBy: ctx.actor, addedAt: now, confidence: 1 };
}

function provenanceKey(p: Provenance): string {
  return `${p.source}\u0000${p.quote ?? ''}\u0000${p.url ?? ''}`;
}

/** Existing entries first, new ones appended, duplicates (same source, quote, url) skipped. */
export function mergeProvenance(existing: Provenance[], incoming: Provenance[] | undefined | null): Provenance[] {
  if (!incoming?.length) return existing;
  const seen = new Set(existing.map(provenanceKey));
  const out = [...existing];
  for (const p of incoming) {
    const key = provenanceKey(p);
    if (!seen.has(key)) {
      seen.add(key);
      out.push(p);
    }
  }
  return out;
}

function stamp(provenance: Provenance[], ctx: WriteContext, now: string): Provenance[] {
  return provenance.map((p) => ({ ...p, addedBy: p.addedBy === 'system' && ctx.actor ? ctx.actor : p.addedBy, addedAt: p.addedAt ?? now }));
}

function dropUndefined<T extends object>(value: T): T {
  // for…in rather than Object.keys: no array per record (a bulk import builds millions).
  for (const key in value) if (value[key] === undefined) delete value[key];
  return value;
}

function invalid(what: string, issues: Parameters<typeof fieldErrorsFromZod>[0]): ValidationError {
  const errors = fieldErrorsFromZod(issues);
  return new ValidationError(`invalid ${what}: ${errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`, errors);
}

export function nodeFromInput(input: unknown, ctx: WriteContext, now: string): GraphNode {
  const value = fastNodeInput(input) ?? parseNodeInput(input);
  const provenance = value.provenance.length ? stamp(value.provenance, ctx, now) : [manualProvenance(ctx, now)];
  return dropUndefined({
    ...value,
    id: value.id ?? nodeIdFor(value.name, value.label),
    kind: value.kind ?? DEFAULT_KIND[value.label],
    provenance,
    createdAt: now,
    updatedAt: now,
  }) as GraphNode;
}

// The fast paths (input-fast-path.ts) give zod's result for common inputs; zod decides the rest and words the errors.
function parseNodeInput(input: unknown): NodeInputParsed {
  const parsed = NodeInputSchema.safeParse(input);
  if (!parsed.success) throw invalid('node', parsed.error.issues);
  return parsed.data;
}

function parseRelationshipInput(input: unknown): RelationshipInputParsed {
  const parsed = RelationshipInputSchema.safeParse(input);
  if (!parsed.success) throw invalid('relationship', parsed.error.issues);
  return parsed.data;
}

/** Applies a PATCH: given fields replace, `null` clears, provenance is appended to. */
export function nodeWithPatch(existing: GraphNode, patch: unknown, ctx: WriteContext, now: string): GraphNode {
  const parsed = NodePatchSchema.safeParse(patch);
  if (!parsed.success) throw invalid('node update', parsed.error.issues);
  const next: Record<string, unknown> = { ...existing };
  for (const [key, value] of Object.entries(parsed.data)) {
    if (value === undefined || key === 'provenance') continue;
    if (value === null) {
      if (key === 'tags' || key === 'aliases') next[key] = [];
      else if (key === 'properties') next[key] = {};
      else delete next[key];
    } else next[key] = value;
  }
  const incoming = parsed.data.provenance?.length ? stamp(parsed.data.provenance, ctx, now) : [manualProvenance(ctx, now)];
  next.provenance = mergeProvenance(existing.provenance, incoming);
  next.updatedAt = now;
  const check = NodeInputSchema.safeParse(withoutTimestamps(next));
  if (!check.success) throw invalid('node update', check.error.issues);
  return next as GraphNode;
}

export function relationshipFromInput(input: unknown, ctx: WriteContext, now: string): GraphRelationship {
  const value = fastRelationshipInput(input) ?? parseRelationshipInput(input);
  const provenance = value.provenance.length ? stamp(value.provenance, ctx, now) : [manualProvenance(ctx, now)];
  return dropUndefined({
    ...value,
    id: value.id ?? relationshipIdFor(value),
    provenance,
    createdAt: now,
    updatedAt: now,
  }) as GraphRelationship;
}

export function relationshipWithPatch(existing: GraphRelationship, patch: unknown, ctx: WriteContext, now: string): GraphRelationship {
  const parsed = RelationshipPatchSchema.safeParse(patch);
  if (!parsed.success) throw invalid('relationship update', parsed.error.issues);
  const next: Record<string, unknown> = { ...existing };
  if (parsed.data.properties) next.properties = parsed.data.properties;
  for (const key of ['validFrom', 'validTo'] as const) {
    const value = parsed.data[key];
    if (value === null) delete next[key];
    else if (value !== undefined) next[key] = value;
  }
  const incoming = parsed.data.provenance?.length ? stamp(parsed.data.provenance, ctx, now) : [manualProvenance(ctx, now)];
  next.provenance = mergeProvenance(existing.provenance, incoming);
  next.updatedAt = now;
  const check = RelationshipInputSchema.safeParse(withoutTimestamps(next));
  if (!check.success) throw invalid('relationship update', check.error.issues);
  return next as GraphRelationship;
}

/**
 * Bulk merge of an imported node into an existing one: the import's fields
 * replace the stored ones, provenance is appended. Returns `changed: false`
 * when nothing but timestamps would differ (re-importing the same file).
 */
export function mergeImportedNode(existing: GraphNode, incoming: GraphNode, now: string): { node: GraphNode; changed: boolean } {
  if (existing.label !== incoming.label) {
    throw new ValidationError(`node "${existing.id}" is a ${existing.label}, not a ${incoming.label}`, [
      { path: 'label', message: `node "${existing.id}" already exists as ${existing.label}` },
    ]);
  }
  const merged = { ...existing, ...incoming, provenance: mergeProvenance(existing.provenance, incoming.provenance), createdAt: existing.createdAt };
  const changed = !sameContent(existing, merged);
  return { node: changed ? { ...merged, updatedAt: now } : existing, changed };
}

export function mergeImportedRelationship(
  existing: GraphRelationship,
  incoming: GraphRelationship,
  now: string,
): { relationship: GraphRelationship; changed: boolean } {
  const merged = { ...existing, ...incoming, provenance: mergeProvenance(existing.provenance, incoming.provenance), createdAt: existing.createdAt };
  const changed = !sameContent(existing, merged);
  return { relationship: changed ? { ...merged, updatedAt: now } : existing, changed };
}

function withoutTimestamps(value: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) if (!TIMESTAMP_FIELDS.has(k)) out[k] = v;
  return out;
}

/** Deep equality of two records, ignoring createdAt/updatedAt and key order. */
export function sameContent(a: object, b: object): boolean {
  return canonical(withoutTimestamps(a as Record<string, unknown>)) === canonical(withoutTimestamps(b as Record<string, unknown>));
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value)
      .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

/** `changesSince` arguments: a revision ≥ 0 (else ValidationError). */
export function checkRevision(revision: number): number {
  if (!Number.isSafeInteger(revision) || revision < 0) {
    throw new ValidationError('revision must be an integer ≥ 0', [{ path: 'revision', message: 'must be an integer ≥ 0' }]);
  }
  return revision;
}

/** Default and bounds of `changesSince`'s limit (1..100 000, default 10 000). */
export function changesLimit(limit: number | undefined): number {
  if (limit === undefined) return 10_000;
  if (!Number.isInteger(limit) || limit < 1 || limit > 100_000) {
    throw new ValidationError('limit must be an integer from 1 to 100000', [{ path: 'limit', message: 'must be an integer from 1 to 100000' }]);
  }
  return limit;
}

/** The lean record of a node, as streamTopology gives it. */
export function topologyNode(node: GraphNode): TopologyNode {
  const out: TopologyNode = { id: node.id, label: node.label, kind: node.kind };
  if (node.level !== undefined) out.level = node.level;
  if (node.place?.region) out.region = node.place.region;
  if (node.validFrom !== undefined) out.validFrom = node.validFrom;
  if (node.validTo !== undefined) out.validTo = node.validTo;
  return out;
}

/** The lean record of a relationship, as streamTopology gives it. */
export function topologyRelationship(rel: GraphRelationship): TopologyRelationship {
  const out: TopologyRelationship = { id: rel.id, type: rel.type, from: rel.from, to: rel.to };
  const weight = rel.properties?.weight;
  const role = rel.properties?.role;
  if (typeof weight === 'number') out.weight = weight;
  if (typeof role === 'string') out.role = role;
  if (rel.validFrom !== undefined) out.validFrom = rel.validFrom;
  if (rel.validTo !== undefined) out.validTo = rel.validTo;
  return out;
}
