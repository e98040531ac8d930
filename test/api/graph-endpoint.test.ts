import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isValidAt, type GraphNode, type GraphRelationship } from '@atlas/graph';
import { EmbeddedStore } from '@atlas/graph/store/embedded/index.ts';
import { loadSeed } from '@atlas/seeds/load-seed.ts';
import { trustApp, unique, type TrustApp } from '../trust/helpers.ts';

// GET /api/graph: the whole network in one columnar response, on the embedded
// store loaded with the seed ecosystem, compared with the store's own documents.

interface Columns {
  revision: number;
  nodes: Record<string, unknown[]> & { id: string[]; name: string[]; level: (string | null)[]; kind: (string | null)[] };
  relationships: Record<string, unknown[]> & { id: string[]; type: string[]; from: number[]; to: number[] };
}

describe('GET /api/graph', () => {
  let dataDir: string;
  let store: EmbeddedStore;
  let t: TrustApp;
  let all: { nodes: GraphNode[]; relationships: GraphRelationship[] };

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'atlas-graph-endpoint-'));
    store = new EmbeddedStore({ dataDir, logger: { warn: () => undefined } });
    await store.init();
    await loadSeed(store);
    t = await trustApp(store);
    all = { nodes: [], relationships: [] };
    for await (const chunk of store.exportAll()) {
      all.nodes.push(...chunk.nodes);
      all.relationships.push(...chunk.relationships);
    }
  });
  afterAll(async () => {
    await (t?.app.locals.analytics as { close(): Promise<void> } | undefined)?.close();
    t?.cleanup();
    await store?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  const get = (url: string) => request(t.app).get(url);
  /** Relationships as (id, type, from id, to id), decoded from the node indices. */
  const edges = (g: Columns) => g.relationships.id.map((id, i) => `${id} ${g.relationships.type[i]} ${g.nodes.id[g.relationships.from[i]]} ${g.nodes.id[g.relationships.to[i]]}`);

  it('returns every node and relationship in parallel columns, ends as node indices', async () => {
    const res = await get('/api/graph');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/application\/json/);
    const g = res.body as Columns;
    expect(g.revision).toBe(await store.revision());
    expect(all.nodes.length).toBeGreaterThan(50);
    expect(new Set(g.nodes.id)).toEqual(new Set(all.nodes.map((n) => n.id)));
    for (const [name, values] of Object.entries(g.nodes)) expect(values.length, name).toBe(all.nodes.length);
    for (const [name, values] of Object.entries(g.relationships)) expect(values.length, name).toBe(all.relationships.length);
    expect(new Set(edges(g))).toEqual(new Set(all.relationships.map((r) => `${r.id} ${r.type} ${r.from} ${r.to}`)));

    // Vinaròs keeps what the views draw and filter on; quotes are left for GET /api/nodes/:id.
    const i = g.nodes.id.indexOf('vinaros');
    const vinaros = all.nodes.find((n) => n.id === 'vinaros')!;
    expect(g.nodes.name[i]).toBe(vinaros.name);
    expect(g.nodes.level[i]).toBe('local');
    expect(g.nodes.kind[i]).toBe('municipality');
    expect(g.nodes.place[i]).toEqual(vinaros.place ?? null);
    const provenance = g.nodes.provenance[i] as Array<Record<string, unknown>>;
    expect(provenance.map((p) => p.source)).toEqual(vinaros.provenance.map((p) => p.source));
    expect(vinaros.provenance.some((p) => p.quote)).toBe(true);
    expect(provenance.every((p) => p.quote === undefined)).toBe(true);
    expect(JSON.stringify(g).includes('"description"')).toBe(false);
  });

  it('applies the level, kind, type and date filters like every network read', async () => {
    const byLevel = (await get('/api/graph?levels=local,regional&kinds=municipality')).body as Columns;
    const wanted = all.nodes.filter((n) => (n.level === 'local' || n.level === 'regional') && n.kind === 'municipality');
    expect(wanted.length).toBeGreaterThan(0);
    expect(new Set(byLevel.nodes.id)).toEqual(new Set(wanted.map((n) => n.id)));
    const ids = new Set(byLevel.nodes.id);
    for (let i = 0; i < byLevel.relationships.id.length; i++) {
      expect(ids.has(byLevel.nodes.id[byLevel.relationships.from[i]])).toBe(true);
    }

    const types = (await get('/api/graph?types=PARTICIPATES_IN')).body as Columns;
    expect(types.nodes.id.length).toBe(all.nodes.length);
    expect(new Set(types.relationships.type)).toEqual(new Set(['PARTICIPATES_IN']));
    expect(types.relationships.id.length).toBe(all.relationships.filter((r) => r.type === 'PARTICIPATES_IN').length);

    const at = '2015-01-01';
    const past = (await get(`/api/graph?at=${at}`)).body as Columns;
    expect(new Set(past.nodes.id)).toEqual(new Set(all.nodes.filter((n) => isValidAt(n, at)).map((n) => n.id)));
    const kept = new Set(past.nodes.id);
    const expected = all.relationships.filter((r) => isValidAt(r, at) && kept.has(r.from) && kept.has(r.to));
    expect(new Set(past.relationships.id)).toEqual(new Set(expected.map((r) => r.id)));
  });

  it('answers 304 to a repeat visit while the revision stays, 200 after a write', async () => {
    const first = await get('/api/graph');
    const etag = first.headers.etag as string;
    expect(etag).toMatch(new RegExp(`^"r${first.body.revision}-`));
    const again = await get('/api/graph').set('If-None-Match', etag);
    expect(again.status).toBe(304);
    expect(again.text).toBe('');
    // Another filter is another representation.
    expect((await get('/api/graph?levels=local').set('If-None-Match', etag)).status).toBe(200);

    const created = await request(t.app).post('/api/nodes').set(t.as.editor).send({ id: unique('graph-etag'), label: 'Topic', name: 'ETag topic' });
    expect(created.status).toBe(201);
    const after = await get('/api/graph').set('If-None-Match', etag);
    expect(after.status).toBe(200);
    expect(after.headers.etag).not.toBe(etag);
    expect(after.body.nodes.id).toContain(created.body.id);
  });

  it('hides private persons from viewers and shows them to editors', async () => {
    const id = unique('graph-person');
    const res = await request(t.app)
      .post('/api/nodes')
      .set(t.as.editor)
      .send({ id, label: 'Person', name: 'Marta Secret-Name', role: 'mayor', aliases: ['M. Secret-Name'] });
    expect(res.status).toBe(201);
    for (const auth of [{}, t.as.viewer]) {
      const g = (await get('/api/graph').set(auth)).body as Columns;
      const i = g.nodes.id.indexOf(id);
      expect(g.nodes.name[i]).toBe('Private person');
      expect(g.nodes.redacted[i]).toBe(1);
      expect(JSON.stringify(g)).not.toContain('Secret-Name');
    }
    const editor = (await get('/api/graph').set(t.as.editor)).body as Columns;
    const j = editor.nodes.id.indexOf(id);
    expect(editor.nodes.name[j]).toBe('Marta Secret-Name');
    expect(editor.nodes.redacted[j]).toBe(null);
    // Viewer and editor bodies never share a tag.
    const viewerTag = (await get('/api/graph')).headers.etag;
    expect((await get('/api/graph').set(t.as.editor).set('If-None-Match', viewerTag)).status).toBe(200);
  });

  it('rejects bad filters with a problem naming the field', async () => {
    for (const [url, field] of [
      ['/api/graph?levels=galactic', 'levels'],
      ['/api/graph?at=2020-13-45', 'at'],
      ['/api/graph?types=LIKES', 'types'],
    ] as const) {
      const res = await get(url);
      expect(res.status, url).toBe(400);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(JSON.stringify(res.body.errors)).toContain(field);
    }
  });

  it('is in the OpenAPI document', async () => {
    const res = await get('/api/openapi.json');
    expect(res.body.paths['/api/graph'].get.operationId).toBe('graph');
  });
});
