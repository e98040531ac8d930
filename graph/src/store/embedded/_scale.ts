import { mkdtempSync, rmSync, statSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EmbeddedStore } from './index.ts';
import type { BulkBatch } from '../port.ts';
const N = Number(process.argv[2] ?? 100_000), M = Number(process.argv[3] ?? 1_000_000);
const dir = mkdtempSync(join(tmpdir(), 'h1-scale-'));
const t = () => performance.now();
let cpu0 = process.cpuUsage(); const cpu = () => { const d = process.cpuUsage(cpu0); cpu0 = process.cpuUsage(); return `cpu ${((d.user + d.system) / 1e6).toFixed(1)} s`; };
const mem = () => `${Math.round(process.memoryUsage().heapUsed / 1e6)} MB heap`;
let rng = 42; const rand = () => { rng = (rng + 0x6d2b79f5) | 0; let x = Math.imul(rng ^ (rng >>> 15), 1 | rng); x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x; return ((x ^ (x >>> 14)) >>> 0) / 4294967296; };
const batch: BulkBatch = { nodes: [], relationships: [] };
for (let i = 0; i < N; i++) batch.nodes.push({ id: `a${i}`, label: 'Actor', kind: 'company', level: 'local', name: `Actor ${i}` });
for (let j = 0; j < M; j++) {
  const a = Math.floor(rand() * N); let b = Math.floor(rand() * N); if (b === a) b = (a + 1) % N;
  batch.relationships.push({ id: `r${j}`, type: 'COLLABORATES_WITH', from: `a${a}`, to: `a${b}` });
}
let s = new EmbeddedStore({ dataDir: dir });
await s.init();
let t0 = t();
const report = await s.bulkUpsert(batch, { mode: 'merge' }, { actor: 'bench' });
console.log(`bulkUpsert ${N} nodes + ${M} rels: ${((t() - t0) / 1000).toFixed(1)} s, created ${report.created}, errors ${report.errors.length}, ${mem()}, ${cpu()}`);
batch.nodes.length = 0; batch.relationships.length = 0;
t0 = t(); await s.close(); console.log(`close (snapshot + rotation): ${((t() - t0) / 1000).toFixed(1)} s, ${cpu()}`);
console.log(readdirSync(dir).map((f) => `${f} ${(statSync(join(dir, f)).size / 1e6).toFixed(0)} MB`).join(', '));
cpu(); t0 = t(); s = new EmbeddedStore({ dataDir: dir }); await s.init();
console.log(`restart from snapshot (+ change-log index of ${M + N} entries): ${((t() - t0) / 1000).toFixed(1)} s, ${mem()}, ${cpu()}`, await s.stats());
const times: number[] = [];
let sizes = 0;
for (let i = 0; i < 500; i++) { const id = `a${Math.floor(rand() * N)}`; const t1 = t(); const r = await s.neighbourhood(id, { depth: 2, limit: 10_000 }); times.push(t() - t1); sizes += r.nodes.length; }
times.sort((a, b) => a - b);
console.log(`2-hop neighbourhood x500: p50 ${times[250].toFixed(2)} ms, p95 ${times[475].toFixed(2)} ms, max ${times[499].toFixed(2)} ms, avg nodes ${(sizes / 500).toFixed(0)}`);
t0 = t(); const p = await s.shortestPaths('a1', `a${N - 1}`, { k: 3 }); console.log(`3 shortest paths: ${(t() - t0).toFixed(0)} ms, lengths ${p.map((x) => x.length)}`);
t0 = t(); await s.search('actor 123'); console.log(`first search (builds index): ${(t() - t0).toFixed(0)} ms`);
t0 = t(); const h = await s.search('actr 4567'); console.log(`second search: ${(t() - t0).toFixed(0)} ms, top ${h[0]?.id}`);
t0 = t(); await s.listRelationships({ limit: 100 }); console.log(`first listRelationships (sorts ids): ${(t() - t0).toFixed(0)} ms`);
t0 = t(); await Promise.all(Array.from({ length: 100 }, (_, i) => s.createNode({ id: `c${i}`, label: 'Topic', name: `c ${i}` }, { actor: 'bench' }))); console.log(`100 concurrent createNode: ${(t() - t0).toFixed(0)} ms`);
t0 = t(); const ch = await s.changes({ id: 'a5', limit: 10 }); console.log(`changes(id) over ${M + N + 100}: ${(t() - t0).toFixed(0)} ms, ${ch.items.length} items`);
// crash-style restart: journal replay of the 100 small writes on top of the snapshot
t0 = t(); const s2 = new EmbeddedStore({ dataDir: dir }); await s2.init(); console.log(`second open (snapshot + journal replay): ${((t() - t0) / 1000).toFixed(1)} s`, await s2.stats());
await s.close();
rmSync(dir, { recursive: true, force: true });
