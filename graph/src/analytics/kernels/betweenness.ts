import { breadthFirstOrder, hubsThenBreadthFirstOrder, relabel, type CsrTopology } from '../csr.ts';
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
 * walking successors in reverse settle order, so no predecessor lists are stored. Scaling follows networkx
 * `betweenness_centrality(normalized, endpoints=False, k)`, including its
 * different factor for sampled sources versus the other nodes.
 */
export function betweennessCentrality(csr: CsrTopology, options: BetweennessOptions = {}): Float64Array {
  const sources = betweennessSources(csr.n, options);
  const bc = betweennessRaw(csr, sources ?? allNodes(csr.n), options.cost, options.onProgress, !sources);
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
 *
 * `allSourcesSplit`: the source sets of all the calls whose sums are added
 * together cover every node (exact betweenness, whole or in parts). Hop-count
 * Brandes then folds each leaf into its neighbour instead of searching from it
 * (see brandesHops).
 */
export function betweennessRaw(csr: CsrTopology, sources: Int32Array, cost?: EdgeCost, onProgress?: Progress, allSourcesSplit = false): Float64Array {
  const code = costCode(cost);
  const run = (graph: CsrTopology, from: Int32Array) =>
    code === 0 ? brandesHops(graph, from, onProgress, allSourcesSplit) : brandesWeighted(graph, from, code, onProgress);
  if (sources.length < RELABEL_FROM_SOURCES) return run(csr, sources);
  // Neighbours get nearby labels, so a traversal reads its arrays mostly in
  // order (1.5–1.9× faster on the heavy-tailed benchmark graphs); on graphs
  // whose arrays fit in the core's cache, hubs first does better still (their
  // sigma/dist/coef, read by every traversal, share a few cache lines).
  // The relabelling costs about one traversal.
  const order = csr.n <= SMALL_GRAPH ? hubsThenBreadthFirstOrder(csr) : breadthFirstOrder(csr);
  const { csr: local, position } = relabel(csr, order);
  const localBc = run(local, sources.map((s) => position[s]));
  const bc = new Float64Array(csr.n);
  for (let u = 0; u < csr.n; u++) bc[u] = localBc[position[u]];
  return bc;
}

/** Up to this many nodes (a few per-node arrays fit in L2), hubs are labelled first. */
const SMALL_GRAPH = 1 << 15;

/** From this many sources on, kernels run on a relabelled copy of the graph. */
export const RELABEL_FROM_SOURCES = 8;

export function allNodes(n: number): Int32Array {
  const all = new Int32Array(n);
  for (let i = 0; i < n; i++) all[i] = i;
  return all;
}

/**
 * Unweighted Brandes, level by level.
 *
 * Forward: a direction-optimising BFS (Beamer et al.). Small frontiers push to
 * their neighbours; once the frontier's edges outweigh a quarter of the edges
 * left unvisited, each unvisited node instead sums `front` (sigma on the
 * frontier, 0 elsewhere) over its neighbours: a branch-free gather that finds
 * the node's level and its path count at once.
 *
 * Backward: levels from the deepest up; for v on level L, gather
 * coef[w] = (1 + delta[w]) / sigma[w] over ALL its neighbours: coef is non-zero
 * only on level L + 1 at that moment (a level's coefficients are published
 * after the whole level is done, and neighbours of v lie on levels L − 1, L,
 * L + 1), so neither a successor test nor a division is left per edge.
 */
function brandesHops(csr: CsrTopology, sources: Int32Array, onProgress?: Progress, foldLeaves = false): Float64Array {
  const n = csr.n;
  const offsets = csr.offsets;
  const targets = csr.targets;
  const entries = targets.length;
  const bc = new Float64Array(n);
  // Leaf folding (every node is a source somewhere): every shortest path from a
  // leaf l starts with its edge to v, so l's dependencies equal v's on every
  // other node, and l depends on v for each of the R − 2 other nodes of the
  // component (R = nodes reached). v's search counts for its folded leaves too;
  // a leaf whose neighbour is a leaf (a lone edge) and an isolated node
  // contribute nothing. Exact, and one search fewer per leaf.
  let folded: Int32Array | null = null;
  if (foldLeaves) {
    folded = new Int32Array(n);
    for (let u = 0; u < n; u++) {
      if (offsets[u + 1] - offsets[u] !== 1) continue;
      const v = targets[offsets[u]];
      if (offsets[v + 1] - offsets[v] >= 2) folded[v]++;
    }
  }
  const dist = new Int32Array(n).fill(-1);
  const sigma = new Float64Array(n);
  const front = new Float64Array(n); // sigma on the current frontier only (bottom-up steps)
  const coef = new Float64Array(n);
  const pending = new Float64Array(n); // coefficients of the level being accumulated, by position in `order`
  const order = new Int32Array(n); // BFS order
  const levelStart = new Int32Array(n + 1);
  const unvisited = new Int32Array(n);
  const report = progressReporter(sources.length, onProgress);
  for (let si = 0; si < sources.length; si++) {
    const s = sources[si];
    if (folded && offsets[s + 1] - offsets[s] <= 1) {
      report(si + 1);
      continue;
    }
    const times = folded ? 1 + folded[s] : 1;
    let head = 0;
    let tail = 0;
    let levels = 0;
    order[tail++] = s;
    dist[s] = 0;
    sigma[s] = 1;
    let unvisitedCount = -1; // listed at the first bottom-up step
    let frontierEdges = offsets[s + 1] - offsets[s];
    let visitedEdges = frontierEdges;
    while (head < tail) {
      const levelEnd = tail;
      levelStart[++levels] = levelEnd; // level L spans [levelStart[L], levelStart[L + 1])
      const next = levels; // distance of the nodes found from this level
      if (frontierEdges * 4 < entries - visitedEdges) {
        frontierEdges = 0;
        for (; head < levelEnd; head++) {
          const v = order[head];
          const sv = sigma[v];
          for (let k = offsets[v], end = offsets[v + 1]; k < end; k++) {
            const w = targets[k];
            const dw = dist[w];
            if (dw < 0) {
              dist[w] = next;
              sigma[w] = sv;
              order[tail++] = w;
              frontierEdges += offsets[w + 1] - offsets[w];
            } else if (dw === next) sigma[w] += sv;
          }
        }
      } else {
        if (unvisitedCount < 0) {
          unvisitedCount = 0;
          for (let u = 0; u < n; u++) if (dist[u] < 0) unvisited[unvisitedCount++] = u;
        }
        for (let i = head; i < levelEnd; i++) front[order[i]] = sigma[order[i]];
        frontierEdges = 0;
        let kept = 0;
        for (let i = 0; i < unvisitedCount; i++) {
          const u = unvisited[i];
          if (dist[u] >= 0) continue; // found by a later top-down step
          let sum = 0;
          for (let k = offsets[u], end = offsets[u + 1]; k < end; k++) sum += front[targets[k]];
          if (sum > 0) {
            dist[u] = next;
            sigma[u] = sum;
            order[tail++] = u;
            frontierEdges += offsets[u + 1] - offsets[u];
          } else unvisited[kept++] = u;
        }
        unvisitedCount = kept;
        for (; head < levelEnd; head++) front[order[head]] = 0;
      }
      visitedEdges += frontierEdges;
    }
    // levelStart[levels] === tail; level 0 is the source, which gets no credit.
    for (let level = levels - 1; level > 0; level--) {
      const a = levelStart[level];
      const b = levelStart[level + 1];
      for (let i = a; i < b; i++) {
        const v = order[i];
        let sum = 0;
        for (let k = offsets[v], end = offsets[v + 1]; k < end; k++) sum += coef[targets[k]];
        const sv = sigma[v];
        const d = sv * sum;
        bc[v] += times * d;
        pending[i] = (1 + d) / sv;
      }
      for (let i = a; i < b; i++) coef[order[i]] = pending[i];
    }
    if (times > 1) bc[s] += (times - 1) * (tail - 2);
    for (let i = 0; i < tail; i++) {
      const v = order[i];
      dist[v] = -1;
      sigma[v] = 0;
      coef[v] = 0;
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
