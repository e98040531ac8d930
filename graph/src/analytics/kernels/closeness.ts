import type { CsrTopology } from '../csr.ts';
import { costCode, progressReporter, type EdgeCost, type Progress } from './cost.ts';
import { MinHeap } from './heap.ts';

export interface ClosenessOptions {
  /** Edge length (default `hops`). */
  cost?: EdgeCost;
  /**
   * Wasserman–Faust correction for disconnected graphs: scale by the fraction of
   * the graph reached, as networkx `wf_improved=True` (default true).
   */
  wfImproved?: boolean;
  /** Compute only these nodes (the others stay 0); default every node. */
  sources?: Int32Array;
  onProgress?: Progress;
}

/**
 * Closeness centrality, networkx semantics: (r / Σd) · (r / (n − 1)) where r is
 * the number of nodes reachable from the node (itself excluded) and Σd the sum
 * of their distances; 0 for isolated nodes. One BFS (or Dijkstra) per node.
 */
export function closenessCentrality(csr: CsrTopology, options: ClosenessOptions = {}): Float64Array {
  const { n, offsets, targets, weights } = csr;
  const code = costCode(options.cost);
  const wf = options.wfImproved ?? true;
  const scores = new Float64Array(n);
  const list = options.sources;
  const sourceCount = list ? list.length : n;
  const report = progressReporter(sourceCount, options.onProgress);
  if (code === 0) {
    const dist = new Int32Array(n).fill(-1);
    const queue = new Int32Array(n);
    for (let si = 0; si < sourceCount; si++) {
      const s = list ? list[si] : si;
      let head = 0;
      let tail = 0;
      queue[tail++] = s;
      dist[s] = 0;
      let total = 0;
      while (head < tail) {
        const u = queue[head++];
        const du = dist[u] + 1;
        for (let k = offsets[u], end = offsets[u + 1]; k < end; k++) {
          const v = targets[k];
          if (dist[v] < 0) {
            dist[v] = du;
            total += du;
            queue[tail++] = v;
          }
        }
      }
      for (let i = 0; i < tail; i++) dist[queue[i]] = -1;
      scores[s] = closenessValue(tail - 1, total, n, wf);
      report(si + 1);
    }
    return scores;
  }
  const dist = new Float64Array(n).fill(Infinity);
  const settled = new Uint8Array(n);
  const visited = new Int32Array(n);
  const heap = new MinHeap(n);
  for (let si = 0; si < sourceCount; si++) {
    const s = list ? list[si] : si;
    let count = 0;
    heap.clear();
    dist[s] = 0;
    visited[count++] = s;
    heap.push(0, s);
    let total = 0;
    let reached = 0;
    while (heap.size > 0) {
      const u = heap.pop();
      if (settled[u]) continue;
      settled[u] = 1;
      const du = heap.lastKey;
      total += du;
      reached++;
      for (let k = offsets[u], end = offsets[u + 1]; k < end; k++) {
        const v = targets[k];
        if (settled[v]) continue;
        const w = weights[k];
        const len = code === 1 ? w : 1 / w;
        if (!(len >= 0) || len === Infinity) continue; // unusable edge (zero/negative weight)
        const alt = du + len;
        if (alt < dist[v]) {
          if (dist[v] === Infinity) visited[count++] = v;
          dist[v] = alt;
          heap.push(alt, v);
        }
      }
    }
    for (let i = 0; i < count; i++) {
      dist[visited[i]] = Infinity;
      settled[visited[i]] = 0;
    }
    scores[s] = closenessValue(reached - 1, total, n, wf);
    report(si + 1);
  }
  return scores;
}

function closenessValue(reached: number, total: number, n: number, wf: boolean): number {
  if (!(total > 0) || n <= 1) return 0;
  const c = reached / total;
  return wf ? c * (reached / (n - 1)) : c;
}
