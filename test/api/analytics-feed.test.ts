import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnalyticsService } from '@atlas/graph/analytics/service.ts';
import { EmbeddedStore } from '@atlas/graph/store/embedded/index.ts';
import { loadSeed } from '@atlas/seeds/load-seed.ts';
import { trustApp, type TrustApp } from '../trust/helpers.ts';

// The analytics endpoints over HTTP on the seed: every answer says which
// revision it was computed at and whether it is stale, and writes through the
// API reach the analytics through the change feed — the store's topology is
// read in full once, never again after a write.

describe('analytics over the change feed (HTTP)', () => {
  let dataDir: string;
  let store: EmbeddedStore;
  let t: TrustApp;
  let fullReads = 0;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'atlas-analytics-feed-'));
    store = new EmbeddedStore({ dataDir, logger: { warn: () => undefined } });
    await store.init();
    await loadSeed(store);
    const streamTopology = store.streamTopology.bind(store);
    store.streamTopology = (options) => {
      fullReads++;
      return streamTopology(options);
    };
    t = await trustApp(store);
  });
  afterAll(async () => {
    await (t?.app.locals.analytics as AnalyticsService | undefined)?.close();
    t?.cleanup();
    await store?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  const centrality = async () => {
    const res = await request(t.app).get('/api/analytics/centrality?measure=degree&limit=1000');
    expect(res.status, res.text).toBe(200);
    return res.body as { revision: number; stale: boolean; items: Array<{ id: string; score: number }> };
  };

  it('answers with its revision and stale: false, and follows API writes without re-reading the store', async () => {
    const first = await centrality();
    expect(first).toMatchObject({ revision: await store.revision(), stale: false });
    const communities = await request(t.app).get('/api/analytics/communities?seed=1');
    expect(communities.body).toMatchObject({ revision: first.revision, stale: false });
    expect(fullReads).toBe(1);

    const actor = await request(t.app)
      .post('/api/nodes')
      .set(t.as.editor)
      .send({ id: 'feed-actor', label: 'Actor', name: 'Feed actor', kind: 'startup', level: 'local' });
    expect(actor.status, actor.text).toBe(201);
    const partner = first.items[0].id;
    const link = await request(t.app).post('/api/relationships').set(t.as.editor).send({ type: 'COLLABORATES_WITH', from: 'feed-actor', to: partner });
    expect(link.status, link.text).toBe(201);

    // A cheap kernel normally lands within the stale budget (500 ms); on a starved machine the
    // answer may be the previous one, marked stale with its revision, until the new one lands.
    let after = await centrality();
    while (after.stale) {
      expect(after.revision).toBe(first.revision);
      after = await centrality();
    }
    expect(after).toMatchObject({ revision: first.revision + 2, stale: false });
    expect(after.items.find((i) => i.id === 'feed-actor')!.score).toBeGreaterThan(0);
    expect(fullReads).toBe(1);
    expect((t.app.locals.analytics as AnalyticsService).topology.fullReads).toBe(1);
  });
});
