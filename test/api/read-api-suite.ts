import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphStore } from '@atlas/graph';
import { loadSeed } from '@atlas/seeds/load-seed.ts';
import { trustApp, type TrustApp } from '../trust/helpers.ts';

// The read API (search, traversal, analytics, recommendations, import/export,
// OpenAPI) driven in-process with supertest against a real store loaded with
// the seed ecosystem. Run once per store: read-api.test.ts (embedded) and
// read-api.neo4j.test.ts (a real Neo4j 5).

export interface ApiSuiteStores {
  store: GraphStore;
  /** Another store holding the same seed: analytics answers must be identical. */
  reference?: GraphStore;
  close(): Promise<void>;
}

type App = TrustApp['app'];

/** The SPEC "HTTP API" table, as OpenAPI paths. */
export const SPEC_PATHS = [
  '/api/health',
  '/api/nodes',
  '/api/nodes/{id}',
  '/api/relationships',
  '/api/relationships/{id}',
  '/api/search',
  '/api/nodes/{id}/neighbourhood',
  '/api/paths',
  '/api/actors/{id}/collaborators',
  '/api/analytics/centrality',
  '/api/analytics/communities',
  '/api/analytics/summary',
  '/api/recommendations/peers/{actorId}',
  '/api/speakers',
  '/api/import',
  '/api/export',
  '/api/changes',
  '/api/diff',
];

function expectProblem(res: request.Response, status: number, path?: string): void {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
  const body = JSON.parse(res.text);
  expect(body).toMatchObject({ status, type: expect.any(String), title: expect.any(String), detail: expect.any(String) });
  if (path) expect(body.errors.map((e: { path: string }) => e.path)).toContain(path);
}

// A tiny hand graph for analytics with known answers: a star hub–a, hub–b,
// hub–c (through three projects) plus a separate pair e–f (one project).
const HAND_ELEMENTS = [
  'id,label,kind,level,country,region,city,tags,source,name',
  ...['hub', 'a', 'b', 'c', 'e', 'f'].map((id) => `hand-${id},Actor,ngo,local,ES,,,,hand.csv,Hand ${id.toUpperCase()}`),
  ...['p1', 'p2', 'p3', 'p4'].map((id) => `hand-${id},Project,project,,,,,,hand.csv,Hand project ${id}`),
].join('\n');
const HAND_CONNECTIONS = [
  'from,to,type,role,weight,since,until,source',
  'hand-hub,hand-p1,PARTICIPATES_IN,lead,,,,hand.csv',
  'hand-a,hand-p1,PARTICIPATES_IN,partner,,,,hand.csv',
  'hand-hub,hand-p2,PARTICIPATES_IN,lead,,,,hand.csv',
  'hand-b,hand-p2,PARTICIPATES_IN,partner,,,,hand.csv',
  'hand-hub,hand-p3,PARTICIPATES_IN,lead,,,,hand.csv',
  'hand-c,hand-p3,PARTICIPATES_IN,partner,,,,hand.csv',
  'hand-e,hand-p4,PARTICIPATES_IN,lead,,,,hand.csv',
  'hand-f,hand-p4,PARTICIPATES_IN,partner,,,,hand.csv',
].join('\n');

export function describeReadApi(name: string, open: () => Promise<ApiSuiteStores>): void {
  describe(`read API on the ${name} store`, () => {
    let stores: ApiSuiteStores;
    let t: TrustApp;
    let app: App;
    const get = (url: string) => request(app).get(url);

    beforeAll(async () => {
      stores = await open();
      await loadSeed(stores.store);
      t = await trustApp(stores.store);
      app = t.app;
    });
    afterAll(async () => {
      await (app?.locals.analytics as { close(): Promise<void> } | undefined)?.close();
      t?.cleanup();
      await stores?.close();
    });

    describe('search', () => {
      it('finds Vinaròs without the accent, with label, kind and level', async () => {
        const res = await get('/api/search?q=vinaros');
        expect(res.status).toBe(200);
        const hit = res.body.items.find((h: { id: string }) => h.id === 'vinaros');
        expect(hit).toMatchObject({ label: 'Actor', kind: 'municipality', level: 'local', name: expect.stringMatching(/Vinaròs/) });
      });
      it('filters by label', async () => {
        const res = await get('/api/search?q=vinaros&labels=Place');
        expect(res.status).toBe(200);
        expect(res.body.items.length).toBeGreaterThan(0);
        expect(res.body.items.every((h: { label: string }) => h.label === 'Place')).toBe(true);
      });
      it('rejects a missing q and a limit over 1000, naming the parameter', async () => {
        expectProblem(await get('/api/search'), 400, 'q');
        expectProblem(await get('/api/search?q=madrid&limit=1001'), 400, 'limit');
        expectProblem(await get('/api/search?q=madrid&levels=galactic'), 400, 'levels.0');
      });
    });

    describe('neighbourhood', () => {
      it('returns the centre and its neighbours, more at depth 2', async () => {
        const one = await get('/api/nodes/gata-de-gorgos/neighbourhood?depth=1');
        expect(one.status).toBe(200);
        const ids = one.body.nodes.map((n: { id: string }) => n.id);
        expect(ids).toContain('gata-de-gorgos');
        expect(one.body.relationships.length).toBeGreaterThan(0);
        expect(one.body.truncated).toBe(false);
        const two = await get('/api/nodes/gata-de-gorgos/neighbourhood?depth=2');
        expect(two.body.nodes.length).toBeGreaterThan(one.body.nodes.length);
      });
      it('caps the nodes and says so', async () => {
        const res = await get('/api/nodes/madrid-city-council/neighbourhood?depth=3&limit=3');
        expect(res.status).toBe(200);
        expect(res.body.nodes.length).toBeLessThanOrEqual(3);
        expect(res.body.truncated).toBe(true);
      });
      it('follows `at`: before Municipis Innovadors, Gata de Gorgos had fewer links', async () => {
        const now = await get('/api/nodes/gata-de-gorgos/neighbourhood?depth=2');
        const before = await get('/api/nodes/gata-de-gorgos/neighbourhood?depth=2&at=2021-06-01');
        expect(before.status).toBe(200);
        expect(before.body.nodes.length).toBeLessThan(now.body.nodes.length);
      });
      it('rejects depth 4, limit 1001 and a bad date; 404 for an unknown id', async () => {
        expectProblem(await get('/api/nodes/gata-de-gorgos/neighbourhood?depth=4'), 400, 'depth');
        expectProblem(await get('/api/nodes/gata-de-gorgos/neighbourhood?limit=1001'), 400, 'limit');
        expectProblem(await get('/api/nodes/gata-de-gorgos/neighbourhood?at=2024-02-30'), 400, 'at');
        expectProblem(await get('/api/nodes/no-such-node/neighbourhood'), 404);
      });
    });

    describe('paths', () => {
      it('finds k shortest paths as nodes and relationships, shortest first', async () => {
        const res = await get('/api/paths?from=gata-de-gorgos&to=madrid-city-council&k=2');
        expect(res.status).toBe(200);
        expect(res.body.paths.length).toBeGreaterThan(0);
        const [first] = res.body.paths;
        expect(first.nodes[0].id).toBe('gata-de-gorgos');
        expect(first.nodes.at(-1).id).toBe('madrid-city-council');
        expect(first.relationships.length).toBe(first.length);
        const lengths = res.body.paths.map((p: { length: number }) => p.length);
        expect([...lengths].sort((x, y) => x - y)).toEqual(lengths);
      });
      it('400 without `to`, k over 10; 404 for an unknown end', async () => {
        expectProblem(await get('/api/paths?from=gata-de-gorgos'), 400, 'to');
        expectProblem(await get('/api/paths?from=gata-de-gorgos&to=vinaros&k=11'), 400, 'k');
        expectProblem(await get('/api/paths?from=gata-de-gorgos&to=nowhere-at-all'), 404);
      });
    });

    describe('collaborators', () => {
      it('lists actors sharing items with Gata de Gorgos, with the shared items', async () => {
        const res = await get('/api/actors/gata-de-gorgos/collaborators');
        expect(res.status).toBe(200);
        expect(res.body.actor).toMatchObject({ id: 'gata-de-gorgos' });
        const ids = res.body.collaborators.map((c: { id: string }) => c.id);
        expect(ids).toEqual(expect.arrayContaining(['vinaros', 'algemesi', 'elx']));
        expect(ids).not.toContain('gata-de-gorgos');
        for (const c of res.body.collaborators) {
          expect(c.weight).toBeGreaterThanOrEqual(c.shared.length);
          expect(c.weight).toBeGreaterThan(0);
        }
        const vinaros = res.body.collaborators.find((c: { id: string }) => c.id === 'vinaros');
        expect(vinaros.shared.length).toBeGreaterThan(0);
      });
      it('follows `at` and the level filter', async () => {
        const before = await get('/api/actors/gata-de-gorgos/collaborators?at=2021-06-01');
        const now = await get('/api/actors/gata-de-gorgos/collaborators');
        expect(before.body.collaborators.length).toBeLessThan(now.body.collaborators.length);
        const regional = await get('/api/actors/gata-de-gorgos/collaborators?levels=regional');
        expect(regional.body.collaborators.every((c: { level?: string }) => c.level === 'regional')).toBe(true);
      });
      it('404 for an unknown actor, 400 for a node that is not an actor', async () => {
        expectProblem(await get('/api/actors/nobody-here/collaborators'), 404);
        expectProblem(await get('/api/actors/unwanted-loneliness/collaborators'), 400, 'id');
      });
    });

    describe('analytics', () => {
      it('ranks PageRank with names and competition ranks, paged with a cursor', async () => {
        const all = await get('/api/analytics/centrality?measure=pagerank&limit=1000');
        expect(all.status).toBe(200);
        expect(all.body.total).toBe(all.body.items.length);
        const scores = all.body.items.map((i: { score: number }) => i.score);
        expect([...scores].sort((x, y) => y - x)).toEqual(scores);
        expect(all.body.items[0]).toMatchObject({ rank: 1, name: expect.any(String) });
        expect(all.body.items.every((i: { id: string; name: string }) => i.name !== i.id)).toBe(true);
        const first = await get('/api/analytics/centrality?measure=pagerank&limit=3');
        expect(first.body.nextCursor).toBeDefined();
        const second = await get(`/api/analytics/centrality?measure=pagerank&limit=3&cursor=${first.body.nextCursor}`);
        expect([...first.body.items, ...second.body.items]).toEqual(all.body.items.slice(0, 6));
      });
      it('runs every measure', async () => {
        for (const measure of ['degree', 'betweenness', 'closeness', 'pagerank', 'eigenvector']) {
          const res = await get(`/api/analytics/centrality?measure=${measure}&limit=5`);
          expect(res.status, measure).toBe(200);
          expect(res.body.items.length).toBeGreaterThan(0);
        }
        const sampled = await get('/api/analytics/centrality?measure=betweenness&samples=5&seed=7&limit=5');
        expect(sampled.status).toBe(200);
      });
      it('finds Louvain communities that cover the collaboration graph, the same for the same seed', async () => {
        const res = await get('/api/analytics/communities?seed=3');
        expect(res.status).toBe(200);
        expect(res.body.modularity).toBeGreaterThan(0);
        const summary = await get('/api/analytics/summary');
        const covered = res.body.communities.reduce((sum: number, c: { size: number; members: string[] }) => {
          expect(c.members.length).toBe(c.size);
          return sum + c.size;
        }, 0);
        expect(covered).toBe(summary.body.collaboration.actors);
        expect((await get('/api/analytics/communities?seed=3')).body).toEqual(res.body);
      });
      it('summarises counts, density, components and links between levels', async () => {
        const res = await get('/api/analytics/summary');
        expect(res.status).toBe(200);
        const health = await get('/api/health');
        expect(res.body.nodes.total).toBe(health.body.nodes);
        expect(res.body.relationships.total).toBe(health.body.relationships);
        expect(res.body.nodes.byLabel.Actor).toBeGreaterThan(10);
        expect(res.body.nodes.byLevel.local).toBeGreaterThan(0);
        const c = res.body.collaboration;
        expect(c.density).toBeGreaterThan(0);
        expect(c.density).toBeLessThanOrEqual(1);
        expect(c.largestComponent).toBeLessThanOrEqual(c.actors);
        expect(c.components).toBeGreaterThanOrEqual(1);
        const levelLinks = c.levelLinks.reduce((sum: number, l: { links: number }) => sum + l.links, 0);
        expect(levelLinks).toBe(c.links);
        expect(c.levelLinks.find((l: { from: string; to: string }) => l.from === 'local' && l.to === 'regional')).toBeDefined();
      });
      it('follows `at`: the network of 2015 is smaller', async () => {
        const then = await get('/api/analytics/summary?at=2015-01-01');
        const now = await get('/api/analytics/summary');
        expect(then.status).toBe(200);
        expect(then.body.nodes.total).toBeLessThan(now.body.nodes.total);
        const centralityThen = await get('/api/analytics/centrality?measure=degree&at=2021-06-01&limit=1000');
        const centralityNow = await get('/api/analytics/centrality?measure=degree&limit=1000');
        expect(centralityThen.body.items).not.toEqual(centralityNow.body.items);
      });
      it('rejects bad parameters, naming them', async () => {
        expectProblem(await get('/api/analytics/centrality?measure=fame'), 400, 'measure');
        expectProblem(await get('/api/analytics/centrality?limit=1001'), 400, 'limit');
        expectProblem(await get('/api/analytics/centrality?measure=betweenness&samples=1'), 400, 'samples');
        expectProblem(await get('/api/analytics/centrality?projection=half'), 400, 'projection');
        expectProblem(await get('/api/analytics/centrality?cursor=abc'), 400, 'cursor');
        expectProblem(await get('/api/analytics/communities?resolution=0'), 400, 'resolution');
        expectProblem(await get('/api/analytics/summary?at=yesterday'), 400, 'at');
      });
      it('gives the same centrality and communities as the reference store', async (ctx) => {
        if (!stores.reference) return ctx.skip();
        const ref = await trustApp(stores.reference);
        try {
          for (const url of ['/api/analytics/centrality?measure=pagerank&limit=1000', '/api/analytics/centrality?measure=betweenness&limit=1000', '/api/analytics/communities?seed=1']) {
            const mine = (await get(url)).body;
            const theirs = (await request(ref.app).get(url)).body;
            delete mine.revision;
            delete theirs.revision;
            expect(mine, url).toEqual(theirs);
          }
        } finally {
          await (ref.app.locals.analytics as { close(): Promise<void> }).close();
          ref.cleanup();
        }
      });
    });

    describe('peer-learning partners', () => {
      it('recommends not-yet-connected actors for Gata de Gorgos, with structured reasons', async () => {
        const res = await get('/api/recommendations/peers/gata-de-gorgos?limit=10');
        expect(res.status).toBe(200);
        expect(res.body.actor).toMatchObject({ id: 'gata-de-gorgos', level: 'local' });
        expect(res.body.formula).toMatch(/score = /);
        const peers = res.body.peers as Array<{ id: string; score: number; reasons: Array<{ type: string }> }>;
        expect(peers.length).toBeGreaterThan(0);
        const collaborators = (await get('/api/actors/gata-de-gorgos/collaborators?limit=1000')).body.collaborators.map((c: { id: string }) => c.id);
        for (const peer of peers) {
          expect(collaborators).not.toContain(peer.id);
          expect(peer.id).not.toBe('gata-de-gorgos');
          expect(peer.reasons.some((r) => r.type === 'distance')).toBe(true);
        }
        const scores = peers.map((p) => p.score);
        expect([...scores].sort((x, y) => y - x)).toEqual(scores);
        // A fellow municipality elsewhere working on the same mission, and a practice to learn.
        const reasons = peers.flatMap((p) => p.reasons);
        expect(reasons).toContainEqual(expect.objectContaining({ type: 'shared_topic', topic: expect.objectContaining({ id: expect.any(String), name: expect.any(String) }) }));
        expect(reasons).toContainEqual(expect.objectContaining({ type: 'practice_to_learn', direction: 'learn_from' }));
        expect(reasons).toContainEqual(expect.objectContaining({ type: 'level', relation: 'same_level_elsewhere' }));
      });
      it('filters by level and kind', async () => {
        const res = await get('/api/recommendations/peers/gata-de-gorgos?levels=national,regional&kinds=public_body,foundation,ngo,lab,municipality');
        expect(res.status).toBe(200);
        for (const peer of res.body.peers) {
          expect(['national', 'regional']).toContain(peer.level);
          expect(['public_body', 'foundation', 'ngo', 'lab', 'municipality']).toContain(peer.kind);
        }
      });
      it('404 for an unknown actor, 400 for a topic id or a bad limit', async () => {
        expectProblem(await get('/api/recommendations/peers/nobody-here'), 404);
        expectProblem(await get('/api/recommendations/peers/unwanted-loneliness'), 400, 'actorId');
        expectProblem(await get('/api/recommendations/peers/gata-de-gorgos?limit=1001'), 400, 'limit');
      });
    });

    describe('speakers', () => {
      it('finds speakers on unwanted loneliness with their evidence and its sources', async () => {
        const res = await get('/api/speakers?topic=unwanted-loneliness');
        expect(res.status).toBe(200);
        expect(res.body.topic).toMatchObject({ id: 'unwanted-loneliness', from: 'node' });
        const speakers = res.body.speakers as Array<{ id: string; rank: number; label: string; reasons: Array<{ type: string; source?: string }> }>;
        expect(speakers.map((s) => s.id)).toContain('madrid-city-council');
        speakers.forEach((s, i) => expect(s.rank).toBe(i + 1));
        for (const s of speakers) {
          const evidence = s.reasons.filter((r) => r.type === 'evidence' || r.type === 'works_on');
          expect(evidence.length).toBeGreaterThan(0);
          expect(evidence.some((r) => /\.txt$/.test(r.source ?? ''))).toBe(true);
          expect(s.label === 'Actor' || s.label === 'Person').toBe(true);
        }
      });
      it('never lists persons without consent', async () => {
        for (const topic of ['unwanted-loneliness', 'govtech', 'social-innovation', 'open-government']) {
          const res = await get(`/api/speakers?topic=${topic}&limit=100&diversity=0`);
          expect(res.status).toBe(200);
          expect(res.body.speakers.map((s: { id: string }) => s.id)).not.toContain('person-govtech-contact');
        }
      });
      it('mixes levels and kinds more as diversity grows', async () => {
        const kindsAt = async (diversity: number) => {
          const res = await get(`/api/speakers?topic=social-innovation&limit=4&diversity=${diversity}`);
          expect(res.status).toBe(200);
          return new Set(res.body.speakers.flatMap((s: { kind: string; level?: string }) => [s.kind, s.level])).size;
        };
        expect(await kindsAt(1)).toBeGreaterThanOrEqual(await kindsAt(0));
      });
      it('downloads the shortlist as CSV', async () => {
        const res = await get('/api/speakers?topic=unwanted-loneliness&format=csv');
        expect(res.status).toBe(200);
        expect(res.headers['content-type']).toMatch(/text\/csv/);
        expect(res.headers['content-disposition']).toMatch(/attachment/);
        expect(res.text.split('\n')[0]).toBe('rank,id,name,label,kind,level,place,region,score,evidence,influence,reasons');
        expect(res.text).toContain('madrid-city-council');
      });
      it('400 without a topic or with diversity outside 0–1; 404 for an unknown topic', async () => {
        expectProblem(await get('/api/speakers'), 400, 'topic');
        expectProblem(await get('/api/speakers?topic=govtech&diversity=2'), 400, 'diversity');
        expectProblem(await get('/api/speakers?topic=no-such-topic'), 404);
      });
    });

    describe('export', () => {
      it('streams each format as a download', async () => {
        const json = await get('/api/export?format=json');
        expect(json.status).toBe(200);
        expect(json.headers['content-disposition']).toMatch(/attachment; filename="?atlas\.json"?/);
        for (const [format, type] of [
          ['gexf', /gexf/],
          ['graphml', /graphml/],
          ['cypher', /text\/plain/],
          ['csv', /application\/zip/],
        ] as const) {
          const res = await request(app).get(`/api/export?format=${format}`).buffer(true).parse((r, cb) => {
            const chunks: Buffer[] = [];
            r.on('data', (c: Buffer) => chunks.push(c));
            r.on('end', () => cb(null, Buffer.concat(chunks)));
          });
          expect(res.status, format).toBe(200);
          expect(res.headers['content-type'], format).toMatch(type);
          expect((res.body as Buffer).length).toBeGreaterThan(1000);
        }
        const gexf = await get('/api/export?format=gexf');
        expect(gexf.text).toContain('gata-de-gorgos');
      });
      it('400 for an unknown format', async () => {
        expectProblem(await get('/api/export?format=xlsx'), 400, 'format');
      });
    });

    describe('OpenAPI', () => {
      it('documents every path of the SPEC table, from the validation schemas', async () => {
        const res = await get('/api/openapi.json');
        expect(res.status).toBe(200);
        expect(res.body.openapi).toBe('3.1.0');
        expect(Object.keys(res.body.paths)).toEqual(expect.arrayContaining(SPEC_PATHS));
        const depth = res.body.paths['/api/nodes/{id}/neighbourhood'].get.parameters.find((p: { name: string }) => p.name === 'depth');
        expect(depth.schema).toMatchObject({ type: 'integer', minimum: 1, maximum: 3 });
        const limit = res.body.paths['/api/analytics/centrality'].get.parameters.find((p: { name: string }) => p.name === 'limit');
        expect(limit.schema.maximum).toBe(1000);
        expect(res.body.paths['/api/recommendations/peers/{actorId}'].get.description).toMatch(/0\.45·topics/);
        // Trust routes: tokens, audit log, diff and the caller, with their response schemas.
        const resolve = (schema: { $ref?: string }) => (schema.$ref ? res.body.components.schemas[schema.$ref.split('/').pop()!] : schema);
        const jsonOf = (path: string, method: string, status: string) => resolve(res.body.paths[path]?.[method]?.responses?.[status]?.content?.['application/json']?.schema ?? {});
        expect(Object.keys(res.body.paths)).toEqual(expect.arrayContaining(['/api/tokens', '/api/tokens/{id}', '/api/changes', '/api/diff', '/api/me']));
        expect(Object.keys(jsonOf('/api/me', 'get', '200').properties ?? {})).toEqual(expect.arrayContaining(['authenticated', 'name', 'role', 'publicRead']));
        expect(jsonOf('/api/me', 'get', '200').properties.role.enum).toEqual(['anonymous', 'viewer', 'editor', 'admin']);
        expect(Object.keys(jsonOf('/api/changes', 'get', '200').properties ?? {})).toEqual(expect.arrayContaining(['items', 'nextCursor']));
        expect(Object.keys(jsonOf('/api/diff', 'get', '200').properties ?? {})).toEqual(expect.arrayContaining(['appeared', 'ended', 'changed', 'truncated']));
        expect(Object.keys(jsonOf('/api/tokens', 'get', '200').properties ?? {})).toEqual(['items']);
        expect(Object.keys(jsonOf('/api/tokens', 'post', '201').properties ?? {})).toEqual(expect.arrayContaining(['id', 'role', 'token']));
        expect(res.body.paths['/api/tokens/{id}'].delete.responses['200']).toBeDefined();
        expect(res.body.paths['/api/tokens'].post.security).toEqual([{ bearer: [] }]);
        const since = res.body.paths['/api/changes'].get.parameters.map((p: { name: string }) => p.name);
        expect(since).toEqual(expect.arrayContaining(['since', 'until', 'id', 'limit', 'cursor']));
        expect(res.body.paths['/api/diff'].get.parameters.filter((p: { required: boolean }) => p.required).map((p: { name: string }) => p.name)).toEqual(['from', 'to']);
        // Every $ref resolves.
        const text = JSON.stringify(res.body);
        for (const [, name] of text.matchAll(/"#\/components\/schemas\/([^"]+)"/g)) expect(res.body.components.schemas[name], name).toBeDefined();
      });
      it('serves a browsable reference page without scripts', async () => {
        const res = await get('/api/docs');
        expect(res.status).toBe(200);
        expect(res.headers['content-type']).toMatch(/text\/html/);
        expect(res.text).toContain('/api/speakers');
        expect(res.text).toContain('/api/recommendations/peers/{actorId}');
        expect(res.text).not.toMatch(/<script/i);
      });
    });

    describe('import (last: it replaces the graph)', () => {
      it('needs an editor token', async () => {
        const res = await request(app).post('/api/import?format=csv').set('Content-Type', 'text/csv').send(HAND_ELEMENTS);
        expectProblem(res, 401);
        const viewer = await request(app).post('/api/import?format=csv').set(t.as.viewer).set('Content-Type', 'text/csv').send(HAND_ELEMENTS);
        expectProblem(viewer, 403);
      });
      it('rejects a file with a bad row: 400 naming file, row and column, nothing written', async () => {
        const revision = (await get('/api/health')).body.revision;
        const bad = HAND_CONNECTIONS.replace('hand-a,hand-p1,PARTICIPATES_IN', 'hand-a,hand-p1,LIKES');
        const res = await request(app)
          .post('/api/import?mode=merge')
          .set(t.as.editor)
          .attach('elements', Buffer.from(HAND_ELEMENTS), 'elements.csv')
          .attach('connections', Buffer.from(bad), 'connections.csv');
        expectProblem(res, 400);
        expect(res.body.errors).toContainEqual(expect.objectContaining({ file: 'connections.csv', row: 3 }));
        expect((await get('/api/health')).body.revision).toBe(revision);
        expectProblem(await get('/api/nodes/hand-hub'), 404);
      });
      it('dry-runs: 200 with the report, nothing written', async () => {
        const revision = (await get('/api/health')).body.revision;
        const res = await request(app)
          .post('/api/import?dryRun=true')
          .set(t.as.editor)
          .attach('elements', Buffer.from(HAND_ELEMENTS), 'elements.csv')
          .attach('connections', Buffer.from(HAND_CONNECTIONS), 'connections.csv');
        expect(res.status, res.text).toBe(200);
        expect(res.body).toMatchObject({ dryRun: true, errors: [], created: 18 });
        expect((await get('/api/health')).body.revision).toBe(revision);
      });
      it('refuses bodies over IMPORT_MAX_BYTES with 413, and bad parameters with 400', async () => {
        const small = await trustApp(stores.store, { IMPORT_MAX_BYTES: '200' });
        try {
          const res = await request(small.app).post('/api/import?format=csv').set(small.as.editor).set('Content-Type', 'text/csv').send(HAND_ELEMENTS);
          expectProblem(res, 413);
          const multipart = await request(small.app).post('/api/import').set(small.as.editor).attach('elements', Buffer.from(HAND_ELEMENTS), 'elements.csv');
          expectProblem(multipart, 413);
        } finally {
          await (small.app.locals.analytics as { close(): Promise<void> }).close();
          small.cleanup();
        }
        expectProblem(await request(app).post('/api/import?mode=overwrite').set(t.as.editor).set('Content-Type', 'text/csv').send(HAND_ELEMENTS), 400, 'mode');
        expectProblem(await request(app).post('/api/import?format=xls').set(t.as.editor).set('Content-Type', 'text/csv').send(HAND_ELEMENTS), 400, 'format');
      });
      it('replaces the graph with a hand graph whose degree and PageRank are known', async () => {
        const res = await request(app)
          .post('/api/import?mode=replace')
          .set(t.as.editor)
          .attach('elements', Buffer.from(HAND_ELEMENTS), 'elements.csv')
          .attach('connections', Buffer.from(HAND_CONNECTIONS), 'connections.csv');
        expect(res.status, res.text).toBe(200);
        expect(res.body).toMatchObject({ errors: [], created: 18, dryRun: false });
        expect((await get('/api/health')).body).toMatchObject({ nodes: 10, relationships: 8 });

        const score = async (measure: string) => {
          const body = (await get(`/api/analytics/centrality?measure=${measure}`)).body;
          return Object.fromEntries(body.items.map((i: { id: string; score: number }) => [i.id, i.score])) as Record<string, number>;
        };
        // Degree centrality (networkx: degree / (n − 1)), n = 6 actors.
        const degree = await score('degree');
        expect(degree['hand-hub']).toBeCloseTo(3 / 5, 10);
        for (const id of ['hand-a', 'hand-b', 'hand-c', 'hand-e', 'hand-f']) expect(degree[id]).toBeCloseTo(1 / 5, 10);
        // PageRank, α = 0.85: the pair holds 2/6 of the mass; the star's hub c and leaves x
        // solve c = 0.15/6 + 0.85·3x, x = 0.15/6 + 0.85·c/3 → c = 0.591667/1.85.
        const pagerank = await score('pagerank');
        expect(pagerank['hand-hub']).toBeCloseTo(0.591667 / 1.85, 4);
        expect(pagerank['hand-a']).toBeCloseTo(0.025 + (0.85 * (0.591667 / 1.85)) / 3, 4);
        expect(pagerank['hand-e']).toBeCloseTo(1 / 6, 4);
        const ranked = (await get('/api/analytics/centrality?measure=degree')).body.items;
        expect(ranked[0]).toMatchObject({ id: 'hand-hub', rank: 1, name: 'Hand HUB' });
        expect(ranked.slice(1).every((i: { rank: number }) => i.rank === 2)).toBe(true);

        const communities = (await get('/api/analytics/communities')).body;
        expect(communities.communities.map((c: { members: string[] }) => c.members)).toEqual([
          ['hand-a', 'hand-b', 'hand-c', 'hand-hub'],
          ['hand-e', 'hand-f'],
        ]);
      });
    });
  });
}
