// The baseline implementations (graphology + graphology-metrics + louvain), typed
// and loaded once for the reference tests and the benchmarks.
//
// These packages ship CommonJS typings, so under NodeNext TypeScript sees a
// default import as the module namespace while Node hands over module.exports
// (or the ESM default for graphology itself): `interopDefault` bridges both.

import graphologyModule from 'graphology';
import louvainModule from 'graphology-communities-louvain';
import betweennessModule from 'graphology-metrics/centrality/betweenness.js';
import closenessModule from 'graphology-metrics/centrality/closeness.js';
import eigenvectorModule from 'graphology-metrics/centrality/eigenvector.js';
import pagerankModule from 'graphology-metrics/centrality/pagerank.js';
import { mulberry32 } from '../rng.ts';
import { syntheticId, type SyntheticGraph } from '../synthetic.ts';

function interopDefault<T>(module: { default: T }): T {
  return ((module as { default?: T }).default ?? module) as T;
}

export const Graph = interopDefault(graphologyModule);
export type GraphologyGraph = InstanceType<typeof Graph>;
const pagerank = interopDefault(pagerankModule);
const eigenvector = interopDefault(eigenvectorModule);
const betweenness = interopDefault(betweennessModule);
const closeness = interopDefault(closenessModule);
const louvain = interopDefault(louvainModule);

export type NodeScores = Record<string, number>;

/** An undirected weighted graphology graph from an edge list of ids (weight and 1/weight as `dist`). */
export function graphologyFromEdges(nodes: readonly string[], edges: ReadonlyArray<readonly [string, string, number]>): GraphologyGraph {
  const graph = new Graph({ type: 'undirected', multi: false, allowSelfLoops: false });
  for (const id of nodes) graph.addNode(id);
  for (const [u, v, w] of edges) graph.addEdge(u, v, { weight: w, dist: 1 / w });
  return graph;
}

/** The synthetic graph in graphology, string ids as the product would have them. */
export function graphologyFromSynthetic(g: SyntheticGraph): GraphologyGraph {
  const graph = new Graph({ type: 'undirected', multi: false, allowSelfLoops: false });
  for (let i = 0; i < g.n; i++) graph.addNode(syntheticId(i));
  for (let e = 0; e < g.from.length; e++) graph.addEdge(syntheticId(g.from[e]), syntheticId(g.to[e]), { weight: g.weight[e] });
  return graph;
}

/** graphology-metrics with the options that match our kernels' defaults (unweighted unless said). */
export const graphology = {
  pagerank: (graph: GraphologyGraph, tolerance = 1e-6): NodeScores =>
    pagerank(graph, { getEdgeWeight: null, tolerance, maxIterations: 1000 }) as NodeScores,
  eigenvector: (graph: GraphologyGraph, tolerance = 1e-6): NodeScores =>
    eigenvector(graph, { getEdgeWeight: null, tolerance, maxIterations: 1000 }) as NodeScores,
  betweenness: (graph: GraphologyGraph): NodeScores => betweenness(graph, { getEdgeWeight: null }) as NodeScores,
  closeness: (graph: GraphologyGraph): NodeScores => closeness(graph, { wassermanFaust: true }) as NodeScores,
  /** Weighted Louvain with a seeded rng. */
  louvain: (graph: GraphologyGraph, seed: number) => louvain.detailed(graph, { rng: mulberry32(seed), getEdgeWeight: 'weight' }),
};
