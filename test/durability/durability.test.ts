import { spawn } from 'node:child_process';
import { appendFileSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EmbeddedStore, CorruptJournalError } from '@atlas/graph/store/embedded/index.ts';

// What the spec promises about the embedded store's files: a process killed
// with SIGKILL after a write was acknowledged loses nothing, and a torn last
// journal line is dropped with a warning instead of crashing the start-up.

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const ctx = { actor: 'test' };

let dataDir: string;
beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'atlas-durability-'));
});
afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

/** Runs the writer child until it has acknowledged `acks` writes, then SIGKILLs it; returns the acknowledged ids. */
function writeThenKill(prefix: string, acks: number, compactEvery: number): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(here, 'writer.ts'), dataDir, prefix, String(compactEvery)], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    let killed = false;
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk;
      if (!killed && out.split('\n').length - 2 >= acks) {
        killed = true;
        child.kill('SIGKILL');
      }
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
    child.on('error', reject);
    child.on('exit', (_code, signal) => {
      if (signal !== 'SIGKILL') return reject(new Error(`writer exited on its own: ${err}`));
      // Only complete lines count: a write is acknowledged once its id line is out.
      const lines = out.split('\n');
      lines.pop();
      expect(lines[0]).toBe('READY');
      resolve(lines.slice(1));
    });
  });
}

async function openStore(warnings: string[] = []): Promise<EmbeddedStore> {
  const store = new EmbeddedStore({ dataDir, logger: { warn: (m) => warnings.push(m) } });
  await store.init();
  return store;
}

async function present(store: EmbeddedStore, ids: string[]): Promise<string[]> {
  const missing: string[] = [];
  for (const id of ids) {
    const found = Number(id.split('-').pop()) % 5 === 4 ? await store.getRelationship(id).catch(() => null) : await store.getNode(id).catch(() => null);
    if (!found) missing.push(id);
  }
  return missing;
}

describe('embedded store durability', () => {
  it('keeps every acknowledged write when the process is SIGKILLed mid-stream (three rounds)', async () => {
    const acknowledged: string[] = [];
    for (const [round, acks] of [
      ['a', 40],
      ['b', 400],
      ['c', 900],
    ] as const) {
      // compactEvery 150: snapshots and journal rotations happen while writing, so kills land in them too.
      const ids = await writeThenKill(round, acks, 150);
      expect(ids.length).toBeGreaterThanOrEqual(acks);
      acknowledged.push(...ids);
      const warnings: string[] = [];
      const store = await openStore(warnings);
      expect(await present(store, acknowledged)).toEqual([]);
      const stats = await store.stats();
      expect(stats.nodes + stats.relationships).toBeGreaterThanOrEqual(acknowledged.length);
      expect(stats.revision).toBe(stats.nodes + stats.relationships);
      // The change log survived as well: one create entry per revision.
      const log = await store.changes({ limit: 1000 });
      expect(log.items[0]).toMatchObject({ seq: 1, revision: 1, op: 'create', id: 'a-0' });
      await store.close();
    }
  }, 180_000);

  it('drops a torn last journal line with a warning, and only that line', async () => {
    let store = await openStore();
    await store.createNode({ id: 'before-close', label: 'Topic', name: 'Before close' }, ctx);
    await store.close();
    store = await openStore();
    for (const id of ['one', 'two', 'three']) await store.createNode({ id, label: 'Topic', name: id }, ctx);
    // Simulated crash: the store is abandoned without close(), then half a line is appended.
    const journal = join(dataDir, 'journal.ndjson');
    const sizeBefore = statSync(journal).size;
    const lines = readFileSync(journal, 'utf8').split('\n');
    const lastEntry = lines[lines.length - 3];
    appendFileSync(journal, lastEntry.replaceAll('three', 'torn').slice(0, Math.floor(lastEntry.length / 2)));

    const warnings: string[] = [];
    const reopened = await openStore(warnings);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/torn/);
    expect(statSync(journal).size).toBe(sizeBefore);
    expect((await reopened.listNodes({})).items.map((n) => n.id)).toEqual(['before-close', 'one', 'three', 'two']);
    expect(await reopened.revision()).toBe(4);
    // It keeps working and reopens cleanly afterwards.
    await reopened.createNode({ id: 'after', label: 'Topic', name: 'After' }, ctx);
    await reopened.close();
    const again = await openStore(warnings);
    expect((await again.stats()).nodes).toBe(5);
    expect(warnings).toHaveLength(1);
    await again.close();
    void store;
  });

  it('drops entries whose commit marker never reached the disk', async () => {
    const store = await openStore();
    await store.createNode({ id: 'kept', label: 'Topic', name: 'Kept' }, ctx);
    const journal = join(dataDir, 'journal.ndjson');
    const text = readFileSync(journal, 'utf8');
    const entry = text.split('\n')[0].replace('"revision":1', '"revision":2').replace('"seq":1', '"seq":2').replaceAll('kept', 'lost');
    appendFileSync(journal, `${entry}\n`);
    const warnings: string[] = [];
    const reopened = await openStore(warnings);
    expect(warnings.join()).toMatch(/uncommitted/);
    expect((await reopened.listNodes({})).items.map((n) => n.id)).toEqual(['kept']);
    expect(readFileSync(journal, 'utf8')).toBe(text);
    await reopened.close();
  });

  it('refuses to open, with a clear error, when a line in the middle is corrupt', async () => {
    const store = await openStore();
    for (const id of ['one', 'two', 'three']) await store.createNode({ id, label: 'Topic', name: id }, ctx);
    const journal = join(dataDir, 'journal.ndjson');
    const lines = readFileSync(journal, 'utf8').split('\n');
    lines[2] = lines[2].slice(0, 20) + '#garbage#';
    writeFileSync(journal, lines.join('\n'));
    const error = await openStore().then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(CorruptJournalError);
    expect((error as Error).message).toMatch(/journal\.ndjson line 3/);
  });
});
