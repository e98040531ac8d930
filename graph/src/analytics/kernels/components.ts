import type { CsrTopology } from '../csr.ts';

export interface ComponentsResult {
  /** Component per node, numbered 0.. by decreasing size (ties: smallest node first). */
  component: Int32Array;
  /** Sizes by component number (so decreasing). */
  sizes: Int32Array;
  count: number;
}

/** Connected components by BFS over the CSR. */
export function connectedComponents(csr: CsrTopology): ComponentsResult {
  const { n, offsets, targets } = csr;
  const raw = new Int32Array(n).fill(-1);
  const queue = new Int32Array(n);
  const rawSizes: number[] = [];
  for (let s = 0; s < n; s++) {
    if (raw[s] >= 0) continue;
    const id = rawSizes.length;
    let head = 0;
    let tail = 0;
    queue[tail++] = s;
    raw[s] = id;
    while (head < tail) {
      const u = queue[head++];
      for (let k = offsets[u], end = offsets[u + 1]; k < end; k++) {
        const v = targets[k];
        if (raw[v] < 0) {
          raw[v] = id;
          queue[tail++] = v;
        }
      }
    }
    rawSizes.push(tail);
  }
  // Raw ids follow the smallest node of each component, so a stable sort by size keeps that tie order.
  const byRank = rawSizes.map((_, i) => i).sort((a, b) => rawSizes[b] - rawSizes[a] || a - b);
  const rank = new Int32Array(rawSizes.length);
  byRank.forEach((id, r) => (rank[id] = r));
  const component = new Int32Array(n);
  for (let i = 0; i < n; i++) component[i] = rank[raw[i]];
  return { component, sizes: Int32Array.from(byRank, (id) => rawSizes[id]), count: rawSizes.length };
}
