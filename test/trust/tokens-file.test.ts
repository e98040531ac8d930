import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import request from 'supertest';
import { EmbeddedStore } from '@atlas/graph/store/embedded/index.ts';
import { createApp } from '@atlas/api/app.ts';
import { testConfig } from '@atlas/api/config.ts';
import { FileTokenStore } from '@atlas/api/auth/token-store.ts';

// Tokens are durable (tokens.json in DATA_DIR, atomic rewrites, hashes only)
// and the CLI bootstraps them for a running server.

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, '../..');
const CLI = path.join(ROOT, 'api/src/cli/token.ts');

let dir: string;
let store: EmbeddedStore;
beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'atlas-tokens-file-'));
  store = new EmbeddedStore({ dataDir: dir, logger: { warn: () => {} } });
  await store.init();
});
afterAll(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const appOn = (dataDir: string) => createApp({ store, config: testConfig({ DATA_DIR: dataDir }) });

describe('the tokens file', () => {
  it('keeps only hashes, survives a restart and stays whole under concurrent creations', async () => {
    const first = new FileTokenStore(path.join(dir, 'tokens.json'));
    const created = await Promise.all(
      Array.from({ length: 8 }, (_, i) => first.create({ name: `t${i}`, role: i % 2 ? 'editor' : 'viewer', createdBy: 'test' })),
    );
    const text = readFileSync(path.join(dir, 'tokens.json'), 'utf8');
    const parsed = JSON.parse(text);
    expect(parsed.tokens).toHaveLength(8);
    for (const c of created) expect(text).not.toContain(c.token.slice(17));
    expect(statSync(path.join(dir, 'tokens.json')).mode & 0o077).toBe(0);

    // A new process (new store object, new app) on the same DATA_DIR accepts them.
    const restarted = appOn(dir);
    for (const c of created) {
      const res = await request(restarted).get('/api/nodes?limit=1').set({ Authorization: `Bearer ${c.token}` });
      expect(res.status).toBe(200);
    }
    await first.revoke(created[0].info.id, 'test');
    const again = appOn(dir);
    expect((await request(again).get('/api/nodes').set({ Authorization: `Bearer ${created[0].token}` })).status).toBe(401);
    expect((await request(again).get('/api/nodes').set({ Authorization: `Bearer ${created[1].token}` })).status).toBe(200);
  });
});

describe('the token CLI', () => {
  it('bootstraps an admin that a running server accepts, and revokes it', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'atlas-cli-'));
    const env = { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'silent' };
    const app = appOn(dataDir);
    const created = await run(process.execPath, ['--import', 'tsx', CLI, 'create', '--role', 'admin', '--name', 'First admin', '--days', '30'], { env, cwd: ROOT });
    const token = created.stdout.trim();
    expect(token).toMatch(/^atl_[0-9a-f]{12}_[\w-]{43}$/);
    expect(created.stderr).toContain('admin token "First admin"');

    await new Promise((r) => setTimeout(r, 1100)); // the server re-reads the file at most once a second
    const made = await request(app).post('/api/tokens').set({ Authorization: `Bearer ${token}` }).send({ name: 'editor from admin', role: 'editor' });
    expect(made.status).toBe(201);

    const listed = await run(process.execPath, ['--import', 'tsx', CLI, 'list'], { env, cwd: ROOT });
    expect(listed.stdout).toMatch(/admin\s+active.*First admin/);
    expect(listed.stdout).toMatch(/editor\s+active.*editor from admin/);
    expect(listed.stdout).not.toContain(token.slice(17));

    await run(process.execPath, ['--import', 'tsx', CLI, 'revoke', token.slice(4, 16)], { env, cwd: ROOT });
    await new Promise((r) => setTimeout(r, 1100));
    expect((await request(app).get('/api/tokens').set({ Authorization: `Bearer ${token}` })).status).toBe(401);

    await expect(run(process.execPath, ['--import', 'tsx', CLI, 'create', '--role', 'owner', '--name', 'x'], { env, cwd: ROOT })).rejects.toMatchObject({ code: 2 });
    rmSync(dataDir, { recursive: true, force: true });
  }, 240_000);
});
