// API latency on loopback (not a test): p50/p95/p99 of the read endpoints,
// through the real HTTP stack (createApp + listen on 127.0.0.1, port 0), on
// the embedded store and on a real local Neo4j 5, with the seed and with a
// generated ecosystem (seeds/src/generator).
//
//   npx tsx bench/src/api-latency.ts [--stores=embedded,neo4j] [--actors=10000] [--requests=200] [--concurrency=4]
//
// Bounded: a fixed number of requests per endpoint, and every endpoint stops
// after `maxSecondsPerEndpoint`. Every endpoint's first call is reported as
// coldMs (projection + kernel, the search index, Neo4j query planning), then
// 20 warm-up requests run unmeasured before the samples.

import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { GraphStore } from '@atlas/graph';
import { createApp } from '@atlas/api/app.ts';
import { testConfig } from '@atlas/api/config.ts';
import { EmbeddedStore } from '@atlas/graph/store/embedded/index.ts';
import { Neo4jStore } from '@atlas/graph/store/neo4j/index.ts';
import { startLocalNeo4j, type LocalNeo4j } from '@atlas/graph/neo4j/local-server.ts';
import { loadSeed } from '@atlas/seeds/load-seed.ts';
import { generateEcosystem } from '@atlas/seeds/generator/generate.ts';

export interface LatencyOptions {
  stores?: Array<'embedded' | 'neo4j'>;
  /** Actors of the generated graph (0 = seed only). */
  actors?: number;
  requests?: number;
  concurrency?: number;
  maxSecondsPerEndpoint?: number;
  log?: (message: string) => void;
}

export interface LatencyRow {
  store: string;
  graph: string;
  endpoint: string;
  requests: number;
  p50: number;
  p95: number;
  p99: number;
  /** First call (lazy indexes, projections, query plans), not among the samples. */
  coldMs?: number;
}

/** Requests per endpoint after its first call and before measuring (JIT, caches, query plans). */
const WARM_UP_REQUESTS = 20;

function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function timed(url: string): Promise<number> {
  const t = performance.now();
  const res = await fetch(url);
  await res.arrayBuffer();
  if (res.status !== 200) throw new Error(`${url} → ${res.status}`);
  return performance.now() - t;
}

async function measure(base: string, paths: string[], options: Required<Pick<LatencyOptions, 'requests' | 'concurrency' | 'maxSecondsPerEndpoint'>>): Promise<number[]> {
  const samples: number[] = [];
  const deadline = Date.now() + options.maxSecondsPerEndpoint * 1000;
  let next = 0;
  const worker = async () => {
    while (next < options.requests && Date.now() < deadline) {
      const i = next++;
      samples.push(await timed(base + paths[i % paths.length]));
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  return samples.sort((a, b) => a - b);
}

async function loadGenerated(store: GraphStore, actors: number): Promise<void> {
  const { nodes, relationships } = generateEcosystem({ actors, links: actors * 3, seed: 1 });
  const report = await store.bulkUpsert({ nodes, relationships }, { mode: 'merge' }, { actor: 'bench', via: 'generator' });
  if (report.errors.length) throw new Error(`generated graph rejected: ${report.errors[0].message}`);
}

export async function runApiLatency(options: LatencyOptions = {}): Promise<LatencyRow[]> {
  const log = options.log ?? (() => {});
  const run = { requests: options.requests ?? 200, concurrency: options.concurrency ?? 4, maxSecondsPerEndpoint: options.maxSecondsPerEndpoint ?? 30 };
  const graphs: Array<{ name: string; load: (s: GraphStore) => Promise<unknown> }> = [{ name: 'seed', load: loadSeed }];
  if (options.actors) graphs.push({ name: `generated ${options.actors} actors`, load: (s) => loadGenerated(s, options.actors!) });
  const rows: LatencyRow[] = [];
  let neo4j: LocalNeo4j | null = null;
  const tmp = await mkdtemp(path.join(tmpdir(), 'atlas-latency-'));
  try {
    for (const kind of options.stores ?? ['embedded', 'neo4j']) {
      if (kind === 'neo4j' && !neo4j) {
        neo4j = await startLocalNeo4j({ homeDir: path.join(tmp, 'neo4j'), heap: '1g' });
        log(`neo4j ready at ${neo4j.uri} in ${neo4j.startupMs} ms`);
      }
      for (const graph of graphs) {
        const store: GraphStore =
          kind === 'embedded' ? new EmbeddedStore({ dataDir: path.join(tmp, `embedded-${rows.length}`), logger: { warn: () => {} } }) : new Neo4jStore({ uri: neo4j!.uri });
        await store.init();
        if (kind === 'neo4j') await store.bulkUpsert({ nodes: [], relationships: [] }, { mode: 'replace' }, { actor: 'bench' });
        const t = Date.now();
        await graph.load(store);
        log(`${kind} / ${graph.name}: loaded in ${Date.now() - t} ms (${JSON.stringify(await store.stats())})`);
        const app = createApp({ store, config: testConfig({ RATE_LIMIT_PER_MINUTE: '100000000', DATA_DIR: tmp, ANALYTICS_TIMEOUT_MS: '600000', REQUEST_TIMEOUT_MS: '600000' }) });
        const server = app.listen(0, '127.0.0.1');
        await new Promise((resolve) => server.once('listening', resolve));
        const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
        try {
          const actors = (await store.listNodes({ labels: ['Actor'], limit: 200 })).items.map((n) => encodeURIComponent(n.id));
          const endpoints: Array<{ name: string; paths: string[]; cold?: boolean }> = [
            { name: 'neighbourhood depth 2', paths: actors.map((id) => `/api/nodes/${id}/neighbourhood?depth=2&limit=1000`) },
            { name: 'search', paths: ['madrid', 'innovacion', 'valencia', 'lab', 'social'].map((q) => `/api/search?q=${q}`) },
            { name: 'centrality pagerank', paths: ['/api/analytics/centrality?measure=pagerank&limit=50'], cold: true },
            { name: 'centrality degree', paths: ['/api/analytics/centrality?measure=degree&limit=50'], cold: true },
            { name: 'peers', paths: actors.slice(0, 50).map((id) => `/api/recommendations/peers/${id}?limit=10`), cold: true },
          ];
          for (const endpoint of endpoints) {
            // The first call is reported apart (coldMs: lazily built indexes and projections,
            // Neo4j query planning); then a short warm-up pass, not measured.
            const coldMs = await timed(base + endpoint.paths[0]);
            await measure(base, endpoint.paths, { ...run, requests: WARM_UP_REQUESTS });
            const samples = await measure(base, endpoint.paths, run);
            const row: LatencyRow = {
              store: kind,
              graph: graph.name,
              endpoint: endpoint.name,
              requests: samples.length,
              p50: +percentile(samples, 50).toFixed(2),
              p95: +percentile(samples, 95).toFixed(2),
              p99: +percentile(samples, 99).toFixed(2),
              coldMs: +coldMs.toFixed(1),
            };
            rows.push(row);
            log(JSON.stringify(row));
          }
        } finally {
          await new Promise((resolve) => server.close(resolve));
          await (app.locals.analytics as { close(): Promise<void> }).close();
          await store.close();
        }
      }
    }
  } finally {
    await neo4j?.stop();
    await rm(tmp, { recursive: true, force: true });
  }
  return rows;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
  const rows = await runApiLatency({
    stores: arg('stores')?.split(',') as LatencyOptions['stores'],
    actors: arg('actors') !== undefined ? Number(arg('actors')) : 10_000,
    requests: arg('requests') ? Number(arg('requests')) : undefined,
    concurrency: arg('concurrency') ? Number(arg('concurrency')) : undefined,
    log: (m) => console.error(m),
  });
  console.table(rows);
}
