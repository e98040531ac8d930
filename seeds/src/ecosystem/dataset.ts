import { relationshipIdFor } from '@atlas/graph';
import type { Citation, SeedNode, SeedPart, SeedRelationship } from './cite.ts';
import { cissPart } from './ciss.ts';
import { extremaduraPart } from './extremadura.ts';
import { govtechPart } from './govtech.ts';
import { municipisInnovadorsPart } from './municipis-innovadors.ts';
import { placesPart } from './places.ts';
import { thivicPart } from './thivic.ts';
import { topicsPart } from './topics.ts';

// The whole curated seed: every document's part, merged so that a thing named
// in several documents is one node (or one relationship) citing all of them.

export interface SeedDataset {
  nodes: SeedNode[];
  relationships: Array<SeedRelationship & { id: string }>;
}

const LIST_FIELDS = new Set(['aliases', 'tags', 'methods']);

function citationKey(c: Citation): string {
  return `${c.source}\u0000${c.quote ?? ''}`;
}

function mergeCitations(a: Citation[], b: Citation[]): Citation[] {
  const seen = new Set(a.map(citationKey));
  return [...a, ...b.filter((c) => !seen.has(citationKey(c)))];
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Merges a second declaration of the same node: lists are united, other fields must agree. */
function mergeNode(a: SeedNode, b: SeedNode): SeedNode {
  const out: Record<string, unknown> = { ...a };
  for (const [key, value] of Object.entries(b)) {
    if (value === undefined) continue;
    if (key === 'provenance') out.provenance = mergeCitations(a.provenance, b.provenance);
    else if (LIST_FIELDS.has(key)) out[key] = [...new Set([...((out[key] as string[]) ?? []), ...(value as string[])])];
    else if (out[key] === undefined) out[key] = value;
    else if (!same(out[key], value)) throw new Error(`seed node "${a.id}" is declared twice with different ${key}`);
  }
  return out as SeedNode;
}

function mergeRelationship(a: SeedRelationship & { id: string }, b: SeedRelationship, id: string): SeedRelationship & { id: string } {
  for (const key of ['properties', 'validFrom', 'validTo'] as const) {
    if (b[key] !== undefined && a[key] !== undefined && !same(a[key], b[key])) {
      throw new Error(`seed relationship ${b.type} ${b.from} → ${b.to} is declared twice with different ${key}`);
    }
  }
  return { ...b, ...a, id, provenance: mergeCitations(a.provenance, b.provenance) };
}

export function mergeParts(parts: SeedPart[]): SeedDataset {
  const nodes = new Map<string, SeedNode>();
  const relationships = new Map<string, SeedRelationship & { id: string }>();
  for (const part of parts) {
    for (const node of part.nodes) {
      const existing = nodes.get(node.id);
      if (existing && existing.label !== node.label) throw new Error(`seed node "${node.id}" is both ${existing.label} and ${node.label}`);
      nodes.set(node.id, existing ? mergeNode(existing, node) : node);
    }
    for (const r of part.relationships) {
      const id = r.id ?? relationshipIdFor(r);
      const existing = relationships.get(id);
      relationships.set(id, existing ? mergeRelationship(existing, r, id) : { ...r, id });
    }
  }
  return { nodes: [...nodes.values()], relationships: [...relationships.values()] };
}

let cached: SeedDataset | undefined;

/** The seed ecosystem (fresh copies: callers may mutate them). */
export function seedDataset(): SeedDataset {
  cached ??= mergeParts([placesPart(), topicsPart(), thivicPart(), govtechPart(), cissPart(), extremaduraPart(), municipisInnovadorsPart()]);
  return structuredClone(cached);
}
