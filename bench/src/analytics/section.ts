// Analytics benchmarks: our CSR engine beside graphology(-metrics) in the same
// process, on deterministic synthetic graphs (heavy-tailed, regional communities).

import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import {
  AnalyticsService,
  betweennessCentrality,
  buildProjection,
  closenessCentrality,
  communitiesConnected,
  eigenvectorCentrality,
  filterByMask,
  louvain,
  pagerankDetailed,
  syntheticChunks,
  syntheticGraph,
  syntheticParticipationChunks,
  syntheticId,
  type CsrGraph,
  type SyntheticGraph,
} from '@atlas/graph/analytics/index.ts';
import { combineParts, type JobRequest, type JobResult } from '@atlas/graph/analytics/jobs.ts';
import { WorkerPool } from '@atlas/graph/analytics/pool.ts';
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

const WORKERS = Math.max(1, Math.min(2, availableParallelism()));

/** Runs a splittable request as `parts` interleaved shares of the sources on the pool, parts added at the end. */
async function runSplit(pool: WorkerPool, topology: ReturnType<CsrGraph['topology']>, request: JobRequest, parts: number): Promise<JobResult> {
  const deadline = Date.now() + 600_000;
  const results = await Promise.all(
    Array.from({ length: parts }, (_, index) => pool.run(topology, { ...request, part: { index, of: parts } } as JobRequest, { deadline })),
  );
  return combineParts(topology.n, request, results);
}

function scoresOf(result: JobResult): Float64Array {
  if (result.kind !== 'centrality') throw new Error('centrality result expected');
  return result.scores;
}

function maxDiff(a: Float64Array, b: Float64Array): number {
  let worst = 0;
  for (let i = 0; i < a.length; i++) worst = Math.max(worst, Math.abs(a[i] - b[i]));
  return worst;
}

function topK(scores: Float64Array, k: number): number[] {
  return Array.from(scores.keys())
    .sort((a, b) => scores[b] - scores[a] || a - b)
    .slice(0, k);
}

function graphologyPartition(graph: CsrGraph, communities: Record<string, number>): Int32Array {
  return Int32Array.from(graph.ids, (id) => communities[id]);
}

const NETWORKX_SCRIPT = fileURLToPath(new URL('./networkx_baseline.py', import.meta.url));

/**
 * networkx's sampled betweenness (k sources) on the same graph, timed inside
 * Python (graph loading excluded); an error message when python3 or networkx is missing.
 */
async function networkxSampledBetweenness(graph: CsrGraph, k: number, seed: number): Promise<{ wallMs: number; cpuMs: number; version: string } | { error: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'atlas-nx-'));
  try {
    const lines: string[] = [String(graph.n)];
    for (let u = 0; u < graph.n; u++)
      for (let e = graph.offsets[u]; e < graph.offsets[u + 1]; e++) if (u < graph.targets[e]) lines.push(`${u} ${graph.targets[e]}`);
    const file = join(dir, 'edges.txt');
    writeFileSync(file, lines.join('\n'));
    const { stdout } = await promisify(execFile)('python3', [NETWORKX_SCRIPT, file, String(k), String(seed)], { maxBuffer: 1 << 20, timeout: 900_000 });
    const result = JSON.parse(stdout) as { wallMs: number; cpuMs: number; networkx: string };
    return { wallMs: result.wallMs, cpuMs: result.cpuMs, version: result.networkx };
  } catch (error) {
    return { error: error instanceof Error ? error.message.split('\n')[0] : String(error) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A full GC after the event loop had a turn (dropped SharedArrayBuffers are released then). */
async function settle(): Promise<void> {
  gc();
  await new Promise((resolve) => setTimeout(resolve, 100));
  gc();
}

const speedup = (ours: { wallMs: number }, theirs: { wallMs: number }) => theirs.wallMs / ours.wallMs;

async function benchGraph(spec: GraphSpec, rows: BenchRow[], notes: string[], log: SectionOptions['log']): Promise<void> {
  const big = spec.n >= 100_000 && spec.targets;
  log(`${spec.label}: generating`);
  const g: SyntheticGraph = syntheticGraph({ n: spec.n, m: spec.m, seed: 42 });
  const chunks = [...syntheticChunks(g)]; // what a store's streamTopology would hand over

  // Projection (from an in-memory chunk stream) vs graphology load.
  log(`${spec.label}: projection`);
  const coldMs = (await time(() => buildProjection(chunks))).wallMs;
  // Retained memory of a warm build: the cold one internalised the chunks' id
  // strings (which shrinks the input and would hide the graph's own size), and
  // a dropped graph's SharedArrayBuffers are freed only after a turn of the loop.
  let graph: CsrGraph | null = null;
  await settle();
  const before = retainedMb();
  graph = await buildProjection(chunks);
  const memory = retainedMb() - before;
  graph = null;
  await settle();
  const warm = await best(() => buildProjection(chunks), big ? 2 : 3, 0);
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
    ...(big ? { target: '≤ 1 s, ≤ 200 MB', met: warm.wallMs <= 1000 && memory <= 200 } : {}),
    details: { coldBuildMs: coldMs, retainedMB: memory, n: graph.n, m: graph.m },
  });

  // A level filter as a node mask over the unfiltered CSR (what AnalyticsService
  // does) against building the filtered projection afresh from the chunks.
  log(`${spec.label}: level filter as a mask`);
  const levelFilter = { levels: ['local', 'regional'] as Level[] };
  const masked = await best(() => filterByMask(graph!, levelFilter)!, 3, 1);
  const rebuilt = await best(() => buildProjection(chunks, levelFilter), 1, 0);
  rows.push({
    task: 'level filter (2 of 4 levels): node mask over the unfiltered CSR vs a fresh filtered build',
    graph: spec.label,
    ours: masked,
    baseline: { name: 'fresh filtered build', wallMs: rebuilt.wallMs, cpuMs: rebuilt.cpuMs },
    ratio: speedup(masked, rebuilt),
    details: { n: masked.value.n, m: masked.value.m, sameAsFresh: masked.value.m === rebuilt.value.m && masked.value.ids.join() === rebuilt.value.ids.join() ? 'yes' : 'NO' },
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
          // Through the service: sources split across its worker pool. A sampled
          // run first spawns the workers (each loads the TypeScript kernels once).
          const spawn = await time(() => service.centrality('betweenness', { samples: 16 }));
          for (const [measure, target] of [
            ['betweenness', 3000],
            ['closeness', 2000],
          ] as const) {
            log(`${spec.label}: service ${measure} (workers)`);
            const run = await time(() => service.centrality(measure));
            rows.push({
              task: `${measure}, exact, AnalyticsService (worker pool, sources split)`,
              graph: spec.label,
              ours: run,
              ...(spec.targets ? { target: `≤ ${target / 1000} s on 2 cores`, met: run.wallMs <= target } : {}),
              details: { firstCallWithSpawnMs: spawn.wallMs, note: 'cpu = every thread of the process' },
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
  const lv = await best(() => louvain(graph!, { seed: 1 }), 3, 1);
  const lvTheirs = await best(() => graphology.louvain(gg, 1), 1, 0);
  rows.push({
    task: 'Louvain (weighted, γ = 1)',
    graph: spec.label,
    ours: lv,
    baseline: { name: 'graphology louvain', wallMs: lvTheirs.wallMs, cpuMs: lvTheirs.cpuMs },
    ratio: speedup(lv, lvTheirs),
    ...(big ? { target: '≤ 400 ms, Q ≥ graphology, connected', met: lv.wallMs <= 400 && lv.value.modularity >= lvTheirs.value.modularity && communitiesConnected(graph, lv.value.communities) } : {}),
    details: {
      Q: lv.value.modularity,
      Q_graphology: lvTheirs.value.modularity,
      communities: lv.value.count,
      communities_graphology: lvTheirs.value.count,
      communitiesConnected: communitiesConnected(graph, lv.value.communities) ? 'yes' : 'NO',
      communitiesConnected_graphology: communitiesConnected(graph, graphologyPartition(graph, lvTheirs.value.communities)) ? 'yes' : 'NO',
    },
  });

  // Betweenness and closeness also run with their sources split across worker
  // threads, as AnalyticsService runs them: the CSR is on SharedArrayBuffers,
  // each worker sums its own share, the parts are added at the end.
  const pool = new WorkerPool(WORKERS);
  try {
    const topology = graph.topology();
    // Warm-up: spawns every worker (tsx loader, compiled kernels) on a few sampled sources.
    await runSplit(pool, topology, { kind: 'centrality', measure: 'betweenness', weighted: false, samples: 8 * WORKERS, seed: 7 }, WORKERS);

    log(`${spec.label}: sampled betweenness`);
    const bcSampled = await best(() => betweennessCentrality(graph!, { samples: 100, seed: 1 }), 1, 0);
    log(`${spec.label}: networkx sampled betweenness`);
    // From 20k nodes on networkx needs ~1 s per source: it is timed on 10
    // sources and scaled to 100 (the cost per random source is the same in expectation).
    const nxK = spec.n >= 20_000 ? 10 : 100;
    const nx = await networkxSampledBetweenness(graph, nxK, 1);
    const nxBaseline =
      'error' in nx
        ? undefined
        : { name: `networkx ${nx.version}${nxK < 100 ? ` (k=${nxK} timed, ×${100 / nxK})` : ''}`, wallMs: (nx.wallMs * 100) / nxK, cpuMs: (nx.cpuMs * 100) / nxK };
    rows.push({
      task: 'betweenness, k = 100 sampled sources, one thread',
      graph: spec.label,
      ours: bcSampled,
      ...(nxBaseline ? { baseline: nxBaseline, ratio: speedup(bcSampled, nxBaseline) } : {}),
      ...(big ? { target: '≤ 1 s', met: bcSampled.wallMs <= 1000 } : {}),
      details: { note: 'graphology-metrics has no sampling; networkx betweenness_centrality(k=100), its own seeded sources', ...('error' in nx ? { networkx: nx.error } : {}) },
    });
    const sampledRequest: JobRequest = { kind: 'centrality', measure: 'betweenness', weighted: false, samples: 100, seed: 1 };
    const sampledSplit = await best(() => runSplit(pool, topology, sampledRequest, WORKERS), 2, 0);
    rows.push({
      task: `betweenness, k = 100 sampled sources, split over ${WORKERS} worker threads`,
      graph: spec.label,
      ours: sampledSplit,
      ...(nxBaseline ? { baseline: nxBaseline, ratio: speedup(sampledSplit, nxBaseline) } : {}),
      ...(big ? { target: '≤ 1 s', met: sampledSplit.wallMs <= 1000 } : {}),
      details: { maxDiffVsOneThread: maxDiff(scoresOf(sampledSplit.value), bcSampled.value), note: 'cpu = every thread of the process' },
    });

    if (spec.allPairs) {
      log(`${spec.label}: exact betweenness`);
      const bc = await time(() => betweennessCentrality(graph!));
      // The sampled estimate (k = 100, seed 1, measured above) against the exact values.
      let worst = 0;
      let sumAbs = 0;
      for (let i = 0; i < graph.n; i++) {
        const e = Math.abs(bcSampled.value[i] - bc.value[i]);
        worst = Math.max(worst, e);
        sumAbs += e;
      }
      const topSampled = topK(bcSampled.value, 100);
      const topExact = new Set(topK(bc.value, 100));
      rows.push({
        task: 'betweenness k = 100 sampled vs exact: error',
        graph: spec.label,
        ours: bcSampled,
        details: {
          maxAbsError: worst,
          meanAbsError: sumAbs / graph.n,
          maxExact: bc.value.reduce((a, b) => Math.max(a, b), 0),
          top100Overlap: topSampled.filter((i) => topExact.has(i)).length / 100,
        },
      });
      const bcTheirs = await time(() => graphology.betweenness(gg));
      rows.push({
        task: 'betweenness, exact (Brandes), one thread',
        graph: spec.label,
        ours: bc,
        baseline: { name: 'graphology-metrics', wallMs: bcTheirs.wallMs, cpuMs: bcTheirs.cpuMs },
        ratio: speedup(bc, bcTheirs),
        details: { maxDiff: maxAbsDiff(graph, bc.value, bcTheirs.value) },
      });
      log(`${spec.label}: closeness`);
      const cl = await time(() => closenessCentrality(graph!));
      const clTheirs = await time(() => graphology.closeness(gg));
      rows.push({
        task: 'closeness (Wasserman–Faust), one thread',
        graph: spec.label,
        ours: cl,
        baseline: { name: 'graphology-metrics', wallMs: clTheirs.wallMs, cpuMs: clTheirs.cpuMs },
        ratio: speedup(cl, clTheirs),
        details: { maxDiff: maxAbsDiff(graph, cl.value, clTheirs.value) },
      });
      for (const [measure, single, baselineRun, target] of [
        ['betweenness', bc, bcTheirs, 3000],
        ['closeness', cl, clTheirs, 2000],
      ] as const) {
        log(`${spec.label}: ${measure} on ${WORKERS} workers`);
        const split = await best(() => runSplit(pool, topology, { kind: 'centrality', measure, weighted: false }, WORKERS), 2, 0);
        const scores = scoresOf(split.value);
        rows.push({
          task: `${measure}, exact, sources split over ${WORKERS} worker threads`,
          graph: spec.label,
          ours: split,
          baseline: { name: 'graphology-metrics', wallMs: baselineRun.wallMs, cpuMs: baselineRun.cpuMs },
          ratio: speedup(split, baselineRun),
          ...(spec.targets ? { target: `≤ ${target / 1000} s on 2 cores`, met: split.wallMs <= target } : {}),
          details: {
            maxDiffVsOneThread: maxDiff(scores, single.value),
            maxDiffVsGraphology: maxAbsDiff(graph, scores, baselineRun.value),
            note: 'cpu = every thread of the process',
          },
        });
      }
    }
  } finally {
    await pool.close();
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
