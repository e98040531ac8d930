import path from 'node:path';
import { openStore } from '@atlas/graph/store/open-store.ts';
import { loadSeedIfEmpty } from '@atlas/seeds/load-seed.ts';
import { createApp } from './app.ts';
import { loadConfig } from './config.ts';
import { createLogger } from './logging.ts';
import { FileTokenStore } from './auth/token-store.ts';

// The process entry: config → store → (seed if empty) → app → listen, and a
// graceful stop on SIGTERM/SIGINT: stop accepting, finish in-flight requests,
// flush the store (journal / driver), exit.

const config = loadConfig();
const logger = createLogger(config);

const store = openStore(config);
await store.init();
if (config.SEED_ON_START) {
  const report = await loadSeedIfEmpty(store);
  if (report) logger.info({ created: report.created }, 'seed ecosystem loaded into the empty store');
}

const tokens = new FileTokenStore(config.TOKENS_FILE ?? path.join(config.DATA_DIR, 'tokens.json'));
if (!(await tokens.list()).some((t) => t.active && t.role === 'admin')) {
  logger.warn({ file: tokens.file }, 'no active admin token: create one with `npm run token -- create --role admin --name <you>`');
}
const app = createApp({ store, config, logger, tokens });
const server = app.listen(config.PORT, config.HOST, () => {
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.PORT;
  logger.info({ store: store.kind, port }, `atlas listening on http://${config.HOST === '0.0.0.0' ? 'localhost' : config.HOST}:${port}`);
});
server.keepAliveTimeout = 5_000;
// While stopping, answers close their keep-alive connection so server.close() can finish.
server.on('request', (_req, res) => {
  if (stopping) res.setHeader('Connection', 'close');
});

let stopping = false;
async function stop(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, 'stopping: closing the HTTP server, then the store');
  const force = setTimeout(() => {
    logger.error('in-flight requests did not finish in 15 s; exiting');
    process.exit(1);
  }, 15_000);
  force.unref();
  server.close(async () => {
    try {
      await (app.locals.analytics as { close(): Promise<void> } | undefined)?.close();
      await store.close();
      logger.info('stopped cleanly');
      process.exit(0);
    } catch (err) {
      logger.error({ err }, 'error while closing the store');
      process.exit(1);
    }
  });
  server.closeIdleConnections();
}
process.on('SIGTERM', () => void stop('SIGTERM'));
process.on('SIGINT', () => void stop('SIGINT'));
