import type { CsrTopology } from '../csr.ts';
import type { Progress } from './cost.ts';

export interface PageRankOptions {
  /** Damping factor (default 0.85). */
  alpha?: number;
  /** Stop when Σ|x − x_prev| < n · tolerance, as networkx and graphology (default 1e-6). */
  tolerance?: number;
  /** Upper bound on iterations when converging (default 100). */
  maxIterations?: number;
  /** Run exactly this many iterations, no convergence test (benchmarks). */
  iterations?: number;
  /** Use edge weights as transition weights (default true, like networkx). */
  weighted?: boolean;
  onProgress?: Progress;
}

export interface PageRankResult {
  scores: Float64Array;
  iterations: number;
  converged: boolean;
}

/**
 * PageRank with networkx semantics on an undirected graph: each edge is walked
 * both ways, the mass of dangling (isolated) nodes is spread uniformly, the
 * scores sum to 1. Pull formulation: one pass over the CSR per iteration.
 */
export function pagerankDetailed(csr: CsrTopology, options: PageRankOptions = {}): PageRankResult {
  const { n, offsets, targets, weights } = csr;
  const { alpha = 0.85, tolerance = 1e-6, maxIterations = 100, weighted = true, iterations, onProgress } = options;
  const scores = new Float64Array(n);
  if (n === 0) return { scores, iterations: 0, converged: true };
  const outWeight = new Float64Array(n);
  for (let u = 0; u < n; u++) {
    if (weighted) {
      let s = 0;
      for (let k = offsets[u], end = offsets[u + 1]; k < end; k++) s += weights[k];
      outWeight[u] = s;
    } else outWeight[u] = offsets[u + 1] - offsets[u];
  }
  let x = new Float64Array(n).fill(1 / n);
  let next = new Float64Array(n);
  const share = new Float64Array(n); // x[u] / outWeight[u]
  const limit = iterations ?? maxIterations;
  let done = 0;
  let converged = false;
  while (done < limit) {
    let dangling = 0;
    for (let u = 0; u < n; u++) {
      const ow = outWeight[u];
      if (ow > 0) share[u] = x[u] / ow;
      else {
        share[u] = 0;
        dangling += x[u];
      }
    }
    const base = (alpha * dangling + (1 - alpha)) / n;
    let error = 0;
    for (let v = 0; v < n; v++) {
      let sum = 0;
      const end = offsets[v + 1];
      if (weighted) for (let k = offsets[v]; k < end; k++) sum += share[targets[k]] * weights[k];
      else for (let k = offsets[v]; k < end; k++) sum += share[targets[k]];
      const value = alpha * sum + base;
      next[v] = value;
      error += Math.abs(value - x[v]);
    }
    const t = x;
    x = next;
    next = t;
    done++;
    onProgress?.(done / limit);
    if (iterations === undefined && error < n * tolerance) {
      converged = true;
      break;
    }
  }
  scores.set(x);
  return { scores, iterations: done, converged: converged || iterations !== undefined };
}

export function pagerank(csr: CsrTopology, options: PageRankOptions = {}): Float64Array {
  return pagerankDetailed(csr, options).scores;
}
