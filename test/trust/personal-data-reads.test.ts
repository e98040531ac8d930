import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EmbeddedStore } from '@atlas/graph/store/embedded/index.ts';
import { nodeIdFor } from '@atlas/graph';
import { PRIVATE_PERSON_NAME } from '@atlas/api/auth/personal-data.ts';
import { trustApp, unique, type Auth, type TrustApp } from './helpers.ts';

// Personal data on the read endpoints that return names outside node lists:
// collaborators, peers, speakers (JSON and CSV), centrality, communities, the
// audit log and the diff — viewers and anonymous readers against editors.
// Also GET /api/me and the opaque ids of persons created without one.

const SECRETS = /Zoe|Quintana|Directora|Calle Oculta|example\.org|Zacar[ií]as/;
const today = new Date().toISOString().slice(0, 10);
const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);

describe('personal data on every read (embedded)', () => {
  let dir: string;
  let store: EmbeddedStore;
  let t: TrustApp;
  let readers: Array<[string, Auth | Record<string, never>]>;
  const ids = { a: unique('actor-a'), b: unique('actor-b'), c: unique('actor-c'), project: unique('project'), event: unique('event'), topic: unique('topic'), d: unique('actor-d'), otherTopic: unique('topic') };
  let privateId: string;
  let consentingId: string;
  let affiliationId: string;

  const post = async (url: string, body: object) => {
    const res = await request(t.app).post(url).set(t.as.editor).send(body);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body as { id: string };
  };
  const rel = (type: string, from: string, to: string, extra: object = {}) => post('/api/relationships', { type, from, to, ...extra });

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'atlas-personal-'));
    store = new EmbeddedStore({ dataDir: dir, logger: { warn: () => {} } });
    await store.init();
    t = await trustApp(store);
    readers = [
      ['anonymous', {}],
      ['viewer', t.as.viewer],
    ];
    const actor = (id: string, level: string) => post('/api/nodes', { id, label: 'Actor', name: `Actor ${id}`, kind: 'municipality', level });
    await actor(ids.a, 'local');
    await actor(ids.b, 'local');
    await actor(ids.c, 'local');
    // Another actor on another topic, so the shared topic is distinctive (topic similarity is IDF-weighted).
    await actor(ids.d, 'regional');
    await post('/api/nodes', { id: ids.otherTopic, label: 'Topic', name: 'Govtech' });
    await rel('WORKS_ON', ids.d, ids.otherTopic);
    await post('/api/nodes', { id: ids.topic, label: 'Topic', name: 'Soledad no deseada' });
    await post('/api/nodes', { id: ids.project, label: 'Project', name: 'Proyecto compartido', kind: 'project' });
    await post('/api/nodes', { id: ids.event, label: 'Event', name: 'Jornada', kind: 'conference', date: today });
    // Persons created without an id: their ids are opaque.
    privateId = (
      await post('/api/nodes', {
        label: 'Person',
        name: 'Zoe Privada Quintana',
        role: 'Directora de innovación',
        affiliation: 'Calle Oculta 1',
        email: 'zoe@example.org',
        consent: false,
        provenance: [{ source: '000_doc.txt', quote: 'Zoe Privada Quintana said so', confidence: 1 }],
      })
    ).id;
    consentingId = (await post('/api/nodes', { label: 'Person', name: 'Ana Consiente', role: 'Speaker', consent: true })).id;

    await rel('PARTICIPATES_IN', ids.a, ids.project, { properties: { role: 'lead' } });
    await rel('PARTICIPATES_IN', ids.b, ids.project, { properties: { role: 'partner' } });
    await rel('PARTICIPATES_IN', privateId, ids.project);
    await rel('ABOUT', ids.project, ids.topic);
    await rel('ABOUT', ids.event, ids.topic);
    await rel('ORGANISED', ids.a, ids.event);
    for (const person of [privateId, consentingId]) {
      await rel('SPOKE_AT', person, ids.event, { provenance: [{ source: '000_doc.txt', quote: person === privateId ? 'Zoe Quintana opened the day' : 'Ana opened', confidence: 1 }] });
      await rel('WORKS_ON', person, ids.topic);
    }
    await rel('WORKS_ON', ids.a, ids.topic);
    await rel('WORKS_ON', ids.c, ids.topic);
    // Appears in today's diff while its Person end does not: the redaction must look the end up.
    affiliationId = (await rel('AFFILIATED_WITH', privateId, ids.a, { validFrom: today, provenance: [{ source: '000_doc.txt', quote: 'Zoe Privada Quintana works here', confidence: 1 }] })).id;
    await request(t.app).patch(`/api/nodes/${privateId}`).set(t.as.editor).send({ role: 'Directora general' }).expect(200);
  });
  afterAll(async () => {
    t?.cleanup();
    await store?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  describe('ids of persons created without one', () => {
    it('are opaque for persons and slugs for everything else', async () => {
      expect(privateId).toMatch(/^person-[0-9a-f]{16}$/);
      expect(consentingId).toMatch(/^person-[0-9a-f]{16}$/);
      expect(privateId).not.toBe(consentingId);
      expect(nodeIdFor('Zoe Privada Quintana', 'Person')).not.toMatch(/zoe|quintana/i);
      expect(nodeIdFor('Ayuntamiento de Vinaròs', 'Actor')).toMatch(/^ayuntamiento-de-vinaros-[0-9a-f]{8}$/);
      const actor = await post('/api/nodes', { label: 'Actor', name: 'Gata de Gorgos', kind: 'municipality' });
      expect(actor.id).toMatch(/^gata-de-gorgos-[0-9a-f]{8}$/);
    });
  });

  it('collaborators list actors only, never persons', async () => {
    for (const [who, auth] of [...readers, ['editor', t.as.editor] as const]) {
      const res = await request(t.app).get(`/api/actors/${ids.a}/collaborators`).set(auth);
      expect(res.status, who).toBe(200);
      expect(res.body.collaborators.map((c: { id: string }) => c.id), who).toEqual([ids.b]);
      expect(JSON.stringify(res.body), who).not.toMatch(SECRETS);
      expect(JSON.stringify(res.body), who).not.toContain(privateId);
    }
  });

  it('peer recommendations name no person', async () => {
    for (const [who, auth] of readers) {
      const res = await request(t.app).get(`/api/recommendations/peers/${ids.a}`).set(auth);
      expect(res.status, who).toBe(200);
      expect(res.body.peers.map((p: { id: string }) => p.id), who).toContain(ids.c);
      expect(JSON.stringify(res.body), who).not.toMatch(SECRETS);
    }
  });

  it('speakers include persons only with consent, in JSON and CSV, whoever asks', async () => {
    for (const [who, auth] of [...readers, ['editor', t.as.editor] as const]) {
      const res = await request(t.app).get(`/api/speakers?topic=${ids.topic}&limit=50`).set(auth);
      expect(res.status, who).toBe(200);
      const speakers = res.body.speakers.map((s: { id: string }) => s.id);
      expect(speakers, who).toContain(consentingId);
      expect(speakers, who).not.toContain(privateId);
      expect(JSON.stringify(res.body), who).toContain('Ana Consiente');
      expect(JSON.stringify(res.body), who).not.toMatch(SECRETS);
      const csv = await request(t.app).get(`/api/speakers?topic=${ids.topic}&limit=50&format=csv`).set(auth);
      expect(csv.status, who).toBe(200);
      expect(csv.text, who).toContain('Ana Consiente');
      expect(csv.text, who).not.toMatch(SECRETS);
      expect(csv.text, who).not.toContain(privateId);
    }
  });

  it('centrality on the full graph shows private persons unnamed to viewers, named to editors', async () => {
    const url = '/api/analytics/centrality?measure=degree&projection=full&limit=1000';
    for (const [who, auth] of readers) {
      const res = await request(t.app).get(url).set(auth);
      expect(res.status, who).toBe(200);
      expect(res.body.items.find((i: { id: string }) => i.id === privateId), who).toMatchObject({ name: PRIVATE_PERSON_NAME });
      expect(res.body.items.find((i: { id: string }) => i.id === consentingId), who).toMatchObject({ name: 'Ana Consiente' });
      expect(JSON.stringify(res.body), who).not.toMatch(SECRETS);
    }
    const editor = await request(t.app).get(url).set(t.as.editor);
    expect(editor.body.items.find((i: { id: string }) => i.id === privateId)).toMatchObject({ name: 'Zoe Privada Quintana' });
  });

  it('communities on the full graph list members by opaque id only', async () => {
    for (const [who, auth] of readers) {
      const res = await request(t.app).get('/api/analytics/communities?projection=full&seed=1').set(auth);
      expect(res.status, who).toBe(200);
      expect(res.body.communities.flatMap((c: { members: string[] }) => c.members), who).toContain(privateId);
      expect(JSON.stringify(res.body), who).not.toMatch(SECRETS);
    }
  });

  it('the audit log hides quotes of relationships touching a private person from viewers', async () => {
    for (const [who, auth] of readers) {
      const res = await request(t.app).get(`/api/changes?id=${affiliationId}`).set(auth);
      expect(res.status, who).toBe(200);
      expect(res.body.items, who).toHaveLength(1);
      expect(res.body.items[0].after, who).toMatchObject({ id: affiliationId, from: privateId, provenance: [expect.objectContaining({ source: '000_doc.txt' })] });
      expect(JSON.stringify(res.body), who).not.toMatch(SECRETS);
      const all = await request(t.app).get('/api/changes?limit=1000').set(auth);
      expect(JSON.stringify(all.body), who).not.toMatch(SECRETS);
      expect(JSON.stringify(all.body), who).toContain('Ana opened');
    }
    const editor = await request(t.app).get(`/api/changes?id=${affiliationId}`).set(t.as.editor);
    expect(editor.body.items[0].after.provenance[0].quote).toBe('Zoe Privada Quintana works here');
  });

  it('keeps them hidden after the person is deleted (consent can no longer be read)', async () => {
    const gone = await post('/api/nodes', { label: 'Person', name: 'Zacarías Borrado' });
    const works = await rel('WORKS_ON', gone.id, ids.topic, { provenance: [{ source: '000_doc.txt', quote: 'Zacarías works on it', confidence: 1 }] });
    await request(t.app).delete(`/api/nodes/${gone.id}?detach=true`).set(t.as.editor).expect(204);
    for (const [who, auth] of readers) {
      const res = await request(t.app).get(`/api/changes?id=${works.id}`).set(auth);
      expect(res.body.items.map((e: { op: string }) => e.op), who).toEqual(['create', 'delete']);
      expect(JSON.stringify(res.body), who).not.toMatch(SECRETS);
    }
    const editor = await request(t.app).get(`/api/changes?id=${works.id}`).set(t.as.editor);
    expect(JSON.stringify(editor.body)).toContain('Zacarías works on it');
  });

  it('the diff redacts private persons and their relationships for viewers', async () => {
    const url = `/api/diff?from=${yesterday}&to=${today}`;
    for (const [who, auth] of readers) {
      const res = await request(t.app).get(url).set(auth);
      expect(res.status, who).toBe(200);
      expect(res.body.appeared.relationships.map((r: { id: string }) => r.id), who).toContain(affiliationId);
      const person = res.body.changed.find((c: { id: string }) => c.id === privateId);
      expect(person, who).toMatchObject({ entity: 'node', ops: ['create', 'update'], after: { name: PRIVATE_PERSON_NAME, redacted: true } });
      expect(res.body.changed.some((c: { id: string }) => c.id === affiliationId), who).toBe(true);
      expect(JSON.stringify(res.body), who).not.toMatch(SECRETS);
    }
    const editor = await request(t.app).get(url).set(t.as.editor);
    const text = JSON.stringify(editor.body);
    for (const shown of ['Zoe Privada Quintana works here', 'Directora general', 'zoe@example.org']) expect(text).toContain(shown);
  });
});

describe('GET /api/me (embedded)', () => {
  let dir: string;
  let store: EmbeddedStore;
  let t: TrustApp;
  let closed: TrustApp;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'atlas-me-'));
    store = new EmbeddedStore({ dataDir: dir, logger: { warn: () => {} } });
    await store.init();
    t = await trustApp(store);
    closed = await trustApp(store, { PUBLIC_READ: 'false' });
  });
  afterAll(async () => {
    t?.cleanup();
    closed?.cleanup();
    await store?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('says who the caller is and what role it has', async () => {
    expect((await request(t.app).get('/api/me').expect(200)).body).toEqual({ authenticated: false, role: 'anonymous', publicRead: true });
    for (const role of ['viewer', 'editor', 'admin'] as const) {
      const res = await request(t.app).get('/api/me').set(t.as[role]).expect(200);
      expect(res.body).toEqual({ authenticated: true, name: t.names[role], role, publicRead: true });
      expect(res.headers['cache-control']).toBe('no-store');
    }
  });

  it('answers anonymous callers when reading is not public, and refuses bad tokens', async () => {
    expect((await request(closed.app).get('/api/me').expect(200)).body).toEqual({ authenticated: false, role: 'anonymous', publicRead: false });
    expect((await request(closed.app).get('/api/me').set(closed.as.viewer).expect(200)).body).toMatchObject({ role: 'viewer', publicRead: false });
    const forged = await request(t.app).get('/api/me').set({ Authorization: 'Bearer atl_0123456789ab_forgedforgedforged' });
    expect(forged.status).toBe(401);
    expect(forged.headers['content-type']).toMatch(/^application\/problem\+json/);
  });

  it('changes nothing in the store', async () => {
    const before = await store.revision();
    await request(t.app).get('/api/me').set(t.as.admin).expect(200);
    expect(await store.revision()).toBe(before);
  });
});
