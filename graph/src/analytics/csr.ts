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
   * Builds the CSR over nodes 0..n-1: one counting sort by source places every
   * entry in its row (sequential reads, two scattered writes per edge), then each
   * row is sorted by target in place (stable: parallel edges keep their order)
   * and duplicates are merged, summing weights. `shared` puts the arrays on
   * SharedArrayBuffers so workers can read them without a copy.
   */
  toCsr(n: number, shared = true): CsrTopology {
    const L = this.length;
    const { from, to, weight } = this;
    const rowStart = new Int32Array(n + 1);
    for (let e = 0; e < L; e++) {
      rowStart[from[e] + 1]++;
      rowStart[to[e] + 1]++;
    }
    for (let i = 0; i < n; i++) rowStart[i + 1] += rowStart[i];
    const cursor = rowStart.slice(0, n);
    const rowT = new Int32Array(2 * L);
    const rowW = new Float64Array(2 * L);
    for (let e = 0; e < L; e++) {
      const u = from[e];
      const v = to[e];
      const w = weight[e];
      let p = cursor[u]++;
      rowT[p] = v;
      rowW[p] = w;
      p = cursor[v]++;
      rowT[p] = u;
      rowW[p] = w;
    }
    // Sort and merge row by row, compacting in place (a merged row never outgrows its slot).
    const offsets = allocInt32(n + 1, shared);
    const sorter = new RowSorter();
    let out = 0;
    for (let u = 0; u < n; u++) {
      offsets[u] = out;
      const a = rowStart[u];
      const b = rowStart[u + 1];
      sorter.sort(rowT, rowW, a, b);
      let last = -1;
      for (let k = a; k < b; k++) {
        const v = rowT[k];
        if (v === last) rowW[out - 1] += rowW[k];
        else {
          rowT[out] = v;
          rowW[out] = rowW[k];
          out++;
          last = v;
        }
      }
    }
    offsets[n] = out;
    const targets = allocInt32(out, shared);
    targets.set(rowT.subarray(0, out));
    const weights = allocFloat64(out, shared);
    weights.set(rowW.subarray(0, out));
    return { n, m: out / 2, offsets, targets, weights };
  }
}

/** Stable in-place sort of one row's (target, weight) pairs by target. */
class RowSorter {
  private keys = new Float64Array(0);
  private w = new Float64Array(0);

  sort(t: Int32Array, w: Float64Array, a: number, b: number): void {
    const len = b - a;
    if (len <= 32) {
      // Insertion sort: most rows are short.
      for (let i = a + 1; i < b; i++) {
        const ti = t[i];
        if (t[i - 1] <= ti) continue;
        const wi = w[i];
        let j = i - 1;
        while (j >= a && t[j] > ti) {
          t[j + 1] = t[j];
          w[j + 1] = w[j];
          j--;
        }
        t[j + 1] = ti;
        w[j + 1] = wi;
      }
      return;
    }
    // Long rows (hubs): native numeric sort of packed keys target·len + position
    // (exact in a double while n·len < 2^53), the position keeping it stable.
    if (this.keys.length < len) {
      this.keys = new Float64Array(Math.max(len, 2 * this.keys.length));
      this.w = new Float64Array(this.keys.length);
    }
    const keys = this.keys.subarray(0, len);
    const ws = this.w;
    for (let j = 0; j < len; j++) {
      keys[j] = t[a + j] * len + j;
      ws[j] = w[a + j];
    }
    keys.sort();
    for (let j = 0; j < len; j++) {
      const key = keys[j];
      const target = Math.floor(key / len);
      t[a + j] = target;
      w[a + j] = ws[key - target * len];
    }
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

/**
 * Nodes by decreasing degree (ties by index): a traversal-heavy kernel run on
 * the graph relabelled in this order keeps the hubs, which every traversal
 * touches, in a few cache lines. Counting sort, O(n + max degree).
 */
export function degreeOrder(csr: CsrTopology): Int32Array {
  return stableByDecreasingDegree(csr);
}

/** The nodes in `sequence`'s order (default: by index), stably counting-sorted by decreasing degree. */
function stableByDecreasingDegree(csr: CsrTopology, sequence?: Int32Array): Int32Array {
  const { n, offsets } = csr;
  let maxDegree = 0;
  for (let u = 0; u < n; u++) maxDegree = Math.max(maxDegree, offsets[u + 1] - offsets[u]);
  const start = new Int32Array(maxDegree + 2);
  for (let u = 0; u < n; u++) start[maxDegree - (offsets[u + 1] - offsets[u]) + 1]++;
  for (let d = 0; d <= maxDegree; d++) start[d + 1] += start[d];
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const u = sequence ? sequence[i] : i;
    order[start[maxDegree - (offsets[u + 1] - offsets[u])]++] = u;
  }
  return order;
}

/**
 * Breadth-first order from the highest-degree node of each component
 * (Cuthill–McKee without the degree sort inside levels): neighbours get nearby
 * indices, so a BFS touches memory mostly in order.
 */
export function breadthFirstOrder(csr: CsrTopology): Int32Array {
  const { n, offsets, targets } = csr;
  const seen = new Uint8Array(n);
  const order = new Int32Array(n);
  let tail = 0;
  for (const root of degreeOrder(csr)) {
    if (seen[root]) continue;
    seen[root] = 1;
    order[tail++] = root;
    for (let head = tail - 1; head < tail; head++) {
      const u = order[head];
      for (let k = offsets[u], end = offsets[u + 1]; k < end; k++) {
        const v = targets[k];
        if (!seen[v]) {
          seen[v] = 1;
          order[tail++] = v;
        }
      }
    }
  }
  return order;
}

/**
 * `breadthFirstOrder` stably re-sorted by decreasing degree: hubs first, and
 * nodes of equal degree still in breadth-first order (counting sort).
 */
export function hubsThenBreadthFirstOrder(csr: CsrTopology): Int32Array {
  return stableByDecreasingDegree(csr, breadthFirstOrder(csr));
}

/** A CSR relabelled so that node `order[i]` becomes node i; `position[u]` is u's new index. */
export interface RelabelledCsr {
  csr: CsrTopology;
  order: Int32Array;
  position: Int32Array;
}

/**
 * Copies the CSR with node order[i] renamed i (rows keep their entries' order,
 * so they are no longer sorted by target: only for kernels that do not need it).
 * O(n + m), plain (non-shared) arrays.
 */
export function relabel(csr: CsrTopology, order: Int32Array): RelabelledCsr {
  const { n, offsets, targets, weights } = csr;
  const position = new Int32Array(n);
  for (let i = 0; i < n; i++) position[order[i]] = i;
  const newOffsets = new Int32Array(n + 1);
  const newTargets = new Int32Array(targets.length);
  const newWeights = new Float64Array(targets.length);
  let out = 0;
  for (let i = 0; i < n; i++) {
    newOffsets[i] = out;
    const u = order[i];
    for (let k = offsets[u], end = offsets[u + 1]; k < end; k++) {
      newTargets[out] = position[targets[k]];
      newWeights[out] = weights[k];
      out++;
    }
  }
  newOffsets[n] = out;
  return { csr: { n, m: csr.m, offsets: newOffsets, targets: newTargets, weights: newWeights }, order, position };
}
