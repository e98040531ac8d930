import { mkdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { timingSafeEqual } from 'node:crypto';
import { NotFoundError, ValidationError } from '@atlas/graph';
import { writeFileAtomic } from './atomic-file.ts';
import { isRole, type Principal, type Role } from './roles.ts';
import { hashSecret, newToken, newTokenId, parseToken, tokenDigest, verifySecret } from './token-secret.ts';

// Tokens live in one JSON file (`tokens.json` in DATA_DIR by default) for both
// graph stores: they belong to the API deployment, not to the graph, and the
// CLI can bootstrap the first admin without a database connection. The file
// is rewritten atomically and re-read when another process (the CLI) changed
// it, so a token created or revoked from the shell takes effect within a
// second on a running server.

export interface TokenRecord {
  id: string;
  name: string;
  role: Role;
  /** scrypt hash of the secret part; the token itself is never stored. */
  hash: string;
  createdAt: string;
  createdBy: string;
  expiresAt?: string;
  revokedAt?: string;
  revokedBy?: string;
}

/** What listings show: everything but the hash. */
export type TokenInfo = Omit<TokenRecord, 'hash'> & { active: boolean };

export interface NewToken {
  name: string;
  role: Role;
  createdBy: string;
  /** ISO timestamp; absent = never expires. */
  expiresAt?: string;
}

interface TokenFile {
  version: 1;
  tokens: TokenRecord[];
}

const VERIFIED_TTL_MS = 5 * 60_000;
const RELOAD_CHECK_MS = 1_000;

export class FileTokenStore {
  private tokens = new Map<string, TokenRecord>();
  private loadedStamp = '';
  private lastCheck = 0;
  /** token id → digest of a recently verified token: spares a scrypt per request. */
  private verified = new Map<string, { digest: Buffer; until: number }>();
  private writing: Promise<unknown> = Promise.resolve();

  constructor(readonly file: string) {}

  static inDataDir(dataDir: string): FileTokenStore {
    return new FileTokenStore(path.join(dataDir, 'tokens.json'));
  }

  async create(input: NewToken): Promise<{ token: string; info: TokenInfo }> {
    const name = input.name.trim();
    if (!name || name.length > 100 || name.includes('\u0000')) {
      throw new ValidationError('invalid token name', [{ path: 'name', message: 'a name of 1 to 100 characters is required' }]);
    }
    if (!isRole(input.role)) throw new ValidationError('invalid role', [{ path: 'role', message: 'must be viewer, editor or admin' }]);
    return this.mutate(async () => {
      let id = newTokenId();
      while (this.tokens.has(id)) id = newTokenId();
      const token = newToken(id);
      const record: TokenRecord = {
        id,
        name,
        role: input.role,
        hash: await hashSecret(parseToken(token)!.secret),
        createdAt: new Date().toISOString(),
        createdBy: input.createdBy,
        ...(input.expiresAt ? { expiresAt: input.expiresAt } : {}),
      };
      this.tokens.set(id, record);
      return { token, info: infoOf(record) };
    });
  }

  async list(): Promise<TokenInfo[]> {
    await this.refresh(true);
    return [...this.tokens.values()].sort((a, b) => a.createdAt.localeCompare(b.createdAt)).map(infoOf);
  }

  /** Revoked tokens stay listed (with revokedAt) so the trail of who had access remains. */
  async revoke(id: string, by: string): Promise<TokenInfo> {
    return this.mutate(async () => {
      const record = this.tokens.get(id);
      if (!record) throw new NotFoundError('token', id);
      if (!record.revokedAt) this.tokens.set(id, { ...record, revokedAt: new Date().toISOString(), revokedBy: by });
      this.verified.delete(id);
      return infoOf(this.tokens.get(id)!);
    });
  }

  /** The principal a bearer token stands for, or null when unknown, wrong, expired or revoked. */
  async verify(token: string): Promise<Principal | null> {
    const parsed = parseToken(token);
    if (!parsed) return null;
    await this.refresh(false);
    // A token created a moment ago by another process (the CLI) is not in memory
    // yet: an unknown id forces a re-check of the file (a stat; read only if it changed).
    if (!this.tokens.has(parsed.id)) await this.refresh(true);
    const record = this.tokens.get(parsed.id);
    if (!record || !isActive(record)) return null;
    const digest = tokenDigest(token);
    const cached = this.verified.get(record.id);
    if (cached && cached.until > Date.now() && timingSafeEqual(cached.digest, digest)) return principalOf(record);
    if (!(await verifySecret(parsed.secret, record.hash))) return null;
    this.verified.set(record.id, { digest, until: Date.now() + VERIFIED_TTL_MS });
    return principalOf(record);
  }

  /** Re-reads the file when it changed on disk (checked at most once a second unless forced). */
  private async refresh(force: boolean): Promise<void> {
    const now = Date.now();
    if (!force && now - this.lastCheck < RELOAD_CHECK_MS) return;
    this.lastCheck = now;
    let stamp = 'missing';
    try {
      const s = await stat(this.file);
      stamp = `${s.mtimeMs}:${s.size}:${s.ino}`;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    }
    if (stamp === this.loadedStamp) return;
    this.tokens = stamp === 'missing' ? new Map() : await readTokens(this.file);
    this.loadedStamp = stamp;
    this.verified.clear();
  }

  /** One writer at a time: reload, change, write the whole file atomically. */
  private mutate<T>(change: () => Promise<T>): Promise<T> {
    const run = this.writing.then(async () => {
      await this.refresh(true);
      const result = await change();
      await mkdir(path.dirname(this.file), { recursive: true });
      const content: TokenFile = { version: 1, tokens: [...this.tokens.values()] };
      await writeFileAtomic(this.file, JSON.stringify(content, null, 2) + '\n');
      this.lastCheck = 0;
      await this.refresh(true);
      return result;
    });
    this.writing = run.catch(() => undefined);
    return run;
  }
}

async function readTokens(file: string): Promise<Map<string, TokenRecord>> {
  const parsed = JSON.parse(await readFile(file, 'utf8')) as Partial<TokenFile>;
  if (parsed.version !== 1 || !Array.isArray(parsed.tokens)) throw new Error(`${file} is not a version 1 token file`);
  return new Map(parsed.tokens.filter((t) => t && typeof t.id === 'string' && isRole(t.role)).map((t) => [t.id, t]));
}

function isActive(record: TokenRecord, now = Date.now()): boolean {
  return !record.revokedAt && (!record.expiresAt || Date.parse(record.expiresAt) > now);
}

function infoOf(record: TokenRecord): TokenInfo {
  const { hash: _hash, ...info } = record;
  return { ...info, active: isActive(record) };
}

function principalOf(record: TokenRecord): Principal {
  return { name: record.name, role: record.role, tokenId: record.id };
}
