// Loads the networkx reference fixtures (see make_reference.py) for the tests.

import { readFileSync } from 'node:fs';
import type { TopologyChunk } from '../../store/port.ts';
import { buildProjection, type CsrGraph } from '../projection.ts';

export type Scores = Record<string, number>;

export interface PathReference {
  from: string;
  to: string;
  cost: 'hops' | 'inverse-weight';
  k: number;
  paths: Array<{ nodes: string[]; cost: number }>;
}

export interface ReferenceFixture {
  name: string;
  nodes: string[];
  edges: Array<[string, string, number]>;
  participations?: Array<[string, string, string, string | null, string | null]>;
  projection_at?: { at: string; edges: Array<[string, string, number]> };
  reference: {
    degree: Scores;
    degree_weighted: Scores;
    pagerank: Scores;
    pagerank_unweighted: Scores;
    eigenvector: Scores;
    eigenvector_weighted: Scores;
    closeness: Scores;
    closeness_weighted: Scores;
    betweenness: Scores;
    betweenness_unnormalized: Scores;
    betweenness_weighted: Scores;
    betweenness_sampled: { k: number; sources: string[]; values: Scores };
    components: number[];
    louvain: { communities: string[][]; modularity: number };
    partitions: { greedy: string[][] };
    modularity_checks: Array<{ partition: 'louvain' | 'greedy'; resolution: number; weighted: boolean; modularity: number }>;
    k_shortest_paths: PathReference[];
    khop: { source: string; depth: number; distances: Scores };
  };
}

export const FIXTURE_NAMES = ['hand', 'karate', 'h2020'] as const;

export function loadFixture(name: (typeof FIXTURE_NAMES)[number]): ReferenceFixture {
  return JSON.parse(readFileSync(new URL(`./${name}.json`, import.meta.url), 'utf8')) as ReferenceFixture;
}

/** The fixture's weighted graph as store topology: actors linked by COLLABORATES_WITH {weight}. */
export function fixtureChunks(fixture: ReferenceFixture): TopologyChunk[] {
  return [
    {
      nodes: fixture.nodes.map((id) => ({ id, label: 'Actor' as const, kind: 'other' })),
      relationships: fixture.edges.map(([from, to, weight], i) => ({ id: `e${i}`, type: 'COLLABORATES_WITH' as const, from, to, weight })),
    },
  ];
}

export function fixtureGraph(fixture: ReferenceFixture): Promise<CsrGraph> {
  return buildProjection(fixtureChunks(fixture), { projection: 'collaboration' }, false);
}
