import type { CsrTopology } from '../csr.ts';
import { mulberry32, shuffleInPlace } from '../rng.ts';
import type { Progress } from './cost.ts';

export interface LouvainOptions {
  /** Resolution γ of the modularity (default 1); higher gives smaller communities. */
  resolution?: number;
  /** Seed of the node visiting order (default 0). */
  seed?: number;
  /** Use edge weights (default true). */
  weighted?: boolean;
  /** A node moves only when that raises modularity by more than this (default 0). */
  tolerance?: number;
  /** Upper bound on aggregation levels (default 32). */
  maxLevels?: number;
  /** Upper bound on refinement rounds (default 4). */
  maxRounds?: number;
  onProgress?: Progress;
}

export interface LouvainResult {
  /** Community per node, numbered 0.. by decreasing size (ties: smallest member first). */
  communities: Int32Array;
  count: number;
  modularity: number;
  levels: number;
}

/** One level of the Louvain hierarchy: a weighted graph whose nodes may carry self-loops. */
interface Level {
  n: number;
  offsets: Int32Array;
  targets: Int32Array;
  weights: Float64Array;
  /** Σ of the weights of the entries inside the node (both directions), i.e. A_ii. */
  self: Float64Array;
}

/**
 * Louvain community detection (Blondel et al. 2008) with Leiden's connectivity
 * guarantee (Traag et al. 2019: disconnected communities are split into their
 * connected parts before aggregating): local moving of nodes in a
 * seeded random order, then aggregation of communities into nodes, repeated
 * until no move improves modularity. Modularity with resolution γ:
 * Q = Σ_c [ in_c / 2m − γ (tot_c / 2m)² ], as networkx `modularity`.
 */
export function louvain(csr: CsrTopology, options: LouvainOptions = {}): LouvainResult {
  const { resolution = 1, seed = 0, weighted = true, tolerance = 0, maxLevels = 32, maxRounds = 4, onProgress } = options;
  const n = csr.n;
  const rng = mulberry32(seed);
  let level: Level = {
    n,
    offsets: csr.offsets,
    targets: csr.targets,
    weights: weighted ? csr.weights : new Float64Array(csr.targets.length).fill(1),
    self: new Float64Array(n),
  };
  const base = level;
  // Community of each original node, refined level after level.
  let membership: Int32Array = new Int32Array(n);
  for (let i = 0; i < n; i++) membership[i] = i;
  let levels = 0;
  // Classic Louvain, then a refinement round: nodes of the original graph may
  // leave the community their aggregate dragged them into (single-node moves
  // from the final partition), and if enough did, aggregation resumes from
  // there. Each round only increases modularity; it closes most of the gap to
  // Leiden. A round that moves under 2% of the nodes ends it: another
  // aggregation and pass over the whole graph would cost more than the little
  // modularity it could still find (none at 5 digits on the benchmark graphs).
  const enough = Math.max(1, Math.floor(n / 50));
  for (let round = 0; ; round++) {
    while (levels < maxLevels) {
      const moves = moveNodes(level, resolution, tolerance, rng);
      levels++;
      onProgress?.(Math.min(0.95, levels / 10));
      if (!moves.moved) break;
      // Leiden's guarantee: a community whose members are not connected inside it
      // becomes one community per connected part (each split raises modularity),
      // so every aggregate node stands for a connected set of original nodes.
      const { community, count } = splitDisconnected(level, moves.community, moves.count);
      for (let i = 0; i < n; i++) membership[i] = community[membership[i]];
      if (count === level.n) break;
      level = aggregate(level, community, count);
    }
    const refined = moveNodes(base, resolution, tolerance, rng, membership);
    if (refined.moved === 0) break;
    // Single-node moves can cut a community in two: split again.
    const split = splitDisconnected(base, refined.community, refined.count);
    membership = split.community;
    if (refined.moved < enough || round === maxRounds - 1) break;
    level = aggregate(base, membership, split.count);
  }
  // Every path above leaves connected communities: each level splits its
  // communities into connected parts, so an aggregate node always stands for a
  // connected set of original nodes, and the refinement is split too.
  const { communities, count } = renumberBySize(membership);
  onProgress?.(1);
  return { communities, count, modularity: modularity(csr, communities, { resolution, weighted }), levels };
}

/** Local moving phase on one level. Returns communities numbered 0..count-1 and how many moves were made. */
function moveNodes(level: Level, resolution: number, tolerance: number, rng: () => number, initial?: Int32Array) {
  const { n, offsets, targets, weights, self } = level;
  const strength = new Float64Array(n);
  let total = 0; // 2m
  for (let u = 0; u < n; u++) {
    let s = self[u];
    for (let k = offsets[u], end = offsets[u + 1]; k < end; k++) s += weights[k];
    strength[u] = s;
    total += s;
  }
  const community = new Int32Array(n);
  const tot = new Float64Array(n);
  for (let u = 0; u < n; u++) {
    community[u] = initial ? initial[u] : u;
    tot[community[u]] += strength[u];
  }
  if (total === 0) return { community, count: n, moved: 0 };
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  shuffleInPlace(order, rng);
  // Weight from the current node to each neighbouring community; zero between
  // pops (the touched entries are cleared after each pop), so a zero marks a
  // community not yet listed in `linked`. A zero-weight edge may list a
  // community twice: harmless, the same gain is evaluated twice.
  const linkWeight = new Float64Array(n);
  const linked = new Int32Array(n); // neighbouring communities touched
  const gamma = resolution / total;
  // Queue-based local moving (the "fast local move" of Leiden): every node once
  // in random order, then only the neighbours of nodes that moved. Each move
  // raises modularity, so it ends; the pop budget only guards against float ties.
  const queue = order;
  const inQueue = new Uint8Array(n).fill(1);
  let head = 0;
  let size = n;
  let moved = 0;
  for (let pops = 0, maxPops = 64 * n + 1024; size > 0 && pops < maxPops; pops++) {
    const u = queue[head];
    head = head + 1 === n ? 0 : head + 1;
    size--;
    inQueue[u] = 0;
    const cu = community[u];
    const ku = strength[u];
    let count = 0;
    for (let k = offsets[u], end = offsets[u + 1]; k < end; k++) {
      const c = community[targets[k]];
      const lw = linkWeight[c];
      if (lw === 0) linked[count++] = c;
      linkWeight[c] = lw + weights[k];
    }
    tot[cu] -= ku;
    // Gain of joining c, up to the factor 2/2m: w(u, c) − γ · tot_c · k_u / 2m.
    const stay = linkWeight[cu] - gamma * tot[cu] * ku;
    let best = cu;
    let bestGain = stay;
    for (let i = 0; i < count; i++) {
      const c = linked[i];
      const g = linkWeight[c] - gamma * tot[c] * ku;
      if (g > bestGain) {
        bestGain = g;
        best = c;
      }
    }
    for (let i = 0; i < count; i++) linkWeight[linked[i]] = 0;
    if (best !== cu && (2 * (bestGain - stay)) / total <= tolerance) best = cu;
    tot[best] += ku;
    if (best === cu) continue;
    community[u] = best;
    moved++;
    for (let k = offsets[u], end = offsets[u + 1]; k < end; k++) {
      const v = targets[k];
      if (!inQueue[v] && community[v] !== best) {
        let tail = head + size;
        if (tail >= n) tail -= n;
        queue[tail] = v;
        size++;
        inQueue[v] = 1;
      }
    }
  }
  // Renumber 0..count-1 in order of first appearance.
  const renumber = new Int32Array(n).fill(-1);
  let count = 0;
  for (let u = 0; u < n; u++) {
    const c = community[u];
    if (renumber[c] < 0) renumber[c] = count++;
    community[u] = renumber[c];
  }
  return { community, count, moved };
}

/** Collapses each community into one node; internal weight goes to `self`. */
function aggregate(level: Level, community: Int32Array, count: number): Level {
  const { n, offsets, targets, weights, self } = level;
  // Members of each community, by counting sort.
  const start = new Int32Array(count + 1);
  for (let u = 0; u < n; u++) start[community[u] + 1]++;
  for (let c = 0; c < count; c++) start[c + 1] += start[c];
  const cursor = start.slice(0, count);
  const members = new Int32Array(n);
  for (let u = 0; u < n; u++) members[cursor[community[u]]++] = u;

  const newSelf = new Float64Array(count);
  const newOffsets = new Int32Array(count + 1);
  let newTargets = new Int32Array(Math.max(16, targets.length >> 1));
  let newWeights = new Float64Array(newTargets.length);
  const slot = new Int32Array(count).fill(-1); // position of neighbour community in the current row
  let out = 0;
  for (let c = 0; c < count; c++) {
    newOffsets[c] = out;
    const rowStart = out;
    for (let p = start[c]; p < start[c + 1]; p++) {
      const u = members[p];
      newSelf[c] += self[u];
      for (let k = offsets[u], end = offsets[u + 1]; k < end; k++) {
        const d = community[targets[k]];
        if (d === c) {
          newSelf[c] += weights[k];
          continue;
        }
        const at = slot[d];
        if (at >= rowStart) newWeights[at] += weights[k];
        else {
          if (out === newTargets.length) {
            const t = new Int32Array(out * 2);
            t.set(newTargets);
            newTargets = t;
            const w = new Float64Array(out * 2);
            w.set(newWeights);
            newWeights = w;
          }
          slot[d] = out;
          newTargets[out] = d;
          newWeights[out] = weights[k];
          out++;
        }
      }
    }
  }
  newOffsets[count] = out;
  return { n: count, offsets: newOffsets, targets: newTargets.subarray(0, out), weights: newWeights.subarray(0, out), self: newSelf };
}

/**
 * Splits every community into its connected parts, counting only the edges
 * inside the community. Returns communities numbered 0..count-1 (a community
 * that was connected keeps its members together). O(n + m), one BFS queue.
 */
function splitDisconnected(
  graph: Pick<Level, 'n' | 'offsets' | 'targets'>,
  community: Int32Array,
  count: number,
): { community: Int32Array; count: number } {
  const { n, offsets, targets } = graph;
  const part = new Int32Array(n).fill(-1);
  const queue = new Int32Array(n);
  let parts = 0;
  for (let s = 0; s < n; s++) {
    if (part[s] >= 0) continue;
    const c = community[s];
    const id = parts++;
    part[s] = id;
    let head = 0;
    let tail = 0;
    queue[tail++] = s;
    while (head < tail) {
      const u = queue[head++];
      for (let k = offsets[u], end = offsets[u + 1]; k < end; k++) {
        const v = targets[k];
        if (part[v] < 0 && community[v] === c) {
          part[v] = id;
          queue[tail++] = v;
        }
      }
    }
  }
  if (parts === count) return { community, count };
  return { community: part, count: parts };
}

/**
 * Whether every community induces a connected subgraph (what Leiden guarantees
 * and plain Louvain does not). Communities are any non-negative integers.
 */
export function communitiesConnected(csr: CsrTopology, communities: Int32Array): boolean {
  const distinct = new Set(communities).size;
  return splitDisconnected(csr, communities, distinct).count === distinct;
}

function renumberBySize(membership: Int32Array): { communities: Int32Array; count: number } {
  const n = membership.length;
  let max = -1;
  for (let i = 0; i < n; i++) if (membership[i] > max) max = membership[i];
  const size = new Int32Array(max + 1);
  const first = new Int32Array(max + 1).fill(n);
  for (let i = 0; i < n; i++) {
    const c = membership[i];
    size[c]++;
    if (i < first[c]) first[c] = i;
  }
  const used: number[] = [];
  for (let c = 0; c <= max; c++) if (size[c] > 0) used.push(c);
  used.sort((a, b) => size[b] - size[a] || first[a] - first[b]);
  const rank = new Int32Array(max + 1);
  used.forEach((c, i) => (rank[c] = i));
  const communities = new Int32Array(n);
  for (let i = 0; i < n; i++) communities[i] = rank[membership[i]];
  return { communities, count: used.length };
}

/**
 * Modularity of a partition, networkx `community.modularity` semantics:
 * Σ_c [ L_c / m − γ (d_c / 2m)² ] with weighted L (intra-community weight) and d (strength).
 */
export function modularity(csr: CsrTopology, communities: Int32Array, options: { resolution?: number; weighted?: boolean } = {}): number {
  const { n, offsets, targets, weights } = csr;
  const { resolution = 1, weighted = true } = options;
  let max = -1;
  for (let i = 0; i < n; i++) if (communities[i] > max) max = communities[i];
  const inside = new Float64Array(max + 1);
  const degree = new Float64Array(max + 1);
  let total = 0;
  for (let u = 0; u < n; u++) {
    const cu = communities[u];
    for (let k = offsets[u], end = offsets[u + 1]; k < end; k++) {
      const w = weighted ? weights[k] : 1;
      degree[cu] += w;
      total += w;
      if (communities[targets[k]] === cu) inside[cu] += w;
    }
  }
  if (total === 0) return 0;
  let q = 0;
  for (let c = 0; c <= max; c++) q += inside[c] / total - resolution * (degree[c] / total) ** 2;
  return q;
}
