import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { ConflictError } from '../../errors.ts';
import type { BulkBatch, BulkProgress } from '../port.ts';
import { openTestNeo4jStore } from '../../../../test/setup/neo4j-store.ts';
import { bulkUpsert } from './bulk.ts';
import type { Neo4jStore } from './neo4j-store.ts';
import type { ScopedWriter } from './write-scope.ts';

// Staged imports on the real Neo4j of the test run: batches of 40 rows (so a
// few hundred rows make many staging transactions), all visible at once after
// the switch, and nothing left behind — not even invisible staging — when the
// import fails part-way or the store changes under it.

const ctx = { actor: 'tester', via: 'staged import test' };
const staging = { above: 10, batch: 40 };
let store: Neo4jStore;
let cleanup: (() => Promise<void>) | undefined;

beforeEach(async () => {
  await cleanup?.();
  ({ store, cleanup } = await openTestNeo4jStore({ staging }));
  await store.createNode({ id: 'hub', label: 'Actor', name: 'Hub', kind: 'ngo' }, ctx);
  await store.createNode({ id: 'old', label: 'Actor', name: 'Old name', kind: 'ngo' }, ctx);
});
afterAll(async () => {
  await cleanup?.();
});

/** 120 actors, 60 projects; actor i takes part in project i mod 60 and collaborates with the hub. */
function batch(): BulkBatch {
  const nodes: BulkBatch['nodes'] = [];
  const relationships: BulkBatch['relationships'] = [];
  for (let p = 0; p < 60; p++) nodes.push({ id: `p${p}`, label: 'Project', name: `Project ${p}` });
  for (let a = 0; a < 120; a++) {
    nodes.push({ id: `a${a}`, label: 'Actor', name: `Actor ${a}`, kind: 'company', level: 'local' });
    relationships.push({ id: `a${a}-p`, type: 'PARTICIPATES_IN', from: `a${a}`, to: `p${a % 60}` });
  }
  for (let a = 0; a < 120; a++) relationships.push({ id: `a${a}-hub`, type: 'COLLABORATES_WITH', from: `a${a}`, to: 'hub' });
  // Between two nodes that already exist, and an update: both wait for the switch.
  relationships.push({ id: 'old-hub', type: 'COLLABORATES_WITH', from: 'old', to: 'hub' });
  nodes.push({ id: 'old', label: 'Actor', name: 'New name', kind: 'ngo' });
  return { nodes, relationships };
}

/** Everything in the database, staging included, counted without the store's :Node filter. */
async function everything(): Promise<Record<string, number>> {
  const [row] = await store.reader.run(
    `CALL () { MATCH (n) RETURN count(n) AS nodes }
     CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships }
     CALL () { MATCH (n:_Staged) RETURN count(n) AS staged }
     CALL () { MATCH (n:_StagedChangeBatch) RETURN count(n) AS stagedLog }
     CALL () { MATCH (n:_ChangeBatch) RETURN count(n) AS logBatches }
     RETURN nodes, relationships, staged, stagedLog, logBatches`,
  );
  return row as Record<string, number>;
}

/** The store as ScopedWriter, with `hook` run before the n-th staging statement (1-based). */
function interfered(n: number, hook: () => Promise<void>): ScopedWriter {
  let calls = 0;
  return {
    reader: store.reader,
    write: (c, work, options) => store.write(c, work, options),
    writeStatement: async (query, params) => {
      if (++calls === n) await hook();
      return store.writeStatement(query, params);
    },
  };
}

describe('staged Neo4j import', () => {
  it('writes in batches, reports them, and makes the whole import visible at once', async () => {
    const before = await store.revision();
    const progress: BulkProgress[] = [];
    const report = await store.bulkUpsert(batch(), { mode: 'merge', onProgress: (p) => progress.push(p) }, ctx);
    expect(report.errors).toEqual([]);
    expect(report.nodes).toMatchObject({ created: 180, updated: 1 });
    expect(report.relationships).toMatchObject({ created: 241 });
    expect(report.revision).toBe(before + 1);
    expect(await store.stats()).toEqual({ nodes: 182, relationships: 241, revision: before + 1 });
    expect((await store.getNode('old')).name).toBe('New name');
    expect((await store.relationshipsOf('hub')).length).toBe(121);
    expect((await store.search('Actor 7')).some((hit) => hit.id === 'a7')).toBe(true);
    // Batches of at most 40 rows: 180 nodes, 240 staged relationships, 420 change entries (one log batch node per 1000).
    const stages = progress.map((p) => p.stage);
    expect(stages.filter((s) => s === 'nodes')).toHaveLength(5);
    expect(stages.filter((s) => s === 'relationships')).toHaveLength(6);
    expect(stages.at(-1)).toBe('switch');
    expect(progress.at(-1)).toMatchObject({ done: 840, total: 840 });
    for (let i = 1; i < progress.length; i++) expect(progress[i].done).toBeGreaterThanOrEqual(progress[i - 1].done);
    expect(await everything()).toMatchObject({ staged: 0, stagedLog: 0 });
    // The change feed holds the whole import as one revision, seqs without a gap.
    const feed = await store.changesSince(before);
    expect(feed.items).toHaveLength(422);
    expect(new Set(feed.items.map((e) => e.revision))).toEqual(new Set([before + 1]));
    for (let i = 1; i < feed.items.length; i++) expect(feed.items[i].seq).toBe(feed.items[i - 1].seq + 1);
    // A later write continues the seqs.
    await store.createNode({ id: 'after', label: 'Topic', name: 'After' }, ctx);
    const [next] = (await store.changesSince(before + 1)).items;
    expect(next.seq).toBe(feed.items.at(-1)!.seq + 1);
  });

  it('replace mode: staged creations, deletions in the switch', async () => {
    await store.bulkUpsert(batch(), { mode: 'merge' }, ctx);
    const smaller = batch();
    smaller.nodes = smaller.nodes.filter((n) => n.id !== 'a0' && n.id !== 'old');
    smaller.relationships = smaller.relationships.filter((r) => r.from !== 'a0' && r.from !== 'old');
    smaller.nodes.push({ id: 'hub', label: 'Actor', name: 'Hub', kind: 'ngo' }, { id: 'fresh', label: 'Actor', name: 'Fresh' });
    const report = await store.bulkUpsert(smaller, { mode: 'replace' }, ctx);
    expect(report.errors).toEqual([]);
    expect(report.nodes).toMatchObject({ created: 1, deleted: 2 });
    expect(report.relationships).toMatchObject({ deleted: 3 });
    expect(await store.stats()).toMatchObject({ nodes: 181, relationships: 238 });
    expect(await everything()).toMatchObject({ staged: 0, stagedLog: 0 });
  });

  it('a failure part-way (a late relationship batch) leaves no trace', async () => {
    const before = { stats: await store.stats(), raw: await everything(), log: (await store.changes({ limit: 1000 })).items };
    // Statements: 5 node batches, then relationships; the server goes away at the 9th.
    const failing = interfered(9, async () => {
      const staged = await everything();
      expect(staged.staged).toBe(180); // really part-way: nodes and some relationships staged
      expect(staged.relationships).toBeGreaterThan(0);
      expect(await store.stats()).toEqual(before.stats); // …and invisible
      throw new Error('connection lost');
    });
    await expect(bulkUpsert(failing, batch(), { mode: 'merge' }, ctx, staging)).rejects.toThrow('connection lost');
    expect(await store.stats()).toEqual(before.stats);
    expect(await everything()).toEqual(before.raw);
    expect((await store.changes({ limit: 1000 })).items).toEqual(before.log);
    expect((await store.getNode('old')).name).toBe('Old name');
  });

  it('a write during staging fails the import at the switch, leaving no trace but that write', async () => {
    const before = await everything();
    const racing = interfered(7, async () => {
      await store.createNode({ id: 'racer', label: 'Topic', name: 'Racer' }, ctx);
    });
    await expect(bulkUpsert(racing, batch(), { mode: 'merge' }, ctx, staging)).rejects.toBeInstanceOf(ConflictError);
    expect(await everything()).toEqual({ ...before, nodes: before.nodes + 2 }); // racer + its _Change entry
    expect(await store.stats()).toMatchObject({ nodes: 3, relationships: 0 });
    // Run again: it goes through.
    expect((await store.bulkUpsert(batch(), { mode: 'merge' }, ctx)).errors).toEqual([]);
  });

  it('the analytics change feed after a staged import: more entries than asked for say so', async () => {
    const before = await store.revision();
    await store.bulkUpsert(batch(), { mode: 'merge' }, ctx);
    expect(await store.changesSince(before, { limit: 100 })).toEqual({ items: [], more: true });
  });
});
