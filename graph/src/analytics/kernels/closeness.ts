import { breadthFirstOrder, relabel, type CsrTopology } from '../csr.ts';
import { RELABEL_FROM_SOURCES } from './betweenness.ts';
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
 * of their distances; 0 for isolated nodes. Hops: breadth-first searches from
 * 32 sources at a time (BatchBfs); weighted: one Dijkstra per node.
 */
export function closenessCentrality(csr: CsrTopology, options: ClosenessOptions = {}): Float64Array {
  const sources = options.sources;
  if ((sources ? sources.length : csr.n) < RELABEL_FROM_SOURCES) return closenessOn(csr, options);
  // Breadth-first labels: a BFS then reads its arrays mostly in order (about 2×
  // faster on the benchmark graphs); the relabelling costs about one BFS.
  const { csr: local, position } = relabel(csr, breadthFirstOrder(csr));
  // Sources in label order: a batch then holds nearby nodes, whose searches
  // share their frontiers for longer.
  const localScores = closenessOn(local, { ...options, sources: sources?.map((s) => position[s]).sort() });
  const scores = new Float64Array(csr.n);
  for (let u = 0; u < csr.n; u++) scores[u] = localScores[position[u]];
  return scores;
}

function closenessOn(csr: CsrTopology, options: ClosenessOptions): Float64Array {
  const { n, offsets, targets, weights } = csr;
  const code = costCode(options.cost);
  const wf = options.wfImproved ?? true;
  const scores = new Float64Array(n);
  const list = options.sources;
  const sourceCount = list ? list.length : n;
  const report = progressReporter(sourceCount, options.onProgress);
  if (code === 0) {
    const bfs = new BatchBfs(csr);
    const batch = new Int32Array(BATCH);
    for (let first = 0; first < sourceCount; first += BATCH) {
      const size = Math.min(BATCH, sourceCount - first);
      for (let j = 0; j < size; j++) batch[j] = list ? list[first + j] : first + j;
      bfs.run(batch.subarray(0, size));
      for (let j = 0; j < size; j++) scores[batch[j]] = closenessValue(bfs.reached[j] - 1, bfs.total[j], n, wf);
      report(first + size);
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

/** Sources searched together by BatchBfs: one bit each in an Int32. */
const BATCH = 32;
/** BatchBfs turns bottom-up once the frontier's edges reach 1/BOTTOM_UP of all. */
const BOTTOM_UP = 4;

/**
 * Hop distances from up to 32 sources at once (multi-source BFS, Then et al.
 * 2014): each node holds a bit mask of the sources that reached it, and one
 * level step ORs the frontier's masks into its neighbours. A node's row is
 * read once per level at which some source of the batch first reaches it
 * (a handful on small-world graphs) instead of once per source. Wide levels
 * go bottom-up (Beamer et al.): nodes still missing some source gather the
 * frontier masks of their neighbours instead.
 */
class BatchBfs {
  private readonly seen: Int32Array;
  private readonly visit: Int32Array;
  private readonly next: Int32Array;
  private frontier: Int32Array;
  private upcoming: Int32Array;
  private readonly touched: Int32Array;
  private readonly unfinished: Int32Array;
  /** Per source of the last run(): nodes reached (itself included) and the sum of their distances. */
  readonly reached = new Float64Array(BATCH);
  readonly total = new Float64Array(BATCH);

  constructor(private readonly csr: CsrTopology) {
    const n = csr.n;
    this.seen = new Int32Array(n);
    this.visit = new Int32Array(n);
    this.next = new Int32Array(n);
    this.frontier = new Int32Array(n);
    this.upcoming = new Int32Array(n);
    this.touched = new Int32Array(n);
    this.unfinished = new Int32Array(n);
  }

  /** At most 32 sources (a repeated one is searched twice). */
  run(sources: Int32Array): void {
    const { offsets, targets } = this.csr;
    const { seen, visit, next, touched, unfinished, reached, total } = this;
    let frontier = this.frontier;
    let upcoming = this.upcoming;
    let touchedCount = 0;
    let size = 0;
    for (let j = 0; j < sources.length; j++) {
      const s = sources[j];
      if (seen[s] === 0) {
        frontier[size++] = s;
        touched[touchedCount++] = s;
      }
      seen[s] |= 1 << j;
      visit[s] |= 1 << j;
      reached[j] = 1;
      total[j] = 0;
    }
    const full = sources.length === 32 ? -1 : (1 << sources.length) - 1;
    const entries = targets.length;
    let frontierEdges = 0;
    for (let i = 0; i < size; i++) frontierEdges += offsets[frontier[i] + 1] - offsets[frontier[i]];
    let unfinishedCount = -1; // listed at the first bottom-up step
    for (let level = 1; size > 0; level++) {
      let nextSize = 0;
      if (frontierEdges * BOTTOM_UP < entries) {
        // Top-down: the frontier ORs its masks into its neighbours.
        for (let i = 0; i < size; i++) {
          const v = frontier[i];
          const bits = visit[v];
          for (let k = offsets[v], end = offsets[v + 1]; k < end; k++) {
            const w = targets[k];
            const fresh = bits & ~seen[w];
            if (fresh !== 0) {
              if (next[w] === 0) upcoming[nextSize++] = w;
              next[w] |= fresh;
            }
          }
        }
      } else {
        // Bottom-up: each node not yet reached by every source gathers its
        // neighbours' frontier masks, stopping once nothing is left to learn.
        const scanAll = unfinishedCount < 0;
        const count = scanAll ? this.csr.n : unfinishedCount;
        let kept = 0;
        for (let i = 0; i < count; i++) {
          const w = scanAll ? i : unfinished[i];
          const have = seen[w];
          if (have === full) continue;
          let gathered = 0;
          for (let k = offsets[w], end = offsets[w + 1]; k < end; k++) {
            gathered |= visit[targets[k]];
            if ((gathered | have) === full) break;
          }
          const fresh = gathered & ~have;
          if (fresh !== 0) {
            upcoming[nextSize++] = w;
            next[w] = fresh;
          }
          if ((have | fresh) !== full) unfinished[kept++] = w;
        }
        unfinishedCount = kept;
      }
      frontierEdges = 0;
      for (let i = 0; i < size; i++) visit[frontier[i]] = 0;
      for (let i = 0; i < nextSize; i++) {
        const w = upcoming[i];
        const bits = next[w];
        next[w] = 0;
        if (seen[w] === 0) touched[touchedCount++] = w;
        seen[w] |= bits;
        visit[w] = bits;
        frontierEdges += offsets[w + 1] - offsets[w];
        for (let rest = bits; rest !== 0; rest &= rest - 1) {
          const j = 31 - Math.clz32(rest & -rest);
          reached[j]++;
          total[j] += level;
        }
      }
      const swap = frontier;
      frontier = upcoming;
      upcoming = swap;
      size = nextSize;
    }
    for (let i = 0; i < touchedCount; i++) seen[touched[i]] = 0;
  }
}
