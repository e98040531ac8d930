import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FileTokenStore } from '@atlas/api/auth/token-store.ts';
import { startServer, type ServerProcess } from './server-process.ts';

// SIGKILL the real server while several clients write, restart it on the same
// data, and check that every write acknowledged with 2xx survived and that
// the audit log is consistent (one entry per write, seq without gaps,
// revision = number of writes, counts = what the log created).

export interface CrashOptions {
  /** Extra environment for the server (NEO4J_URI…). */
  env: () => Record<string, string>;
  /** Called before the first start (e.g. empty the Neo4j database). */
  reset?: () => Promise<void>;
  /** Kill once this many writes were acknowledged (or after maxWaitMs). */
  killAfterAcks: number;
  maxWaitMs: number;
}

interface Acked {
  nodes: Set<string>;
  relationships: Set<string>;
  /** node id → highest acknowledged properties.version */
  versions: Map<string, number>;
  attempts: number;
  failures: number;
}

async function writer(url: string, auth: string, client: number, acked: Acked, stop: { now: boolean }): Promise<void> {
  const headers = { Authorization: auth, 'Content-Type': 'application/json' };
  const mine: string[] = [];
  for (let i = 0; !stop.now; i++) {
    const id = `w${client}-${i}`;
    let req: { path: string; method: string; body: unknown; onOk: (body: { id: string }) => void };
    if (i % 5 === 4 && mine.length >= 2) {
      const [from, to] = mine.slice(-2);
      req = { path: '/api/relationships', method: 'POST', body: { type: 'COLLABORATES_WITH', from, to }, onOk: (b) => acked.relationships.add(b.id) };
    } else if (i % 5 === 3 && mine.length) {
      const target = mine[mine.length - 1];
      req = {
        path: `/api/nodes/${target}`,
        method: 'PATCH',
        body: { properties: { version: i } },
        onOk: () => acked.versions.set(target, Math.max(acked.versions.get(target) ?? 0, i)),
      };
    } else {
      req = { path: '/api/nodes', method: 'POST', body: { id, label: 'Actor', name: `Writer ${client} node ${i}`, kind: 'lab' }, onOk: (b) => (acked.nodes.add(b.id), mine.push(b.id)) };
    }
    acked.attempts++;
    try {
      const res = await fetch(url + req.path, { method: req.method, headers, body: JSON.stringify(req.body), signal: AbortSignal.timeout(30_000) });
      const body = (await res.json()) as { id: string };
      if (res.status >= 200 && res.status < 300) req.onOk(body);
      else throw new Error(`unexpected ${res.status} ${JSON.stringify(body)}`);
    } catch (err) {
      // After the kill, connections fail: those writes were never acknowledged.
      if (!stop.now && !isConnectionError(err)) throw err;
      acked.failures++;
      return;
    }
  }
}

function isConnectionError(err: unknown): boolean {
  const text = `${(err as Error)?.message} ${((err as { cause?: Error })?.cause as Error)?.message ?? ''} ${((err as { cause?: { code?: string } })?.cause)?.code ?? ''}`;
  return /fetch failed|ECONNRESET|ECONNREFUSED|socket|terminated|other side closed|aborted/i.test(text);
}

type LoggedChange = { seq: number; revision: number; op: string; entity: string; id: string };

async function allChanges(url: string, auth: string): Promise<LoggedChange[]> {
  const out: LoggedChange[] = [];
  let cursor: string | undefined;
  do {
    const res = await fetch(`${url}/api/changes?limit=1000${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, { headers: { Authorization: auth } });
    expect(res.status).toBe(200);
    const page = (await res.json()) as { items: LoggedChange[]; nextCursor?: string };
    out.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return out;
}

export function describeCrash(storeName: string, options: CrashOptions): void {
  describe(`crash safety (${storeName})`, () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'atlas-crash-'));
    let server: ServerProcess | undefined;
    afterAll(async () => {
      if (server && server.child.exitCode === null) server.child.kill('SIGKILL');
      rmSync(dataDir, { recursive: true, force: true });
    });

    it('keeps every acknowledged write when the server is SIGKILLed mid-stream', async () => {
      await options.reset?.();
      const tokens = FileTokenStore.inDataDir(dataDir);
      const auth = `Bearer ${(await tokens.create({ name: 'crash-writer', role: 'editor', createdBy: 'test' })).token}`;
      server = await startServer({ DATA_DIR: dataDir, ...options.env() });

      const acked: Acked = { nodes: new Set(), relationships: new Set(), versions: new Map(), attempts: 0, failures: 0 };
      const stop = { now: false };
      const clients = Array.from({ length: 6 }, (_, c) => writer(server!.url, auth, c, acked, stop));
      const started = Date.now();
      while (acked.nodes.size + acked.relationships.size + acked.versions.size < options.killAfterAcks && Date.now() - started < options.maxWaitMs) {
        await new Promise((r) => setTimeout(r, 20));
      }
      server.child.kill('SIGKILL');
      expect(await server.exited).toBe('SIGKILL');
      stop.now = true;
      await Promise.all(clients);
      const ackCount = acked.nodes.size + acked.relationships.size;
      expect(ackCount).toBeGreaterThan(10);
      console.info(
        `[crash ${storeName}] killed after ${acked.attempts} attempts: ${acked.nodes.size} nodes, ${acked.relationships.size} relationships, ${acked.versions.size} patched nodes acknowledged; ${acked.failures} clients cut off`,
      );

      server = await startServer({ DATA_DIR: dataDir, ...options.env() });
      const get = async (p: string) => fetch(server!.url + p, { headers: { Authorization: auth } });
      for (const id of acked.nodes) expect((await get(`/api/nodes/${id}`)).status, `node ${id}`).toBe(200);
      for (const id of acked.relationships) expect((await get(`/api/relationships/${id}`)).status, `relationship ${id}`).toBe(200);
      for (const [id, version] of acked.versions) {
        const node = (await (await get(`/api/nodes/${id}`)).json()) as { properties: { version?: number } };
        expect(node.properties.version ?? 0, `version of ${id}`).toBeGreaterThanOrEqual(version);
      }

      // The log: seq 1..n without gaps, one revision per write, and it explains the counts.
      const log = await allChanges(server.url, auth);
      expect(log.map((e) => e.seq)).toEqual(log.map((_, i) => i + 1));
      expect(log.map((e) => e.revision)).toEqual(log.map((_, i) => i + 1));
      const health = (await (await get('/api/health')).json()) as { nodes: number; relationships: number; revision: number };
      expect(health.revision).toBe(log.length);
      expect(health.nodes).toBe(log.filter((e) => e.entity === 'node' && e.op === 'create').length);
      expect(health.relationships).toBe(log.filter((e) => e.entity === 'relationship' && e.op === 'create').length);
      const logged = new Set(log.filter((e) => e.op === 'create').map((e) => e.id));
      for (const id of [...acked.nodes, ...acked.relationships]) expect(logged.has(id)).toBe(true);
      expect(health.revision).toBeGreaterThanOrEqual(ackCount + acked.versions.size);
      expect(health.revision).toBeLessThanOrEqual(acked.attempts);
      console.info(`[crash ${storeName}] after restart: revision ${health.revision}, ${health.nodes} nodes, ${health.relationships} relationships, log of ${log.length} entries`);

      // And it takes writes again.
      const after = await fetch(`${server.url}/api/nodes`, {
        method: 'POST',
        headers: { Authorization: auth, 'Content-Type': 'application/json' },
        body: JSON.stringify({ id: 'after-restart', label: 'Actor', name: 'After restart' }),
      });
      expect(after.status).toBe(201);
      server.child.kill('SIGTERM');
      expect(await server.exited).toBe(0);
    }, 300_000);
  });
}
