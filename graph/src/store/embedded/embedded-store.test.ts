import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EmbeddedStore } from './embedded-store.ts';

// Embedded-specific behaviour the contract suite cannot see: the files, the
// restart path (snapshot + rotated segments + journal) and the change log
// surviving compaction.

const ctx = { actor: 'test', via: 'unit' };
let dataDir: string;
const warnings: string[] = [];
const open = async (compactEvery?: number) => {
  const store = new EmbeddedStore({ dataDir, compactEvery, logger: { warn: (m) => warnings.push(m) } });
  await store.init();
  return store;
};

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'atlas-embedded-'));
  warnings.length = 0;
});
afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

describe('EmbeddedStore files and restart', () => {
  it('journals one entry line per change plus a commit marker per revision', async () => {
    const store = await open();
    await store.createNode({ id: 'a', label: 'Actor', name: 'A' }, ctx);
    await store.createNode({ id: 'b', label: 'Actor', name: 'B' }, ctx);
    await store.createRelationship({ id: 'ab', type: 'COLLABORATES_WITH', from: 'a', to: 'b' }, ctx);
    await store.deleteNode('a', ctx, { detach: true });
    const lines = readFileSync(join(dataDir, 'journal.ndjson'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => l.commit ?? `${l.op} ${l.id}`)).toEqual(['create a', 1, 'create b', 2, 'create ab', 3, 'delete ab', 'delete a', 4]);
    expect(lines.at(-1)).toEqual({ commit: 4, lastSeq: 5, count: 2 });
    await store.close();
  });

  it('compacts into a snapshot, rotates the journal, and restarts with state and change log intact', async () => {
    let store = await open(10);
    for (let i = 0; i < 35; i++) await store.createNode({ id: `n${i}`, label: 'Topic', name: `Topic ${i}` }, ctx);
    await store.updateNode('n3', { name: 'Renamed' }, ctx);
    await store.close();
    const files = readdirSync(dataDir).sort();
    expect(files).toContain('snapshot.json');
    expect(files.filter((f) => f.startsWith('changes-')).length).toBeGreaterThanOrEqual(3);
    expect(readFileSync(join(dataDir, 'journal.ndjson'), 'utf8')).toBe('');
    expect(existsSync(join(dataDir, 'snapshot.json.tmp'))).toBe(false);

    store = await open(10);
    expect(await store.stats()).toEqual({ nodes: 35, relationships: 0, revision: 36 });
    expect((await store.getNode('n3')).name).toBe('Renamed');
    const log = (await store.changes({ id: 'n3' })).items;
    expect(log.map((e) => [e.seq, e.op])).toEqual([
      [4, 'create'],
      [36, 'update'],
    ]);
    expect(log[1].before).toMatchObject({ name: 'Topic 3' });
    let count = 0;
    let cursor: string | undefined;
    do {
      const page = await store.changes({ limit: 7, cursor });
      count += page.items.length;
      cursor = page.nextCursor;
    } while (cursor);
    expect(count).toBe(36);
    // Writes after a restart continue the sequence.
    await store.createNode({ id: 'later', label: 'Topic', name: 'Later' }, ctx);
    expect((await store.changes({ id: 'later' })).items[0]).toMatchObject({ seq: 37, revision: 37 });
    await store.close();
    expect(warnings).toEqual([]);
  });

  it('replays the journal on top of the snapshot after a crash (no close)', async () => {
    let store = await open();
    await store.createNode({ id: 'snap', label: 'Topic', name: 'In snapshot' }, ctx);
    await store.close();
    store = await open();
    await store.createNode({ id: 'journal', label: 'Topic', name: 'Only in journal' }, ctx);
    await store.updateNode('snap', { description: 'changed after the snapshot' }, ctx);
    // No close(): as if the process died here.
    const reopened = await open();
    expect((await reopened.listNodes({})).items.map((n) => n.id)).toEqual(['journal', 'snap']);
    expect((await reopened.getNode('snap')).description).toBe('changed after the snapshot');
    expect(await reopened.revision()).toBe(3);
    await reopened.close();
  });

  it('writes a big bulk batch as one revision, across many journal lines, and restarts from it', async () => {
    let store = await open();
    const nodes = Array.from({ length: 2000 }, (_, i) => ({ id: `a${i}`, label: 'Actor' as const, name: `Actor ${i}` }));
    const relationships = Array.from({ length: 6000 }, (_, i) => ({ type: 'COLLABORATES_WITH' as const, from: `a${i % 2000}`, to: `a${(i * 7 + 1) % 2000}` })).filter(
      (r) => r.from !== r.to,
    );
    const unique = [...new Map(relationships.map((r) => [`${r.from}>${r.to}`, r])).values()];
    const report = await store.bulkUpsert({ nodes, relationships: unique }, { mode: 'merge' }, ctx);
    expect(report.errors).toEqual([]);
    expect(report.revision).toBe(1);
    const journal = readFileSync(join(dataDir, 'journal.ndjson'), 'utf8').trim().split('\n');
    expect(journal).toHaveLength(2000 + unique.length + 1);
    // Crash-style reopen: the whole revision is replayed from the journal.
    store = await open();
    expect(await store.stats()).toEqual({ nodes: 2000, relationships: unique.length, revision: 1 });
    expect((await store.neighbourhood('a5', { depth: 1 })).nodes.length).toBeGreaterThan(1);
    await store.close();
  });

  it('keeps every write when compactions run in the middle of concurrent writes', async () => {
    const store = await open(7);
    await Promise.all(Array.from({ length: 300 }, (_, i) => store.createNode({ id: `c${i}`, label: 'Topic', name: `C${i}` }, ctx)));
    await Promise.all(Array.from({ length: 50 }, (_, i) => store.updateNode(`c${i}`, { description: `updated ${i}` }, ctx)));
    // The first store is abandoned (as if the process died); reopen, close cleanly, reopen.
    for (let round = 0; round < 2; round++) {
      const reopened = await open(7);
      expect(await reopened.stats()).toEqual({ nodes: 300, relationships: 0, revision: 350 });
      expect((await reopened.getNode('c49')).description).toBe('updated 49');
      const seqs: number[] = [];
      let cursor: string | undefined;
      do {
        const page = await reopened.changes({ limit: 1000, cursor });
        seqs.push(...page.items.map((e) => e.seq));
        cursor = page.nextCursor;
      } while (cursor);
      expect(seqs).toEqual(Array.from({ length: 350 }, (_, i) => i + 1));
      await reopened.close();
    }
    expect(warnings).toEqual([]);
  });

  it('refuses writes before init and after close', async () => {
    const store = new EmbeddedStore({ dataDir });
    await expect(store.createNode({ id: 'a', label: 'Actor', name: 'A' }, ctx)).rejects.toThrow(/not open/);
    await store.init();
    await store.close();
    await store.close();
    await expect(store.createNode({ id: 'a', label: 'Actor', name: 'A' }, ctx)).rejects.toThrow(/not open/);
  });
});
