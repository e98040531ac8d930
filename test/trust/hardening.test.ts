import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import express from 'express';
import request from 'supertest';
import { EmbeddedStore } from '@atlas/graph/store/embedded/index.ts';
import { problemMiddleware } from '@atlas/api/http/problem.ts';
import { timeBudget } from '@atlas/api/security/time-budget.ts';
import { trustApp, unique } from './helpers.ts';

// Security headers, CORS, rate limits, body limits and time budgets of the real app.

let dir: string;
let store: EmbeddedStore;
beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'atlas-hardening-'));
  store = new EmbeddedStore({ dataDir: dir, logger: { warn: () => {} } });
  await store.init();
});
afterAll(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const isProblem = (res: request.Response, status: number) => {
  expect(res.status).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(res.body).toMatchObject({ status, title: expect.any(String), detail: expect.any(String) });
  expect(JSON.stringify(res.body)).not.toMatch(/\bat .+\.ts:\d+|node_modules|Error:/);
};

describe('security headers', () => {
  it('sends a CSP that allows the web app and nothing foreign', async () => {
    const t = await trustApp(store);
    const res = await request(t.app).get('/api/health');
    const csp = res.headers['content-security-policy'];
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe/);
    expect(csp).toMatch(/img-src 'self' data: blob:/);
    expect(csp).toMatch(/worker-src 'self' blob:/);
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-powered-by']).toBeUndefined();
    expect(res.headers['x-request-id']).toMatch(/^[\w.-]+$/);
    t.cleanup();
  });

  it('lets any site frame the read-only embed view only', async () => {
    const dist = mkdtempSync(path.join(tmpdir(), 'atlas-dist-'));
    writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>atlas</title>');
    const t = await trustApp(store, { WEB_DIST: dist });
    const embed = await request(t.app).get('/embed');
    expect(embed.status).toBe(200);
    expect(embed.headers['content-security-policy']).toContain('frame-ancestors *');
    expect(embed.headers['x-frame-options']).toBeUndefined();
    expect((await request(t.app).get('/')).headers['x-frame-options']).toBe('DENY');
    t.cleanup();
    rmSync(dist, { recursive: true, force: true });
  });
});

describe('CORS', () => {
  it('answers only the configured origins', async () => {
    const t = await trustApp(store, { CORS_ORIGINS: 'https://atlas.example.org, https://partner.example' });
    const ok = await request(t.app)
      .options('/api/nodes')
      .set({ Origin: 'https://partner.example', 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'authorization,content-type' });
    expect(ok.status).toBe(204);
    expect(ok.headers['access-control-allow-origin']).toBe('https://partner.example');
    expect(ok.headers['access-control-allow-headers']).toMatch(/Authorization/);
    expect(ok.headers['access-control-allow-credentials']).toBeUndefined();
    const evil = await request(t.app).get('/api/health').set({ Origin: 'https://evil.example' });
    expect(evil.headers['access-control-allow-origin']).toBeUndefined();
    t.cleanup();
  });

  it('sends no CORS headers when no origin is configured', async () => {
    const t = await trustApp(store);
    const res = await request(t.app).get('/api/health').set({ Origin: 'https://atlas.example.org' });
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
    t.cleanup();
  });
});

describe('rate limits', () => {
  it('answers 429 problem+json past the per-token limit, each token with its own budget', async () => {
    const t = await trustApp(store, { RATE_LIMIT_PER_MINUTE: '5' });
    for (let i = 0; i < 5; i++) expect((await request(t.app).get('/api/health').set(t.as.viewer)).status).toBe(200);
    const limited = await request(t.app).get('/api/health').set(t.as.viewer);
    isProblem(limited, 429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect((await request(t.app).get('/api/health').set(t.as.editor)).status).toBe(200);
    t.cleanup();
  });

  it('limits failed authentications per IP', async () => {
    const t = await trustApp(store, { AUTH_FAILURES_PER_MINUTE: '3' });
    const forged = { Authorization: `Bearer atl_0123456789ab_${'x'.repeat(43)}` };
    for (let i = 0; i < 3; i++) isProblem(await request(t.app).get('/api/nodes').set(forged), 401);
    isProblem(await request(t.app).get('/api/nodes').set(forged), 429);
    t.cleanup();
  });
});

describe('body limits', () => {
  it('refuses a JSON body over 1 MB with 413 problem+json and writes nothing', async () => {
    const t = await trustApp(store);
    const before = await store.stats();
    const body = JSON.stringify({ id: unique('big'), label: 'Actor', name: 'Big', description: 'x'.repeat(1_100_000) });
    const res = await request(t.app).post('/api/nodes').set(t.as.editor).set('Content-Type', 'application/json').send(body);
    isProblem(res, 413);
    expect(await store.stats()).toEqual(before);
    t.cleanup();
  });
});

describe('time budget', () => {
  it('answers 503 problem+json when a handler overruns, and drops what it sends later', async () => {
    const app = express();
    let lateWriteFailed = false;
    app.use(timeBudget({ requestMs: 100, analyticsMs: 1000, bulkMs: 1000, writeMs: 1000 }));
    app.get('/api/slow', async (_req, res) => {
      await new Promise((r) => setTimeout(r, 400));
      try {
        res.json({ late: true });
      } catch {
        lateWriteFailed = true;
      }
    });
    app.get('/api/fast', (_req, res) => void res.json({ ok: true }));
    app.use(problemMiddleware({ error: () => {} }));
    const started = Date.now();
    const res = await request(app).get('/api/slow');
    isProblem(res, 503);
    expect(Date.now() - started).toBeLessThan(350);
    await new Promise((r) => setTimeout(r, 400));
    expect(lateWriteFailed).toBe(false);
    expect((await request(app).get('/api/fast')).body).toEqual({ ok: true });
  });
});
