import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import request from 'supertest';
import type { GraphStore } from '@atlas/graph';
import { PRIVATE_PERSON_NAME } from '@atlas/api/auth/personal-data.ts';
import { trustApp, unique, type TrustApp } from './helpers.ts';

// Accounts, roles, personal data, audit trail, provenance and time travel,
// through the HTTP API, against one store. Run by trust.test.ts (embedded) and
// trust.neo4j.test.ts (Neo4j). Ids are unique per run so a shared store works.

export interface StoreHandle {
  store: GraphStore;
  close(): Promise<void>;
}

const problem = (res: request.Response, status: number) => {
  expect(res.status).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(res.body).toMatchObject({ status, title: expect.any(String), detail: expect.any(String) });
};

export function describeTrust(storeName: string, open: () => Promise<StoreHandle>): void {
  describe(`trust (${storeName})`, () => {
    let handle: StoreHandle;
    let t: TrustApp;
    let privT: TrustApp;
    beforeAll(async () => {
      handle = await open();
      t = await trustApp(handle.store);
      privT = await trustApp(handle.store, { PUBLIC_READ: 'false' });
    });
    afterAll(async () => {
      t?.cleanup();
      privT?.cleanup();
      await handle?.close();
    });

    const actor = (id: string, extra: object = {}) => ({ id, label: 'Actor', name: `Actor ${id}`, kind: 'lab', level: 'local', ...extra });

    describe('roles', () => {
      it('lets anyone read when PUBLIC_READ is on, and nobody write without a token', async () => {
        const id = unique('anon');
        expect((await request(t.app).get('/api/nodes?limit=1')).status).toBe(200);
        const before = await handle.store.revision();
        const res = await request(t.app).post('/api/nodes').send(actor(id));
        problem(res, 401);
        expect(res.headers['www-authenticate']).toMatch(/^Bearer/);
        expect(await handle.store.revision()).toBe(before);
      });

      it('refuses writes from a viewer (403) and accepts them from an editor, in the editor name', async () => {
        const id = unique('by-editor');
        problem(await request(t.app).post('/api/nodes').set(t.as.viewer).send(actor(id)), 403);
        const created = await request(t.app).post('/api/nodes').set(t.as.editor).send(actor(id));
        expect(created.status).toBe(201);
        expect(created.body.provenance).toEqual([expect.objectContaining({ source: expect.stringMatching(/^manual edit/), addedBy: t.names.editor, confidence: 1 })]);
        expect(Date.parse(created.body.provenance[0].addedAt)).toBeGreaterThan(Date.now() - 60_000);
        problem(await request(t.app).patch(`/api/nodes/${id}`).set(t.as.viewer).send({ description: 'x' }), 403);
        problem(await request(t.app).delete(`/api/nodes/${id}`).set(t.as.viewer), 403);
        expect((await request(t.app).delete(`/api/nodes/${id}`).set(t.as.admin)).status).toBe(204);
      });

      it('refuses forged, malformed, expired and revoked tokens instead of treating them as anonymous', async () => {
        const forged = 'atl_000000000000_' + 'A'.repeat(43);
        problem(await request(t.app).get('/api/nodes').set({ Authorization: `Bearer ${forged}` }), 401);
        const real = t.as.editor.Authorization.slice(7);
        const wrongSecret = real.slice(0, -4) + (real.endsWith('AAAA') ? 'BBBB' : 'AAAA');
        problem(await request(t.app).get('/api/nodes').set({ Authorization: `Bearer ${wrongSecret}` }), 401);
        problem(await request(t.app).get('/api/nodes').set({ Authorization: 'Basic dXNlcjpwYXNz' }), 401);
        problem(await request(t.app).get('/api/nodes').set({ Authorization: 'Bearer' }), 401);
        const expired = await t.tokens.create({ name: 'old', role: 'editor', createdBy: 'test', expiresAt: new Date(Date.now() - 1000).toISOString() });
        problem(await request(t.app).post('/api/nodes').set({ Authorization: `Bearer ${expired.token}` }).send(actor(unique('exp'))), 401);
      });

      it('needs a viewer token to read when PUBLIC_READ is off (health stays public)', async () => {
        problem(await request(privT.app).get('/api/nodes'), 401);
        problem(await request(privT.app).get('/api/changes'), 401);
        expect((await request(privT.app).get('/api/nodes').set(privT.as.viewer)).status).toBe(200);
        expect((await request(privT.app).get('/api/health')).status).toBe(200);
      });
    });

    describe('tokens', () => {
      it('are managed by admins only; nobody can raise a role', async () => {
        problem(await request(t.app).get('/api/tokens').set(t.as.editor), 403);
        problem(await request(t.app).post('/api/tokens').set(t.as.editor).send({ name: 'me', role: 'admin' }), 403);
        problem(await request(t.app).post('/api/tokens').set(t.as.viewer).send({ name: 'me', role: 'editor' }), 403);
        problem(await request(t.app).post('/api/tokens').send({ name: 'me', role: 'admin' }), 401);
        const viewerId = t.as.viewer.Authorization.slice(11, 23);
        // Tokens are immutable: there is no route to change a role.
        problem(await request(t.app).patch(`/api/tokens/${viewerId}`).set(t.as.viewer).send({ role: 'admin' }), 403);
        problem(await request(t.app).patch(`/api/tokens/${viewerId}`).set(t.as.admin).send({ role: 'admin' }), 404);
        problem(await request(t.app).post('/api/tokens').set(t.as.admin).send({ name: 'x', role: 'root' }), 400);
      });

      it('are shown once at creation, listed without secrets, and revoked for good', async () => {
        const created = await request(t.app).post('/api/tokens').set(t.as.admin).send({ name: 'Analyst', role: 'viewer', expiresInDays: 7 });
        expect(created.status).toBe(201);
        expect(created.body.token).toMatch(/^atl_[0-9a-f]{12}_[\w-]{43}$/);
        expect(created.body).toMatchObject({ name: 'Analyst', role: 'viewer', createdBy: t.names.admin, active: true });
        expect(Date.parse(created.body.expiresAt) - Date.now()).toBeGreaterThan(6.9 * 86_400_000);
        const auth = { Authorization: `Bearer ${created.body.token}` };
        expect((await request(t.app).get('/api/nodes?limit=1').set(auth)).status).toBe(200);

        const list = await request(t.app).get('/api/tokens').set(t.as.admin);
        expect(list.status).toBe(200);
        const text = JSON.stringify(list.body);
        expect(text).not.toContain(created.body.token.slice(17));
        expect(text).not.toContain('scrypt');
        expect(list.body.items.find((i: { id: string }) => i.id === created.body.id)).toMatchObject({ role: 'viewer', active: true });

        const revoked = await request(t.app).delete(`/api/tokens/${created.body.id}`).set(t.as.admin);
        expect(revoked.status).toBe(200);
        expect(revoked.body).toMatchObject({ active: false, revokedBy: t.names.admin });
        problem(await request(t.app).get('/api/nodes?limit=1').set(auth), 401);
        problem(await request(t.app).delete('/api/tokens/0123456789ab').set(t.as.admin), 404);
        problem(await request(t.app).delete('/api/tokens/..%2F..%2Fetc').set(t.as.admin), 400);
      });
    });

    describe('personal data', () => {
      let privateId: string;
      let consentingId: string;
      beforeAll(async () => {
        privateId = unique('person-private');
        consentingId = unique('person-public');
        const person = (id: string, consent: boolean, name: string) => ({
          id,
          label: 'Person',
          name,
          role: 'Head of innovation',
          affiliation: 'Las Naves',
          email: `${id}@example.org`,
          consent,
          tags: ['govtech'],
          provenance: [{ source: '000_doc.txt', quote: `${name} said so`, confidence: 1 }],
        });
        expect((await request(t.app).post('/api/nodes').set(t.as.editor).send(person(privateId, false, 'Zoe Privada Quintana'))).status).toBe(201);
        expect((await request(t.app).post('/api/nodes').set(t.as.editor).send(person(consentingId, true, 'Ana Consiente'))).status).toBe(201);
        expect((await request(t.app).patch(`/api/nodes/${privateId}`).set(t.as.editor).send({ role: 'Director' })).status).toBe(200);
        employerId = unique('employer');
        await request(t.app).post('/api/nodes').set(t.as.editor).send(actor(employerId)).expect(201);
        await request(t.app)
          .post('/api/relationships')
          .set(t.as.editor)
          .send({ type: 'AFFILIATED_WITH', from: privateId, to: employerId, provenance: [{ source: '000_doc.txt', quote: 'Zoe Privada Quintana works here' }] })
          .expect(201);
      });
      let employerId: string;

      it('applies to neighbourhoods, paths, search and exports', async () => {
        for (const auth of [{}, t.as.viewer]) {
          const hood = await request(t.app).get(`/api/nodes/${employerId}/neighbourhood?depth=1`).set(auth);
          expect(hood.status).toBe(200);
          expect(hood.body.nodes.map((n: { id: string }) => n.id)).toContain(privateId);
          expect(JSON.stringify(hood.body)).not.toMatch(/Zoe|Quintana|Director/);
          const paths = await request(t.app).get(`/api/paths?from=${privateId}&to=${employerId}`).set(auth);
          expect(paths.status).toBe(200);
          expect(paths.body.paths).toHaveLength(1);
          expect(JSON.stringify(paths.body)).not.toMatch(/Zoe|Quintana|Director/);
          const search = await request(t.app).get('/api/search?q=Quintana').set(auth);
          expect(search.status).toBe(200);
          expect(search.body.items.map((h: { id: string }) => h.id)).not.toContain(privateId);
          const exported = await request(t.app).get('/api/export?format=json').set(auth).buffer(true).parse((res, done) => {
            let text = '';
            res.on('data', (c: Buffer) => (text += c));
            res.on('end', () => done(null, text));
          });
          expect(exported.status).toBe(200);
          expect(exported.body).toContain(privateId);
          expect(exported.body).not.toMatch(/Zoe|Quintana|Director/);
        }
        const hood = await request(t.app).get(`/api/nodes/${employerId}/neighbourhood?depth=1`).set(t.as.editor);
        expect(JSON.stringify(hood.body)).toContain('Zoe Privada Quintana works here');
        const search = await request(t.app).get('/api/search?q=Quintana').set(t.as.editor);
        expect(search.body.items.map((h: { id: string }) => h.id)).toContain(privateId);
      });

      it('hides names, roles and contacts of persons without consent from viewers and anonymous readers', async () => {
        for (const auth of [{}, t.as.viewer]) {
          const res = await request(t.app).get(`/api/nodes/${privateId}`).set(auth);
          expect(res.status).toBe(200);
          expect(res.body).toMatchObject({ id: privateId, label: 'Person', name: PRIVATE_PERSON_NAME, redacted: true, tags: ['govtech'] });
          const text = JSON.stringify(res.body);
          for (const secret of ['Zoe', 'Quintana', 'Director', 'Las Naves', '@example.org', 'said so']) expect(text).not.toContain(secret);
        }
        const consenting = await request(t.app).get(`/api/nodes/${consentingId}`).set(t.as.viewer);
        expect(consenting.body).toMatchObject({ name: 'Ana Consiente', role: 'Head of innovation' });
      });

      it('shows them to editors and admins', async () => {
        for (const auth of [t.as.editor, t.as.admin]) {
          const res = await request(t.app).get(`/api/nodes/${privateId}`).set(auth);
          expect(res.body).toMatchObject({ name: 'Zoe Privada Quintana', role: 'Director', email: `${privateId}@example.org` });
        }
      });

      it('applies to lists, name searches and the audit log', async () => {
        const list = await request(t.app).get('/api/nodes?label=Person&limit=1000').set(t.as.viewer);
        expect(list.status).toBe(200);
        const mine = list.body.items.find((n: { id: string }) => n.id === privateId);
        expect(mine).toMatchObject({ name: PRIVATE_PERSON_NAME });
        expect(JSON.stringify(list.body)).not.toContain('Quintana');
        const byName = await request(t.app).get('/api/nodes?q=Quintana').set(t.as.viewer);
        expect(byName.body.items).toEqual([]);
        expect((await request(t.app).get('/api/nodes?q=Quintana').set(t.as.editor)).body.items.map((n: { id: string }) => n.id)).toEqual([privateId]);

        const history = await request(t.app).get(`/api/changes?id=${privateId}`).set(t.as.viewer);
        expect(history.status).toBe(200);
        expect(history.body.items.map((e: { op: string }) => e.op)).toEqual(['create', 'update']);
        expect(JSON.stringify(history.body)).not.toMatch(/Quintana|Director|example\.org/);
        const full = await request(t.app).get(`/api/changes?id=${privateId}`).set(t.as.editor);
        expect(full.body.items[1]).toMatchObject({ before: { role: 'Head of innovation' }, after: { role: 'Director' }, actor: t.names.editor });
      });
    });

    describe('audit log and provenance', () => {
      it('records every API write with who, when, before and after, paged with a cursor', async () => {
        const id = unique('audited');
        const start = new Date().toISOString();
        await request(t.app).post('/api/nodes').set(t.as.editor).send(actor(id)).expect(201);
        await request(t.app).patch(`/api/nodes/${id}`).set(t.as.editor).send({ description: 'first' }).expect(200);
        await request(t.app).patch(`/api/nodes/${id}`).set(t.as.admin).send({ description: 'second' }).expect(200);
        await request(t.app).delete(`/api/nodes/${id}`).set(t.as.editor).expect(204);

        const all = await request(t.app).get(`/api/changes?id=${id}`).expect(200);
        expect(all.body.items.map((e: { op: string; actor: string }) => `${e.op}:${e.actor}`)).toEqual([
          `create:${t.names.editor}`,
          `update:${t.names.editor}`,
          `update:${t.names.admin}`,
          `delete:${t.names.editor}`,
        ]);
        const [create, , second, del] = all.body.items;
        expect(create).toMatchObject({ entity: 'node', before: null, after: { id } });
        expect(second).toMatchObject({ before: { description: 'first' }, after: { description: 'second' } });
        expect(del).toMatchObject({ before: { id }, after: null });
        for (const e of all.body.items) expect(e.at >= start).toBe(true);

        const first = await request(t.app).get(`/api/changes?id=${id}&limit=3`).expect(200);
        expect(first.body.items).toHaveLength(3);
        const rest = await request(t.app).get(`/api/changes?id=${id}&limit=3&cursor=${encodeURIComponent(first.body.nextCursor)}`).expect(200);
        expect(rest.body.items.map((e: { op: string }) => e.op)).toEqual(['delete']);
        expect(rest.body.nextCursor).toBeUndefined();

        const future = await request(t.app).get(`/api/changes?id=${id}&since=2999-01-01`).expect(200);
        expect(future.body.items).toEqual([]);
        problem(await request(t.app).get('/api/changes?since=yesterday'), 400);
        problem(await request(t.app).get('/api/changes?since=2024-05-02&until=2024-05-01'), 400);
      });

      it('records import batches too, in the name of the importer', async () => {
        const ids = [unique('bulk'), unique('bulk')];
        const report = await handle.store.bulkUpsert(
          { nodes: ids.map((id) => ({ ...actor(id), provenance: [{ source: 'elements.csv', confidence: 1 }] })) as never, relationships: [] },
          { mode: 'merge' },
          { actor: t.names.editor, via: 'import elements.csv' },
        );
        expect(report.errors).toEqual([]);
        for (const id of ids) {
          const entries = (await request(t.app).get(`/api/changes?id=${id}`).expect(200)).body.items;
          expect(entries).toEqual([expect.objectContaining({ op: 'create', actor: t.names.editor, via: 'import elements.csv' })]);
        }
      });

      it('never drops provenance on updates', async () => {
        const id = unique('sourced');
        await request(t.app)
          .post('/api/nodes')
          .set(t.as.editor)
          .send(actor(id, { provenance: [{ source: '000_ccda06195d9218de.txt', quote: 'a lab', confidence: 0.9 }] }))
          .expect(201);
        await request(t.app).patch(`/api/nodes/${id}`).set(t.as.editor).send({ description: 'edited' }).expect(200);
        const replaced = await request(t.app)
          .patch(`/api/nodes/${id}`)
          .set(t.as.editor)
          .send({ provenance: [{ source: 'second.txt', confidence: 1 }] })
          .expect(200);
        const sources = replaced.body.provenance.map((p: { source: string }) => p.source);
        expect(sources[0]).toBe('000_ccda06195d9218de.txt');
        expect(sources).toContain('second.txt');
        expect(sources.some((s: string) => s.startsWith('manual edit'))).toBe(true);
        expect(replaced.body.provenance[0]).toMatchObject({ quote: 'a lab', confidence: 0.9 });
      });
    });

    describe('time travel', () => {
      it('diffs what appeared, ended and changed between two days', async () => {
        const [early, appeared, ended, both, outside] = ['early', 'appeared', 'ended', 'both', 'outside'].map(unique);
        await request(t.app).post('/api/nodes').set(t.as.editor).send(actor(early, { validFrom: '2019-01-01' })).expect(201);
        await request(t.app).post('/api/nodes').set(t.as.editor).send(actor(appeared, { validFrom: '2021-03-01' })).expect(201);
        await request(t.app).post('/api/nodes').set(t.as.editor).send(actor(ended, { validFrom: '2019-01-01', validTo: '2021-06-30' })).expect(201);
        await request(t.app).post('/api/nodes').set(t.as.editor).send(actor(both, { validFrom: '2021-02-01', validTo: '2021-05-01' })).expect(201);
        await request(t.app).post('/api/nodes').set(t.as.editor).send(actor(outside, { validFrom: '2023-01-01' })).expect(201);
        await request(t.app)
          .post('/api/relationships')
          .set(t.as.editor)
          .send({ type: 'COLLABORATES_WITH', from: early, to: appeared, validFrom: '2021-04-01' })
          .expect(201);

        const res = await request(t.app).get('/api/diff?from=2021-01-01&to=2021-12-31').expect(200);
        const ids = (list: Array<{ id: string }>) => new Set(list.map((n) => n.id));
        const appearedIds = ids(res.body.appeared.nodes);
        const endedIds = ids(res.body.ended.nodes);
        expect(appearedIds.has(appeared) && appearedIds.has(both)).toBe(true);
        expect(appearedIds.has(early) || appearedIds.has(outside) || appearedIds.has(ended)).toBe(false);
        expect(endedIds.has(ended) && endedIds.has(both)).toBe(true);
        expect(endedIds.has(appeared) || endedIds.has(early)).toBe(false);
        expect(res.body.appeared.relationships.some((r: { from: string; to: string }) => r.from === early && r.to === appeared)).toBe(true);

        // Boundaries: validFrom on `from` was already valid that day; validTo on `to` is still valid on `to`.
        const edge = await request(t.app).get('/api/diff?from=2021-03-01&to=2021-06-30').expect(200);
        expect(ids(edge.body.appeared.nodes).has(appeared)).toBe(false);
        expect(ids(edge.body.ended.nodes).has(ended)).toBe(false);

        // Changed: audit entries in (from, to]; today's edits show up in a window ending today.
        const today = new Date().toISOString().slice(0, 10);
        const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
        const recent = await request(t.app).get(`/api/diff?from=${yesterday}&to=${today}`).expect(200);
        const changed = recent.body.changed.find((c: { id: string }) => c.id === appeared);
        expect(changed).toMatchObject({ entity: 'node', ops: ['create'], actors: [t.names.editor], before: null, after: { id: appeared } });
        const none = await request(t.app).get('/api/diff?from=2021-01-01&to=2021-12-31').expect(200);
        expect(none.body.changed.some((c: { id: string }) => c.id === appeared)).toBe(false);

        problem(await request(t.app).get('/api/diff?from=2021-12-31&to=2021-01-01'), 400);
        const bad = await request(t.app).get('/api/diff?from=2021-02-30&to=2021-03-01');
        problem(bad, 400);
        expect(bad.body.errors).toEqual([expect.objectContaining({ path: 'from' })]);
        problem(await request(t.app).get('/api/diff?to=2021-03-01'), 400);
      });
    });
  });
}
