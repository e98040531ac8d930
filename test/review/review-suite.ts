import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphStore } from '@atlas/graph';
import type { ReviewQueue } from '@atlas/graph/review/index.ts';
import { trustApp, type TrustApp } from '../trust/helpers.ts';

// Document → suggestions → review queue → graph, over HTTP, on a real store:
// a Spanish paragraph naming a council, a university and a programme; the
// editor accepts; the nodes and their relationship are in the graph with the
// quote as provenance and in the audit log; a viewer never sees the queue.

export const NEWS = `El Ayuntamiento de Zaragoza y la Universidad de Zaragoza impulsan el Programa Ciudad Laboratorio, que financia la Fundación Ibercaja.`;

export interface ReviewSuiteOptions {
  open(): Promise<{ store: GraphStore; cleanup(): Promise<void> }>;
  /** The queue the app uses (the default one is used when absent). */
  queue?: () => ReviewQueue;
  overrides?: () => Record<string, string>;
  /** How many items the backing persistence holds (checks the queue really lives there). */
  persisted?: (dataDir: string) => Promise<number>;
}

export function describeReview(name: string, options: ReviewSuiteOptions) {
  describe(`review queue over HTTP (${name})`, () => {
    let store: GraphStore;
    let cleanup: () => Promise<void>;
    let t: TrustApp;
    let queue: ReviewQueue | undefined;

    beforeAll(async () => {
      ({ store, cleanup } = await options.open());
      queue = options.queue?.();
      t = await trustApp(store, options.overrides?.() ?? {});
      // trustApp builds the app with the default queue for this store/config; a given queue replaces it.
      if (queue) {
        const { createApp } = await import('@atlas/api/app.ts');
        t.app = createApp({ store, config: t.config, tokens: t.tokens, review: queue });
      }
      await store.createNode({ id: 'zaragoza-city-council', label: 'Actor', kind: 'municipality', name: 'Ayuntamiento de Zaragoza', aliases: ['Zaragoza City Council'] }, { actor: 'test' });
    });

    afterAll(async () => {
      await queue?.close();
      await cleanup();
      t.cleanup();
    });

    it('suggests candidates with quotes, offsets, rules and matches; a dry run queues nothing', async () => {
      const res = await request(t.app).post('/api/suggestions').set(t.as.editor).send({ text: NEWS, title: 'Nota de prensa', url: 'https://example.org/nota', date: '2025-03-01', dryRun: true });
      expect(res.status).toBe(200);
      const byName = new Map(res.body.nodes.map((n: { name: string }) => [n.name, n]));
      expect([...byName.keys()]).toEqual(expect.arrayContaining(['Ayuntamiento de Zaragoza', 'Universidad de Zaragoza', 'Programa Ciudad Laboratorio', 'Fundación Ibercaja']));
      const council = byName.get('Ayuntamiento de Zaragoza') as { match: { id: string }; mentions: Array<{ start: number; end: number; text: string }>; rule: string };
      expect(council.match.id).toBe('zaragoza-city-council');
      expect(NEWS.slice(council.mentions[0].start, council.mentions[0].end)).toBe('Ayuntamiento de Zaragoza');
      expect(res.body.relationships.length).toBeGreaterThan(0);
      const listed = await request(t.app).get('/api/review').set(t.as.editor);
      expect(listed.body.items).toHaveLength(0);
    });

    it('queues, lets an editor accept (linking the known council) and writes with provenance; a viewer sees nothing', async () => {
      const res = await request(t.app).post('/api/suggestions').set(t.as.editor).send({ text: NEWS, title: 'Nota de prensa', url: 'https://example.org/nota' });
      expect(res.status).toBe(201);
      const items = res.body.items as Array<{ id: string; node?: { name: string }; relationship?: { type: string; from: { item: string }; to: { item: string } } }>;
      expect((await request(t.app).get('/api/review').set(t.as.viewer)).status).toBe(403);
      expect((await request(t.app).get('/api/review')).status).toBe(401);
      const pending = await request(t.app).get('/api/review?status=pending&source=nota').set(t.as.editor);
      expect(pending.body.items.length).toBe(items.length);
      if (options.persisted) expect(await options.persisted(t.config.DATA_DIR)).toBe(items.length);
      expect((await request(t.app).get('/api/review?source=other-doc').set(t.as.editor)).body.items).toHaveLength(0);
      // Nothing pending is in the graph.
      expect((await request(t.app).get('/api/nodes?q=Universidad%20de%20Zaragoza')).body.items).toHaveLength(0);

      const item = (name: string) => items.find((i) => i.node?.name === name)!;
      const uni = await request(t.app).post(`/api/review/${item('Universidad de Zaragoza').id}/accept`).set(t.as.editor).send({ edits: { level: 'regional' } });
      expect(uni.status).toBe(200);
      const prog = await request(t.app).post(`/api/review/${item('Programa Ciudad Laboratorio').id}/accept`).set(t.as.editor).send({});
      const council = await request(t.app).post(`/api/review/${item('Ayuntamiento de Zaragoza').id}/accept`).set(t.as.editor).send({});
      expect(council.body.node.id).toBe('zaragoza-city-council');
      expect(council.body.item.result.merged).toBe(true);
      const uniNode = uni.body.node;
      expect(uniNode).toMatchObject({ label: 'Actor', kind: 'university', level: 'regional' });
      expect(uniNode.provenance[0]).toMatchObject({ source: 'Nota de prensa', url: 'https://example.org/nota', quote: NEWS, addedBy: t.names.editor });
      expect(uniNode.provenance[0].note).toMatch(/offsets \d+-\d+/);

      const link = items.find((i) => i.relationship && i.relationship.from.item === item('Universidad de Zaragoza').id && i.relationship.to.item === item('Programa Ciudad Laboratorio').id)!;
      expect(link).toBeDefined();
      const rel = await request(t.app).post(`/api/review/${link.id}/accept`).set(t.as.editor).send({});
      expect(rel.status).toBe(200);
      expect(rel.body.relationship).toMatchObject({ from: uniNode.id, to: prog.body.node.id, type: link.relationship!.type });
      expect(rel.body.relationship.provenance[0].quote).toBe(NEWS);

      // A relationship whose end was not accepted waits.
      const funder = items.find((i) => i.relationship && i.relationship.from.item === item('Fundación Ibercaja').id);
      if (funder) expect((await request(t.app).post(`/api/review/${funder.id}/accept`).set(t.as.editor).send({})).status).toBe(409);
      const rejected = await request(t.app).post(`/api/review/${item('Fundación Ibercaja').id}/reject`).set(t.as.editor).send({ reason: 'not in this project' });
      expect(rejected.body.status).toBe('rejected');
      expect((await request(t.app).post(`/api/review/${item('Fundación Ibercaja').id}/accept`).set(t.as.editor).send({})).status).toBe(409);

      // The audit log holds the accepted writes, by the reviewer.
      const changes = await request(t.app).get(`/api/changes?id=${encodeURIComponent(uniNode.id)}`).set(t.as.editor);
      expect(changes.body.items[0]).toMatchObject({ op: 'create', actor: t.names.editor });
      const accepted = await request(t.app).get('/api/review?status=accepted').set(t.as.editor);
      expect(accepted.body.items.map((i: { id: string }) => i.id)).toEqual(expect.arrayContaining([item('Universidad de Zaragoza').id, link.id]));
      // The graph views show the accepted nodes and never a queue item.
      const graph = await request(t.app).get('/api/graph');
      expect(graph.status).toBe(200);
      const ids = graph.body.nodes.id as string[];
      expect(ids).toContain(uniNode.id);
      expect(ids.some((id) => id.startsWith('sug-'))).toBe(false);
    });

    it('the routes are in the OpenAPI document', async () => {
      const doc = await request(t.app).get('/api/openapi.json');
      expect(doc.status).toBe(200);
      expect(Object.keys(doc.body.paths)).toEqual(expect.arrayContaining(['/api/suggestions', '/api/review', '/api/review/{id}/accept', '/api/review/{id}/reject', '/api/register']));
    });

    it('bad input is a 400 problem and queues nothing', async () => {
      const before = (await request(t.app).get('/api/review').set(t.as.editor)).body.items.length;
      const res = await request(t.app).post('/api/suggestions').set(t.as.editor).send({ text: '', title: '' });
      expect(res.status).toBe(400);
      expect(res.headers['content-type']).toMatch(/problem\+json/);
      expect((await request(t.app).post('/api/suggestions').set(t.as.viewer).send({ text: NEWS, title: 'x' })).status).toBe(403);
      expect((await request(t.app).get('/api/review').set(t.as.editor)).body.items.length).toBe(before);
    });
  });
}
