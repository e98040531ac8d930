// The kernels the service can run, described as plain data so the same request
// runs inline or in a worker thread (one implementation for both paths).

import type { CsrTopology } from './csr.ts';
import { allNodes, betweennessRaw, betweennessSources, rescaleBetweenness } from './kernels/betweenness.ts';
import { closenessCentrality } from './kernels/closeness.ts';
import type { EdgeCost, Progress } from './kernels/cost.ts';
import { degreeCentrality } from './kernels/degree.ts';
import { eigenvectorCentrality } from './kernels/eigenvector.ts';
import { louvain } from './kernels/louvain.ts';
import { pagerank } from './kernels/pagerank.ts';

export type CentralityMeasure = 'degree' | 'betweenness' | 'closeness' | 'pagerank' | 'eigenvector';
export const CENTRALITY_MEASURES: readonly CentralityMeasure[] = ['degree', 'betweenness', 'closeness', 'pagerank', 'eigenvector'];

/** Which share of the sources a worker handles when one job is split: every `of`-th, from `index`. */
export interface JobPart {
  index: number;
  of: number;
}

export type JobRequest =
  | { kind: 'centrality'; measure: CentralityMeasure; weighted: boolean; samples?: number; seed?: number; part?: JobPart }
  | { kind: 'communities'; resolution: number; seed: number };

export type JobResult =
  | { kind: 'centrality'; scores: Float64Array }
  | { kind: 'communities'; communities: Int32Array; count: number; modularity: number };

/** Kernels whose cost grows faster than the graph (or iterate a lot): they go to a worker. */
export function isHeavy(request: JobRequest): boolean {
  return request.kind === 'communities' || ['betweenness', 'closeness', 'eigenvector'].includes(request.measure);
}

/** One-source-at-a-time kernels: their sources can be split across workers and the parts added. */
export function isSplittable(request: JobRequest): boolean {
  return request.kind === 'centrality' && (request.measure === 'betweenness' || request.measure === 'closeness');
}

function stride(list: Int32Array, part: JobPart): Int32Array {
  const mine = new Int32Array(Math.ceil((list.length - part.index) / part.of));
  for (let i = part.index, j = 0; i < list.length; i += part.of) mine[j++] = list[i];
  return mine;
}

/**
 * Runs a request. A request with `part` returns a partial result meant to be
 * added to the other parts' and finished with `combineParts`.
 */
export function runJob(csr: CsrTopology, request: JobRequest, onProgress?: Progress): JobResult {
  if (request.kind === 'communities') {
    const result = louvain(csr, { resolution: request.resolution, seed: request.seed, onProgress });
    return { kind: 'communities', communities: result.communities, count: result.count, modularity: result.modularity };
  }
  // Distances: strong ties are short when weights are used.
  const cost: EdgeCost = request.weighted ? 'inverse-weight' : 'hops';
  const weighted = request.weighted;
  const { part } = request;
  switch (request.measure) {
    case 'degree':
      return { kind: 'centrality', scores: degreeCentrality(csr, { weighted }) };
    case 'pagerank':
      return { kind: 'centrality', scores: pagerank(csr, { weighted, onProgress }) };
    case 'eigenvector':
      return { kind: 'centrality', scores: eigenvectorCentrality(csr, { weighted, onProgress }) };
    case 'closeness': {
      const sources = part ? stride(allNodes(csr.n), part) : undefined;
      return { kind: 'centrality', scores: closenessCentrality(csr, { cost, sources, onProgress }) };
    }
    case 'betweenness': {
      const sampled = betweennessSources(csr.n, request);
      const all = sampled ?? allNodes(csr.n);
      const scores = betweennessRaw(csr, part ? stride(all, part) : all, cost, onProgress, !sampled);
      if (!part) rescaleBetweenness(scores, csr.n, true, sampled);
      return { kind: 'centrality', scores };
    }
  }
}

/** Adds the parts of a split request and finishes it (betweenness scaling). */
export function combineParts(n: number, request: JobRequest, parts: JobResult[]): JobResult {
  const scores = new Float64Array(n);
  for (const part of parts) {
    if (part.kind !== 'centrality') throw new Error('only centrality jobs are split');
    for (let i = 0; i < n; i++) scores[i] += part.scores[i];
  }
  if (request.kind === 'centrality' && request.measure === 'betweenness') rescaleBetweenness(scores, n, true, betweennessSources(n, request));
  return { kind: 'centrality', scores };
}
