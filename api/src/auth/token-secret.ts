import { createHash, randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

// Bearer tokens look like `atl_<id>_<secret>`. The id (12 hex characters) is a
// public lookup key, so a request costs one scrypt verification instead of a
// scan of every stored hash; only the scrypt hash of the secret is stored.

const TOKEN = /^atl_([0-9a-f]{12})_([A-Za-z0-9_-]{43})$/;
const SCRYPT = { N: 16384, r: 8, p: 1, keyLength: 32 } as const;

export interface ParsedToken {
  id: string;
  secret: string;
}

export function newTokenId(): string {
  return randomBytes(6).toString('hex');
}

/** A fresh token: shown once to whoever creates it, never stored. */
export function newToken(id: string): string {
  return `atl_${id}_${randomBytes(32).toString('base64url')}`;
}

export function parseToken(token: string): ParsedToken | null {
  const m = TOKEN.exec(token);
  return m ? { id: m[1], secret: m[2] } : null;
}

function derive(secret: string, salt: Buffer, N: number, r: number, p: number): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(secret, salt, SCRYPT.keyLength, { N, r, p, maxmem: 256 * N * r }, (err, key) => (err ? reject(err) : resolve(key))),
  );
}

/** `scrypt$N$r$p$salt$hash` (base64url), so the cost can change without breaking stored hashes. */
export async function hashSecret(secret: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(secret, salt, SCRYPT.N, SCRYPT.r, SCRYPT.p);
  return ['scrypt', SCRYPT.N, SCRYPT.r, SCRYPT.p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

export async function verifySecret(secret: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64url');
  const key = await derive(secret, Buffer.from(salt, 'base64url'), Number(n), Number(r), Number(p));
  return key.length === expected.length && timingSafeEqual(key, expected);
}

/** A fast digest for the in-memory cache of recently verified tokens (never persisted). */
export function tokenDigest(token: string): Buffer {
  return createHash('sha256').update(token).digest();
}
