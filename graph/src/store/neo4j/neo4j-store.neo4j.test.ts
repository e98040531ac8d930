import neo4jDriver from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ConflictError, NotFoundError, TimeoutError, ValidationError } from '../../errors.ts';
import type { NodeInput, RelationshipInput } from '../../model/schemas.ts';
import { openTestNeo4jStore } from '../../../../test/setup/neo4j-store.ts';
import { Neo4jStore } from './neo4j-store.ts';

// Focused checks of the Neo4j adapter against the real Neo4j of the test run
// (the shared contract suite in test/contract covers the port rules for both adapters).

const ctx = { actor: 'tester', via: 'test' };
let store: Neo4jStore;
let cleanup: () => Promise<void>;

beforeAll(async () => {
  ({ store, cleanup } = await openTestNeo4jStore());
});
afterAll(async () => {
  await cleanup?.();
});

async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of iterable) out.push(item);
  return out;
}

describe('Neo4jStore', () => {
  const vinaros: NodeInput = {
    id: 'vinaros',
    label: 'Actor',
    name: 'Ajuntament de Vinaròs',
    kind: 'municipality',
    level: 'local',
    tags: ['soledad no deseada', 'govtech'],
    aliases: ['Vinaròs City Council'],
    description: 'Municipi del Baix Maestrat',
    place: { municipality: 'Vinaròs', province: 'Castelló', region: 'Comunitat Valenciana', country: 'ES', ineCode: '12138' },
    lat: 40.4707,
    lon: 0.4747,
    website: 'https://www.vinaros.es/',
    properties: { population: 29_000, nested: { list: [1, 'two', null, true] } },
    provenance: [{ source: '000_ccda06195d9218de.txt', quote: 'Vinaròs', confidence: 0.9 }],
    validFrom: '2020-01-01',
  };

  it('stores a node and reads back exactly the record it returned', async () => {
    const r0 = await store.revision();
    const created = await store.createNode(vinaros, ctx);
    expect(created.provenance[0]).toMatchObject({ source: '000_ccda06195d9218de.txt', addedBy: 'tester' });
    expect(await store.getNode('vinaros')).toEqual(created);
    expect(await store.revision()).toBe(r0 + 1);
    await expect(store.createNode(vinaros, ctx)).rejects.toBeInstanceOf(ConflictError);
    await expect(store.getNode('nope')).rejects.toBeInstanceOf(NotFoundError);
    await expect(store.createNode({ label: 'Actor', name: 'X', kind: 'spaceship' } as NodeInput, ctx)).rejects.toBeInstanceOf(ValidationError);
    expect(await store.revision()).toBe(r0 + 1);
  });

  it('keeps Cypher-looking and unusual strings verbatim', async () => {
    const name = "x'}) MATCH (n) DETACH DELETE n // `$id` \\u0041 \" ; RETURN 1";
    const node = await store.createNode({ id: 'evil', label: 'Topic', name, tags: ['}]-(:Node)', '$props'], description: '{"a":1}' }, ctx);
    const back = await store.getNode('evil');
    expect(back.name).toBe(name);
    expect(back.tags).toEqual(['}]-(:Node)', '$props']);
    expect(back).toEqual(node);
    expect((await store.stats()).nodes).toBe(2);
  });

  it('updates a node without dropping provenance, and clears fields with null', async () => {
    const updated = await store.updateNode('vinaros', { description: null, tags: ['govtech'], provenance: [{ source: 'other.txt' }] }, ctx);
    expect(updated.description).toBeUndefined();
    expect(updated.tags).toEqual(['govtech']);
    expect(updated.provenance.map((p) => p.source)).toEqual(['000_ccda06195d9218de.txt', 'other.txt']);
    expect(await store.getNode('vinaros')).toEqual(updated);
    await expect(store.updateNode('vinaros', { kind: 'spaceship' }, ctx)).rejects.toBeInstanceOf(ValidationError);
  });

  it('checks relationship ends, labels and ids', async () => {
    await store.createNode({ id: 'p1', label: 'Project', name: 'Proyecto Uno' }, ctx);
    const rel = await store.createRelationship({ id: 'r1', type: 'PARTICIPATES_IN', from: 'vinaros', to: 'p1', properties: { role: 'lead', weight: 2 } }, ctx);
    expect(await store.getRelationship('r1')).toEqual(rel);
    const missing = await store.createRelationship({ type: 'PARTICIPATES_IN', from: 'vinaros', to: 'ghost' }, ctx).catch((e) => e);
    expect(missing).toBeInstanceOf(ValidationError);
    expect(missing.errors).toEqual([{ path: 'to', message: 'node "ghost" does not exist' }]);
    await expect(store.createRelationship({ type: 'ADOPTED', from: 'evil', to: 'p1' }, ctx)).rejects.toBeInstanceOf(ValidationError);
    await expect(store.createRelationship({ id: 'r1', type: 'FUNDS', from: 'vinaros', to: 'p1' }, ctx)).rejects.toBeInstanceOf(ConflictError);
    const patched = await store.updateRelationship('r1', { properties: { role: 'partner' }, validFrom: '2021-01-01' }, ctx);
    expect(await store.getRelationship('r1')).toEqual(patched);
    await expect(store.deleteNode('p1', ctx)).rejects.toBeInstanceOf(ConflictError);
    expect(await store.relationshipsOf('p1')).toEqual([patched]);
    expect(await store.relationshipsOf('p1', { at: '2020-06-01' })).toEqual([]);
  });

  it('deletes with detach and logs every element', async () => {
    const before = await store.revision();
    await store.deleteNode('p1', ctx, { detach: true });
    expect(await store.revision()).toBe(before + 1);
    const log = await store.changes({ since: '2000-01-01', limit: 1000 });
    const last = log.items.filter((c) => c.revision === before + 1);
    expect(last.map((c) => [c.op, c.entity, c.id])).toEqual([
      ['delete', 'relationship', 'r1'],
      ['delete', 'node', 'p1'],
    ]);
    expect(last[0].before).toMatchObject({ id: 'r1', type: 'PARTICIPATES_IN' });
    await expect(store.getRelationship('r1')).rejects.toBeInstanceOf(NotFoundError);
  });

  it('bulk upsert: a bad row anywhere changes nothing and every error names its row', async () => {
    const before = await store.stats();
    const report = await store.bulkUpsert(
      {
        nodes: [
          { id: 'ok-1', label: 'Actor', name: 'Fine', origin: { file: 'elements.csv', row: 2 } },
          { id: 'bad-1', label: 'Actor', name: 'Bad', kind: 'spaceship', origin: { file: 'elements.csv', row: 3 } },
        ],
        relationships: [{ type: 'MEMBER_OF', from: 'ok-1', to: 'nowhere', origin: { file: 'connections.csv', row: 2 } }],
      },
      { mode: 'merge' },
      ctx,
    );
    // Row-level problems and dangling ends are reported together.
    expect(report.errors).toEqual([
      expect.objectContaining({ file: 'elements.csv', row: 3, column: 'kind' }),
      { path: 'to', message: 'node "nowhere" does not exist', file: 'connections.csv', row: 2, column: 'to' },
    ]);
    expect(await store.stats()).toEqual(before);
    await expect(store.getNode('ok-1')).rejects.toBeInstanceOf(NotFoundError);
  });

  it('bulk upsert: merge counts, re-import is unchanged, dry run writes nothing, replace keeps exactly the batch', async () => {
    const nodes: NodeInput[] = Array.from({ length: 30 }, (_, i) => ({ id: `a${i}`, label: 'Actor', name: `Actor ${i}`, level: i % 2 ? 'local' : 'national' }));
    const relationships: RelationshipInput[] = Array.from({ length: 29 }, (_, i) => ({ type: 'COLLABORATES_WITH', from: `a${i}`, to: `a${i + 1}` }));
    const r0 = await store.revision();
    const first = await store.bulkUpsert({ nodes, relationships }, { mode: 'merge' }, ctx);
    expect(first).toMatchObject({ created: 59, updated: 0, unchanged: 0, deleted: 0, errors: [], revision: r0 + 1 });
    const again = await store.bulkUpsert({ nodes, relationships }, { mode: 'merge' }, ctx);
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 59 });
    const renamed = nodes.map((n, i) => (i === 0 ? { ...n, name: 'Renamed' } : n));
    const dry = await store.bulkUpsert({ nodes: renamed, relationships }, { mode: 'merge', dryRun: true }, ctx);
    expect(dry).toMatchObject({ updated: 1, unchanged: 58, dryRun: true });
    expect((await store.getNode('a0')).name).toBe('Actor 0');
    const replaced = await store.bulkUpsert({ nodes: renamed.slice(0, 10), relationships: relationships.slice(0, 9) }, { mode: 'replace' }, ctx);
    expect(replaced.nodes).toEqual({ created: 0, updated: 1, unchanged: 9, deleted: 20 + 2 }); // + vinaros and evil
    const stats = await store.stats();
    expect(stats).toMatchObject({ nodes: 10, relationships: 9 });
  });

  it('search is accent/case-insensitive and typo tolerant', async () => {
    await store.bulkUpsert(
      {
        nodes: [
          { id: 'vinaros', label: 'Actor', name: 'Ajuntament de Vinaròs', kind: 'municipality', level: 'local', aliases: ['Vinaròs City Council'] },
          { id: 'algemesi', label: 'Actor', name: 'Algemesí', kind: 'municipality', level: 'local', tags: ['Soledad no deseada'] },
          { id: 'lasnaves', label: 'Actor', name: 'Las Naves', kind: 'lab', level: 'local', description: 'Centre d’innovació de València' },
        ],
        relationships: [],
      },
      { mode: 'merge' },
      ctx,
    );
    expect((await store.search('vinaros'))[0]).toMatchObject({ id: 'vinaros', name: 'Ajuntament de Vinaròs', label: 'Actor', matchedField: 'name' });
    expect((await store.search('VINARÒS'))[0].id).toBe('vinaros');
    expect((await store.search('vinarso'))[0].id).toBe('vinaros'); // transposed letters
    expect((await store.search('algem'))[0].id).toBe('algemesi'); // prefix
    expect((await store.search('soledad'))[0]).toMatchObject({ id: 'algemesi', matchedField: 'tag' });
    expect((await store.search('valencia'))[0]).toMatchObject({ id: 'lasnaves', matchedField: 'description' });
    expect(await store.search('vinaros', { kinds: ['lab'] })).toEqual([]);
    expect(await store.search('  ')).toEqual([]);
  });

  it('neighbourhood by depth with filters, and k shortest paths', async () => {
    // a0 - a1 - ... - a9 is a chain; add a shortcut a0 - a5 via a project.
    await store.createNode({ id: 'proj', label: 'Project', name: 'Shortcut', validFrom: '2024-01-01' }, ctx);
    await store.createRelationship({ type: 'PARTICIPATES_IN', from: 'a0', to: 'proj' }, ctx);
    await store.createRelationship({ type: 'PARTICIPATES_IN', from: 'a5', to: 'proj' }, ctx);
    const one = await store.neighbourhood('a1', { depth: 1 });
    expect(one.nodes.map((n) => n.id).sort()).toEqual(['a0', 'a1', 'a2']);
    expect(one.relationships).toHaveLength(2);
    const two = await store.neighbourhood('a1', { depth: 2 });
    expect(two.nodes.map((n) => n.id).sort()).toEqual(['a0', 'a1', 'a2', 'a3', 'proj']);
    const actorsOnly = await store.neighbourhood('a1', { depth: 2, labels: ['Actor'] });
    expect(actorsOnly.nodes.map((n) => n.id).sort()).toEqual(['a0', 'a1', 'a2', 'a3']);
    const truncated = await store.neighbourhood('a1', { depth: 3, limit: 3 });
    expect(truncated).toMatchObject({ truncated: true });
    expect(truncated.nodes).toHaveLength(3);
    await expect(store.neighbourhood('ghost', { depth: 1 })).rejects.toBeInstanceOf(NotFoundError);
    await expect(store.neighbourhood('a1', { depth: 4 })).rejects.toBeInstanceOf(ValidationError);

    const [shortest, second] = await store.shortestPaths('a0', 'a6', { k: 2 });
    expect(shortest.nodes.map((n) => n.id)).toEqual(['a0', 'proj', 'a5', 'a6']);
    expect(shortest.length).toBe(3);
    expect(second.nodes.map((n) => n.id)).toEqual(['a0', 'a1', 'a2', 'a3', 'a4', 'a5', 'a6']);
    expect(second.relationships.map((r) => [r.from, r.to])).toEqual([
      ['a0', 'a1'], ['a1', 'a2'], ['a2', 'a3'], ['a3', 'a4'], ['a4', 'a5'], ['a5', 'a6'],
    ]);
    // Before the project existed only the chain was there.
    expect((await store.shortestPaths('a0', 'a6', { k: 2, at: '2023-06-01' })).map((p) => p.length)).toEqual([6]);
    expect(await store.shortestPaths('a0', 'a6', { maxDepth: 2 })).toEqual([]);
    expect(await store.shortestPaths('a0', 'a6', { types: ['COLLABORATES_WITH'] })).toHaveLength(1);
  });

  it('serialises 100 concurrent writes: revision +100, change seqs without gaps', async () => {
    const r0 = await store.revision();
    const firstSeq = ((await store.changes({ limit: 1000 })).items.at(-1)?.seq ?? 0) + 1;
    await Promise.all(Array.from({ length: 100 }, (_, i) => store.createNode({ id: `c${i}`, label: 'Topic', name: `Concurrent ${i}` }, ctx)));
    expect(await store.revision()).toBe(r0 + 100);
    const seen: number[] = [];
    let cursor: string | undefined;
    do {
      const page = await store.changes({ limit: 30, cursor, since: '2000-01-01' });
      seen.push(...page.items.filter((c) => c.seq >= firstSeq).map((c) => c.seq));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(Array.from({ length: 100 }, (_, i) => firstSeq + i));
  });

  it('keeps revisions exact when two stores (two app processes) write at once', async () => {
    const other = new Neo4jStore({ uri: inject('neo4jUri') });
    try {
      await other.init();
      const r0 = await store.revision();
      await Promise.all(
        Array.from({ length: 20 }, (_, i) => (i % 2 ? store : other).createNode({ id: `two-${i}`, label: 'Event', name: `Two stores ${i}` }, ctx)),
      );
      expect(await other.revision()).toBe(r0 + 20);
      const log = (await store.changes({ since: '2000-01-01', limit: 1000 })).items.filter((c) => c.revision > r0);
      expect(log.map((c) => c.revision).sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => r0 + 1 + i));
    } finally {
      await other.close();
    }
  });

  it('lists with filters and keyset cursors', async () => {
    const ids: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await store.listNodes({ labels: ['Topic'], limit: 7, cursor });
      ids.push(...page.items.map((n) => n.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(ids).toHaveLength(100);
    expect([...ids].sort()).toEqual(ids);
    expect((await store.listNodes({ q: 'VINAROS' })).items.map((n) => n.id)).toEqual(['vinaros']);
    expect((await store.listRelationships({ types: ['PARTICIPATES_IN'] })).items).toHaveLength(2);
    await expect(store.listNodes({ limit: 5000 })).rejects.toBeInstanceOf(ValidationError);
    await expect(store.listNodes({ cursor: 'garbage' })).rejects.toBeInstanceOf(ValidationError);
  });

  it('streams topology and export in chunks that add up to the whole graph', async () => {
    const stats = await store.stats();
    const topology = await collect(store.streamTopology({ chunkSize: 25 }));
    expect(topology.every((c) => c.nodes.length + c.relationships.length <= 25)).toBe(true);
    expect(topology.flatMap((c) => c.nodes)).toHaveLength(stats.nodes);
    const rels = topology.flatMap((c) => c.relationships);
    expect(rels).toHaveLength(stats.relationships);
    expect(rels.find((r) => r.type === 'COLLABORATES_WITH')).toMatchObject({ from: expect.any(String), to: expect.any(String) });
    const exported = await collect(store.exportAll({ chunkSize: 40 }));
    expect(exported.flatMap((c) => c.nodes).find((n) => n.id === 'vinaros')).toEqual(await store.getNode('vinaros'));
  });

  it('turns a query past its time budget into TimeoutError', async () => {
    const impatient = new Neo4jStore({ uri: inject('neo4jUri'), queryTimeoutMs: 300 });
    try {
      await expect(impatient.reader.run('UNWIND range(1, 300000000) AS x WITH x WHERE x % 7 = 1 RETURN count(x)')).rejects.toBeInstanceOf(TimeoutError);
    } finally {
      await impatient.close();
    }
  });

  it('logs a large write compactly and still pages through its entries one by one, exactly', async () => {
    const driver = neo4jDriver.driver(inject('neo4jUri'));
    const countChangeNodes = async () => (await driver.executeQuery('MATCH (c:_Change) RETURN count(c) AS n')).records[0].get('n').toNumber();
    try {
      const singlesBefore = await countChangeNodes();
      await store.createNode({ id: 'log-a', label: 'Topic', name: 'Log A' }, ctx);
      const nodes: NodeInput[] = Array.from({ length: 2_345 }, (_, i) => ({ id: `log-${i}`, label: 'Topic', name: `Log ${i}` }));
      const report = await store.bulkUpsert({ nodes, relationships: [] }, { mode: 'merge' }, ctx);
      expect(report.created).toBe(2_345);
      await store.updateNode('log-1234', { description: 'touched' }, ctx);
      expect(await countChangeNodes()).toBe(singlesBefore + 2); // the bulk's 2345 entries are not one node each

      const pages: number[][] = [];
      const seqs: number[] = [];
      let cursor: string | undefined;
      do {
        const page = await store.changes({ limit: 333, cursor });
        pages.push(page.items.map((c) => c.seq));
        seqs.push(...page.items.map((c) => c.seq));
        cursor = page.nextCursor;
      } while (cursor);
      expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, i) => i + 1)); // no gap, no repeat, in order
      expect(pages.slice(0, -1).every((p) => p.length === 333)).toBe(true);

      const history = await store.changes({ id: 'log-1234' });
      expect(history.items.map((c) => c.op)).toEqual(['create', 'update']);
      const [created, updated] = history.items;
      expect(created).toEqual({
        seq: created.seq,
        revision: report.revision,
        at: created.at,
        actor: 'tester',
        via: 'test',
        op: 'create',
        entity: 'node',
        id: 'log-1234',
        before: null,
        after: updated.before,
      });
      expect(updated.after).toEqual(await store.getNode('log-1234'));
      const bulkEntries = (await store.changes({ since: created.at, until: created.at, limit: 1000 })).items;
      expect(bulkEntries).toHaveLength(1000);
      expect(bulkEntries.every((c) => c.revision === report.revision && c.op === 'create')).toBe(true);
    } finally {
      await driver.close();
    }
  });
});
