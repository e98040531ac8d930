// Deterministic synthetic collaboration networks for benchmarks and tests:
// heavy-tailed activity (Pareto, Chung–Lu style endpoint sampling) and regional
// communities (most links stay inside the region). Same (n, m, seed) → same graph.

import type { TopologyChunk } from '../store/port.ts';
import { LEVELS } from '../model/vocabulary.ts';
import { EdgeAccumulator, type CsrTopology } from './csr.ts';
import { mulberry32 } from './rng.ts';

export interface SyntheticOptions {
  /** Nodes (actors). */
  n: number;
  /** Distinct links (at most n(n−1)/2). */
  m: number;
  seed?: number;
  /** Number of regions (default √n / 2, at least 2). */
  regions?: number;
  /** Probability that a link stays inside its region (default 0.85). */
  insideRegion?: number;
  /** Pareto exponent of the activity distribution (default 2.2: hubs, long tail). */
  exponent?: number;
}

export interface SyntheticGraph {
  n: number;
  from: Int32Array;
  to: Int32Array;
  weight: Float64Array;
  region: Int32Array;
}

export function syntheticGraph(options: SyntheticOptions): SyntheticGraph {
  const { n, m, seed = 1, insideRegion = 0.85, exponent = 2.2 } = options;
  const regions = options.regions ?? Math.max(2, Math.round(Math.sqrt(n) / 2));
  const rng = mulberry32(seed);
  const region = new Int32Array(n);
  const activity = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    region[i] = Math.floor(rng() * regions);
    activity[i] = Math.pow(1 - rng(), -1 / (exponent - 1)); // Pareto(x_min = 1)
  }
  // Nodes grouped by region, with cumulative activity inside each group and overall.
  const start = new Int32Array(regions + 1);
  for (let i = 0; i < n; i++) start[region[i] + 1]++;
  for (let r = 0; r < regions; r++) start[r + 1] += start[r];
  const cursor = start.slice(0, regions);
  const byRegion = new Int32Array(n);
  for (let i = 0; i < n; i++) byRegion[cursor[region[i]]++] = i;
  const cumulative = new Float64Array(n); // over byRegion order
  let total = 0;
  for (let p = 0; p < n; p++) cumulative[p] = total += activity[byRegion[p]];
  const pick = (lo: number, hi: number): number => {
    // Position in [lo, hi) chosen with probability ∝ activity.
    const base = lo > 0 ? cumulative[lo - 1] : 0;
    const x = base + rng() * (cumulative[hi - 1] - base);
    let a = lo;
    let b = hi - 1;
    while (a < b) {
      const mid = (a + b) >> 1;
      if (cumulative[mid] < x) a = mid + 1;
      else b = mid;
    }
    return byRegion[a];
  };
  const from = new Int32Array(m);
  const to = new Int32Array(m);
  const weight = new Float64Array(m);
  if (m > (n * (n - 1)) / 2) throw new RangeError(`at most ${(n * (n - 1)) / 2} links fit ${n} nodes`);
  const seen = new Set<number>(); // generator only: packed pair keys keep m distinct links
  for (let e = 0; e < m; e++) {
    let u = 0;
    let v = 0;
    for (;;) {
      u = pick(0, n);
      const r = region[u];
      v = rng() < insideRegion && start[r + 1] - start[r] > 1 ? pick(start[r], start[r + 1]) : pick(0, n);
      if (u === v) continue;
      const key = u < v ? u * n + v : v * n + u;
      if (seen.has(key)) continue;
      seen.add(key);
      break;
    }
    from[e] = u;
    to[e] = v;
    weight[e] = 1 + Math.floor(-Math.log(1 - rng()) * 0.7); // mostly 1, sometimes 2–5
  }
  return { n, from, to, weight, region };
}

/** The synthetic graph straight to CSR (no store, no strings). */
export function syntheticCsr(options: SyntheticOptions, shared = false): CsrTopology {
  const g = syntheticGraph(options);
  const acc = new EdgeAccumulator(g.from.length);
  for (let e = 0; e < g.from.length; e++) acc.add(g.from[e], g.to[e], g.weight[e]);
  return acc.toCsr(g.n, shared);
}

export const syntheticId = (i: number): string => `actor-${i.toString().padStart(7, '0')}`;

/** The synthetic graph as store topology chunks: actors + COLLABORATES_WITH {weight}. */
export function* syntheticChunks(graph: SyntheticGraph, chunkSize = 10_000): Generator<TopologyChunk> {
  for (let i = 0; i < graph.n; i += chunkSize) {
    const nodes = [];
    for (let j = i; j < Math.min(graph.n, i + chunkSize); j++)
      nodes.push({ id: syntheticId(j), label: 'Actor' as const, kind: 'other', level: LEVELS[graph.region[j] % 4], region: `R${graph.region[j]}` });
    yield { nodes, relationships: [] };
  }
  for (let e = 0; e < graph.from.length; e += chunkSize) {
    const relationships = [];
    for (let j = e; j < Math.min(graph.from.length, e + chunkSize); j++)
      relationships.push({ id: `rel-${j}`, type: 'COLLABORATES_WITH' as const, from: syntheticId(graph.from[j]), to: syntheticId(graph.to[j]), weight: graph.weight[j] });
    yield { nodes: [], relationships };
  }
}

export interface SyntheticParticipationOptions {
  actors: number;
  /** Shared items (projects/events). */
  items: number;
  /** Participations (actor → item links); item sizes are heavy-tailed. */
  participations: number;
  /** Largest item (default 300 participants: one item alone then yields 45k pairs). */
  maxItemSize?: number;
  seed?: number;
}

/**
 * Actors taking part in projects, as store topology: the input of the
 * collaboration projection's clique expansion. Item sizes follow a Pareto law
 * capped at maxItemSize (most items have a handful of partners, the largest
 * hundreds), actors are picked uniformly.
 */
export function* syntheticParticipationChunks(options: SyntheticParticipationOptions, chunkSize = 10_000): Generator<TopologyChunk> {
  const { actors, items, participations, seed = 1, maxItemSize = 300 } = options;
  const rng = mulberry32(seed);
  const size = new Float64Array(items);
  let total = 0;
  for (let i = 0; i < items; i++) total += size[i] = Math.pow(1 - rng(), -1 / 2.2);
  for (let i = 0; i < actors; i += chunkSize) {
    const nodes = [];
    for (let j = i; j < Math.min(actors, i + chunkSize); j++) nodes.push({ id: syntheticId(j), label: 'Actor' as const, kind: 'other' });
    yield { nodes, relationships: [] };
  }
  const itemId = (i: number) => `item-${i.toString().padStart(7, '0')}`;
  for (let i = 0; i < items; i += chunkSize) {
    const nodes = [];
    for (let j = i; j < Math.min(items, i + chunkSize); j++) nodes.push({ id: itemId(j), label: 'Project' as const, kind: 'project' });
    yield { nodes, relationships: [] };
  }
  let made = 0;
  for (let i = 0; i < items && made < participations; i++) {
    const k = Math.max(2, Math.min(actors, maxItemSize, Math.round((size[i] / total) * participations)));
    const relationships = [];
    for (let j = 0; j < k && made < participations; j++, made++)
      relationships.push({ id: `part-${made}`, type: 'PARTICIPATES_IN' as const, from: syntheticId(Math.floor(rng() * actors)), to: itemId(i) });
    yield { nodes: [], relationships };
  }
}
