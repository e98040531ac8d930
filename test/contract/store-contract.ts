import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  ConflictError,
  NotFoundError,
  ValidationError,
  type BulkBatch,
  type GraphStore,
  type NodeInput,
  type RelationshipInput,
  type WriteContext,
} from '@atlas/graph';
import { AnalyticsService } from '@atlas/graph/analytics/service.ts';
import { buildProjection, type CsrGraph, type ProjectionOptions } from '@atlas/graph/analytics/projection.ts';

// The one contract every GraphStore adapter must meet. `open` must return a
// fresh, EMPTY store each time it is called (it is called before every test)
// and `cleanup` releases it. Nothing here depends on how a store is built.

export type OpenStore = () => Promise<{ store: GraphStore; cleanup: () => Promise<void> }>;

const ana: WriteContext = { actor: 'ana', via: 'contract' };

/** Expects `promise` to reject with `type`; returns the error for more checks. */
async function rejection<T extends Error>(promise: Promise<unknown>, type: new (...args: never[]) => T): Promise<T> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error, 'expected the call to fail').toBeInstanceOf(type);
  return error as T;
}

const paths = (e: { errors?: Array<{ path: string }> }) => (e.errors ?? []).map((x) => x.path);

export function describeStoreContract(name: string, open: OpenStore): void {
  describe(`GraphStore contract: ${name}`, () => {
    let store: GraphStore;
    let cleanup: () => Promise<void>;

    beforeEach(async () => {
      ({ store, cleanup } = await open());
    });
    afterEach(async () => {
      await cleanup();
    });

    const node = (input: NodeInput) => store.createNode(input, ana);
    const rel = (input: RelationshipInput) => store.createRelationship(input, ana);

    /**
     * a1(lab, local) ─COLLABORATES_WITH→ a2(university, regional)
     * a1 ─PARTICIPATES_IN→ p1 ←PARTICIPATES_IN─ a2 ─PARTICIPATES_IN→ p2 ←PARTICIPATES_IN─ a3(company, national)
     * p1 ─ABOUT→ t1;  a1 ─LOCATED_IN→ pl (until 2020-12-31) ←LOCATED_IN─ a3;  a3 ─COLLABORATES_WITH→ a4(ngo, international)
     * x is isolated.  Simple paths a1…a3: via pl (2 hops), via a2,p2 (3), via p1,a2,p2 (4).
     */
    async function fixture(): Promise<void> {
      await node({ id: 'a1', label: 'Actor', kind: 'lab', level: 'local', name: 'Las Naves' });
      await node({ id: 'a2', label: 'Actor', kind: 'university', level: 'regional', name: 'Universitat de València' });
      await node({ id: 'a3', label: 'Actor', kind: 'company', level: 'national', name: 'Acme' });
      await node({ id: 'a4', label: 'Actor', kind: 'ngo', level: 'international', name: 'OGP' });
      await node({ id: 'p1', label: 'Project', name: 'Project one' });
      await node({ id: 'p2', label: 'Project', name: 'Project two' });
      await node({ id: 't1', label: 'Topic', name: 'Soledad no deseada' });
      await node({ id: 'pl', label: 'Place', name: 'Vinaròs' });
      await node({ id: 'x', label: 'Actor', name: 'Isolated' });
      await rel({ id: 'r-a1-a2', type: 'COLLABORATES_WITH', from: 'a1', to: 'a2' });
      await rel({ id: 'r-a1-p1', type: 'PARTICIPATES_IN', from: 'a1', to: 'p1' });
      await rel({ id: 'r-a2-p1', type: 'PARTICIPATES_IN', from: 'a2', to: 'p1' });
      await rel({ id: 'r-a2-p2', type: 'PARTICIPATES_IN', from: 'a2', to: 'p2' });
      await rel({ id: 'r-a3-p2', type: 'PARTICIPATES_IN', from: 'a3', to: 'p2' });
      await rel({ id: 'r-p1-t1', type: 'ABOUT', from: 'p1', to: 't1' });
      await rel({ id: 'r-a1-pl', type: 'LOCATED_IN', from: 'a1', to: 'pl', validTo: '2020-12-31' });
      await rel({ id: 'r-a3-pl', type: 'LOCATED_IN', from: 'a3', to: 'pl' });
      await rel({ id: 'r-a3-a4', type: 'COLLABORATES_WITH', from: 'a3', to: 'a4' });
    }
    const ids = (items: Array<{ id: string }>) => items.map((i) => i.id).sort();

    describe('nodes', () => {
      it('creates, reads, updates and deletes a node', async () => {
        const created = await node({ id: 'las-naves', label: 'Actor', kind: 'lab', level: 'local', name: 'Las Naves', description: 'Centro de innovación', tags: ['innovación social'] });
        expect(created).toMatchObject({ id: 'las-naves', label: 'Actor', kind: 'lab', level: 'local', name: 'Las Naves', tags: ['innovación social'] });
        expect(typeof created.createdAt).toBe('string');
        expect(await store.getNode('las-naves')).toEqual(created);

        const updated = await store.updateNode('las-naves', { name: 'Las Naves (València)', description: null }, ana);
        expect(updated.name).toBe('Las Naves (València)');
        expect(updated.description).toBeUndefined();
        expect(updated.createdAt).toBe(created.createdAt);
        expect(await store.getNode('las-naves')).toEqual(updated);

        await store.deleteNode('las-naves', ana);
        await rejection(store.getNode('las-naves'), NotFoundError);
        expect((await store.stats()).nodes).toBe(0);
      });

      it('makes an id from the name when none is given, and applies the default kind', async () => {
        const created = await node({ label: 'Project', name: 'Mapa de innovación' });
        expect(created.id).toMatch(/^mapa-de-innovacion-/);
        expect(created.kind).toBe('project');
        expect(await store.getNode(created.id)).toEqual(created);
      });

      it('refuses a duplicate id with ConflictError and keeps the first node', async () => {
        await node({ id: 'dup', label: 'Actor', name: 'First' });
        await rejection(node({ id: 'dup', label: 'Actor', name: 'Second' }), ConflictError);
        expect((await store.getNode('dup')).name).toBe('First');
      });

      it('rejects invalid nodes with ValidationError naming the fields, changing nothing', async () => {
        const before = await store.revision();
        const e1 = await rejection(node({ label: 'Actor', name: '' } as NodeInput), ValidationError);
        expect(paths(e1)).toContain('name');
        const e2 = await rejection(node({ id: 'k', label: 'Actor', name: 'K', kind: 'spaceship' }), ValidationError);
        expect(paths(e2)).toContain('kind');
        const e3 = await rejection(node({ id: 'bad id!', label: 'Actor', name: 'K' }), ValidationError);
        expect(paths(e3)).toContain('id');
        const e4 = await rejection(node({ id: 'k', label: 'Actor', name: 'K', validFrom: '2024-02-30' }), ValidationError);
        expect(paths(e4)).toContain('validFrom');
        await rejection(node({ id: 'k', label: 'Spaceship', name: 'K' } as unknown as NodeInput), ValidationError);
        expect(await store.revision()).toBe(before);
        expect((await store.stats()).nodes).toBe(0);
      });

      it('rejects an invalid update and leaves the node as it was', async () => {
        const created = await node({ id: 'n', label: 'Actor', name: 'N', level: 'local' });
        const revision = await store.revision();
        const error = await rejection(store.updateNode('n', { level: 'galactic' } as never, ana), ValidationError);
        expect(paths(error)).toContain('level');
        await rejection(store.updateNode('n', { label: 'Topic' } as never, ana), ValidationError);
        expect(await store.getNode('n')).toEqual(created);
        expect(await store.revision()).toBe(revision);
      });

      it('throws NotFoundError for unknown nodes and leaves them out of getNodes', async () => {
        await node({ id: 'known', label: 'Topic', name: 'Known' });
        await rejection(store.getNode('missing'), NotFoundError);
        await rejection(store.updateNode('missing', { name: 'x' }, ana), NotFoundError);
        await rejection(store.deleteNode('missing', ana), NotFoundError);
        expect(ids(await store.getNodes(['missing', 'known']))).toEqual(['known']);
      });

      it('stores Cypher-looking and unusual text verbatim', async () => {
        const nasty = "x'}) DETACH DELETE n //";
        const description = 'MATCH (n) RETURN n; `backticks` $param {"json": true} \\ \u00e7 \u{1F600}';
        await node({ id: 'nasty', label: 'Actor', name: nasty, description, tags: ['$tag', "o'clock"], aliases: ['") OR 1=1 --'] });
        await node({ id: 'other', label: 'Actor', name: 'Other' });
        const read = await store.getNode('nasty');
        expect(read.name).toBe(nasty);
        expect(read.description).toBe(description);
        expect(read.tags).toEqual(['$tag', "o'clock"]);
        expect(read.aliases).toEqual(['") OR 1=1 --']);
        expect((await store.stats()).nodes).toBe(2);
        expect(ids((await store.listNodes({ q: "x'})" })).items)).toEqual(['nasty']);
      });

      it('adds manual-edit provenance automatically and never drops provenance on update', async () => {
        const created = await node({ id: 'p', label: 'Actor', name: 'P' });
        expect(created.provenance).toHaveLength(1);
        expect(created.provenance[0]).toMatchObject({ addedBy: 'ana', confidence: 1 });
        expect(created.provenance[0].source).toMatch(/^manual edit/);
        const withDoc = await store.updateNode('p', { provenance: [{ source: '000_doc.txt', quote: 'P is a lab', confidence: 0.8 }] }, ana);
        expect(withDoc.provenance.map((p) => p.source)).toEqual([created.provenance[0].source, '000_doc.txt']);
        const renamed = await store.updateNode('p', { name: 'P2' }, { actor: 'ben' });
        const sources = renamed.provenance.map((p) => p.source);
        expect(sources).toContain('000_doc.txt');
        expect(sources[0]).toBe(created.provenance[0].source);
        expect((await store.getNode('p')).provenance).toEqual(renamed.provenance);
      });

      it('keeps 100 concurrent creates, each once', async () => {
        const created = await Promise.all(Array.from({ length: 100 }, (_, i) => node({ id: `c-${String(i).padStart(3, '0')}`, label: 'Topic', name: `Topic ${i}` })));
        expect(created).toHaveLength(100);
        expect((await store.stats()).nodes).toBe(100);
        expect(await store.revision()).toBe(100);
        const listed = await store.listNodes({ limit: 1000 });
        expect(listed.items.map((n) => n.id)).toEqual(created.map((n) => n.id).sort());
      });
    });

    describe('concurrency', () => {
      it('lets exactly one of 20 concurrent creates of the same id win', async () => {
        const results = await Promise.allSettled(Array.from({ length: 20 }, (_, i) => node({ id: 'race', label: 'Actor', name: `Racer ${i}` })));
        expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
        for (const r of results) if (r.status === 'rejected') expect(r.reason).toBeInstanceOf(ConflictError);
        expect(await store.revision()).toBe(1);
        expect((await store.changes({ id: 'race' })).items).toHaveLength(1);
      });

      it('applies concurrent updates of one node one after another, losing none of their provenance', async () => {
        await node({ id: 'busy', label: 'Actor', name: 'Busy' });
        await Promise.all(Array.from({ length: 10 }, (_, i) => store.updateNode('busy', { provenance: [{ source: `doc-${i}.txt` }] }, ana)));
        const sources = (await store.getNode('busy')).provenance.map((p) => p.source);
        for (let i = 0; i < 10; i++) expect(sources).toContain(`doc-${i}.txt`);
        expect(await store.revision()).toBe(11);
      });
    });

    describe('listing', () => {
      it('pages through every node exactly once, in id order, with opaque cursors', async () => {
        for (let i = 0; i < 23; i++) await node({ id: `n-${String(i).padStart(2, '0')}`, label: i % 2 ? 'Actor' : 'Topic', name: `Node ${i}` });
        const seen: string[] = [];
        let cursor: string | undefined;
        let pages = 0;
        do {
          const page = await store.listNodes({ limit: 5, cursor });
          expect(page.items.length).toBeLessThanOrEqual(5);
          seen.push(...page.items.map((n) => n.id));
          cursor = page.nextCursor;
          pages++;
        } while (cursor && pages < 20);
        expect(pages).toBe(5);
        expect(seen).toEqual(Array.from({ length: 23 }, (_, i) => `n-${String(i).padStart(2, '0')}`));

        const actors: string[] = [];
        cursor = undefined;
        do {
          const page = await store.listNodes({ labels: ['Actor'], limit: 4, cursor });
          actors.push(...page.items.map((n) => n.id));
          cursor = page.nextCursor;
        } while (cursor);
        expect(actors).toHaveLength(11);
        expect(new Set(actors).size).toBe(11);
      });

      it('filters nodes by label, kind, level, topic and accent-insensitive name', async () => {
        await fixture();
        expect(ids((await store.listNodes({ labels: ['Project'] })).items)).toEqual(['p1', 'p2']);
        expect(ids((await store.listNodes({ kinds: ['university', 'company'] })).items)).toEqual(['a2', 'a3']);
        expect(ids((await store.listNodes({ levels: ['international'] })).items)).toEqual(['a4']);
        expect(ids((await store.listNodes({ labels: ['Actor'], levels: ['local', 'national'] })).items)).toEqual(['a1', 'a3']);
        expect(ids((await store.listNodes({ q: 'VALENCIA' })).items)).toEqual(['a2']);
        expect(ids((await store.listNodes({ q: 'vinaros' })).items)).toEqual(['pl']);
        expect(ids((await store.listNodes({ topics: ['t1'] })).items)).toEqual(['p1', 't1']);
      });

      it('rejects a bad limit or cursor with ValidationError', async () => {
        expect(paths(await rejection(store.listNodes({ limit: 0 }), ValidationError))).toContain('limit');
        expect(paths(await rejection(store.listNodes({ limit: 1001 }), ValidationError))).toContain('limit');
        expect(paths(await rejection(store.listNodes({ cursor: 'not-a-cursor' }), ValidationError))).toContain('cursor');
      });

      it('filters by validity day with `at`', async () => {
        await node({ id: 'old', label: 'Actor', name: 'Old', validTo: '2019-12-31' });
        await node({ id: 'new', label: 'Actor', name: 'New', validFrom: '2023-01-01' });
        await node({ id: 'always', label: 'Actor', name: 'Always' });
        expect(ids((await store.listNodes({ at: '2018-06-01' })).items)).toEqual(['always', 'old']);
        expect(ids((await store.listNodes({ at: '2021-06-01' })).items)).toEqual(['always']);
        expect(ids((await store.listNodes({ at: '2023-01-01' })).items)).toEqual(['always', 'new']);
        expect(ids((await store.listNodes({})).items)).toEqual(['always', 'new', 'old']);
        await rejection(store.listNodes({ at: '2023-13-01' }), ValidationError);
      });
    });

    describe('relationships', () => {
      it('creates, reads, updates, lists and deletes a relationship', async () => {
        await node({ id: 'a', label: 'Actor', name: 'A' });
        await node({ id: 'p', label: 'Project', name: 'P' });
        const created = await rel({ type: 'PARTICIPATES_IN', from: 'a', to: 'p', properties: { role: 'lead' } });
        expect(created).toMatchObject({ type: 'PARTICIPATES_IN', from: 'a', to: 'p', properties: { role: 'lead' } });
        expect(created.provenance[0]).toMatchObject({ addedBy: 'ana' });
        expect(await store.getRelationship(created.id)).toEqual(created);

        const updated = await store.updateRelationship(created.id, { properties: { role: 'partner' }, validFrom: '2022-01-01' }, ana);
        expect(updated.properties.role).toBe('partner');
        expect(updated.validFrom).toBe('2022-01-01');
        expect(await store.getRelationship(created.id)).toEqual(updated);

        expect(ids(await store.relationshipsOf('a'))).toEqual([created.id]);
        expect(ids(await store.relationshipsOf('p'))).toEqual([created.id]);
        expect(ids((await store.listRelationships({ from: 'a' })).items)).toEqual([created.id]);
        expect(ids((await store.listRelationships({ to: 'p', types: ['PARTICIPATES_IN'] })).items)).toEqual([created.id]);
        expect((await store.listRelationships({ types: ['FUNDS'] })).items).toEqual([]);

        await store.deleteRelationship(created.id, ana);
        await rejection(store.getRelationship(created.id), NotFoundError);
        expect(await store.relationshipsOf('a')).toEqual([]);
      });

      it('refuses a duplicate relationship id with ConflictError', async () => {
        await node({ id: 'a', label: 'Actor', name: 'A' });
        await node({ id: 'b', label: 'Actor', name: 'B' });
        await rel({ id: 'ab', type: 'COLLABORATES_WITH', from: 'a', to: 'b' });
        await rejection(rel({ id: 'ab', type: 'COLLABORATES_WITH', from: 'b', to: 'a' }), ConflictError);
        // Without an id, the id derives from type and ends: the same link twice conflicts too.
        await rel({ type: 'MEMBER_OF', from: 'a', to: 'b' });
        await rejection(rel({ type: 'MEMBER_OF', from: 'a', to: 'b' }), ConflictError);
        expect((await store.stats()).relationships).toBe(2);
      });

      it('refuses relationships to unknown nodes, naming the missing end', async () => {
        await node({ id: 'a', label: 'Actor', name: 'A' });
        const revision = await store.revision();
        expect(paths(await rejection(rel({ type: 'COLLABORATES_WITH', from: 'a', to: 'ghost' }), ValidationError))).toContain('to');
        expect(paths(await rejection(rel({ type: 'COLLABORATES_WITH', from: 'ghost', to: 'a' }), ValidationError))).toContain('from');
        expect(await store.revision()).toBe(revision);
        expect((await store.stats()).relationships).toBe(0);
      });

      it('enforces the endpoint label rules of each relationship type', async () => {
        await node({ id: 'topic', label: 'Topic', name: 'T' });
        await node({ id: 'practice', label: 'Practice', name: 'Pr' });
        await node({ id: 'actor', label: 'Actor', name: 'A' });
        expect(paths(await rejection(rel({ type: 'ADOPTED', from: 'topic', to: 'practice' }), ValidationError))).toContain('type');
        expect(paths(await rejection(rel({ type: 'WORKS_ON', from: 'actor', to: 'practice' }), ValidationError))).toContain('type');
        await rel({ type: 'ADOPTED', from: 'actor', to: 'practice' });
        await rel({ type: 'WORKS_ON', from: 'actor', to: 'topic' });
        expect((await store.stats()).relationships).toBe(2);
      });

      it('rejects invalid relationship input with field paths', async () => {
        await node({ id: 'a', label: 'Actor', name: 'A' });
        await node({ id: 'b', label: 'Actor', name: 'B' });
        await rejection(rel({ type: 'LIKES', from: 'a', to: 'b' } as unknown as RelationshipInput), ValidationError);
        expect(paths(await rejection(rel({ type: 'COLLABORATES_WITH', from: 'a', to: 'a' }), ValidationError))).toContain('to');
        expect(paths(await rejection(rel({ type: 'COLLABORATES_WITH', from: 'a', to: 'b', validFrom: '2024-01-01', validTo: '2023-01-01' }), ValidationError))).toContain(
          'validTo',
        );
        const r = await rel({ id: 'ab', type: 'COLLABORATES_WITH', from: 'a', to: 'b' });
        const e = await rejection(store.updateRelationship('ab', { properties: { weight: -1 } }, ana), ValidationError);
        expect(paths(e).some((p) => p.startsWith('properties'))).toBe(true);
        expect(await store.getRelationship('ab')).toEqual(r);
      });

      it('refuses to delete a node that has relationships unless detach is given', async () => {
        await node({ id: 'a', label: 'Actor', name: 'A' });
        await node({ id: 'b', label: 'Actor', name: 'B' });
        await node({ id: 'c', label: 'Actor', name: 'C' });
        await rel({ id: 'ab', type: 'COLLABORATES_WITH', from: 'a', to: 'b' });
        await rel({ id: 'ca', type: 'MEMBER_OF', from: 'c', to: 'a' });
        const revision = await store.revision();
        await rejection(store.deleteNode('a', ana), ConflictError);
        expect((await store.stats()).relationships).toBe(2);
        expect(await store.revision()).toBe(revision);

        await store.deleteNode('a', ana, { detach: true });
        expect(await store.revision()).toBe(revision + 1);
        await rejection(store.getNode('a'), NotFoundError);
        await rejection(store.getRelationship('ab'), NotFoundError);
        await rejection(store.getRelationship('ca'), NotFoundError);
        expect(await store.stats()).toMatchObject({ nodes: 2, relationships: 0 });
        const log = (await store.changes({ since: '2000-01-01', limit: 1000 })).items.filter((e) => e.revision === revision + 1);
        expect(log.map((e) => `${e.op} ${e.entity} ${e.id}`).sort()).toEqual(['delete node a', 'delete relationship ab', 'delete relationship ca']);
      });

      it('hides relationships whose ends are not valid on `at`', async () => {
        await node({ id: 'a', label: 'Actor', name: 'A' });
        await node({ id: 'b', label: 'Actor', name: 'B', validFrom: '2022-01-01' });
        await node({ id: 'c', label: 'Actor', name: 'C' });
        await rel({ id: 'ab', type: 'COLLABORATES_WITH', from: 'a', to: 'b' });
        await rel({ id: 'ac', type: 'COLLABORATES_WITH', from: 'a', to: 'c', validFrom: '2021-01-01', validTo: '2021-12-31' });
        expect(ids(await store.relationshipsOf('a', { at: '2021-06-01' }))).toEqual(['ac']);
        expect(ids(await store.relationshipsOf('a', { at: '2023-06-01' }))).toEqual(['ab']);
        expect(ids((await store.listRelationships({ at: '2021-06-01' })).items)).toEqual(['ac']);
        expect(ids(await store.relationshipsOf('a'))).toEqual(['ab', 'ac']);
      });

      it('pages through every relationship exactly once', async () => {
        for (let i = 0; i < 12; i++) await node({ id: `n${String(i).padStart(2, '0')}`, label: 'Actor', name: `N${i}` });
        for (let i = 0; i < 11; i++) await rel({ id: `r${String(i).padStart(2, '0')}`, type: 'COLLABORATES_WITH', from: `n${String(i).padStart(2, '0')}`, to: `n${String(i + 1).padStart(2, '0')}` });
        const seen: string[] = [];
        let cursor: string | undefined;
        do {
          const page = await store.listRelationships({ limit: 3, cursor });
          seen.push(...page.items.map((r) => r.id));
          cursor = page.nextCursor;
        } while (cursor);
        expect(seen).toEqual(Array.from({ length: 11 }, (_, i) => `r${String(i).padStart(2, '0')}`));
      });
    });

    describe('neighbourhood', () => {
      beforeEach(fixture);

      it('returns the nodes within depth 1, 2 and 3 and the relationships among them', async () => {
        const d1 = await store.neighbourhood('a1', { depth: 1 });
        expect(ids(d1.nodes)).toEqual(['a1', 'a2', 'p1', 'pl']);
        expect(ids(d1.relationships)).toEqual(['r-a1-a2', 'r-a1-p1', 'r-a1-pl', 'r-a2-p1']);
        expect(d1.truncated).toBe(false);
        const d2 = await store.neighbourhood('a1', { depth: 2 });
        expect(ids(d2.nodes)).toEqual(['a1', 'a2', 'a3', 'p1', 'p2', 'pl', 't1']);
        expect(ids(d2.relationships)).toEqual(['r-a1-a2', 'r-a1-p1', 'r-a1-pl', 'r-a2-p1', 'r-a2-p2', 'r-a3-p2', 'r-a3-pl', 'r-p1-t1']);
        const d3 = await store.neighbourhood('a1', { depth: 3 });
        expect(ids(d3.nodes)).toEqual(['a1', 'a2', 'a3', 'a4', 'p1', 'p2', 'pl', 't1']);
        expect(d3.relationships).toHaveLength(9);
      });

      it('filters the nodes reached by label, kind and level (the centre always included)', async () => {
        const actors = await store.neighbourhood('a1', { depth: 2, labels: ['Actor'] });
        expect(ids(actors.nodes)).toEqual(['a1', 'a2', 'a3']);
        expect(ids(actors.relationships)).toEqual(['r-a1-a2']);
        expect(ids((await store.neighbourhood('a1', { depth: 3, kinds: ['company', 'ngo'] })).nodes)).toEqual(['a1', 'a3', 'a4']);
        expect(ids((await store.neighbourhood('a1', { depth: 3, levels: ['national'] })).nodes)).toEqual(['a1', 'a3']);
        expect(ids((await store.neighbourhood('p1', { depth: 1, labels: ['Topic'] })).nodes)).toEqual(['p1', 't1']);
      });

      it('follows only the relationship types asked for', async () => {
        expect(ids((await store.neighbourhood('a1', { depth: 2, types: ['PARTICIPATES_IN'] })).nodes)).toEqual(['a1', 'a2', 'p1']);
        const d3 = await store.neighbourhood('a1', { depth: 3, types: ['PARTICIPATES_IN'] });
        expect(ids(d3.nodes)).toEqual(['a1', 'a2', 'p1', 'p2']);
        expect(d3.relationships.every((r) => r.type === 'PARTICIPATES_IN')).toBe(true);
      });

      it('cuts at `limit` nearest first and says it truncated', async () => {
        const cut = await store.neighbourhood('a1', { depth: 3, limit: 4 });
        expect(cut.nodes).toHaveLength(4);
        expect(cut.truncated).toBe(true);
        expect(ids(cut.nodes)).toEqual(['a1', 'a2', 'p1', 'pl']);
        const whole = await store.neighbourhood('a1', { depth: 3, limit: 8 });
        expect(whole.nodes).toHaveLength(8);
        expect(whole.truncated).toBe(false);
      });

      it('applies `at` to relationships and nodes', async () => {
        const now = await store.neighbourhood('a1', { depth: 1, at: '2024-01-01' });
        expect(ids(now.nodes)).toEqual(['a1', 'a2', 'p1']);
        const then = await store.neighbourhood('a1', { depth: 1, at: '2020-06-01' });
        expect(ids(then.nodes)).toEqual(['a1', 'a2', 'p1', 'pl']);
      });

      it('rejects a bad depth and an unknown centre', async () => {
        expect(paths(await rejection(store.neighbourhood('a1', { depth: 4 }), ValidationError))).toContain('depth');
        expect(paths(await rejection(store.neighbourhood('a1', { depth: 0 }), ValidationError))).toContain('depth');
        await rejection(store.neighbourhood('ghost', { depth: 1 }), NotFoundError);
      });
    });

    describe('shortest paths', () => {
      beforeEach(fixture);

      it('finds the shortest path, ignoring direction (k = 1)', async () => {
        const paths1 = await store.shortestPaths('a1', 'a3');
        expect(paths1).toHaveLength(1);
        expect(paths1[0].length).toBe(2);
        expect(paths1[0].nodes.map((n) => n.id)).toEqual(['a1', 'pl', 'a3']);
        expect(paths1[0].relationships.map((r) => r.id)).toEqual(['r-a1-pl', 'r-a3-pl']);
      });

      it('finds the k shortest simple paths in order of length (k = 3) and no more than exist', async () => {
        const three = await store.shortestPaths('a1', 'a3', { k: 3 });
        expect(three.map((p) => p.length)).toEqual([2, 3, 4]);
        expect(three[1].nodes.map((n) => n.id)).toEqual(['a1', 'a2', 'p2', 'a3']);
        expect(three[2].nodes.map((n) => n.id)).toEqual(['a1', 'p1', 'a2', 'p2', 'a3']);
        for (const p of three) {
          expect(new Set(p.nodes.map((n) => n.id)).size).toBe(p.nodes.length);
          expect(p.relationships).toHaveLength(p.length);
        }
        expect(await store.shortestPaths('a1', 'a3', { k: 10 })).toHaveLength(3);
        expect((await store.shortestPaths('a1', 'a3', { k: 3, maxDepth: 3 })).map((p) => p.length)).toEqual([2, 3]);
      });

      it('returns no path between disconnected nodes', async () => {
        expect(await store.shortestPaths('a1', 'x', { k: 3 })).toEqual([]);
        await rejection(store.shortestPaths('a1', 'ghost'), NotFoundError);
      });

      it('respects relationship types and `at`', async () => {
        const onlyProjects = await store.shortestPaths('a1', 'a3', { k: 3, types: ['PARTICIPATES_IN'] });
        expect(onlyProjects.map((p) => p.length)).toEqual([4]);
        const later = await store.shortestPaths('a1', 'a3', { k: 3, at: '2024-01-01' });
        expect(later.map((p) => p.length)).toEqual([3, 4]);
        expect(paths(await rejection(store.shortestPaths('a1', 'a3', { k: 11 }), ValidationError))).toContain('k');
      });
    });

    describe('search', () => {
      beforeEach(async () => {
        await node({ id: 'vinaros', label: 'Place', name: 'Vinaròs' });
        await node({ id: 'algemesi', label: 'Place', name: 'Algemesí' });
        await node({ id: 'valencia', label: 'Place', kind: 'province', name: 'València', aliases: ['Valencia'] });
        await node({ id: 'naves', label: 'Actor', kind: 'lab', level: 'local', name: 'Las Naves', tags: ['innovación social'], description: 'Centro de innovación urbana' });
        await node({ id: 'old-lab', label: 'Actor', kind: 'lab', name: 'Laboratorio Ciudadano de Algemesí', validTo: '2015-12-31' });
      });

      it('ignores accents and case', async () => {
        expect((await store.search('vinaros'))[0]?.id).toBe('vinaros');
        expect((await store.search('VINARÒS'))[0]?.id).toBe('vinaros');
        expect((await store.search('algemesi'))[0]?.id).toBe('algemesi');
        expect((await store.search('valencia'))[0]?.id).toBe('valencia');
        const hit = (await store.search('vinaros'))[0];
        expect(hit).toMatchObject({ id: 'vinaros', name: 'Vinaròs', label: 'Place', kind: 'municipality' });
        expect(hit.score).toBeGreaterThan(0);
      });

      it('tolerates a one-letter typo and matches prefixes', async () => {
        expect((await store.search('algemsi')).map((h) => h.id)).toContain('algemesi');
        expect((await store.search('vinarox')).map((h) => h.id)).toContain('vinaros');
        expect((await store.search('vinar')).map((h) => h.id)).toContain('vinaros');
      });

      it('searches tags and descriptions, and filters by label, kind, level and `at`', async () => {
        expect((await store.search('innovacion')).map((h) => h.id)).toEqual(['naves']);
        expect((await store.search('urbana')).map((h) => h.id)).toEqual(['naves']);
        expect((await store.search('algemesi', { labels: ['Actor'] })).map((h) => h.id)).toEqual(['old-lab']);
        expect((await store.search('algemesi', { labels: ['Place'] })).map((h) => h.id)).toEqual(['algemesi']);
        expect((await store.search('valencia', { kinds: ['province'] })).map((h) => h.id)).toEqual(['valencia']);
        expect((await store.search('naves', { levels: ['regional'] })).map((h) => h.id)).toEqual([]);
        expect((await store.search('algemesi', { at: '2020-01-01' })).map((h) => h.id)).toEqual(['algemesi']);
        expect((await store.search('algemesi', { at: '2010-01-01' })).map((h) => h.id).sort()).toEqual(['algemesi', 'old-lab']);
      });

      it('follows writes: renamed and deleted nodes', async () => {
        expect((await store.search('vinaros')).map((h) => h.id)).toContain('vinaros');
        await store.updateNode('vinaros', { name: 'Benicarló' }, ana);
        expect((await store.search('vinaros')).map((h) => h.id)).not.toContain('vinaros');
        expect((await store.search('benicarlo'))[0]?.id).toBe('vinaros');
        await store.deleteNode('vinaros', ana);
        expect(await store.search('benicarlo')).toEqual([]);
      });
    });

    describe('bulk upsert', () => {
      const batchOf = (names: Record<string, string>): BulkBatch => ({
        nodes: Object.entries(names).map(([id, name], i) => ({ id, label: 'Actor', name, origin: { file: 'elements.csv', row: i + 2 } })),
        relationships: [],
      });

      it('writes nothing when one row is bad and reports the file, row and column', async () => {
        await node({ id: 'existing', label: 'Actor', name: 'Existing' });
        const revision = await store.revision();
        const batch: BulkBatch = {
          nodes: [
            { id: 'good', label: 'Actor', name: 'Good', origin: { file: 'elements.csv', row: 2 } },
            { id: 'bad', label: 'Actor', name: 'Bad', kind: 'spaceship', origin: { file: 'elements.csv', row: 3 } },
            { id: 'existing', label: 'Actor', name: 'Renamed', origin: { file: 'elements.csv', row: 4 } },
          ],
          relationships: [
            { type: 'COLLABORATES_WITH', from: 'good', to: 'nowhere', origin: { file: 'connections.csv', row: 2 } },
            { type: 'COLLABORATES_WITH', from: 'good', to: 'existing', origin: { file: 'connections.csv', row: 3 } },
          ],
        };
        const report = await store.bulkUpsert(batch, { mode: 'merge' }, ana);
        expect(report.errors.length).toBeGreaterThanOrEqual(2);
        expect(report.errors).toContainEqual(expect.objectContaining({ file: 'elements.csv', row: 3, column: 'kind' }));
        expect(report.errors).toContainEqual(expect.objectContaining({ file: 'connections.csv', row: 2, column: 'to' }));
        expect(report.errors.some((e) => e.row === 2 && e.file === 'elements.csv')).toBe(false);
        expect(await store.revision()).toBe(revision);
        await rejection(store.getNode('good'), NotFoundError);
        expect((await store.getNode('existing')).name).toBe('Existing');
        expect(await store.stats()).toMatchObject({ nodes: 1, relationships: 0 });
      });

      it('reports duplicate ids within a batch as errors', async () => {
        const report = await store.bulkUpsert(
          { nodes: [{ id: 'd', label: 'Actor', name: 'D1', origin: { row: 2 } }, { id: 'd', label: 'Actor', name: 'D2', origin: { row: 3 } }], relationships: [] },
          { mode: 'merge' },
          ana,
        );
        expect(report.errors).toContainEqual(expect.objectContaining({ row: 3, column: 'id' }));
        expect((await store.stats()).nodes).toBe(0);
      });

      it('merges: counts created, updated and unchanged, and a re-import changes nothing', async () => {
        const first = await store.bulkUpsert(batchOf({ a: 'A', b: 'B' }), { mode: 'merge' }, ana);
        expect(first).toMatchObject({ created: 2, updated: 0, unchanged: 0, deleted: 0, errors: [], dryRun: false });
        const revision = await store.revision();
        expect(first.revision).toBe(revision);

        const second = batchOf({ a: 'A renamed', b: 'B', c: 'C' });
        second.relationships.push({ type: 'COLLABORATES_WITH', from: 'a', to: 'c' });
        const report = await store.bulkUpsert(second, { mode: 'merge' }, ana);
        expect(report.nodes).toEqual({ created: 1, updated: 1, unchanged: 1, deleted: 0 });
        expect(report.relationships).toEqual({ created: 1, updated: 0, unchanged: 0, deleted: 0 });
        expect(report).toMatchObject({ created: 2, updated: 1, unchanged: 1, deleted: 0 });
        expect(await store.revision()).toBe(revision + 1);
        expect((await store.getNode('a')).name).toBe('A renamed');

        const again = await store.bulkUpsert(second, { mode: 'merge' }, ana);
        expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 4, deleted: 0, errors: [] });
        expect(await store.revision()).toBe(revision + 1);
      });

      it('keeps existing provenance when merging and appends new sources', async () => {
        await store.bulkUpsert({ nodes: [{ id: 'a', label: 'Actor', name: 'A', provenance: [{ source: 'one.csv' }] }], relationships: [] }, { mode: 'merge' }, ana);
        await store.bulkUpsert({ nodes: [{ id: 'a', label: 'Actor', name: 'A', provenance: [{ source: 'two.csv' }] }], relationships: [] }, { mode: 'merge' }, ana);
        expect((await store.getNode('a')).provenance.map((p) => p.source)).toEqual(['one.csv', 'two.csv']);
      });

      it('replace mode leaves exactly the batch', async () => {
        await node({ id: 'keep', label: 'Actor', name: 'Keep' });
        await node({ id: 'drop', label: 'Actor', name: 'Drop' });
        await rel({ id: 'kd', type: 'COLLABORATES_WITH', from: 'keep', to: 'drop' });
        const batch: BulkBatch = {
          nodes: [
            { id: 'keep', label: 'Actor', name: 'Keep' },
            { id: 'new', label: 'Actor', name: 'New' },
          ],
          relationships: [{ id: 'kn', type: 'COLLABORATES_WITH', from: 'keep', to: 'new' }],
        };
        const revision = await store.revision();
        const report = await store.bulkUpsert(batch, { mode: 'replace' }, ana);
        expect(report.errors).toEqual([]);
        expect(report.nodes).toMatchObject({ created: 1, deleted: 1 });
        expect(report.relationships).toMatchObject({ created: 1, deleted: 1 });
        expect(await store.revision()).toBe(revision + 1);
        expect(ids((await store.listNodes({})).items)).toEqual(['keep', 'new']);
        expect(ids((await store.listRelationships({})).items)).toEqual(['kn']);
      });

      it('replace mode refuses relationships to nodes outside the batch', async () => {
        await node({ id: 'outside', label: 'Actor', name: 'Outside' });
        const report = await store.bulkUpsert(
          { nodes: [{ id: 'in', label: 'Actor', name: 'In' }], relationships: [{ type: 'COLLABORATES_WITH', from: 'in', to: 'outside', origin: { row: 2 } }] },
          { mode: 'replace' },
          ana,
        );
        expect(report.errors).toContainEqual(expect.objectContaining({ row: 2, column: 'to' }));
        expect(ids((await store.listNodes({})).items)).toEqual(['outside']);
      });

      it('dryRun reports what would happen and writes nothing', async () => {
        await node({ id: 'a', label: 'Actor', name: 'A' });
        const revision = await store.revision();
        const report = await store.bulkUpsert(batchOf({ a: 'A2', b: 'B' }), { mode: 'merge', dryRun: true }, ana);
        expect(report).toMatchObject({ created: 1, updated: 1, dryRun: true, errors: [] });
        expect(await store.revision()).toBe(revision);
        expect((await store.getNode('a')).name).toBe('A');
        await rejection(store.getNode('b'), NotFoundError);
        const replace = await store.bulkUpsert(batchOf({ b: 'B' }), { mode: 'replace', dryRun: true }, ana);
        expect(replace).toMatchObject({ created: 1, deleted: 1, dryRun: true });
        expect((await store.stats()).nodes).toBe(1);
      });
    });

    describe('revisions and the change log', () => {
      it('increases the revision by exactly one per write', async () => {
        const start = await store.revision();
        await node({ id: 'a', label: 'Actor', name: 'A' });
        expect(await store.revision()).toBe(start + 1);
        await node({ id: 'b', label: 'Actor', name: 'B' });
        await rel({ id: 'ab', type: 'COLLABORATES_WITH', from: 'a', to: 'b' });
        await store.updateNode('a', { name: 'A2' }, ana);
        await store.updateRelationship('ab', { properties: { weight: 2 } }, ana);
        expect(await store.revision()).toBe(start + 5);
        await store.bulkUpsert({ nodes: [{ id: 'c', label: 'Actor', name: 'C' }, { id: 'd', label: 'Actor', name: 'D' }], relationships: [] }, { mode: 'merge' }, ana);
        expect(await store.revision()).toBe(start + 6);
        await store.deleteNode('a', ana, { detach: true });
        expect(await store.revision()).toBe(start + 7);
        expect((await store.stats()).revision).toBe(start + 7);
      });

      it('logs who changed what, with before and after images', async () => {
        await node({ id: 'a', label: 'Actor', name: 'A' });
        await store.updateNode('a', { name: 'A2' }, { actor: 'ben', via: 'api' });
        await store.deleteNode('a', ana);
        const log = (await store.changes({ id: 'a' })).items;
        expect(log.map((e) => e.op)).toEqual(['create', 'update', 'delete']);
        const [created, updated, deleted] = log;
        expect(created).toMatchObject({ entity: 'node', id: 'a', actor: 'ana', before: null, after: { name: 'A' } });
        expect(updated).toMatchObject({ actor: 'ben', via: 'api', before: { name: 'A' }, after: { name: 'A2' } });
        expect(deleted).toMatchObject({ before: { name: 'A2' }, after: null });
        expect(updated.seq).toBe(created.seq + 1);
        expect(deleted.revision).toBe(updated.revision + 1);
        expect(Number.isNaN(Date.parse(created.at))).toBe(false);
      });

      it('pages through the log with cursors and filters by time and id', async () => {
        for (let i = 0; i < 7; i++) await node({ id: `n${i}`, label: 'Topic', name: `N${i}` });
        const seqs: number[] = [];
        let cursor: string | undefined;
        do {
          const page = await store.changes({ limit: 3, cursor });
          seqs.push(...page.items.map((e) => e.seq));
          cursor = page.nextCursor;
        } while (cursor);
        expect(seqs).toHaveLength(7);
        expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
        expect(new Set(seqs).size).toBe(7);
        for (let i = 1; i < seqs.length; i++) expect(seqs[i]).toBe(seqs[i - 1] + 1);
        expect((await store.changes({ since: '2999-01-01' })).items).toEqual([]);
        expect((await store.changes({ until: '1999-01-01' })).items).toEqual([]);
        expect((await store.changes({ since: '2000-01-01' })).items).toHaveLength(7);
        expect((await store.changes({ id: 'n3' })).items.map((e) => e.id)).toEqual(['n3']);
      });
    });

    describe('change feed', () => {
      it('gives the entries of every write after a revision, whole writes in seq order, and says when there are too many', async () => {
        const start = await store.revision();
        await node({ id: 'a', label: 'Actor', name: 'A' });
        await node({ id: 'b', label: 'Actor', name: 'B' });
        await rel({ id: 'ab', type: 'COLLABORATES_WITH', from: 'a', to: 'b' });
        await store.deleteNode('a', ana, { detach: true });
        const all = await store.changesSince(start);
        expect(all.more).toBe(false);
        expect(all.items.map((e) => [e.revision - start, e.op, e.id])).toEqual([
          [1, 'create', 'a'],
          [2, 'create', 'b'],
          [3, 'create', 'ab'],
          [4, 'delete', 'ab'],
          [4, 'delete', 'a'],
        ]);
        for (let i = 1; i < all.items.length; i++) expect(all.items[i].seq).toBe(all.items[i - 1].seq + 1);
        expect(all.items[2].after).toMatchObject({ from: 'a', to: 'b', type: 'COLLABORATES_WITH' });
        expect((await store.changesSince(start + 3)).items.map((e) => e.id)).toEqual(['ab', 'a']);
        expect(await store.changesSince(start + 4)).toEqual({ items: [], more: false });
        expect(await store.changesSince(start, { limit: 4 })).toEqual({ items: [], more: true });
        // A bulk write of more entries than the limit: `more`, not a part of it.
        const many = Array.from({ length: 120 }, (_, i) => ({ id: `m${i}`, label: 'Topic' as const, name: `M${i}` }));
        await store.bulkUpsert({ nodes: many, relationships: [] }, { mode: 'merge' }, ana);
        expect((await store.changesSince(start + 4)).items).toHaveLength(120);
        expect(await store.changesSince(start + 4, { limit: 100 })).toEqual({ items: [], more: true });
        await rejection(store.changesSince(-1), ValidationError);
        await rejection(store.changesSince(start, { limit: 0 }), ValidationError);
      });

      it('keeps the analytics topology current from the feed: writes never trigger a full topology read', async () => {
        await fixture();
        let fullReads = 0;
        const streamTopology = store.streamTopology.bind(store);
        store.streamTopology = (options) => {
          fullReads++;
          return streamTopology(options);
        };
        const analytics = new AnalyticsService(store, { useWorkers: false });
        try {
          const fresh = async (options: ProjectionOptions) => describeProjection(await buildProjection(streamTopology(), options));
          const first = await analytics.centrality('degree');
          expect(fullReads).toBe(1);
          expect(first.revision).toBe(await store.revision());
          // Every kind of write, one at a time and concurrently.
          await node({ id: 'a5', label: 'Actor', name: 'Five', level: 'local', kind: 'lab' });
          await rel({ id: 'r-a5-p1', type: 'PARTICIPATES_IN', from: 'a5', to: 'p1' });
          await store.updateNode('a4', { level: 'local' }, ana);
          await store.updateRelationship('r-a3-a4', { properties: { weight: 3 } }, ana);
          await store.deleteRelationship('r-a2-p2', ana);
          await store.deleteNode('a3', ana, { detach: true });
          const degree = await analytics.centrality('degree');
          await Promise.all([
            store.bulkUpsert({ nodes: [{ id: 'a6', label: 'Actor', name: 'Six' }], relationships: [{ id: 'r-a6-p2', type: 'PARTICIPATES_IN', from: 'a6', to: 'p2' }] }, { mode: 'merge' }, ana),
            rel({ id: 'r-a5-a1', type: 'COLLABORATES_WITH', from: 'a5', to: 'a1' }),
          ]);
          for (const options of [{}, { projection: 'full' as const }, { levels: ['local' as const] }, { projection: 'full' as const, at: '2021-06-01' }]) {
            expect(describeProjection(await analytics.projection(options)), JSON.stringify(options)).toEqual(await fresh(options));
          }
          expect(fullReads).toBe(1);
          expect(analytics.topology.fullReads).toBe(1);
          expect(analytics.topology.revision).toBe(await store.revision());
          expect(degree.scores.find((s) => s.id === 'a5')?.score).toBeGreaterThan(0);
          expect(degree.scores.some((s) => s.id === 'a3')).toBe(false);
        } finally {
          await analytics.close();
        }
      });

      it('serves the last centrality marked stale, with its revision, while the new one computes', async () => {
        await fixture();
        const analytics = new AnalyticsService(store, { useWorkers: false });
        try {
          const before = await analytics.centrality('degree', { staleAfterMs: 0 });
          expect(before.stale).toBeUndefined();
          await rel({ id: 'r-a4-p1', type: 'PARTICIPATES_IN', from: 'a4', to: 'p1' });
          const stale = await analytics.centrality('degree', { staleAfterMs: 0 });
          expect(stale).toMatchObject({ stale: true, revision: before.revision });
          expect(stale.scores).toEqual(before.scores);
          // The recomputation started by that call lands; the next call is current.
          let current = stale;
          while (current.stale) current = await analytics.centrality('degree', { staleAfterMs: 0 });
          expect(current.revision).toBe(before.revision + 1);
          expect(current.scores.find((s) => s.id === 'a4')!.score).toBeGreaterThan(before.scores.find((s) => s.id === 'a4')!.score);
          // Without staleAfterMs a call waits for the current revision.
          await rel({ id: 'r-a4-p2', type: 'PARTICIPATES_IN', from: 'a4', to: 'p2' });
          expect(await analytics.centrality('degree')).toMatchObject({ revision: before.revision + 2 });
        } finally {
          await analytics.close();
        }
      });
    });

    describe('export', () => {
      it('exports every node and relationship in chunks, and the lean topology', async () => {
        await fixture();
        const exported = { nodes: [] as string[], relationships: [] as string[] };
        for await (const chunk of store.exportAll({ chunkSize: 4 })) {
          expect(chunk.nodes.length + chunk.relationships.length).toBeLessThanOrEqual(8);
          exported.nodes.push(...chunk.nodes.map((n) => n.id));
          exported.relationships.push(...chunk.relationships.map((r) => r.id));
        }
        expect(exported.nodes.sort()).toEqual(['a1', 'a2', 'a3', 'a4', 'p1', 'p2', 'pl', 't1', 'x']);
        expect(exported.relationships).toHaveLength(9);
        let topoNodes = 0;
        const topoRels: Array<{ id: string; from: string; to: string; type: string }> = [];
        for await (const chunk of store.streamTopology({ chunkSize: 5 })) {
          topoNodes += chunk.nodes.length;
          topoRels.push(...chunk.relationships);
        }
        expect(topoNodes).toBe(9);
        expect(topoRels.find((r) => r.id === 'r-a1-pl')).toMatchObject({ from: 'a1', to: 'pl', type: 'LOCATED_IN', validTo: '2020-12-31' });
      });
    });
  });
}

/** A projection as comparable data: ids, and each node's neighbours with weights. */
function describeProjection(graph: CsrGraph): { ids: string[]; links: string[] } {
  const links: string[] = [];
  for (let i = 0; i < graph.n; i++) {
    for (let e = graph.offsets[i]; e < graph.offsets[i + 1]; e++) links.push(`${graph.ids[i]}→${graph.ids[graph.targets[e]]}:${graph.weights[e]}`);
  }
  return { ids: [...graph.ids], links: links.sort() };
}
