// The baseline: the same synthetic graph loaded into graphology, measured with
// graphology-metrics and graphology-communities-louvain.

import Graph from 'graphology';
import louvainGraphology from 'graphology-communities-louvain';
import betweennessGraphology from 'graphology-metrics/centrality/betweenness.js';
import closenessGraphology from 'graphology-metrics/centrality/closeness.js';
import eigenvectorGraphology from 'graphology-metrics/centrality/eigenvector.js';
import pagerankGraphology from 'graphology-metrics/centrality/pagerank.js';
import { mulberry32, syntheticId, type SyntheticGraph } from '@atlas/graph/analytics/index.ts';

export function loadGraphology(g: SyntheticGraph): Graph {
  const graph = new Graph({ type: 'undirected', multi: false, allowSelfLoops: false });
  for (let i = 0; i < g.n; i++) graph.addNode(syntheticId(i));
  for (let e = 0; e < g.from.length; e++) graph.addEdge(syntheticId(g.from[e]), syntheticId(g.to[e]), { weight: g.weight[e] });
  return graph;
}

export const graphology = {
  pagerank: (graph: Graph) => pagerankGraphology(graph, { getEdgeWeight: null, tolerance: 1e-6, maxIterations: 100 }) as Record<string, number>,
  eigenvector: (graph: Graph) => eigenvectorGraphology(graph, { getEdgeWeight: null, tolerance: 1e-6, maxIterations: 100 }) as Record<string, number>,
  louvain: (graph: Graph, seed: number) => louvainGraphology.detailed(graph, { rng: mulberry32(seed), getEdgeWeight: 'weight' }),
  betweenness: (graph: Graph) => betweennessGraphology(graph, { getEdgeWeight: null }) as Record<string, number>,
  closeness: (graph: Graph) => closenessGraphology(graph, { wassermanFaust: true }) as Record<string, number>,
};
