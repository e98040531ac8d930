import { expect } from 'vitest';
import type { Citation } from './cite.ts';
import { seedDataset } from './dataset.ts';

// Lookups for the fact tests: one node or relationship of the seed, and an
// assertion that it cites a given document with a quote containing a phrase.

const dataset = seedDataset();
const byId = new Map(dataset.nodes.map((n) => [n.id, n]));

export function node(id: string) {
  const n = byId.get(id);
  if (!n) throw new Error(`no seed node "${id}"`);
  return n;
}

export function relationship(type: string, from: string, to: string) {
  const r = dataset.relationships.find((x) => x.type === type && x.from === from && x.to === to);
  if (!r) throw new Error(`no seed relationship ${type} ${from} → ${to}`);
  return r;
}

export function relationshipsOf(type: string, filter: { from?: string; to?: string }) {
  return dataset.relationships.filter((r) => r.type === type && (!filter.from || r.from === filter.from) && (!filter.to || r.to === filter.to));
}

/** The element cites `source` with a quote containing `phrase`; returns that citation. */
export function expectCites(element: { provenance?: Citation[] }, source: string, phrase: string): Citation {
  const hit = element.provenance?.find((p) => p.source === source && p.quote?.includes(phrase));
  expect(hit, `a citation of ${source} containing "${phrase}" in ${JSON.stringify(element.provenance)}`).toBeDefined();
  return hit!;
}
