import type { CsrTopology } from '../csr.ts';
import type { Progress } from './cost.ts';

export interface EigenvectorOptions {
  /** Stop when Σ|x − x_prev| < n · tolerance (default 1e-6, networkx). */
  tolerance?: number;
  /** Default 100 (networkx). */
  maxIterations?: number;
  /** Use edge weights (default false, like networkx `weight=None`). */
  weighted?: boolean;
  onProgress?: Progress;
}

/**
 * Eigenvector centrality as networkx `eigenvector_centrality`: power iteration
 * on A + I (the identity shift avoids oscillation on bipartite graphs) from the
 * uniform vector, L2-normalised after each step. Returns the last iterate when
 * it has not converged within maxIterations (networkx would raise).
 */
export function eigenvectorCentrality(csr: CsrTopology, options: EigenvectorOptions = {}): Float64Array {
  const { n, offsets, targets, weights } = csr;
  const { tolerance = 1e-6, maxIterations = 100, weighted = false, onProgress } = options;
  let x = new Float64Array(n).fill(1 / n);
  let next = new Float64Array(n);
  for (let iteration = 1; iteration <= maxIterations; iteration++) {
    let norm = 0;
    for (let v = 0; v < n; v++) {
      let sum = x[v];
      const end = offsets[v + 1];
      if (weighted) for (let k = offsets[v]; k < end; k++) sum += x[targets[k]] * weights[k];
      else for (let k = offsets[v]; k < end; k++) sum += x[targets[k]];
      next[v] = sum;
      norm += sum * sum;
    }
    norm = Math.sqrt(norm) || 1;
    let error = 0;
    for (let v = 0; v < n; v++) {
      next[v] /= norm;
      error += Math.abs(next[v] - x[v]);
    }
    const t = x;
    x = next;
    next = t;
    onProgress?.(iteration / maxIterations);
    if (error < n * tolerance) break;
  }
  return x;
}
