import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import request from 'supertest';
import type { GraphStore } from '@atlas/graph';
import { trustApp, type TrustApp } from '../trust/helpers.ts';
import { BAD_CASES, CYPHER, FIXTURE, type BadCase, type Who } from './cases.ts';

// Plays the bad-input corpus against one store: each case must answer 4xx
// problem+json and leave revision, counts and content (hash of exportAll)
// untouched. Then checks that Cypher-looking strings that ARE valid input are
// stored verbatim and harm nothing.

export interface StoreHandle {
  store: GraphStore;
  close(): Promise<void>;
}

interface StoreState {
  revision: number;
  nodes: number;
  relationships: number;
  hash: string;
}

async function stateOf(store: GraphStore): Promise<StoreState> {
  const nodes: string[] = [];
  const relationships: string[] = [];
  for await (const chunk of store.exportAll({ chunkSize: 500 })) {
    for (const n of chunk.nodes) nodes.push(JSON.stringify(n, Object.keys(n).sort()));
    for (const r of chunk.relationships) relationships.push(JSON.stringify(r, Object.keys(r).sort()));
  }
  const hash = createHash('sha256').update(nodes.sort().join('\n')).update('\u0000').update(relationships.sort().join('\n')).digest('hex');
  const stats = await store.stats();
  return { revision: await store.revision(), nodes: stats.nodes, relationships: stats.relationships, hash };
}

function authFor(t: TrustApp, who: Who): Record<string, string> {
  switch (who) {
    case 'anonymous':
      return {};
    case 'forged':
      return { Authorization: `Bearer atl_${'f'.repeat(12)}_${'F'.repeat(43)}` };
    case 'malformed':
      return { Authorization: `Token ${t.as.editor.Authorization.slice(7)}` };
    default:
      return t.as[who];
  }
}

function send(t: TrustApp, c: BadCase): request.Test {
  const who = c.who ?? (c.method === 'GET' ? 'anonymous' : 'editor');
  const agent = request(t.app);
  const req = (c.method === 'GET' ? agent.get(c.path) : c.method === 'POST' ? agent.post(c.path) : c.method === 'PATCH' ? agent.patch(c.path) : agent.delete(c.path)).set(
    authFor(t, who),
  );
  // serialize(identity): superagent would otherwise JSON-encode a Buffer instead of sending its bytes.
  if (c.raw !== undefined) return req.set('Content-Type', c.contentType ?? 'application/json').serialize((x: unknown) => x as string).send(c.raw);
  if (c.json !== undefined) return req.set('Content-Type', 'application/json').send(JSON.stringify(c.json));
  return req;
}

export function describeBadInput(storeName: string, open: () => Promise<StoreHandle>): void {
  describe(`bad input (${storeName})`, () => {
    let handle: StoreHandle;
    let t: TrustApp;
    beforeAll(async () => {
      handle = await open();
      const ctx = { actor: 'fixture', via: 'test' };
      const s = handle.store;
      await s.createNode({ id: FIXTURE.a, label: 'Actor', name: 'Las Naves', kind: 'public_body', level: 'local' }, ctx);
      await s.createNode({ id: FIXTURE.b, label: 'Actor', name: 'Vinaròs council', kind: 'municipality', level: 'local', validFrom: '2020-01-01', validTo: '2025-01-01' }, ctx);
      await s.createNode({ id: FIXTURE.project, label: 'Project', name: 'Missions València', kind: 'mission' }, ctx);
      await s.createNode({ id: FIXTURE.topic, label: 'Topic', name: 'Unwanted loneliness' }, ctx);
      await s.createRelationship({ id: FIXTURE.rel, type: 'COLLABORATES_WITH', from: FIXTURE.a, to: FIXTURE.b }, ctx);
      t = await trustApp(s);
    });
    afterAll(async () => {
      t?.cleanup();
      await handle?.close();
    });

    it(`has a corpus of at least 60 distinct cases (${BAD_CASES.length})`, () => {
      expect(BAD_CASES.length).toBeGreaterThanOrEqual(60);
      expect(new Set(BAD_CASES.map((c) => c.name)).size).toBe(BAD_CASES.length);
    });

    for (const c of BAD_CASES) {
      it(`${c.method} ${c.name} → ${c.status}`, async () => {
        const before = await stateOf(handle.store);
        const res = await send(t, c);
        expect({ status: res.status, body: res.body }).toMatchObject({ status: c.status });
        expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
        expect(res.body).toMatchObject({ status: c.status, title: expect.any(String), detail: expect.any(String), type: expect.any(String) });
        // Nothing of the server's insides leaks: no stack frames, driver or parser messages.
        expect(JSON.stringify(res.body)).not.toMatch(/\.ts:\d+|node_modules|Neo4jError|SyntaxError|at Object\.|Cypher/);
        if (c.field) {
          const paths: string[] = (res.body.errors ?? []).map((e: { path: string }) => e.path);
          expect(paths.some((p) => p === c.field || p.startsWith(`${c.field}.`) || p.endsWith(`.${c.field}`)), `errors[] ${JSON.stringify(paths)} name ${c.field}`).toBe(true);
        }
        expect(await stateOf(handle.store)).toEqual(before);
      });
    }

    it('stores Cypher-looking strings that are valid input verbatim, harming nothing', async () => {
      const before = await stateOf(handle.store);
      const hostile = {
        id: 'bi-hostile',
        label: 'Actor',
        name: CYPHER,
        description: 'MATCH (n) DETACH DELETE n; CALL dbms.shutdown() // ${process.exit()} {{7*7}}',
        tags: ["'; DROP TABLE nodes; --", '`n`) SET n.admin = true //', '$where'],
        aliases: ['\\u0000 is not a NUL', '<script>alert(1)</script>'],
        properties: { '$set': { admin: true }, constructor: 'x', 'a.b`c': "') RETURN 1 //", __proto__: { polluted: true } },
      };
      const raw = JSON.stringify(hostile).replace('"__proto__":{}', '"__proto__":{"polluted":true}');
      const created = await request(t.app).post('/api/nodes').set(t.as.editor).set('Content-Type', 'application/json').send(raw);
      expect(created.status).toBe(201);
      const relRes = await request(t.app)
        .post('/api/relationships')
        .set(t.as.editor)
        .send({ type: 'COLLABORATES_WITH', from: 'bi-hostile', to: FIXTURE.a, properties: { note: CYPHER, weight: 2 } });
      expect(relRes.status).toBe(201);

      const stored = (await request(t.app).get('/api/nodes/bi-hostile').set(t.as.editor)).body;
      expect(stored).toMatchObject({ name: CYPHER, description: hostile.description, tags: hostile.tags, aliases: hostile.aliases });
      expect(stored.properties).toMatchObject({ '$set': { admin: true }, constructor: 'x', 'a.b`c': "') RETURN 1 //" });
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      expect((await request(t.app).get(`/api/relationships/${relRes.body.id}`)).body.properties).toEqual({ note: CYPHER, weight: 2 });

      // Everything else is still there, and filters and searches with these strings are harmless.
      const after = await stateOf(handle.store);
      expect(after.nodes).toBe(before.nodes + 1);
      expect(after.relationships).toBe(before.relationships + 1);
      for (const id of Object.values(FIXTURE).filter((id) => id !== FIXTURE.rel)) expect((await request(t.app).get(`/api/nodes/${id}`)).status).toBe(200);
      const listed = await request(t.app).get(`/api/nodes?q=${encodeURIComponent("x'})")}`);
      expect(listed.status).toBe(200);
      expect(listed.body.items.map((n: { id: string }) => n.id)).toContain('bi-hostile');
      const searched = await request(t.app).get(`/api/search?q=${encodeURIComponent(CYPHER)}`);
      expect(searched.status).toBe(200);
      expect((await stateOf(handle.store)).hash).toBe(after.hash);
    });
  });
}
