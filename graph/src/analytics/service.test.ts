// AnalyticsService over a real EmbeddedStore holding the H2020 slice: results
// against networkx, caching per revision, workers (progress, timeout, abort),
// validation.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TimeoutError, ValidationError } from '../errors.ts';
import { EmbeddedStore } from '../store/embedded/index.ts';
import type { BulkBatch } from '../store/port.ts';
import { modularity } from './kernels/louvain.ts';
import { betweennessCentrality } from './kernels/betweenness.ts';
import { closenessCentrality } from './kernels/closeness.ts';
import { combineParts, runJob, type JobRequest } from './jobs.ts';
import { WorkerPool } from './pool.ts';
import { loadFixture } from './reference/fixtures.ts';
import { AnalyticsService } from './service.ts';
import { syntheticChunks, syntheticCsr, syntheticGraph, syntheticId } from './synthetic.ts';
import { buildProjection } from './projection.ts';

const fixture = loadFixture('h2020');
const ctx = { actor: 'system', via: 'analytics test' };

function h2020Batch(): BulkBatch {
  const projects = [...new Set(fixture.participations!.map((p) => p[1]))];
  return {
    nodes: [
      ...fixture.nodes.map((id) => ({ id, label: 'Actor' as const, name: id, kind: 'university', level: 'national' as const })),
      ...projects.map((id) => ({ id, label: 'Project' as const, name: id, kind: 'project' })),
    ],
    relationships: fixture.participations!.map(([from, to, role, since, until]) => ({
      type: 'PARTICIPATES_IN' as const,
      from,
      to,
      properties: { role: role as 'lead' | 'participant' },
      ...(since ? { validFrom: since } : {}),
      ...(until ? { validTo: until } : {}),
    })),
  };
}

function asMap(scores: Array<{ id: string; score: number }>): Map<string, number> {
  return new Map(scores.map((s) => [s.id, s.score]));
}

describe('AnalyticsService on an EmbeddedStore', () => {
  let dir: string;
  let store: EmbeddedStore;
  let service: AnalyticsService;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'atlas-analytics-'));
    store = new EmbeddedStore({ dataDir: dir });
    await store.init();
    const report = await store.bulkUpsert(h2020Batch(), { mode: 'merge' }, ctx);
    expect(report.errors).toEqual([]);
    service = new AnalyticsService(store);
  });

  afterAll(async () => {
    await service?.close();
    await store?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('projects the store into the networkx collaboration graph', async () => {
    const graph = await service.projection();
    expect(graph.n).toBe(fixture.nodes.length);
    expect(graph.m).toBe(fixture.edges.length);
    expect(await service.projection({ projection: 'collaboration' })).toBe(graph); // cached
    const full = await service.projection({ projection: 'full' });
    expect(full.m).toBe(fixture.participations!.length);
  });

  it('serves a level/kind filter as a node mask over the cached unfiltered projection', async () => {
    const base = await service.projection();
    const national = await service.projection({ levels: ['national'] }); // every actor of the slice is national
    expect(national.provenance).toBeUndefined(); // an induced subgraph of `base`, not a fresh build
    expect(national.ids).toEqual(base.ids);
    expect(Array.from(national.targets)).toEqual(Array.from(base.targets));
    expect((await service.projection({ levels: ['local'] })).n).toBe(0);
    expect((await service.projection({ kinds: ['university'] })).m).toBe(base.m);
    // A date filter is no mask: built afresh from the topology.
    expect((await service.projection({ levels: ['national'], at: '2018-01-01' })).provenance).toBeDefined();
    const filtered = await service.centrality('closeness', { levels: ['national'] });
    expect(filtered.scores).toEqual((await service.centrality('closeness')).scores);
  });

  it('ranks exact betweenness (in a worker) like networkx, with progress', async () => {
    const progress: number[] = [];
    const result = await service.centrality('betweenness', { onProgress: (f) => progress.push(f) });
    expect(result.revision).toBe(await store.revision());
    const ours = asMap(result.scores);
    for (const [id, value] of Object.entries(fixture.reference.betweenness)) expect(Math.abs(ours.get(id)! - value)).toBeLessThan(1e-9);
    for (let i = 1; i < result.scores.length; i++) {
      const [a, b] = [result.scores[i - 1], result.scores[i]];
      expect(a.score > b.score || (a.score === b.score && a.id < b.id)).toBe(true);
    }
    expect(progress.length).toBeGreaterThan(5);
    expect(progress.at(-1)).toBe(1);
    // Same answer inline.
    const inline = new AnalyticsService(store, { useWorkers: false });
    expect((await inline.centrality('betweenness')).scores).toEqual(result.scores);
    await inline.close();
  });

  it('computes the other measures like networkx', async () => {
    const checks = [
      ['degree', false, fixture.reference.degree, 1e-12],
      ['degree', true, fixture.reference.degree_weighted, 1e-12],
      ['pagerank', true, fixture.reference.pagerank, 1e-4], // default tolerance 1e-6 (Σ|Δ| < n·tol)
      ['eigenvector', false, fixture.reference.eigenvector, 1e-4],
      ['closeness', false, fixture.reference.closeness, 1e-12],
      ['closeness', true, fixture.reference.closeness_weighted, 1e-9],
    ] as const;
    for (const [measure, weighted, reference, tolerance] of checks) {
      const ours = asMap((await service.centrality(measure, { weighted })).scores);
      for (const [id, value] of Object.entries(reference)) expect(Math.abs(ours.get(id)! - value), `${measure} ${id}`).toBeLessThan(tolerance);
    }
  });

  it('finds communities: a partition sorted by size, with its modularity', async () => {
    const result = await service.communities({ seed: 3 });
    const members = result.communities.flatMap((c) => c.members);
    expect(members.length).toBe(fixture.nodes.length);
    expect(new Set(members).size).toBe(fixture.nodes.length);
    result.communities.forEach((c, i) => {
      expect(c.id).toBe(i);
      expect(c.size).toBe(c.members.length);
      if (i > 0) expect(c.size).toBeLessThanOrEqual(result.communities[i - 1].size);
    });
    const graph = await service.projection();
    const partition = new Int32Array(graph.n);
    for (const c of result.communities) for (const id of c.members) partition[graph.indexOf(id)] = c.id;
    expect(result.modularity).toBeCloseTo(modularity(graph, partition), 12);
    expect(result.modularity).toBeGreaterThan(fixture.reference.louvain.modularity - 0.01);
    expect(await service.communities({ seed: 3 })).toBe(result); // cached
  });

  it('summarises components', async () => {
    expect(await service.components()).toEqual({ count: 1, largest: 300, sizes: [300] });
    const early = await service.components({ at: '2014-03-01' });
    expect(early.count).toBeGreaterThan(1);
    expect(early.sizes.reduce((a, b) => a + b, 0)).toBe(300);
  });

  it('rebuilds projections and results when the store revision changes', async () => {
    const before = await service.projection();
    const ranking = await service.centrality('degree');
    await store.createNode({ id: 'new-actor', label: 'Actor', name: 'New actor', kind: 'startup' }, ctx);
    await store.createRelationship({ type: 'PARTICIPATES_IN', from: 'new-actor', to: fixture.participations![0][1] }, ctx);
    const after = await service.projection();
    expect(after).not.toBe(before);
    expect(after.n).toBe(before.n + 1);
    expect(after.degree(after.indexOf('new-actor'))).toBeGreaterThan(0);
    const again = await service.centrality('degree');
    expect(again.revision).toBe(ranking.revision + 2);
    expect(again.scores.some((s) => s.id === 'new-actor')).toBe(true);
  });

  it('rejects bad parameters with a ValidationError naming the field', async () => {
    const cases: Array<[() => Promise<unknown>, string]> = [
      [() => service.centrality('fame' as never), 'measure'],
      [() => service.centrality('degree', { levels: ['planet' as never] }), 'levels'],
      [() => service.centrality('degree', { at: '2024-02-30' }), 'at'],
      [() => service.centrality('betweenness', { samples: 1 }), 'samples'],
      [() => service.communities({ resolution: 0 }), 'resolution'],
      [() => service.communities({ timeoutMs: -5 }), 'timeoutMs'],
      [() => service.projection({ projection: 'everything' as never }), 'projection'],
      [() => service.components({ types: ['LIKES' as never] }), 'types'],
    ];
    for (const [call, path] of cases) {
      const error = await call().catch((e: unknown) => e);
      expect(error, path).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).errors?.map((e) => e.path)).toEqual([path]);
    }
  });

  it('times out and aborts', async () => {
    const fresh = new AnalyticsService(store);
    await expect(fresh.centrality('closeness', { timeoutMs: 1 })).rejects.toBeInstanceOf(TimeoutError);
    const controller = new AbortController();
    controller.abort();
    await expect(fresh.centrality('betweenness', { signal: controller.signal })).rejects.toMatchObject({ name: 'AbortError' });
    // Still usable afterwards.
    expect((await fresh.centrality('betweenness', { samples: 50, seed: 1 })).scores).toHaveLength(301);
    await fresh.close();
  });
});

describe('WorkerPool', () => {
  // Exact betweenness on 20k nodes takes minutes: far longer than the budgets below.
  const graph = syntheticCsr({ n: 20_000, m: 100_000, seed: 5 }, true);
  const job = { kind: 'centrality', measure: 'betweenness', weighted: false } as const;

  it('terminates a running job past its deadline, then serves the next one', async () => {
    const pool = new WorkerPool(1);
    try {
      const small = syntheticCsr({ n: 200, m: 600 }, true);
      const warm = await pool.run(small, job, { deadline: Date.now() + 30_000 }); // spawns the worker
      expect(warm.kind === 'centrality' && warm.scores.length).toBe(200);
      const started = Date.now();
      const error = await pool.run(graph, job, { deadline: Date.now() + 3000 }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(TimeoutError);
      expect(Date.now() - started).toBeLessThan(6000); // the deadline, not the minutes the job needs
      const result = await pool.run(small, job, { deadline: Date.now() + 30_000 });
      expect(result.kind === 'centrality' && result.scores.length).toBe(200);
    } finally {
      await pool.close();
    }
  });

  it('stops a running job when its signal aborts', async () => {
    const pool = new WorkerPool(1);
    try {
      // Abort on the first progress report: the job is then really running in the worker.
      const controller = new AbortController();
      let abortedAt = 0;
      const run = pool.run(graph, job, {
        deadline: Date.now() + 300_000,
        signal: controller.signal,
        onProgress: () => {
          abortedAt ||= Date.now();
          controller.abort();
        },
      });
      await expect(run).rejects.toMatchObject({ name: 'AbortError' });
      expect(abortedAt).toBeGreaterThan(0);
      expect(Date.now() - abortedAt).toBeLessThan(2000);
    } finally {
      await pool.close();
    }
  });
});

describe('split jobs', () => {
  it('parts over interleaved sources add up to the whole computation', () => {
    const graph = syntheticCsr({ n: 400, m: 1600, seed: 9 });
    const requests: JobRequest[] = [
      { kind: 'centrality', measure: 'betweenness', weighted: false },
      { kind: 'centrality', measure: 'betweenness', weighted: true, samples: 50, seed: 4 },
      { kind: 'centrality', measure: 'closeness', weighted: false },
    ];
    for (const request of requests) {
      const whole = runJob(graph, request);
      const parts = [0, 1, 2].map((index) => runJob(graph, { ...request, part: { index, of: 3 } } as JobRequest));
      const combined = combineParts(graph.n, request, parts);
      if (whole.kind !== 'centrality' || combined.kind !== 'centrality') throw new Error('centrality expected');
      for (let i = 0; i < graph.n; i++) expect(Math.abs(combined.scores[i] - whole.scores[i])).toBeLessThan(1e-12);
    }
  });

  it('the service splits big betweenness/closeness jobs across workers with the same result', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'atlas-analytics-split-'));
    const store = new EmbeddedStore({ dataDir: dir });
    const service = new AnalyticsService(store);
    try {
      await store.init();
      const g = syntheticGraph({ n: 3000, m: 9000, seed: 3 });
      const report = await store.bulkUpsert(
        {
          nodes: Array.from({ length: g.n }, (_, i) => ({ id: syntheticId(i), label: 'Actor' as const, name: `A${i}` })),
          relationships: Array.from(g.from, (u, e) => ({ type: 'COLLABORATES_WITH' as const, from: syntheticId(u), to: syntheticId(g.to[e]), properties: { weight: g.weight[e] } })),
        },
        { mode: 'merge' },
        ctx,
      );
      expect(report.errors).toEqual([]);
      const graph = await buildProjection(syntheticChunks(g), {}, false);
      const progress: number[] = [];
      const bc = asMap((await service.centrality('betweenness', { onProgress: (f) => progress.push(f) })).scores);
      const expected = betweennessCentrality(graph);
      for (let i = 0; i < graph.n; i++) expect(Math.abs(bc.get(graph.ids[i])! - expected[i])).toBeLessThan(1e-12);
      expect(progress.at(-1)).toBeCloseTo(1, 12);
      const cl = asMap((await service.centrality('closeness')).scores);
      const expectedCl = closenessCentrality(graph);
      for (let i = 0; i < graph.n; i++) expect(Math.abs(cl.get(graph.ids[i])! - expectedCl[i])).toBeLessThan(1e-12);
    } finally {
      await service.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
