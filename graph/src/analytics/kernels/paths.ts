import type { CsrTopology } from '../csr.ts';
import { costCode, type EdgeCost } from './cost.ts';
import { MinHeap } from './heap.ts';

export interface BfsResult {
  /** Nodes reached, in BFS order (the source first). */
  order: Int32Array;
  /** Hops from the source, -1 when not reached within maxDepth. */
  distance: Int32Array;
  /** BFS parent, -1 for the source and unreached nodes. */
  parent: Int32Array;
}

/** Breadth-first search from `source`, stopping at `maxDepth` hops (default: unbounded). */
export function bfs(csr: CsrTopology, source: number, options: { maxDepth?: number } = {}): BfsResult {
  const { n, offsets, targets } = csr;
  const maxDepth = options.maxDepth ?? Infinity;
  const distance = new Int32Array(n).fill(-1);
  const parent = new Int32Array(n).fill(-1);
  const queue = new Int32Array(n);
  let head = 0;
  let tail = 0;
  queue[tail++] = source;
  distance[source] = 0;
  while (head < tail) {
    const u = queue[head++];
    const du = distance[u];
    if (du >= maxDepth) continue;
    for (let k = offsets[u], end = offsets[u + 1]; k < end; k++) {
      const v = targets[k];
      if (distance[v] < 0) {
        distance[v] = du + 1;
        parent[v] = u;
        queue[tail++] = v;
      }
    }
  }
  return { order: queue.slice(0, tail), distance, parent };
}

export interface DijkstraOptions {
  /** Edge length (default `hops`). */
  cost?: EdgeCost;
  /** Stop as soon as this node is settled. */
  target?: number;
  /** Nodes that may not be entered (1 = blocked). */
  blockedNodes?: Uint8Array;
  /** CSR entries that may not be walked (1 = blocked); block both directions of an edge. */
  blockedEntries?: Uint8Array;
}

export interface DijkstraResult {
  /** Distance from the source, Infinity when unreachable. */
  distance: Float64Array;
  /** Parent on a shortest path, -1 for the source and unreached nodes. */
  parent: Int32Array;
}

/** Single-source shortest paths (binary heap; ties settle the smaller index first). */
export function dijkstra(csr: CsrTopology, source: number, options: DijkstraOptions = {}): DijkstraResult {
  const { n, offsets, targets, weights } = csr;
  const code = costCode(options.cost);
  const { target = -1, blockedNodes, blockedEntries } = options;
  const distance = new Float64Array(n).fill(Infinity);
  const parent = new Int32Array(n).fill(-1);
  const settled = new Uint8Array(n);
  const heap = new MinHeap(64);
  distance[source] = 0;
  heap.push(0, source);
  while (heap.size > 0) {
    const u = heap.pop();
    if (settled[u]) continue;
    settled[u] = 1;
    if (u === target) break;
    const du = distance[u];
    for (let k = offsets[u], end = offsets[u + 1]; k < end; k++) {
      if (blockedEntries && blockedEntries[k]) continue;
      const v = targets[k];
      if (settled[v] || (blockedNodes && blockedNodes[v])) continue;
      const len = code === 0 ? 1 : code === 1 ? weights[k] : 1 / weights[k];
      if (!(len >= 0) || len === Infinity) continue;
      const alt = du + len;
      if (alt < distance[v]) {
        distance[v] = alt;
        parent[v] = u;
        heap.push(alt, v);
      }
    }
  }
  return { distance, parent };
}

export interface WeightedPath {
  nodes: number[];
  cost: number;
}

function pathTo(parent: Int32Array, source: number, target: number): number[] | null {
  const nodes: number[] = [];
  for (let v = target; v !== -1; v = parent[v]) nodes.push(v);
  nodes.reverse();
  return nodes[0] === source ? nodes : null;
}

/** Position of the entry u→v in the CSR (rows are sorted: binary search), -1 if absent. */
export function entryIndex(csr: CsrTopology, u: number, v: number): number {
  let lo = csr.offsets[u];
  let hi = csr.offsets[u + 1] - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const t = csr.targets[mid];
    if (t === v) return mid;
    if (t < v) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

function pathCost(csr: CsrTopology, nodes: number[], code: 0 | 1 | 2): number {
  let total = 0;
  for (let i = 0; i + 1 < nodes.length; i++) {
    const w = csr.weights[entryIndex(csr, nodes[i], nodes[i + 1])];
    total += code === 0 ? 1 : code === 1 ? w : 1 / w;
  }
  return total;
}

/**
 * Yen's k shortest loopless paths from `source` to `target`, shortest first
 * (ties: fewer hops, then lexicographic node order). Optional `maxHops` drops
 * longer paths.
 */
export function kShortestPaths(
  csr: CsrTopology,
  source: number,
  target: number,
  k: number,
  options: { cost?: EdgeCost; maxHops?: number } = {},
): WeightedPath[] {
  const code = costCode(options.cost);
  const maxHops = options.maxHops ?? Infinity;
  const accepted: WeightedPath[] = [];
  if (source === target) return [{ nodes: [source], cost: 0 }];
  const first = dijkstra(csr, source, { cost: options.cost, target });
  const firstPath = pathTo(first.parent, source, target);
  if (!firstPath) return accepted;
  const candidates: WeightedPath[] = [];
  const seen = new Set<string>();
  const consider = (path: WeightedPath) => {
    const key = path.nodes.join(',');
    if (seen.has(key) || path.nodes.length - 1 > maxHops) return;
    seen.add(key);
    candidates.push(path);
  };
  consider({ nodes: firstPath, cost: first.distance[target] });
  const blockedNodes = new Uint8Array(csr.n);
  const blockedEntries = new Uint8Array(csr.targets.length);
  while (accepted.length < k && candidates.length > 0) {
    candidates.sort(comparePaths);
    const best = candidates.shift()!;
    accepted.push(best);
    if (accepted.length === k) break;
    const nodes = best.nodes;
    for (let i = 0; i + 1 < nodes.length; i++) {
      const spur = nodes[i];
      const root = nodes.slice(0, i + 1);
      const blockedList: number[] = [];
      for (const path of accepted) {
        if (path.nodes.length > i + 1 && root.every((v, j) => path.nodes[j] === v)) {
          const a = entryIndex(csr, path.nodes[i], path.nodes[i + 1]);
          const b = entryIndex(csr, path.nodes[i + 1], path.nodes[i]);
          blockedEntries[a] = 1;
          blockedEntries[b] = 1;
          blockedList.push(a, b);
        }
      }
      for (let j = 0; j < i; j++) blockedNodes[root[j]] = 1;
      const spurTree = dijkstra(csr, spur, { cost: options.cost, target, blockedNodes, blockedEntries });
      const spurPath = pathTo(spurTree.parent, spur, target);
      for (let j = 0; j < i; j++) blockedNodes[root[j]] = 0;
      for (const e of blockedList) blockedEntries[e] = 0;
      if (!spurPath) continue;
      const full = root.slice(0, -1).concat(spurPath);
      consider({ nodes: full, cost: pathCost(csr, full, code) });
    }
  }
  return accepted;
}

function comparePaths(a: WeightedPath, b: WeightedPath): number {
  if (a.cost !== b.cost) return a.cost - b.cost;
  if (a.nodes.length !== b.nodes.length) return a.nodes.length - b.nodes.length;
  for (let i = 0; i < a.nodes.length; i++) if (a.nodes[i] !== b.nodes[i]) return a.nodes[i] - b.nodes[i];
  return 0;
}
