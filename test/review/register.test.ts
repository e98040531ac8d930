import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EmbeddedStore } from '@atlas/graph/store/embedded/index.ts';
import { trustApp, type TrustApp } from '../trust/helpers.ts';

// Self-registration (issue 16.4, API part): public, lands in the review queue,
// honeypot, consent for personal data, duplicates, per-IP rate limit; an editor
// sees and approves it, a viewer does not, and after approval it is on the map.

describe('POST /api/register', () => {
  let dir: string;
  let store: EmbeddedStore;
  let t: TrustApp;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'atlas-register-'));
    store = new EmbeddedStore({ dataDir: path.join(dir, 'store') });
    await store.init();
    await store.createNode({ id: 'las-naves', label: 'Actor', kind: 'lab', name: 'Las Naves' }, { actor: 'test' });
    t = await trustApp(store, { PUBLIC_READ: 'false' });
  });
  afterAll(async () => {
    await store.close();
    t.cleanup();
    rmSync(dir, { recursive: true, force: true });
  });

  const register = (body: object) => request(t.app).post('/api/register').send(body);

  it('queues a registration for editors only; approval puts it on the map with its collaboration', async () => {
    const bot = await register({ name: 'Spam Corp', kind: 'company', homepage: 'http://spam.example' });
    expect(bot.status).toBe(202);
    const noConsent = await register({ name: 'Coop Alfa', kind: 'company', contact: { email: 'ana@example.org' } });
    expect(noConsent.status).toBe(400);
    expect(JSON.stringify(noConsent.body)).toMatch(/consent/);

    const ok = await register({ name: 'Colectivo Huerta Viva', kind: 'citizen_group', municipality: '46250', website: 'https://huertaviva.example.org', topics: ['urban agriculture'], collaborations: ['las-naves'], description: 'Huertos comunitarios en los barrios de València.', contact: { name: 'Ana', email: 'ana@example.org' }, consent: true });
    expect(ok.status).toBe(202);
    expect(ok.body.items).toBe(2);

    // Pending: an editor sees it, a viewer cannot, and it is not on the map.
    expect((await request(t.app).get('/api/review').set(t.as.viewer)).status).toBe(403);
    const pending = await request(t.app).get('/api/review?origin=submission&status=pending').set(t.as.editor);
    expect(pending.body.items.map((i: { node?: { name: string } }) => i.node?.name)).toContain('Colectivo Huerta Viva');
    expect(pending.body.items.some((i: { node?: { name: string } }) => i.node?.name === 'Spam Corp')).toBe(false);
    expect((await request(t.app).get('/api/nodes?q=Huerta').set(t.as.viewer)).body.items).toHaveLength(0);

    // Duplicates of pending submissions and of existing nodes are refused.
    expect((await register({ name: 'Colectivo Huerta Viva', kind: 'ngo' })).status).toBe(409);
    expect((await register({ name: 'LAS NAVES', kind: 'lab' })).status).toBe(409);

    const node = pending.body.items.find((i: { node?: { name: string } }) => i.node?.name === 'Colectivo Huerta Viva');
    const rel = pending.body.items.find((i: { relationship?: { from: { item: string } } }) => i.relationship?.from.item === node.id);
    const accepted = await request(t.app).post(`/api/review/${node.id}/accept`).set(t.as.editor).send({});
    expect(accepted.status).toBe(200);
    expect(accepted.body.node).toMatchObject({ name: 'Colectivo Huerta Viva', kind: 'citizen_group', website: 'https://huertaviva.example.org', description: 'Huertos comunitarios en los barrios de València.', place: { ineCode: '46250' } });
    // The contact person stays in the queue (for the editor), never on the map.
    expect(JSON.stringify(accepted.body.node)).not.toContain('ana@example.org');
    expect((await request(t.app).post(`/api/review/${rel.id}/accept`).set(t.as.editor).send({})).body.relationship).toMatchObject({ type: 'COLLABORATES_WITH', from: accepted.body.node.id, to: 'las-naves' });
    const onMap = await request(t.app).get(`/api/nodes/${accepted.body.node.id}`).set(t.as.viewer);
    expect(onMap.status).toBe(200);

    // Five attempts from this address so far: the sixth is limited.
    const limited = await register({ name: 'Otra Entidad', kind: 'ngo' });
    expect(limited.status).toBe(429);
    expect(limited.headers['retry-after']).toBeDefined();
  });
});
