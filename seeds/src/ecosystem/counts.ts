import type { RelationshipInput } from '@atlas/graph';
import type { SeedNode } from './cite.ts';

export interface SeedCounts {
  nodes: number;
  relationships: number;
  byLabel: Record<string, number>;
  /** `Label/kind`, e.g. `Actor/municipality`. */
  byKind: Record<string, number>;
  /** Level of the nodes that have one (actors, projects, practices, events). */
  byLevel: Record<string, number>;
  byType: Record<string, number>;
}

function tally(values: Iterable<string>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const v of values) out[v] = (out[v] ?? 0) + 1;
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => a.localeCompare(b)));
}

export function countSeed(dataset: { nodes: SeedNode[]; relationships: RelationshipInput[] }): SeedCounts {
  const { nodes, relationships } = dataset;
  return {
    nodes: nodes.length,
    relationships: relationships.length,
    byLabel: tally(nodes.map((n) => n.label)),
    byKind: tally(nodes.map((n) => `${n.label}/${n.kind ?? '-'}`)),
    byLevel: tally(nodes.flatMap((n) => (n.level ? [n.level] : []))),
    byType: tally(relationships.map((r) => r.type)),
  };
}
