// Load benchmark (not a test): the real server process on loopback under a
// mix of reads (search, 2-hop neighbourhood, shortest paths, centrality,
// peers) and 5% writes (creates and updates), at a fixed number of
// connections, for each store. Reports p50/p95/p99 latency, throughput,
// errors (connection errors, timeouts, non-2xx), the server's RSS at start
// and end (sampled every 5 s), and counts the acknowledged creates in the
// store after the run (none may be lost). Targets (issue 14): embedded
// ≥ 200 req/s with p99 ≤ 250 ms, Neo4j ≥ 100 req/s with p99 ≤ 500 ms, no
// errors. Writes bench/results/load.json.
//
//   npx tsx bench/src/load.ts [--seconds 60] [--stores embedded,neo4j] [--connections 8] [--actors 2000]
//
// Neo4j: NEO4J_URI if set (the database is replaced by the generated graph!),
// else a local Neo4j 5 started for the run in a temp dir. Profile the server with
// LOAD_SERVER_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" (written when it stops).

import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { GraphStore } from '@atlas/graph';
import { EmbeddedStore } from '@atlas/graph/store/embedded/index.ts';
import { Neo4jStore } from '@atlas/graph/store/neo4j/index.ts';
import { freePort, startLocalNeo4j, type LocalNeo4j } from '@atlas/graph/neo4j/local-server.ts';
import { generateEcosystem } from '@atlas/seeds/generator/generate.ts';
import { FileTokenStore } from '@atlas/api/auth/token-store.ts';

interface AutocannonRequest {
  method?: string;
  path?: string;
  body?: string;
  headers?: Record<string, string>;
  setupRequest?: (req: AutocannonRequest, context: Record<string, unknown>) => AutocannonRequest;
}
interface AutocannonResult {
  duration: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  requests: { total: number; average: number };
  statusCodeStats: Record<string, { count: number }>;
}
interface AutocannonInstance {
  on(event: 'response', fn: (client: unknown, status: number, bytes: number, ms: number) => void): void;
}
type Autocannon = ((opts: object, done: (err: Error | null, result: AutocannonResult) => void) => AutocannonInstance) & {};
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

const ROOT = path.resolve(import.meta.dirname, '../..');

interface StoreRun {
  store: 'embedded' | 'neo4j';
  seconds: number;
  connections: number;
  requests: number;
  throughputPerSecond: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  statusCodes: Record<string, number>;
  rssStartMiB: number;
  rssEndMiB: number;
  rssSamplesMiB: number[];
  /** Creates answered 201, and the load creates the store holds after the run (≥: a create in flight at the end may land unacknowledged). */
  acknowledgedCreates: number;
  createsFound: number;
  target: string;
  met: boolean;
}

function rssMiB(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Math.round(Number(m[1]) / 1024) : NaN;
}

function percentile(sorted: number[], p: number): number {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : NaN;
}

async function fill(store: GraphStore, actors: number): Promise<void> {
  await store.init();
  const { nodes, relationships } = generateEcosystem({ actors, links: actors * 3, seed: 1 });
  const report = await store.bulkUpsert({ nodes, relationships }, { mode: 'replace' }, { actor: 'bench', via: 'generator' });
  if (report.errors.length) throw new Error(`generated graph rejected: ${JSON.stringify(report.errors.slice(0, 3))}`);
  await store.close();
}

async function startApi(env: Record<string, string>): Promise<{ child: ChildProcess; url: string }> {
  const port = await freePort();
  // LOAD_SERVER_NODE_ARGS: extra node flags for the server, e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof` to profile it.
  const nodeArgs = (process.env.LOAD_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', 'api/src/server.ts'], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', SEED_ON_START: 'false', LOG_LEVEL: 'warn', RATE_LIMIT_PER_MINUTE: '100000000', ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  for (const started = Date.now(); Date.now() - started < 120_000; ) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${url}/api/health`)).ok) return { child, url };
    } catch {
      /* not yet listening */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  child.kill('SIGKILL');
  throw new Error('the server did not answer /api/health in 120 s');
}

async function stopApi(child: ChildProcess): Promise<void> {
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await exited;
}

const LOAD_PREFIX = 'load-actor-';

/**
 * The request mix, 20 requests per cycle (each connection walks it in turn):
 * 6 searches, 5 two-hop neighbourhoods, 3 shortest paths, 2 centralities,
 * 3 peer recommendations, 1 write (a create or an update, alternately) = 5% writes.
 */
function requestMix(ids: string[], terms: string[], auth: string): AutocannonRequest[] {
  const pick = <T>(list: T[]) => list[Math.floor(Math.random() * list.length)];
  let created = 0;
  let writes = 0;
  const json = { Authorization: auth, 'Content-Type': 'application/json' };
  const get = (path: () => string): AutocannonRequest => ({ method: 'GET', setupRequest: (r) => ({ ...r, method: 'GET', path: path(), headers: {}, body: undefined }) });
  const neighbourhood = get(() => `/api/nodes/${pick(ids)}/neighbourhood?depth=2&limit=200`);
  const search = get(() => `/api/search?q=${encodeURIComponent(pick(terms))}&limit=20`);
  const paths = get(() => `/api/paths?from=${pick(ids)}&to=${pick(ids)}&k=3&maxDepth=4`);
  const centrality = get(() => `/api/analytics/centrality?measure=${pick(['degree', 'pagerank'])}&limit=20`);
  const peers = get(() => `/api/recommendations/peers/${pick(ids)}?limit=10`);
  const write: AutocannonRequest = {
    method: 'POST',
    setupRequest: (r) =>
      writes++ % 2 === 0
        ? { ...r, method: 'POST', path: '/api/nodes', headers: json, body: JSON.stringify({ id: `${LOAD_PREFIX}${process.pid}-${created++}`, label: 'Actor', name: `Load actor ${created}`, kind: 'startup', level: 'local' }) }
        : { ...r, method: 'PATCH', path: `/api/nodes/${pick(ids)}`, headers: json, body: JSON.stringify({ description: `edited at ${Date.now()}` }) },
  };
  return [search, neighbourhood, paths, search, peers, neighbourhood, centrality, search, neighbourhood, write, search, paths, peers, neighbourhood, search, centrality, paths, neighbourhood, search, peers];
}

/** Nodes whose id starts with the load prefix, read from the store after the server stopped. */
async function countCreated(store: GraphStore): Promise<number> {
  await store.init();
  try {
    let found = 0;
    let cursor: string | undefined;
    do {
      const page = await store.listNodes({ labels: ['Actor'], kinds: ['startup'], q: 'Load actor', limit: 1000, cursor });
      found += page.items.filter((n) => n.id.startsWith(LOAD_PREFIX)).length;
      cursor = page.nextCursor;
    } while (cursor);
    return found;
  } finally {
    await store.close();
  }
}

async function runStore(kind: 'embedded' | 'neo4j', opts: { seconds: number; connections: number; actors: number }, log: (m: string) => void): Promise<StoreRun> {
  const dataDir = mkdtempSync(path.join(tmpdir(), `atlas-load-${kind}-`));
  let neo4j: LocalNeo4j | undefined;
  let child: ChildProcess | undefined;
  try {
    const env: Record<string, string> = { DATA_DIR: dataDir };
    if (kind === 'neo4j') {
      if (process.env.NEO4J_URI) env.NEO4J_URI = process.env.NEO4J_URI;
      else {
        log('starting a local Neo4j…');
        neo4j = await startLocalNeo4j({ homeDir: path.join(dataDir, 'neo4j'), heap: '1g', pageCacheMiB: 256 });
        env.NEO4J_URI = neo4j.uri;
      }
    }
    log(`generating ${opts.actors} actors into the ${kind} store…`);
    await fill(kind === 'neo4j' ? new Neo4jStore({ uri: env.NEO4J_URI }) : new EmbeddedStore({ dataDir }), opts.actors);
    const token = (await FileTokenStore.inDataDir(dataDir).create({ name: 'load', role: 'editor', createdBy: 'bench' })).token;
    const api = await startApi(env);
    child = api.child;

    const listed = (await (await fetch(`${api.url}/api/nodes?label=Actor&limit=1000`)).json()) as { items: Array<{ id: string; name: string }> };
    const ids = listed.items.map((n) => n.id);
    const terms = [...new Set(listed.items.map((n) => n.name.split(/\s+/)[0]).filter((w) => w.length > 3))].slice(0, 200);
    log(`warming up (${ids.length} ids, ${terms.length} search terms)…`);
    // One call of each kind first: lazily built indexes and projections, Neo4j query plans.
    for (const path of [
      '/api/analytics/centrality?measure=degree&limit=20',
      '/api/analytics/centrality?measure=pagerank&limit=20',
      `/api/search?q=${encodeURIComponent(terms[0] ?? 'a')}&limit=20`,
      `/api/nodes/${ids[0]}/neighbourhood?depth=2&limit=200`,
      `/api/paths?from=${ids[0]}&to=${ids[1] ?? ids[0]}&k=3&maxDepth=4`,
      `/api/recommendations/peers/${ids[0]}?limit=10`,
    ]) {
      const res = await fetch(api.url + path);
      if (!res.ok) throw new Error(`warm-up ${path} → ${res.status}`);
      await res.arrayBuffer();
    }
    const rssStart = rssMiB(child.pid!);
    const samples = [rssStart];
    const sampler = setInterval(() => samples.push(rssMiB(child!.pid!)), 5_000);

    const latencies: number[] = [];
    log(`${opts.seconds} s of load with ${opts.connections} connections…`);
    const result = await new Promise<AutocannonResult>((resolve, reject) => {
      const instance = autocannon(
        { url: api.url, connections: opts.connections, duration: opts.seconds, timeout: 30, requests: requestMix(ids, terms, `Bearer ${token}`) },
        (err, res) => (err ? reject(err) : resolve(res)),
      );
      instance.on('response', (_client, _status, _bytes, ms) => latencies.push(ms));
    });
    clearInterval(sampler);
    const rssEnd = rssMiB(child.pid!);
    samples.push(rssEnd);
    await stopApi(child);
    const createsFound = await countCreated(kind === 'neo4j' ? new Neo4jStore({ uri: env.NEO4J_URI }) : new EmbeddedStore({ dataDir }));
    const acknowledgedCreates = result.statusCodeStats['201']?.count ?? 0;
    const errors = result.errors + result.timeouts + result.non2xx;
    const throughput = result.requests.total / result.duration;
    latencies.sort((a, b) => a - b);
    const round = (x: number) => Math.round(x * 10) / 10;
    const goal = kind === 'embedded' ? { rate: 200, p99: 250 } : { rate: 100, p99: 500 };
    return {
      store: kind,
      seconds: result.duration,
      connections: opts.connections,
      requests: result.requests.total,
      throughputPerSecond: round(result.requests.total / result.duration),
      p50: round(percentile(latencies, 50)),
      p95: round(percentile(latencies, 95)),
      p99: round(percentile(latencies, 99)),
      max: round(latencies[latencies.length - 1] ?? NaN),
      errors: result.errors,
      timeouts: result.timeouts,
      non2xx: result.non2xx,
      statusCodes: Object.fromEntries(Object.entries(result.statusCodeStats).map(([code, s]) => [code, s.count])),
      rssStartMiB: rssStart,
      rssEndMiB: rssEnd,
      rssSamplesMiB: samples,
      acknowledgedCreates,
      createsFound,
      target: `≥ ${goal.rate} req/s, p99 ≤ ${goal.p99} ms, no errors, no acknowledged write lost`,
      met: throughput >= goal.rate && percentile(latencies, 99) <= goal.p99 && errors === 0 && createsFound >= acknowledgedCreates,
    };
  } finally {
    if (child && child.exitCode === null) await stopApi(child);
    await neo4j?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      seconds: { type: 'string', default: '60' },
      stores: { type: 'string', default: 'embedded,neo4j' },
      connections: { type: 'string', default: '8' },
      actors: { type: 'string', default: '2000' },
    },
  });
  const opts = { seconds: Number(values.seconds), connections: Number(values.connections), actors: Number(values.actors) };
  const stores = values.stores.split(',').map((s) => s.trim()) as Array<'embedded' | 'neo4j'>;
  const runs: StoreRun[] = [];
  const loadAverageAtStart = loadavg().map((l) => +l.toFixed(2));
  for (const kind of stores) {
    const started = Date.now();
    runs.push(await runStore(kind, opts, (m) => console.error(`[load ${kind} ${((Date.now() - started) / 1000).toFixed(0)}s] ${m}`)));
  }
  console.table(
    runs.map((r) => ({
      store: r.store,
      'req/s': r.throughputPerSecond,
      'p50 ms': r.p50,
      'p95 ms': r.p95,
      'p99 ms': r.p99,
      errors: r.errors + r.timeouts + r.non2xx,
      'creates acked/found': `${r.acknowledgedCreates}/${r.createsFound}`,
      'RSS start→end MiB': `${r.rssStartMiB}→${r.rssEndMiB}`,
      met: r.met,
    })),
  );
  const payload = { section: 'load', runs, date: new Date().toISOString(), machine: { node: process.version, cpus: cpus().length, loadAverageAtStart, loadAverageAtEnd: loadavg().map((l) => +l.toFixed(2)) } };
  writeFileSync(new URL('../results/load.json', import.meta.url), JSON.stringify(payload, null, 2) + '\n');
  console.log(JSON.stringify(payload, null, 2));
  if (runs.some((r) => r.errors + r.timeouts + r.non2xx > 0 || r.createsFound < r.acknowledgedCreates)) process.exitCode = 1;
}

await main();
