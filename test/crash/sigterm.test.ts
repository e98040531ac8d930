import { request as httpRequest } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { FileTokenStore } from '@atlas/api/auth/token-store.ts';
import { startServer, type ServerProcess } from './server-process.ts';

// Graceful stop: on SIGTERM the server stops accepting connections, lets the
// request in flight finish (here: one whose body is still arriving), flushes
// the store and exits 0; the write is there after a restart.

const dataDir = mkdtempSync(path.join(tmpdir(), 'atlas-sigterm-'));
let server: ServerProcess | undefined;
afterAll(() => {
  if (server && server.child.exitCode === null) server.child.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

it('finishes the in-flight request, refuses new connections, and exits 0 on SIGTERM', async () => {
  const token = (await FileTokenStore.inDataDir(dataDir).create({ name: 'sigterm', role: 'editor', createdBy: 'test' })).token;
  server = await startServer({ DATA_DIR: dataDir });
  const body = JSON.stringify({ id: 'in-flight', label: 'Actor', name: 'Written during shutdown', description: 'd'.repeat(15_000) });
  const half = Math.floor(body.length / 2);

  const response = new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = httpRequest(
      `${server!.url}/api/nodes`,
      { method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) } },
      (res) => {
        let text = '';
        res.on('data', (c) => (text += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
      },
    );
    req.on('error', reject);
    req.write(body.slice(0, half));
    // The request is now in flight: send SIGTERM, then the rest of the body.
    setTimeout(() => {
      server!.child.kill('SIGTERM');
      setTimeout(() => req.end(body.slice(half)), 700);
    }, 300);
  });

  // A new connection after SIGTERM is refused.
  await new Promise((r) => setTimeout(r, 600));
  await expect(fetch(`${server.url}/api/health`)).rejects.toThrow();

  const answer = await response;
  expect(answer.status).toBe(201);
  expect(JSON.parse(answer.body)).toMatchObject({ id: 'in-flight' });
  expect(await server.exited).toBe(0);
  expect(server.logs.some((l) => l.includes('stopped cleanly'))).toBe(true);

  server = await startServer({ DATA_DIR: dataDir });
  const node = await fetch(`${server.url}/api/nodes/in-flight`);
  expect(node.status).toBe(200);
  server.child.kill('SIGTERM');
  expect(await server.exited).toBe(0);
});
