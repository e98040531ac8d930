import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { importGraph, type ImportProgress } from '@atlas/graph/codecs/index.ts';
import { EmbeddedStore } from '@atlas/graph/store/embedded/index.ts';
import { Neo4jStore } from '@atlas/graph/store/neo4j/index.ts';
import type { GraphStore } from '@atlas/graph';
import { writeEcosystemCsv } from '@atlas/seeds/generator/index.ts';

// Import throughput: generates a synthetic ecosystem (CSV import format) into
// a temp dir, then times `importGraph` into a fresh EmbeddedStore (and into
// Neo4j when NEO4J_URI is set). Targets: 1M relationships ≤ 30 s embedded,
// ≥ 50k relationships/s into Neo4j.
//
//   npx tsx bench/src/import-throughput.ts [--actors 100000] [--links 1000000] [--seed 1] [--stores embedded,neo4j]

export interface ImportThroughputOptions {
  actors: number;
  links: number;
  seed?: string | number;
  neo4jUri?: string;
  /** Default: embedded, and Neo4j when neo4jUri is given. */
  stores?: Array<'embedded' | 'neo4j'>;
  log?: (message: string) => void;
}

export interface ImportRun {
  store: 'embedded' | 'neo4j';
  nodes: number;
  relationships: number;
  wallMs: number;
  cpuMs: number;
  /** Wall time per phase: read (parse + row checks), check (ends), write (bulkUpsert). */
  phasesMs: Record<string, number>;
  relationshipsPerSecond: number;
  peakRssMb: number;
}

export interface ImportThroughputResult {
  generateMs: number;
  runs: ImportRun[];
  loadAverage: number[];
}

async function timeImport(store: GraphStore, kind: ImportRun['store'], files: Array<{ name: string; path: string }>, log: (m: string) => void): Promise<ImportRun> {
  const started = Date.now();
  const cpu = process.cpuUsage();
  const phasesMs: Record<string, number> = {};
  let phase = 'read';
  let phaseStart = started;
  let peakRss = process.memoryUsage().rss;
  let batches = 0;
  const onProgress = (p: ImportProgress) => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
    if (p.batch && p.batch.stage !== 'switch' && ++batches % 10 === 0) log(`${kind}: ${p.batch.stage} batch, ${p.batch.done.toLocaleString('en')} of ${p.batch.total.toLocaleString('en')} rows staged`);
    if (p.phase !== phase) {
      phasesMs[phase] = Date.now() - phaseStart;
      log(`${kind}: ${phase} done in ${((Date.now() - phaseStart) / 1000).toFixed(1)} s (${p.elements.toLocaleString('en')} rows)`);
      phase = p.phase;
      phaseStart = Date.now();
    }
  };
  const report = await importGraph(store, files, { mode: 'replace', onProgress });
  if (report.errorCount) throw new Error(`import failed: ${JSON.stringify(report.errors.slice(0, 3))}`);
  const wallMs = Date.now() - started;
  const c = process.cpuUsage(cpu);
  return {
    store: kind,
    nodes: report.nodes.created,
    relationships: report.relationships.created,
    wallMs,
    cpuMs: Math.round((c.user + c.system) / 1000),
    phasesMs,
    relationshipsPerSecond: Math.round(report.relationships.created / (wallMs / 1000)),
    peakRssMb: Math.round(Math.max(peakRss, process.memoryUsage().rss) / 2 ** 20),
  };
}

export async function importThroughput(options: ImportThroughputOptions): Promise<ImportThroughputResult> {
  const log = options.log ?? ((m: string) => console.error(m));
  const dir = mkdtempSync(join(tmpdir(), 'atlas-import-bench-'));
  const runs: ImportRun[] = [];
  try {
    const t = Date.now();
    const written = await writeEcosystemCsv({ actors: options.actors, links: options.links, seed: options.seed ?? 1 }, join(dir, 'csv'));
    const generateMs = Date.now() - t;
    log(`generated ${written.nodes.toLocaleString('en')} elements + ${written.relationships.toLocaleString('en')} connections in ${(generateMs / 1000).toFixed(1)} s`);
    const files = [
      { name: 'elements.csv', path: written.elements },
      { name: 'connections.csv', path: written.connections },
    ];
    const stores = options.stores ?? ['embedded', 'neo4j'];
    if (stores.includes('embedded')) {
      const embedded = new EmbeddedStore({ dataDir: join(dir, 'store') });
      await embedded.init();
      try {
        runs.push(await timeImport(embedded, 'embedded', files, log));
      } finally {
        await embedded.close();
      }
    }
    if (options.neo4jUri && stores.includes('neo4j')) {
      const store = new Neo4jStore({ uri: options.neo4jUri });
      await store.init();
      try {
        runs.push(await timeImport(store, 'neo4j', files, log));
      } finally {
        await store.close();
      }
    }
    return { generateMs, runs, loadAverage: loadavg().map((l) => +l.toFixed(2)) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { parseArgs } = await import('node:util');
  const { values } = parseArgs({
    options: { actors: { type: 'string', default: '100000' }, links: { type: 'string', default: '1000000' }, seed: { type: 'string', default: '1' }, stores: { type: 'string', default: 'embedded,neo4j' } },
  });
  const stores = values.stores.split(',').map((s) => s.trim()) as Array<'embedded' | 'neo4j'>;
  const result = await importThroughput({ actors: Number(values.actors), links: Number(values.links), seed: values.seed, stores, neo4jUri: process.env.NEO4J_URI });
  console.log('| store | nodes | relationships | wall s | cpu s | read s | check s | write s | relationships/s | peak RSS MB |');
  console.log('|---|---|---|---|---|---|---|---|---|---|');
  for (const r of result.runs) {
    const s = (ms?: number) => ((ms ?? 0) / 1000).toFixed(1);
    console.log(
      `| ${r.store} | ${r.nodes} | ${r.relationships} | ${s(r.wallMs)} | ${s(r.cpuMs)} | ${s(r.phasesMs.read)} | ${s(r.phasesMs.check)} | ${s(r.phasesMs.write)} | ${r.relationshipsPerSecond.toLocaleString('en')} | ${r.peakRssMb} |`,
    );
  }
  console.log(`generation ${(result.generateMs / 1000).toFixed(1)} s; load average ${result.loadAverage.join(' ')}`);
}
