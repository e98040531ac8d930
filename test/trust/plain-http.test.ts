import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EmbeddedStore } from '@atlas/graph/store/embedded/index.ts';
import { createLogger, logFormat } from '../../api/src/logging.ts';
import { testConfig } from '../../api/src/config.ts';
import { trustApp } from './helpers.ts';

// Operability: a plain-HTTP install on a LAN is not sent to https:// by the
// security headers; an HTTPS one (or one told HTTPS=true) is. Logs are lines a
// person reads at a terminal, JSON for a collector.

describe('security headers over plain HTTP and HTTPS', () => {
  let dir: string;
  let store: EmbeddedStore;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'atlas-plain-http-'));
    store = new EmbeddedStore({ dataDir: dir });
    await store.init();
  });
  afterAll(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('plain HTTP: no HSTS and no upgrade-insecure-requests, the rest of the CSP intact', async () => {
    const t = await trustApp(store);
    const res = await request(t.app).get('/api/health');
    expect(res.headers['strict-transport-security']).toBeUndefined();
    expect(res.headers['content-security-policy']).not.toContain('upgrade-insecure-requests');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    t.cleanup();
  });

  it('HTTPS=true (a proxy terminates TLS): HSTS and upgrade-insecure-requests', async () => {
    const t = await trustApp(store, { HTTPS: 'true' });
    const res = await request(t.app).get('/api/health');
    expect(res.headers['strict-transport-security']).toMatch(/max-age=\d+/);
    expect(res.headers['content-security-policy']).toContain('upgrade-insecure-requests');
    t.cleanup();
  });
});

describe('logs', () => {
  const capture = (isTTY: boolean) => {
    const lines: string[] = [];
    const stream = Object.assign(
      new Writable({
        write(chunk, _enc, done) {
          lines.push(String(chunk));
          done();
        },
      }),
      { isTTY },
    );
    return { stream, lines };
  };

  it('pretty at a terminal, JSON otherwise, unless LOG_FORMAT says', () => {
    const config = testConfig({ LOG_LEVEL: 'info' });
    expect(logFormat(config, { isTTY: true })).toBe('pretty');
    expect(logFormat(config, { isTTY: false })).toBe('json');
    expect(logFormat(testConfig({ LOG_FORMAT: 'json' }), { isTTY: true })).toBe('json');

    const tty = capture(true);
    createLogger(config, tty.stream).info({ port: 8080 }, 'atlas listening');
    // eslint-disable-next-line no-control-regex
    const line = tty.lines.join('').replace(/\u001b\[[0-9;]*m/g, '');
    expect(line).toMatch(/atlas listening/);
    expect(line).toMatch(/port: 8080/);
    expect(() => JSON.parse(line)).toThrow();

    const pipe = capture(false);
    createLogger(config, pipe.stream).info({ port: 8080 }, 'atlas listening');
    expect(JSON.parse(pipe.lines.join(''))).toMatchObject({ msg: 'atlas listening', port: 8080, level: 30 });
  });
});
