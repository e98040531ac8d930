import type { CsrTopology } from '../csr.ts';

export interface DegreeOptions {
  /** Sum of edge weights instead of the number of neighbours (default false). */
  weighted?: boolean;
  /** Divide by n − 1 like networkx `degree_centrality` (default true). */
  normalized?: boolean;
}

/** Degree centrality; a graph of one node gives it 1, as networkx does. */
export function degreeCentrality(csr: CsrTopology, options: DegreeOptions = {}): Float64Array {
  const { n, offsets, weights } = csr;
  const { weighted = false, normalized = true } = options;
  const scores = new Float64Array(n);
  if (n === 1 && normalized) {
    scores[0] = 1;
    return scores;
  }
  const scale = normalized ? 1 / (n - 1) : 1;
  for (let u = 0; u < n; u++) {
    let d = 0;
    if (weighted) for (let k = offsets[u], end = offsets[u + 1]; k < end; k++) d += weights[k];
    else d = offsets[u + 1] - offsets[u];
    scores[u] = d * scale;
  }
  return scores;
}
