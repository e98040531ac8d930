import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EmbeddedStore } from '@atlas/graph/store/embedded/index.ts';
import { trustApp, type TrustApp } from '../trust/helpers.ts';

// GET /api/places/search: autocomplete over the bundled gazetteer.

describe('GET /api/places/search', () => {
  let dataDir: string;
  let store: EmbeddedStore;
  let t: TrustApp;
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'atlas-places-api-'));
    store = new EmbeddedStore({ dataDir, logger: { warn: () => undefined } });
    await store.init();
    t = await trustApp(store);
  });
  afterAll(async () => {
    await (t?.app.locals.analytics as { close(): Promise<void> } | undefined)?.close();
    t?.cleanup();
    await store?.close();
    await rm(dataDir, { recursive: true, force: true });
  });
  const get = (url: string) => request(t.app).get(url).set(t.as.viewer);

  it('answers municipalities by any official name, best first', async () => {
    const res = await get('/api/places/search?q=alicante&limit=3');
    expect(res.status).toBe(200);
    expect(res.body.places[0]).toEqual({ ineCode: '03014', name: 'Alacant/Alicante', province: 'Alacant/Alicante', region: 'Comunitat Valenciana', lat: expect.any(Number), lon: expect.any(Number) });
    expect(res.body.places.length).toBeLessThanOrEqual(3);
    expect((await get('/api/places/search?q=donostia')).body.places[0].ineCode).toBe('20069');
    expect((await get('/api/places/search?q=zzzzqx')).body).toEqual({ places: [] });
  });

  it('rejects a missing query or a bad limit with a problem naming the parameter', async () => {
    for (const url of ['/api/places/search', '/api/places/search?q=valencia&limit=0', '/api/places/search?q=valencia&limit=5000']) {
      const res = await get(url);
      expect(res.status, url).toBe(400);
      expect(res.headers['content-type']).toMatch(/problem\+json/);
      expect(JSON.stringify(res.body)).toMatch(/q|limit/);
    }
  });

  it('is in the OpenAPI document', async () => {
    const res = await get('/api/openapi.json');
    expect(res.status).toBe(200);
    expect(res.body.paths['/api/places/search']?.get?.operationId).toBe('searchPlaces');
  });
});
