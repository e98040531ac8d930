import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import type { GraphStore } from '@atlas/graph';
import { createApp } from '@atlas/api/app.ts';
import { testConfig, type Config } from '@atlas/api/config.ts';
import { FileTokenStore } from '@atlas/api/auth/token-store.ts';

// An app around a real store, with a real token file in a temp dir and one
// token per role — what the trust, bad-input and load suites drive.

export interface TrustApp {
  app: ReturnType<typeof createApp>;
  tokens: FileTokenStore;
  tokenDir: string;
  config: Config;
  /** Bearer headers per role. */
  as: { admin: Auth; editor: Auth; viewer: Auth };
  names: { admin: string; editor: string; viewer: string };
  cleanup(): void;
}
export type Auth = { Authorization: string };

export function bearer(token: string): Auth {
  return { Authorization: `Bearer ${token}` };
}

/** A short random suffix so suites can share one store (Neo4j) without id clashes. */
export function unique(prefix: string): string {
  return `${prefix}-${randomBytes(4).toString('hex')}`;
}

export async function trustApp(store: GraphStore, overrides: Partial<Record<keyof Config, string>> = {}): Promise<TrustApp> {
  const tokenDir = mkdtempSync(path.join(tmpdir(), 'atlas-tokens-'));
  const config = testConfig({ DATA_DIR: tokenDir, RATE_LIMIT_PER_MINUTE: '100000', AUTH_FAILURES_PER_MINUTE: '100000', ...overrides });
  const tokens = new FileTokenStore(path.join(tokenDir, 'tokens.json'));
  const names = { admin: unique('admin'), editor: unique('editor'), viewer: unique('viewer') };
  const issue = async (role: 'admin' | 'editor' | 'viewer') =>
    bearer((await tokens.create({ name: names[role], role, createdBy: 'test' })).token);
  const as = { admin: await issue('admin'), editor: await issue('editor'), viewer: await issue('viewer') };
  const app = createApp({ store, config, tokens });
  return { app, tokens, tokenDir, config, as, names, cleanup: () => rmSync(tokenDir, { recursive: true, force: true }) };
}
