import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphStore } from '@atlas/graph';
import type { AnalyticsService } from '@atlas/graph/analytics/service.ts';
import { Knowledge } from '@atlas/graph/recommendations/knowledge.ts';
import { recommendPeers } from '@atlas/graph/recommendations/peers.ts';
import { trustApp, type TrustApp } from '../trust/helpers.ts';

// Peer recommendations over HTTP follow writes through the change feed: the
// store's documents are read in full once (exportAll counted), and after every
// kind of write the answer equals a recommendation computed from a fresh full
// read of the store — on the embedded store and on Neo4j.

export function describePeersFeed(name: string, open: () => Promise<{ store: GraphStore; cleanup: () => Promise<void> }>): void {
  describe(`peer recommendations over the change feed: ${name}`, () => {
    let store: GraphStore;
    let cleanup: () => Promise<void>;
    let t: TrustApp;
    let fullReads = 0;
    let exportAll: GraphStore['exportAll'];

    beforeAll(async () => {
      ({ store, cleanup } = await open());
      const ctx = { actor: 'seed' };
      const report = await store.bulkUpsert(
        {
          nodes: [
            { id: 'pf-a1', label: 'Actor', name: 'Alpha lab', kind: 'lab', level: 'local', tags: ['topic:SPACE'] },
            { id: 'pf-a2', label: 'Actor', name: 'Beta university', kind: 'university', level: 'regional', tags: ['topic:SPACE'] },
            { id: 'pf-a3', label: 'Actor', name: 'Gamma council', kind: 'municipality', level: 'local' },
            { id: 'pf-a4', label: 'Actor', name: 'Delta ngo', kind: 'ngo', level: 'national' },
            { id: 'pf-p1', label: 'Project', name: 'Project one' },
            { id: 'pf-t1', label: 'Topic', name: 'Loneliness' },
            { id: 'pf-pr', label: 'Practice', name: 'Neighbour circles' },
          ],
          relationships: [
            { id: 'pf-r1', type: 'COLLABORATES_WITH', from: 'pf-a1', to: 'pf-a3' },
            { id: 'pf-r2', type: 'COLLABORATES_WITH', from: 'pf-a3', to: 'pf-a4' },
            { id: 'pf-r3', type: 'PARTICIPATES_IN', from: 'pf-a1', to: 'pf-p1' },
            { id: 'pf-r4', type: 'ABOUT', from: 'pf-p1', to: 'pf-t1' },
            { id: 'pf-r5', type: 'DEVELOPED', from: 'pf-a4', to: 'pf-pr' },
            { id: 'pf-r6', type: 'ABOUT', from: 'pf-pr', to: 'pf-t1' },
          ],
        },
        { mode: 'merge' },
        ctx,
      );
      expect(report.errors).toEqual([]);
      exportAll = store.exportAll.bind(store);
      store.exportAll = (options) => {
        fullReads++;
        return exportAll(options);
      };
      t = await trustApp(store);
    });
    afterAll(async () => {
      await (t?.app.locals.analytics as AnalyticsService | undefined)?.close();
      t?.cleanup();
      await cleanup?.();
    });

    /** The answer over HTTP, and the one computed from a fresh full read of the store. */
    const peers = async (actorId: string, at?: string) => {
      const res = await request(t.app).get(`/api/recommendations/peers/${actorId}${at ? `?at=${at}` : ''}`);
      expect(res.status, res.text).toBe(200);
      const reads = fullReads;
      const fresh = await Knowledge.fromChunks(exportAll({ chunkSize: 3 }), at);
      const collaboration = await (t.app.locals.analytics as AnalyticsService).projection({ projection: 'collaboration', at });
      expect(fullReads).toBe(reads);
      expect(res.body).toEqual(JSON.parse(JSON.stringify(recommendPeers(fresh, collaboration, actorId))));
      return res.body as { peers: Array<{ id: string; name: string; reasons: Array<{ type: string }> }> };
    };
    const ok = (res: request.Response, status: number) => expect(res.status, res.text).toBe(status);

    it('reads the store in full once, then follows creates, updates and deletes from the feed', async () => {
      const first = await peers('pf-a1');
      expect(first.peers.map((p) => p.id)).toContain('pf-a4');
      expect(fullReads).toBe(1);

      ok(await request(t.app).post('/api/nodes').set(t.as.editor).send({ id: 'pf-a5', label: 'Actor', name: 'Epsilon startup', kind: 'startup', level: 'local', tags: ['topic:SPACE'] }), 201);
      ok(await request(t.app).post('/api/relationships').set(t.as.editor).send({ id: 'pf-r7', type: 'COLLABORATES_WITH', from: 'pf-a5', to: 'pf-a3' }), 201);
      const created = (await peers('pf-a1')).peers.find((p) => p.id === 'pf-a5');
      expect(created?.reasons.map((r) => r.type)).toEqual(expect.arrayContaining(['shared_topic', 'common_partner']));

      ok(await request(t.app).patch('/api/nodes/pf-a5').set(t.as.editor).send({ name: 'Epsilon renamed' }), 200);
      expect((await peers('pf-a1')).peers.find((p) => p.id === 'pf-a5')?.name).toBe('Epsilon renamed');

      // Writes made concurrently, then one of them undone.
      await Promise.all([
        request(t.app).post('/api/relationships').set(t.as.editor).send({ id: 'pf-r8', type: 'COLLABORATES_WITH', from: 'pf-a1', to: 'pf-a2', validTo: '2020-12-31' }),
        request(t.app).delete('/api/relationships/pf-r2').set(t.as.editor),
      ]).then(([a, b]) => (ok(a, 201), expect(b.status, b.text).toBeLessThan(300)));
      // pf-a1 and pf-a2 collaborate until 2020: partners (no candidate) without `at`, a candidate in 2022.
      expect((await peers('pf-a1')).peers.map((p) => p.id)).not.toContain('pf-a2');
      expect((await peers('pf-a1', '2022-01-01')).peers.map((p) => p.id)).toContain('pf-a2');

      ok(await request(t.app).delete('/api/nodes/pf-a5?detach=true').set(t.as.editor), 204);
      expect((await peers('pf-a1')).peers.map((p) => p.id)).not.toContain('pf-a5');
      expect(fullReads).toBe(1);
    });
  });
}
