// Analytics benchmarks: our CSR engine beside graphology(-metrics) in the same
// process, on deterministic synthetic graphs (heavy-tailed, regional communities).

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  AnalyticsService,
  betweennessCentrality,
  buildProjection,
  closenessCentrality,
  eigenvectorCentrality,
  louvain,
  pagerankDetailed,
  syntheticChunks,
  syntheticGraph,
  syntheticParticipationChunks,
  syntheticId,
  type CsrGraph,
  type SyntheticGraph,
} from '@atlas/graph/analytics/index.ts';
import { EmbeddedStore } from '@atlas/graph/store/embedded/index.ts';
import type { Level } from '@atlas/graph';
import type { BenchSection, SectionOptions } from '../lib/section.ts';
import { best, retainedMb, time, gc } from '../lib/measure.ts';
import type { BenchRow, SectionResult } from '../lib/report.ts';
import { graphology, graphologyFromSynthetic as loadGraphology } from '@atlas/graph/analytics/reference/graphology.ts';

interface GraphSpec {
  label: string;
  n: number;
  m: number;
  /** Targets from the issue apply (full run only). */
  targets: boolean;
  /** Run the O(n·m) kernels (exact betweenness, closeness) on this one. */
  allPairs: boolean;
  /** Also build the projection from a real EmbeddedStore. */
  store: boolean;
}

const FULL: GraphSpec[] = [
  { label: '10k/50k', n: 10_000, m: 50_000, targets: true, allPairs: true, store: true },
  { label: '100k/1M', n: 100_000, m: 1_000_000, targets: true, allPairs: false, store: false },
];
const QUICK: GraphSpec[] = [
  { label: '2k/10k', n: 2_000, m: 10_000, targets: false, allPairs: true, store: true },
  { label: '20k/200k', n: 20_000, m: 200_000, targets: false, allPairs: false, store: false },
];

function maxAbsDiff(graph: CsrGraph, ours: Float64Array, theirs: Record<string, number>): number {
  let worst = 0;
  for (let i = 0; i < graph.n; i++) worst = Math.max(worst, Math.abs(ours[i] - theirs[graph.ids[i]]));
  return worst;
}

const speedup = (ours: { wallMs: number }, theirs: { wallMs: number }) => theirs.wallMs / ours.wallMs;

async function benchGraph(spec: GraphSpec, rows: BenchRow[], notes: string[], log: SectionOptions['log']): Promise<void> {
  const big = spec.n >= 100_000 && spec.targets;
  log(`${spec.label}: generating`);
  const g: SyntheticGraph = syntheticGraph({ n: spec.n, m: spec.m, seed: 42 });
  const chunks = [...syntheticChunks(g)]; // what a store's streamTopology would hand over

  // Projection (from an in-memory chunk stream) vs graphology load.
  log(`${spec.label}: projection`);
  gc();
  const before = retainedMb();
  const cold = await time(() => buildProjection(chunks));
  let graph: CsrGraph | null = cold.value;
  const memory = retainedMb() - before;
  graph = null;
  gc();
  const warm = await best(() => buildProjection(chunks), 1, 0);
  graph = warm.value;
  log(`${spec.label}: graphology load`);
  const load = await best(() => loadGraphology(g), 1, 0);
  const gg = load.value;
  rows.push({
    task: 'projection (CSR from topology chunks) vs graphology load',
    graph: spec.label,
    ours: warm,
    baseline: { name: 'graphology load', wallMs: load.wallMs, cpuMs: load.cpuMs },
    ratio: speedup(warm, load),
    ...(big ? { target: '≤ 1.5 s, ≤ 200 MB', met: warm.wallMs <= 1500 && memory <= 200 } : {}),
    details: { firstBuildMs: cold.wallMs, retainedMB: memory, n: graph.n, m: graph.m },
  });

  // Collaboration projection from participations: clique expansion of shared items.
  log(`${spec.label}: projection from participations`);
  const participationChunks = [...syntheticParticipationChunks({ actors: spec.n, items: spec.n / 2, participations: 2 * spec.n, seed: 42 })];
  const fromItems = await best(() => buildProjection(participationChunks), 1, 1);
  let largestItem = 0;
  const perItem = new Map<string, number>();
  for (const chunk of participationChunks) for (const r of chunk.relationships) perItem.set(r.to, (perItem.get(r.to) ?? 0) + 1);
  for (const k of perItem.values()) largestItem = Math.max(largestItem, k);
  rows.push({
    task: 'collaboration projection from participations (shared-item cliques)',
    graph: `${spec.label} → items`,
    ours: fromItems,
    details: { actors: spec.n, items: spec.n / 2, participations: 2 * spec.n, largestItem, links: fromItems.value.m },
  });

  if (spec.store) {
    log(`${spec.label}: loading an EmbeddedStore`);
    const dir = mkdtempSync(join(tmpdir(), 'atlas-bench-'));
    const store = new EmbeddedStore({ dataDir: dir, logger: { warn: () => {} } });
    try {
      await store.init();
      const levels: Level[] = ['local', 'regional', 'national', 'international'];
      const loadStore = await time(() =>
        store.bulkUpsert(
          {
            nodes: Array.from({ length: g.n }, (_, i) => ({ id: syntheticId(i), label: 'Actor' as const, name: `Actor ${i}`, kind: 'other', level: levels[g.region[i] % 4] })),
            relationships: Array.from(g.from, (u, e) => ({ type: 'COLLABORATES_WITH' as const, from: syntheticId(u), to: syntheticId(g.to[e]), properties: { weight: g.weight[e] } })),
          },
          { mode: 'merge' },
          { actor: 'bench', via: 'bench' },
        ),
      );
      const service = new AnalyticsService(store, { defaultTimeoutMs: 600_000 });
      try {
        const fromStore = await time(() => service.projection());
        rows.push({
          task: 'projection from a real EmbeddedStore (streamTopology + build)',
          graph: spec.label,
          ours: fromStore,
          details: { storeBulkLoadMs: loadStore.wallMs, m: fromStore.value.m },
        });
        if (spec.allPairs) {
          // Through the service: source-split across the worker pool (cold: includes spawning the workers).
          for (const measure of ['betweenness', 'closeness'] as const) {
            log(`${spec.label}: service ${measure} (workers)`);
            const run = await time(() => service.centrality(measure));
            rows.push({
              task: `${measure}, exact, AnalyticsService (worker pool, sources split)`,
              graph: spec.label,
              ours: run,
              ...(spec.targets && measure === 'betweenness' ? { target: '≤ 3 s', met: run.wallMs <= 3000 } : {}),
              details: { note: 'cpu column = main thread only' },
            });
          }
        }
      } finally {
        await service.close();
      }
    } finally {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }

  log(`${spec.label}: PageRank`);
  const pr = await best(() => pagerankDetailed(graph!, { weighted: false }), 5, 2);
  const prTheirs = await best(() => graphology.pagerank(gg), big ? 2 : 3, 1);
  rows.push({
    task: 'PageRank (warm, unweighted, tol 1e-6)',
    graph: spec.label,
    ours: pr,
    baseline: { name: 'graphology-metrics', wallMs: prTheirs.wallMs, cpuMs: prTheirs.cpuMs },
    ratio: speedup(pr, prTheirs),
    ...(big ? { target: '≤ 100 ms, ≥ 20×', met: pr.wallMs <= 100 && speedup(pr, prTheirs) >= 20 } : {}),
    details: { iterations: pr.value.iterations, maxDiff: maxAbsDiff(graph, pr.value.scores, prTheirs.value) },
  });

  log(`${spec.label}: eigenvector`);
  const ev = await best(() => eigenvectorCentrality(graph!), 3, 1);
  const evTheirs = await best(() => graphology.eigenvector(gg), 1, 0);
  rows.push({
    task: 'eigenvector (unweighted, tol 1e-6)',
    graph: spec.label,
    ours: ev,
    baseline: { name: 'graphology-metrics', wallMs: evTheirs.wallMs, cpuMs: evTheirs.cpuMs },
    ratio: speedup(ev, evTheirs),
    details: { maxDiff: maxAbsDiff(graph, ev.value, evTheirs.value) },
  });

  log(`${spec.label}: Louvain`);
  const lv = await best(() => louvain(graph!, { seed: 1 }), 1, 1);
  const lvTheirs = await best(() => graphology.louvain(gg, 1), 1, 0);
  rows.push({
    task: 'Louvain (weighted, γ = 1)',
    graph: spec.label,
    ours: lv,
    baseline: { name: 'graphology louvain', wallMs: lvTheirs.wallMs, cpuMs: lvTheirs.cpuMs },
    ratio: speedup(lv, lvTheirs),
    ...(big ? { target: '≤ 1 s, Q ≥ graphology', met: lv.wallMs <= 1000 && lv.value.modularity >= lvTheirs.value.modularity } : {}),
    details: { Q: lv.value.modularity, Q_graphology: lvTheirs.value.modularity, communities: lv.value.count, communities_graphology: lvTheirs.value.count },
  });

  log(`${spec.label}: sampled betweenness`);
  const bcSampled = await best(() => betweennessCentrality(graph!, { samples: 100, seed: 1 }), 1, 0);
  rows.push({
    task: 'betweenness, k = 100 sampled sources',
    graph: spec.label,
    ours: bcSampled,
    ...(big ? { target: '≤ 1 s', met: bcSampled.wallMs <= 1000 } : {}),
    details: { note: 'graphology-metrics has no sampling' },
  });

  if (spec.allPairs) {
    log(`${spec.label}: exact betweenness`);
    const bc = await time(() => betweennessCentrality(graph!));
    const bcTheirs = await time(() => graphology.betweenness(gg));
    rows.push({
      task: 'betweenness, exact (Brandes)',
      graph: spec.label,
      ours: bc,
      baseline: { name: 'graphology-metrics', wallMs: bcTheirs.wallMs, cpuMs: bcTheirs.cpuMs },
      ratio: speedup(bc, bcTheirs),
      ...(spec.targets ? { target: '≤ 3 s', met: bc.wallMs <= 3000 } : {}),
      details: { maxDiff: maxAbsDiff(graph, bc.value, bcTheirs.value) },
    });
    log(`${spec.label}: closeness`);
    const cl = await time(() => closenessCentrality(graph!));
    const clTheirs = await time(() => graphology.closeness(gg));
    rows.push({
      task: 'closeness (Wasserman–Faust)',
      graph: spec.label,
      ours: cl,
      baseline: { name: 'graphology-metrics', wallMs: clTheirs.wallMs, cpuMs: clTheirs.cpuMs },
      ratio: speedup(cl, clTheirs),
      details: { maxDiff: maxAbsDiff(graph, cl.value, clTheirs.value) },
    });
  }
  notes.push(`${spec.label}: synthetic graph n=${g.n}, m=${graph.m}, seed 42 (graph/src/analytics/synthetic.ts)`);
}

export const analyticsSection: BenchSection = {
  name: 'analytics',
  async run({ quick, log }): Promise<SectionResult> {
    const rows: BenchRow[] = [];
    const notes: string[] = [
      'ratio = baseline wall time / ours (higher is better); cpu = process CPU time during the run (steadier on a shared machine)',
    ];
    for (const spec of quick ? QUICK : FULL) await benchGraph(spec, rows, notes, log);
    return { section: 'analytics', rows, notes };
  },
};
