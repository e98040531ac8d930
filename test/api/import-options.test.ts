import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EmbeddedStore } from '@atlas/graph/store/embedded/index.ts';
import { trustApp, type TrustApp } from '../trust/helpers.ts';

// The import's options over HTTP: the dry run returns the column mapping it
// chose, `columns` overrides it, `onError=skip` writes the good rows and lists
// the bad ones, and a malformed option is a 400 problem that writes nothing.

const ELEMENTS = 'Identificador;Nombre;Tipo;Municipio;Web\r\nl-1;Las Naves;Laboratorio;València;www.lasnaves.com\r\nl-2;Rota;Empresa;Madrid;\r\n';
const BAD = ELEMENTS + 'l-3;;Spaceship;Madrid;\r\n';

describe('POST /api/import options', () => {
  let dir: string;
  let store: EmbeddedStore;
  let t: TrustApp;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'atlas-import-options-'));
    store = new EmbeddedStore({ dataDir: path.join(dir, 'store') });
    await store.init();
    t = await trustApp(store);
  });

  afterAll(async () => {
    await store.close();
    t.cleanup();
    rmSync(dir, { recursive: true, force: true });
  });

  const post = (query: string, body: string) =>
    request(t.app).post(`/api/import?name=entidades.csv&${query}`).set(t.as.editor).set('Content-Type', 'text/csv').send(body);

  it('a dry run states encoding, delimiter and the mapping it chose', async () => {
    const res = await post('dryRun=true', ELEMENTS);
    expect(res.status).toBe(200);
    expect(res.body.files[0]).toMatchObject({ kind: 'elements', delimiter: ';', encoding: 'utf-8' });
    expect(res.body.files[0].columns.map((c: { header: string; field: string }) => `${c.header}=${c.field}`)).toEqual([
      'Identificador=id', 'Nombre=name', 'Tipo=kind', 'Municipio=city', 'Web=website',
    ]);
    expect(res.body.coverage.places).toMatchObject({ actors: 2, municipality: 2 });
    expect((await store.stats()).nodes).toBe(0);
  });

  it('columns overrides the guess', async () => {
    const columns = encodeURIComponent(JSON.stringify({ Web: null }));
    const res = await post(`dryRun=true&columns=${columns}`, ELEMENTS);
    expect(res.status).toBe(200);
    expect(res.body.files[0].columns.at(-1)).toMatchObject({ header: 'Web', field: null, by: 'override' });
  });

  it('a malformed or unknown mapping is a 400 problem naming it', async () => {
    const bad = await post('columns=%7Bnot-json', ELEMENTS);
    expect(bad.status).toBe(400);
    expect(bad.headers['content-type']).toMatch(/problem\+json/);
    expect(JSON.stringify(bad.body)).toMatch(/columns/);
    const unknown = await post(`columns=${encodeURIComponent(JSON.stringify({ Web: 'homepage_url' }))}`, ELEMENTS);
    expect(unknown.status).toBe(400);
    expect(JSON.stringify(unknown.body)).toMatch(/homepage_url/);
    const onError = await post('onError=ignore', ELEMENTS);
    expect(onError.status).toBe(400);
    expect((await store.stats()).nodes).toBe(0);
  });

  it('onError=reject refuses a bad row; onError=skip writes the rest and lists it', async () => {
    const rejected = await post('', BAD);
    expect(rejected.status).toBe(400);
    expect(rejected.body.errors[0]).toMatchObject({ file: 'entidades.csv', row: 4, column: 'Tipo' });
    expect((await store.stats()).nodes).toBe(0);
    const skipped = await post('onError=skip', BAD);
    expect(skipped.status).toBe(200);
    expect(skipped.body).toMatchObject({ onError: 'skip', skippedCount: 1, skipped: [{ file: 'entidades.csv', row: 4 }] });
    expect((await store.getNode('l-1')).website).toBe('https://www.lasnaves.com');
    expect((await store.stats()).nodes).toBe(2);
  });
});
