// The kernels the service can run, described as plain data so the same request
// runs inline or in a worker thread (one implementation for both paths).

import type { CsrTopology } from './csr.ts';
import { betweennessCentrality } from './kernels/betweenness.ts';
import { closenessCentrality } from './kernels/closeness.ts';
import type { EdgeCost, Progress } from './kernels/cost.ts';
import { degreeCentrality } from './kernels/degree.ts';
import { eigenvectorCentrality } from './kernels/eigenvector.ts';
import { louvain } from './kernels/louvain.ts';
import { pagerank } from './kernels/pagerank.ts';

export type CentralityMeasure = 'degree' | 'betweenness' | 'closeness' | 'pagerank' | 'eigenvector';
export const CENTRALITY_MEASURES: readonly CentralityMeasure[] = ['degree', 'betweenness', 'closeness', 'pagerank', 'eigenvector'];

export type JobRequest =
  | { kind: 'centrality'; measure: CentralityMeasure; weighted: boolean; samples?: number; seed?: number }
  | { kind: 'communities'; resolution: number; seed: number };

export type JobResult =
  | { kind: 'centrality'; scores: Float64Array }
  | { kind: 'communities'; communities: Int32Array; count: number; modularity: number };

/** Kernels whose cost grows faster than the graph (or iterate a lot): they go to a worker. */
export function isHeavy(request: JobRequest): boolean {
  return request.kind === 'communities' || ['betweenness', 'closeness', 'eigenvector'].includes(request.measure);
}

export function runJob(csr: CsrTopology, request: JobRequest, onProgress?: Progress): JobResult {
  if (request.kind === 'communities') {
    const result = louvain(csr, { resolution: request.resolution, seed: request.seed, onProgress });
    return { kind: 'communities', communities: result.communities, count: result.count, modularity: result.modularity };
  }
  // Distances: strong ties are short when weights are used.
  const cost: EdgeCost = request.weighted ? 'inverse-weight' : 'hops';
  const weighted = request.weighted;
  let scores: Float64Array;
  switch (request.measure) {
    case 'degree':
      scores = degreeCentrality(csr, { weighted });
      break;
    case 'pagerank':
      scores = pagerank(csr, { weighted, onProgress });
      break;
    case 'eigenvector':
      scores = eigenvectorCentrality(csr, { weighted, onProgress });
      break;
    case 'closeness':
      scores = closenessCentrality(csr, { cost, onProgress });
      break;
    case 'betweenness':
      scores = betweennessCentrality(csr, { cost, samples: request.samples, seed: request.seed, onProgress });
      break;
  }
  return { kind: 'centrality', scores };
}
