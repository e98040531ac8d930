import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EmbeddedStore } from '@atlas/graph/store/embedded/index.ts';
import { writeEcosystemCsv } from '@atlas/seeds/generator/index.ts';
import { trustApp, type TrustApp } from '../trust/helpers.ts';

// Streamed import progress: with Accept: application/x-ndjson the import answers
// progress lines while it reads, checks and writes, then the report or the problem.

function lines(text: string): Array<Record<string, unknown>> {
  return text
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

describe('POST /api/import with streamed progress', () => {
  let dir: string;
  let store: EmbeddedStore;
  let t: TrustApp;
  let files: { elements: string; connections: string };

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'atlas-import-progress-'));
    store = new EmbeddedStore({ dataDir: path.join(dir, 'store') });
    await store.init();
    t = await trustApp(store);
    files = await writeEcosystemCsv({ actors: 1500, links: 6000, seed: 3 }, path.join(dir, 'csv'));
  });

  afterAll(async () => {
    await store.close();
    t.cleanup();
    rmSync(dir, { recursive: true, force: true });
  });

  it('streams progress lines and ends with the report', async () => {
    const res = await request(t.app)
      .post('/api/import?format=csv')
      .set(t.as.editor)
      .set('Accept', 'application/x-ndjson')
      .attach('files', files.elements, 'elements.csv')
      .attach('files', files.connections, 'connections.csv')
      .buffer(true)
      .parse((r, done) => {
        let text = '';
        r.setEncoding('utf8');
        r.on('data', (chunk: string) => (text += chunk));
        r.on('end', () => done(null, text));
      });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/application\/x-ndjson/);
    const events = lines(res.body as string);
    const progress = events.filter((e) => e.event === 'progress');
    expect(progress.length).toBeGreaterThan(0);
    expect(progress.at(-1)).toMatchObject({ phase: 'done' });
    const last = events.at(-1)!;
    expect(last.event).toBe('report');
    const report = last.report as { created: number; errors: unknown[] };
    expect(report.errors).toEqual([]);
    expect(report.created).toBeGreaterThan(6000);
    expect((await store.stats()).relationships).toBeGreaterThanOrEqual(6000);
  });

  it('ends with the problem (and writes nothing) when a row is wrong', async () => {
    const before = await store.stats();
    const res = await request(t.app)
      .post('/api/import?format=csv&name=elements.csv')
      .set(t.as.editor)
      .set('Accept', 'application/x-ndjson')
      .set('Content-Type', 'text/csv')
      .send('id,label,name\nok-1,Actor,Fine\nbad-1,Spaceship,Broken\n')
      .buffer(true)
      .parse((r, done) => {
        let text = '';
        r.setEncoding('utf8');
        r.on('data', (chunk: string) => (text += chunk));
        r.on('end', () => done(null, text));
      });
    expect(res.status).toBe(200);
    const last = lines(res.body as string).at(-1)!;
    expect(last.event).toBe('problem');
    const problem = last.problem as { status: number; errors: Array<{ row?: number; column?: string }> };
    expect(problem.status).toBe(400);
    expect(problem.errors.some((e) => e.row === 3)).toBe(true);
    expect(await store.stats()).toEqual(before);
  });
});
