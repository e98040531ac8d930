import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphStore } from '@atlas/graph';
import { loadSeed } from '@atlas/seeds/load-seed.ts';
import { trustApp, unique, type TrustApp } from '../trust/helpers.ts';

// GET /api/layout driven in-process with supertest against a real store loaded
// with the seed: 202 while ForceAtlas2 runs in its worker, then 200 from the
// cache; positions for exactly the nodes /api/graph draws (network) or the
// actors (collaboration); warm start after an edit. Run once per store:
// layout-endpoint.test.ts (embedded) and layout-endpoint.neo4j.test.ts.

interface Layout {
  revision: number;
  view: string;
  converged: boolean;
  iterations: number;
  progress?: number;
  positions: Record<string, [number, number]>;
}

export function describeLayoutApi(name: string, open: () => Promise<{ store: GraphStore; close(): Promise<void> }>, options: { full?: boolean } = {}): void {
  describe(`GET /api/layout (${name})`, () => {
    let t: TrustApp;
    let store: GraphStore;
    let close: () => Promise<void>;

    beforeAll(async () => {
      ({ store, close } = await open());
      if ((await store.stats()).nodes === 0) await loadSeed(store);
      t = await trustApp(store);
    });
    afterAll(async () => {
      await (t?.app.locals.analytics as { close(): Promise<void> } | undefined)?.close();
      t?.cleanup();
      await close?.();
    });

    /** Polls as a client does (without sleeping Retry-After seconds: the worker keeps going meanwhile). */
    async function settled(query: string): Promise<{ body: Layout; polls: number; first: request.Response }> {
      let first: request.Response | undefined;
      for (let polls = 1; polls < 2000; polls++) {
        const res = await request(t.app).get(`/api/layout${query}`);
        first ??= res;
        if (res.status === 200) return { body: res.body as Layout, polls, first };
        expect(res.status).toBe(202);
        expect(Number(res.headers['retry-after'])).toBeGreaterThanOrEqual(1);
        expect(res.body.converged).toBe(false);
        expect(res.body.progress).toBeGreaterThanOrEqual(0);
        expect(res.body.progress).toBeLessThanOrEqual(1);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      throw new Error('the layout never finished');
    }

    const graphIds = async (query = '') => new Set((await request(t.app).get(`/api/graph${query}`).expect(200)).body.nodes.id as string[]);

    it('answers 202 with the starting positions, then 200 with a converged layout of every drawn node', async () => {
      const { body, first } = await settled('?view=network');
      const ids = await graphIds();
      expect(first.status).toBe(202);
      expect(new Set(Object.keys(first.body.positions))).toEqual(ids);
      expect(body).toMatchObject({ revision: await store.revision(), view: 'network', converged: true });
      expect(body.iterations).toBeGreaterThan(0);
      expect(new Set(Object.keys(body.positions))).toEqual(ids);
      const coords = Object.values(body.positions).flat();
      expect(Math.max(...coords.map(Math.abs))).toBeCloseTo(1000, 0);
      expect(coords.every(Number.isFinite)).toBe(true);
      // No two nodes on top of each other.
      const points = new Set(Object.values(body.positions).map(([x, y]) => `${Math.round(x)},${Math.round(y)}`));
      expect(points.size).toBeGreaterThan(ids.size * 0.95);
    });

    it('serves the second open from the cache, identical, with an ETag', async () => {
      const { body } = await settled('?view=network');
      const again = await request(t.app).get('/api/layout?view=network').expect(200);
      expect(again.body).toEqual(body);
      const etag = again.headers.etag;
      expect(etag).toMatch(/^"L\d+-/);
      expect((await request(t.app).get('/api/layout?view=network').set('If-None-Match', etag)).status).toBe(304);
      expect((await request(t.app).get('/api/layout?view=collaboration').set('If-None-Match', etag)).status).not.toBe(304);
    });

    it('collaboration: every actor that passes the filters, isolated ones included', async () => {
      const { body } = await settled('?view=collaboration');
      expect(body.view).toBe('collaboration');
      expect(new Set(Object.keys(body.positions))).toEqual(await graphIds('?labels=Actor'));
      const local = await settled('?view=collaboration&levels=local');
      const localActors = (await request(t.app).get('/api/analytics/centrality?projection=collaboration&levels=local&limit=1000').expect(200)).body.items.map((i: { id: string }) => i.id);
      expect(new Set(Object.keys(local.body.positions))).toEqual(new Set(localActors));
    });

    it('network filters are those of /api/graph', async () => {
      const { body } = await settled('?view=network&levels=local&labels=Actor');
      expect(new Set(Object.keys(body.positions))).toEqual(await graphIds('?levels=local&labels=Actor'));
    });

    it('rejects a bad view or filter with a problem naming it', async () => {
      for (const [query, field] of [
        ['?view=map', 'view'],
        ['?view=network&levels=galactic', 'levels'],
        ['?view=network&at=yesterday', 'at'],
        ['?view=network&view=collaboration', 'view'],
      ]) {
        const res = await request(t.app).get(`/api/layout${query}`);
        expect(res.status, query).toBe(400);
        expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
        expect(JSON.stringify(res.body), query).toContain(field);
      }
    });

    it.skipIf(options.full === false)('after an edit, warm-starts: the known map keeps its shape and the newcomer lands by its neighbour', async () => {
      const before = (await settled('?view=collaboration')).body;
      const ids = Object.keys(before.positions);
      // The best-connected actor, so the newcomer has a clear place to go.
      const top = (await request(t.app).get('/api/analytics/centrality?projection=collaboration&limit=1').expect(200)).body.items[0].id as string;
      const newcomer = unique('layout-newcomer');
      await request(t.app).post('/api/nodes').set(t.as.editor).send({ id: newcomer, label: 'Actor', name: 'Layout newcomer', kind: 'ngo', level: 'local' }).expect(201);
      await request(t.app).post('/api/relationships').set(t.as.editor).send({ type: 'COLLABORATES_WITH', from: newcomer, to: top }).expect(201);
      const after = (await settled('?view=collaboration')).body;
      expect(after.revision).toBeGreaterThan(before.revision);
      expect(after.iterations).toBeLessThan(before.iterations);
      expect(Object.keys(after.positions)).toContain(newcomer);
      // The frame may shift (the newcomer can widen the bounding box the positions are normalised to):
      // compare shapes, after taking out the mean translation of the known actors.
      let sx = 0;
      let sy = 0;
      for (const id of ids) {
        sx += after.positions[id][0] - before.positions[id][0];
        sy += after.positions[id][1] - before.positions[id][1];
      }
      const [tx0, ty0] = [sx / ids.length, sy / ids.length];
      let moved = 0;
      for (const id of ids) moved += Math.hypot(after.positions[id][0] - before.positions[id][0] - tx0, after.positions[id][1] - before.positions[id][1] - ty0);
      // Mean residual move of a known actor: under 2 % of the 2000-wide range.
      expect(moved / ids.length).toBeLessThan(40);
      const [nx, ny] = after.positions[newcomer];
      const [tx, ty] = after.positions[top];
      expect(Math.hypot(nx - tx, ny - ty)).toBeLessThan(500);
    });
  });
}
