import type { CsrTopology } from '../csr.ts';
import { mulberry32, sampleIndices } from '../rng.ts';
import { costCode, progressReporter, type EdgeCost, type Progress } from './cost.ts';
import { MinHeap } from './heap.ts';

export interface BetweennessOptions {
  /** Edge length (default `hops`; otherwise Dijkstra-based Brandes). */
  cost?: EdgeCost;
  /** Normalise like networkx for undirected graphs (default true). */
  normalized?: boolean;
  /** Use this many random sources (networkx `k`); exact when absent or ≥ n. */
  samples?: number;
  /** Seed for choosing the sampled sources (default 0). */
  seed?: number;
  /** Explicit source nodes (overrides samples/seed); scaled as a sample of that size. */
  sources?: Int32Array;
  onProgress?: Progress;
}

/**
 * Brandes betweenness on an undirected graph. Dependencies are accumulated by
 * walking successors (dist[w] = dist[v] + len(v, w)) in reverse settle order, so
 * no predecessor lists are stored. Scaling follows networkx
 * `betweenness_centrality(normalized, endpoints=False, k)`, including its
 * different factor for sampled sources versus the other nodes.
 */
export function betweennessCentrality(csr: CsrTopology, options: BetweennessOptions = {}): Float64Array {
  const sources = betweennessSources(csr.n, options);
  const bc = betweennessRaw(csr, sources ?? allNodes(csr.n), options.cost, options.onProgress);
  rescaleBetweenness(bc, csr.n, options.normalized ?? true, sources);
  return bc;
}

/** The sampled sources for these options, or null for exact (every node). */
export function betweennessSources(n: number, options: Pick<BetweennessOptions, 'samples' | 'seed' | 'sources'>): Int32Array | null {
  if (options.sources) return options.sources;
  if (options.samples !== undefined && options.samples < n)
    return sampleIndices(n, Math.max(1, Math.floor(options.samples)), mulberry32(options.seed ?? 0));
  return null;
}

/**
 * Unscaled dependency sums from the given sources. Sums over disjoint source
 * sets add up, which is how the service splits one computation across workers
 * (then calls rescaleBetweenness once).
 */
export function betweennessRaw(csr: CsrTopology, sources: Int32Array, cost?: EdgeCost, onProgress?: Progress): Float64Array {
  const code = costCode(cost);
  return code === 0 ? brandesHops(csr, sources, onProgress) : brandesWeighted(csr, sources, code, onProgress);
}

export function allNodes(n: number): Int32Array {
  const all = new Int32Array(n);
  for (let i = 0; i < n; i++) all[i] = i;
  return all;
}

function brandesHops(csr: CsrTopology, sources: Int32Array, onProgress?: Progress): Float64Array {
  const { n, offsets, targets } = csr;
  const bc = new Float64Array(n);
  const dist = new Int32Array(n).fill(-1);
  const sigma = new Float64Array(n);
  const delta = new Float64Array(n);
  const order = new Int32Array(n); // BFS queue, read backwards for the accumulation
  const report = progressReporter(sources.length, onProgress);
  for (let si = 0; si < sources.length; si++) {
    const s = sources[si];
    let head = 0;
    let tail = 0;
    order[tail++] = s;
    dist[s] = 0;
    sigma[s] = 1;
    while (head < tail) {
      const v = order[head++];
      const dv = dist[v] + 1;
      const sv = sigma[v];
      for (let k = offsets[v], end = offsets[v + 1]; k < end; k++) {
        const w = targets[k];
        const dw = dist[w];
        if (dw < 0) {
          dist[w] = dv;
          sigma[w] = sv;
          order[tail++] = w;
        } else if (dw === dv) sigma[w] += sv;
      }
    }
    for (let i = tail - 1; i > 0; i--) {
      const v = order[i];
      const dv = dist[v] + 1;
      const sv = sigma[v];
      let d = 0;
      for (let k = offsets[v], end = offsets[v + 1]; k < end; k++) {
        const w = targets[k];
        if (dist[w] === dv) d += (sv / sigma[w]) * (1 + delta[w]);
      }
      delta[v] = d;
      bc[v] += d;
    }
    for (let i = 0; i < tail; i++) {
      const v = order[i];
      dist[v] = -1;
      sigma[v] = 0;
      delta[v] = 0;
    }
    report(si + 1);
  }
  return bc;
}

function brandesWeighted(csr: CsrTopology, sources: Int32Array, code: 0 | 1 | 2, onProgress?: Progress): Float64Array {
  const { n, offsets, targets, weights } = csr;
  const bc = new Float64Array(n);
  const dist = new Float64Array(n).fill(Infinity);
  const sigma = new Float64Array(n);
  const delta = new Float64Array(n);
  const settled = new Uint8Array(n);
  const order = new Int32Array(n); // settle order
  const touched = new Int32Array(n);
  const heap = new MinHeap(n);
  const report = progressReporter(sources.length, onProgress);
  for (let si = 0; si < sources.length; si++) {
    const s = sources[si];
    let count = 0;
    let touchedCount = 0;
    heap.clear();
    dist[s] = 0;
    sigma[s] = 1;
    touched[touchedCount++] = s;
    heap.push(0, s);
    while (heap.size > 0) {
      const v = heap.pop();
      if (settled[v]) continue;
      settled[v] = 1;
      order[count++] = v;
      const dv = dist[v];
      const sv = sigma[v];
      for (let k = offsets[v], end = offsets[v + 1]; k < end; k++) {
        const w = targets[k];
        if (settled[w]) continue;
        const len = code === 1 ? weights[k] : 1 / weights[k];
        if (!(len >= 0) || len === Infinity) continue;
        const alt = dv + len;
        const dw = dist[w];
        if (alt < dw) {
          if (dw === Infinity) touched[touchedCount++] = w;
          dist[w] = alt;
          sigma[w] = sv;
          heap.push(alt, w);
        } else if (alt === dw) sigma[w] += sv;
      }
    }
    for (let i = count - 1; i > 0; i--) {
      const v = order[i];
      const dv = dist[v];
      const sv = sigma[v];
      let d = 0;
      for (let k = offsets[v], end = offsets[v + 1]; k < end; k++) {
        const w = targets[k];
        if (!settled[w]) continue;
        const len = code === 1 ? weights[k] : 1 / weights[k];
        if (dist[w] === dv + len && dist[w] > dv) d += (sv / sigma[w]) * (1 + delta[w]);
      }
      delta[v] = d;
      bc[v] += d;
    }
    for (let i = 0; i < touchedCount; i++) {
      const v = touched[i];
      dist[v] = Infinity;
      sigma[v] = 0;
      delta[v] = 0;
      settled[v] = 0;
    }
    report(si + 1);
  }
  return bc;
}

/** networkx `_rescale` for undirected graphs with endpoints=False; `sampled` null = exact. */
export function rescaleBetweenness(bc: Float64Array, n: number, normalized: boolean, sampled: Int32Array | null): void {
  const N = n - 1;
  if (N < 2) {
    bc.fill(0);
    return;
  }
  if (!sampled) {
    const scale = normalized ? 1 / (N * (N - 1)) : 1 / 2;
    for (let v = 0; v < n; v++) bc[v] *= scale;
    return;
  }
  const k = sampled.length;
  const scaleSource = k > 1 ? (normalized ? 1 / ((k - 1) * (N - 1)) : N / ((k - 1) * 2)) : NaN;
  const scaleOther = normalized ? 1 / (k * (N - 1)) : N / (k * 2);
  const isSource = new Uint8Array(n);
  for (const s of sampled) isSource[s] = 1;
  for (let v = 0; v < n; v++) bc[v] *= isSource[v] ? scaleSource : scaleOther;
}
