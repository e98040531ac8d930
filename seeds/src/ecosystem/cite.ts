import type { NodeInput, RelationshipInput, RelationshipType } from '@atlas/graph';

// Building blocks of the curated seed: the five source documents, citations
// (verbatim quotes, checked by cite.test.ts) and small constructors.

/** The five source documents (seeds/documents), by what they are about. */
export const DOC = {
  thivic: '000_ccda06195d9218de.txt',
  govtech: '001_ab34e601b1dca3a2.txt',
  ciss: '002_6e5e4c7cb32ae63d.txt',
  extremadura: '003_79f9c0153a277319.txt',
  municipisInnovadors: '004_348a7f73a4a5dfa2.txt',
} as const;
export type DocName = (typeof DOC)[keyof typeof DOC];
export const DOCUMENTS: readonly DocName[] = Object.values(DOC);

export type Citation = NonNullable<NodeInput['provenance']>[number];

/**
 * A fact read in a source: `quote` must occur verbatim in `source` (after
 * collapsing whitespace). `source` is a seed document or a seeds/data file.
 */
export function cite(source: string, quote: string): Citation {
  return { source, quote, confidence: 1 };
}

/** A fact inferred from a quote rather than read in it: lower confidence and the reason. */
export function inferred(source: string, quote: string, confidence: number, note: string): Citation {
  if (!(confidence < 1)) throw new Error(`an inferred fact needs confidence < 1 (${quote})`);
  return { source, quote, confidence, note };
}

/** Seed nodes always have an id and cite their sources (non-empty: checked by dataset.test.ts). */
export type SeedNode = NodeInput & { id: string; provenance: Citation[] };
export type SeedRelationship = RelationshipInput & { provenance: Citation[] };

export interface SeedPart {
  nodes: SeedNode[];
  relationships: SeedRelationship[];
}

export interface RelationshipExtras {
  properties?: RelationshipInput['properties'];
  validFrom?: string;
  validTo?: string;
}

export function rel(
  type: RelationshipType,
  from: string,
  to: string,
  provenance: [Citation, ...Citation[]],
  extras: RelationshipExtras = {},
): SeedRelationship {
  return { type, from, to, provenance, ...extras };
}
