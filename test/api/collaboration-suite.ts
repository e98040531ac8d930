import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphRelationship, GraphStore } from '@atlas/graph';
import { buildProjection } from '@atlas/graph/analytics/projection.ts';
import { loadSeed } from '@atlas/seeds/load-seed.ts';
import type { CollaborationAnswer } from '@atlas/api/routes/collaboration.ts';
import { trustApp, type TrustApp } from '../trust/helpers.ts';

// GET /api/collaboration driven in-process with supertest against a real store
// loaded with the seed: the same links and weights as the analytics
// projection, shared items that both actors really take part in, dates from
// those items, filters, CSV and GEXF downloads, 4xx on bad input. Run once per
// store: collaboration-endpoint.test.ts (embedded) and collaboration-endpoint.neo4j.test.ts.

/** Cells of one RFC 4180 line (quoted cells may hold commas and doubled quotes). */
function cells(line: string): string[] {
  return [...line.matchAll(/(?:^|,)("(?:[^"]|"")*"|[^,]*)/g)].map((m) => (m[1].startsWith('"') ? m[1].slice(1, -1).replace(/""/g, '"') : m[1]));
}

const pair = (a: string, b: string) => (a < b ? `${a} ${b}` : `${b} ${a}`);

export function describeCollaborationApi(name: string, open: () => Promise<{ store: GraphStore; close(): Promise<void> }>): void {
  describe(`GET /api/collaboration (${name})`, () => {
    let t: TrustApp;
    let store: GraphStore;
    let close: () => Promise<void>;
    let all: CollaborationAnswer;

    beforeAll(async () => {
      ({ store, close } = await open());
      if ((await store.stats()).nodes === 0) await loadSeed(store);
      t = await trustApp(store);
      all = (await request(t.app).get('/api/collaboration?items=100').expect(200)).body as CollaborationAnswer;
    });
    afterAll(async () => {
      await (t?.app.locals.analytics as { close(): Promise<void> } | undefined)?.close();
      t?.cleanup();
      await close?.();
    });

    const linksOf = (a: CollaborationAnswer) => {
      const out = new Map<string, number>();
      a.links.from.forEach((f, i) => out.set(pair(a.nodes.id[f], a.nodes.id[a.links.to[i]]), a.links.weight[i]));
      return out;
    };

    it('has every actor and exactly the links and weights of the analytics projection', async () => {
      const csr = await buildProjection(store.streamTopology(), { projection: 'collaboration' });
      expect(all.nodes.id).toEqual(csr.ids);
      const expected = new Map<string, number>();
      for (let u = 0; u < csr.n; u++)
        for (let k = csr.offsets[u]; k < csr.offsets[u + 1]; k++) if (csr.targets[k] > u) expected.set(pair(csr.ids[u], csr.ids[csr.targets[k]]), csr.weights[k]);
      expect(expected.size).toBeGreaterThan(10);
      expect(linksOf(all)).toEqual(expected);
      // Some pairs share more than one item: weights are counts, not flags.
      expect(Math.max(...all.links.weight)).toBeGreaterThan(1);
      const strength = all.nodes.strength.reduce((s, v) => s + v, 0);
      expect(strength).toBe(2 * all.links.weight.reduce((s, v) => s + v, 0));
    });

    it('lists shared items that both actors take part in, with dates from those items', async () => {
      const rels: GraphRelationship[] = [];
      for await (const chunk of store.exportAll({ chunkSize: 5000 })) rels.push(...chunk.relationships);
      const takesPart = new Set(rels.filter((r) => ['PARTICIPATES_IN', 'ORGANISED', 'SPOKE_AT', 'FUNDS'].includes(r.type)).map((r) => `${r.from}>${r.to}`));
      let checked = 0;
      all.links.from.forEach((f, i) => {
        const a = all.nodes.id[f];
        const b = all.nodes.id[all.links.to[i]];
        const shared = all.links.shared[i];
        expect(shared.length).toBe(all.links.sharedCount[i]); // items=100 lists them all on the seed
        expect(all.links.weight[i]).toBeGreaterThanOrEqual(all.links.sharedCount[i]);
        for (const k of shared) {
          const item = all.items.id[k];
          expect(takesPart.has(`${a}>${item}`) && takesPart.has(`${b}>${item}`)).toBe(true);
          expect(['Project', 'Event', 'Practice']).toContain(all.items.label[k]);
          checked++;
        }
        if (all.links.validFrom[i] && all.links.validTo[i]) expect(all.links.validFrom[i]! <= all.links.validTo[i]!).toBe(true);
      });
      expect(checked).toBeGreaterThan(10);
      expect(all.links.validFrom.some((d) => d !== null)).toBe(true);

      // The cap keeps the count.
      const capped = (await request(t.app).get('/api/collaboration?items=1').expect(200)).body as CollaborationAnswer;
      expect(capped.links.sharedCount).toEqual(all.links.sharedCount);
      expect(capped.links.shared.every((s, i) => s.length === Math.min(1, all.links.sharedCount[i]))).toBe(true);
    });

    it('filters by level, kind, region and date like the projection', async () => {
      const local = (await request(t.app).get('/api/collaboration?levels=local').expect(200)).body as CollaborationAnswer;
      expect(local.nodes.id.length).toBeGreaterThan(0);
      expect(local.nodes.id.length).toBeLessThan(all.nodes.id.length);
      expect(local.nodes.level.every((l) => l === 'local' || l === null)).toBe(true);
      const csr = await buildProjection(store.streamTopology(), { projection: 'collaboration', levels: ['local'] });
      expect(local.nodes.id).toEqual(csr.ids);

      const regions = all.nodes.region.filter((r): r is string => !!r);
      expect(regions.length).toBeGreaterThan(0);
      const region = regions[0];
      const inRegion = (await request(t.app).get(`/api/collaboration?region=${encodeURIComponent(region.toUpperCase())}`).expect(200)).body as CollaborationAnswer;
      expect(inRegion.nodes.id.length).toBe(all.nodes.region.filter((r) => r === region).length);
      expect(inRegion.nodes.region.every((r) => r === region)).toBe(true);

      const kind = all.nodes.kind.find((k): k is string => !!k)!;
      const ofKind = (await request(t.app).get(`/api/collaboration?kinds=${kind}`).expect(200)).body as CollaborationAnswer;
      expect(ofKind.nodes.kind.every((k) => k === kind)).toBe(true);

      const early = (await request(t.app).get('/api/collaboration?at=1990-01-01').expect(200)).body as CollaborationAnswer;
      expect(early.links.from.length).toBeLessThan(all.links.from.length);
    });

    it('exports the weighted projection as CSV and GEXF downloads', async () => {
      const csv = await request(t.app).get('/api/collaboration?format=csv').expect(200);
      expect(csv.headers['content-type']).toMatch(/^text\/csv/);
      expect(csv.headers['content-disposition']).toMatch(/^attachment; filename="?collaboration\.csv"?$/);
      const lines = csv.text.trim().split('\r\n');
      expect(lines[0]).toBe('from,to,from_name,to_name,weight,shared_count,valid_from,valid_to,shared_items');
      expect(lines.length - 1).toBe(all.links.from.length);
      const rows = lines.slice(1).map(cells);
      expect(rows.map((r) => Number(r[4]))).toEqual(all.links.weight);
      expect(rows.map((r) => r[0])).toEqual(all.links.from.map((f) => all.nodes.id[f]));

      const gexf = await request(t.app).get('/api/collaboration?format=gexf').buffer(true).parse((res, cb) => {
        let data = '';
        res.on('data', (c: Buffer) => (data += c.toString()));
        res.on('end', () => cb(null, data));
      });
      expect(gexf.status).toBe(200);
      expect(gexf.headers['content-type']).toMatch(/^application\/gexf\+xml/);
      const body = gexf.body as string;
      expect(body).toMatch(/^<\?xml/);
      expect((body.match(/<node /g) ?? []).length).toBe(all.nodes.id.length);
      const edges = body.match(/<edge [^>]*>/g) ?? [];
      expect(edges.length).toBe(all.links.from.length);
      expect(edges.every((e) => /type="undirected"/.test(e) && /weight="\d+(\.\d+)?"/.test(e))).toBe(true);
    });

    it('answers 304 to a matching ETag and 400 naming a bad parameter', async () => {
      const first = await request(t.app).get('/api/collaboration').expect(200);
      expect((await request(t.app).get('/api/collaboration').set('If-None-Match', first.headers.etag)).status).toBe(304);
      const bad = await request(t.app).get('/api/collaboration?format=xml').expect(400);
      expect(bad.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(JSON.stringify(bad.body)).toContain('format');
      const tooMany = await request(t.app).get('/api/collaboration?items=1000').expect(400);
      expect(JSON.stringify(tooMany.body)).toContain('items');
      expect((await request(t.app).get('/api/collaboration?levels=galactic')).status).toBe(400);
    });

    it('is documented in the OpenAPI document with its filters and downloads', async () => {
      const doc = (await request(t.app).get('/api/openapi.json').expect(200)).body;
      const op = doc.paths['/api/collaboration']?.get;
      expect(op).toBeDefined();
      const names = op.parameters.map((p: { name: string }) => p.name);
      expect(names).toEqual(expect.arrayContaining(['at', 'levels', 'kinds', 'region', 'items', 'format']));
      expect(Object.keys(op.responses['200'].content)).toEqual(expect.arrayContaining(['application/json', 'text/csv', 'application/gexf+xml']));
    });

    it('has a collaboration layout position for every actor it lists', async () => {
      let positions: Record<string, [number, number]> | null = null;
      for (let polls = 0; polls < 3000 && !positions; polls++) {
        const res = await request(t.app).get('/api/layout?view=collaboration');
        if (res.status === 200) positions = res.body.positions;
        else await new Promise((r) => setTimeout(r, 20));
      }
      expect(positions).not.toBeNull();
      for (const id of all.nodes.id) expect(positions![id]).toBeDefined();
    });
  });
}
