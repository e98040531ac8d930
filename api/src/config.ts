import { z } from 'zod';

// Configuration is read from the environment once, at start, and validated:
// a bad value stops the process with a message naming the variable.

const bool = (fallback: boolean) =>
  z
    .enum(['true', 'false', '1', '0', 'yes', 'no'])
    .optional()
    .transform((v) => (v === undefined ? fallback : v === 'true' || v === '1' || v === 'yes'));

const ConfigSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().default('127.0.0.1'),
  DATA_DIR: z.string().default('./data'),
  NEO4J_URI: z.string().regex(/^(bolt|neo4j)(\+s|\+ssc)?:\/\//, 'must be a bolt:// or neo4j:// URI').optional(),
  NEO4J_USER: z.string().optional(),
  NEO4J_PASSWORD: z.string().optional(),
  NEO4J_DATABASE: z.string().optional(),
  /** Anyone may read without a token (the demo default). */
  PUBLIC_READ: bool(true),
  /** Load the seed ecosystem when the store is empty at start. */
  SEED_ON_START: bool(true),
  /** Comma-separated allowed origins for CORS; empty = same origin only. */
  CORS_ORIGINS: z
    .string()
    .default('')
    .transform((s) => s.split(',').map((o) => o.trim()).filter(Boolean)),
  /** Who may frame the read-only /embed view: `*` (any site, the default) or space/comma-separated origins (https://council.example). Every other page is never framed. */
  EMBED_ANCESTORS: z
    .string()
    .default('*')
    .transform((s) => s.split(/[\s,]+/).filter(Boolean))
    .pipe(z.array(z.string().regex(/^(\*|https?:\/\/[\w.*-]+(:\d{1,5})?)$/, 'each entry is * or an origin such as https://council.example')).min(1, 'give * or at least one origin')),
  JSON_BODY_LIMIT: z.string().default('1mb'),
  IMPORT_MAX_BYTES: z.coerce.number().int().positive().default(512 * 1024 * 1024),
  QUERY_TIMEOUT_MS: z.coerce.number().int().positive().default(10_000),
  ANALYTICS_TIMEOUT_MS: z.coerce.number().int().positive().default(30_000),
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().positive().default(600),
  /** Failed authentications (401) allowed per IP and minute. */
  AUTH_FAILURES_PER_MINUTE: z.coerce.number().int().positive().default(30),
  /** Request-level deadline (503 problem after it); analytics get ANALYTICS_TIMEOUT_MS + 5 s. */
  REQUEST_TIMEOUT_MS: z.coerce.number().int().positive().default(15_000),
  /** Writes other than imports. */
  WRITE_TIMEOUT_MS: z.coerce.number().int().positive().default(60_000),
  /** Imports and exports (whole graphs). */
  BULK_TIMEOUT_MS: z.coerce.number().int().positive().default(10 * 60_000),
  /** Where bearer tokens are kept (hashed); default DATA_DIR/tokens.json for both stores. */
  TOKENS_FILE: z.string().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** auto: readable lines when stdout is a terminal, JSON lines otherwise. */
  LOG_FORMAT: z.enum(['auto', 'pretty', 'json']).default('auto'),
  /**
   * The site is served over HTTPS (by a proxy in front, say): send HSTS and
   * upgrade-insecure-requests on every answer. Without it they are sent only
   * on requests that arrive over HTTPS, so a plain-HTTP install on a LAN works.
   */
  HTTPS: bool(false),
  /** Folder of the built web app (vite build output). */
  WEB_DIST: z.string().default('web/dist'),
});

export type Config = z.output<typeof ConfigSchema>;

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = ConfigSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`invalid configuration:\n${lines.join('\n')}`);
  }
  return parsed.data;
}

/** A config for tests: defaults, overridden by what is given. */
export function testConfig(overrides: Partial<Record<keyof Config, string>> = {}): Config {
  return loadConfig({ LOG_LEVEL: 'silent', SEED_ON_START: 'false', ...overrides });
}
