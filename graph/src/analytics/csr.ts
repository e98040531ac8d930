// Compressed sparse rows (CSR) on typed arrays: the layout every kernel reads.
// Undirected: each edge {u, v} is stored twice (v in u's row, u in v's row);
// rows are sorted by target and hold no duplicates and no self-loops.

/** The numeric part of a projection: all a kernel needs, cheap to share with a worker. */
export interface CsrTopology {
  /** Number of nodes. */
  n: number;
  /** Number of undirected edges (targets.length / 2). */
  m: number;
  /** Row i spans targets[offsets[i] .. offsets[i+1]). Length n + 1. */
  offsets: Int32Array;
  targets: Int32Array;
  /** Edge weight for each entry of `targets` (both directions carry the same weight). */
  weights: Float64Array;
}

function allocInt32(length: number, shared: boolean): Int32Array {
  return shared ? new Int32Array(new SharedArrayBuffer(length * 4)) : new Int32Array(length);
}
function allocFloat64(length: number, shared: boolean): Float64Array {
  return shared ? new Float64Array(new SharedArrayBuffer(length * 8)) : new Float64Array(length);
}

/**
 * Collects undirected weighted edges in growable typed arrays. Parallel edges
 * are allowed: they are merged (weights summed) when the CSR is built, which
 * is how shared-item counts accumulate without any string or Map keys.
 */
export class EdgeAccumulator {
  private from: Int32Array;
  private to: Int32Array;
  private weight: Float64Array;
  length = 0;

  constructor(initialCapacity = 1024) {
    const capacity = Math.max(16, initialCapacity);
    this.from = new Int32Array(capacity);
    this.to = new Int32Array(capacity);
    this.weight = new Float64Array(capacity);
  }

  /** Adds the undirected edge {u, v}; self-loops are ignored. */
  add(u: number, v: number, w = 1): void {
    if (u === v) return;
    if (this.length === this.from.length) this.grow();
    this.from[this.length] = u;
    this.to[this.length] = v;
    this.weight[this.length] = w;
    this.length++;
  }

  private grow(): void {
    const capacity = this.from.length * 2;
    const from = new Int32Array(capacity);
    from.set(this.from);
    const to = new Int32Array(capacity);
    to.set(this.to);
    const weight = new Float64Array(capacity);
    weight.set(this.weight);
    this.from = from;
    this.to = to;
    this.weight = weight;
  }

  /**
   * Builds the CSR over nodes 0..n-1 with two stable counting sorts (by target,
   * then by source) so rows come out sorted, then merges duplicate entries.
   * O(n + edges), no comparisons. `shared` puts the arrays on SharedArrayBuffers
   * so workers can read them without a copy.
   */
  toCsr(n: number, shared = true): CsrTopology {
    const L = this.length;
    const E = 2 * L; // entry e < L is from→to of edge e, e ≥ L is to→from of edge e − L
    const { from, to, weight } = this;

    // Pass 1: stable order of entries by destination.
    const counts = new Int32Array(n + 1);
    for (let e = 0; e < L; e++) {
      counts[to[e] + 1]++;
      counts[from[e] + 1]++;
    }
    for (let i = 0; i < n; i++) counts[i + 1] += counts[i];
    const byDst = new Int32Array(E);
    for (let e = 0; e < L; e++) byDst[counts[to[e]]++] = e;
    for (let e = 0; e < L; e++) byDst[counts[from[e]]++] = e + L;

    // Pass 2: stable order by source → rows sorted by destination.
    const rowStart = new Int32Array(n + 1);
    for (let e = 0; e < L; e++) {
      rowStart[from[e] + 1]++;
      rowStart[to[e] + 1]++;
    }
    for (let i = 0; i < n; i++) rowStart[i + 1] += rowStart[i];
    const cursor = rowStart.slice(0, n);
    const order = new Int32Array(E);
    for (let k = 0; k < E; k++) {
      const e = byDst[k];
      order[cursor[e < L ? from[e] : to[e - L]]++] = e;
    }

    // Merge duplicates (adjacent after sorting) row by row; byDst is free again, reuse it.
    const mergedT = byDst;
    const mergedW = new Float64Array(E);
    const offsets = allocInt32(n + 1, shared);
    let out = 0;
    for (let u = 0; u < n; u++) {
      offsets[u] = out;
      let last = -1;
      for (let k = rowStart[u], end = rowStart[u + 1]; k < end; k++) {
        const e = order[k];
        const edge = e < L ? e : e - L;
        const v = e < L ? to[edge] : from[edge];
        const w = weight[edge];
        if (v === last) mergedW[out - 1] += w;
        else {
          mergedT[out] = v;
          mergedW[out] = w;
          out++;
          last = v;
        }
      }
    }
    offsets[n] = out;
    const targets = allocInt32(out, shared);
    targets.set(mergedT.subarray(0, out));
    const weights = allocFloat64(out, shared);
    weights.set(mergedW.subarray(0, out));
    return { n, m: out / 2, offsets, targets, weights };
  }
}

/** Builds a CSR from a plain list of undirected edges (tests, generators). */
export function csrFromEdgeList(n: number, edges: ReadonlyArray<readonly [number, number, number?]>, shared = false): CsrTopology {
  const acc = new EdgeAccumulator(edges.length);
  for (const [u, v, w] of edges) acc.add(u, v, w ?? 1);
  return acc.toCsr(n, shared);
}

/** Sum of edge weights per node (weighted degree). */
export function strengths(csr: CsrTopology): Float64Array {
  const { n, offsets, weights } = csr;
  const s = new Float64Array(n);
  for (let u = 0; u < n; u++) {
    let sum = 0;
    for (let k = offsets[u], end = offsets[u + 1]; k < end; k++) sum += weights[k];
    s[u] = sum;
  }
  return s;
}
