import { existsSync } from 'node:fs';
import path from 'node:path';
import express from 'express';
import compression from 'compression';
import type { Logger } from 'pino';
import { createLogger } from './logging.ts';
import { pinoHttp } from 'pino-http';
import { randomUUID } from 'node:crypto';
import type { GraphStore } from '@atlas/graph';
import type { Config } from './config.ts';
import { notFoundHandler, problemMiddleware } from './http/problem.ts';
import { healthRouter } from './routes/health.ts';
import { nodesRouter } from './routes/nodes.ts';
import { relationshipsRouter } from './routes/relationships.ts';
import { FileTokenStore, authenticate, guardRead, requireRole } from './auth/index.ts';
import { checkJsonBody } from './security/json-body.ts';
import { authFailureRateLimit, corsPolicy, requestRateLimit, securityHeaders, timeBudget } from './security/index.ts';
import { tokensRouter } from './routes/tokens.ts';
import { changesRouter } from './routes/changes.ts';
import { diffRouter } from './routes/diff.ts';
import { meRouter } from './routes/me.ts';
import { AnalyticsService } from '@atlas/graph/analytics/index.ts';
import { searchRouter } from './routes/search.ts';
import { placesRouter } from './routes/places.ts';
import { graphRouter } from './routes/graph.ts';
import { layoutRouter } from './routes/layout.ts';
import { collaborationRouter } from './routes/collaboration.ts';
import { traversalRouter } from './routes/traversal.ts';
import { analyticsRouter } from './routes/analytics.ts';
import { recommendationsRouter } from './routes/recommendations.ts';
import { exportRouter, importRouter } from './routes/transfer.ts';
import { docsRouter } from './routes/docs.ts';
import { defaultReviewQueue, lazyQueue, reviewRouter } from './routes/review.ts';
import { suggestionsRouter } from './routes/suggestions.ts';
import { registerRouter } from './routes/register.ts';
import type { ReviewQueue } from '@atlas/graph/review/index.ts';
import { LayoutService } from '@atlas/graph/layout/service.ts';
import { atlasTemplatePath } from './publish/atlas-html.ts';

export interface AppDeps {
  store: GraphStore;
  config: Config;
  logger?: Logger;
  /** Bearer tokens; default: the tokens file in DATA_DIR (config.TOKENS_FILE). */
  tokens?: FileTokenStore;
  /** One analytics engine per app (projection/result caches); created when absent, exposed as app.locals.analytics. */
  analytics?: AnalyticsService;
  /** The review queue (suggestions, submissions); default: next to the store (routes/review.ts). */
  review?: ReviewQueue;
}

/**
 * Builds the Express app around a store. Never listens: server.ts does, and
 * tests drive it in-process with supertest.
 */
export function createApp(deps: AppDeps): express.Express {
  const { store, config } = deps;
  const logger = deps.logger ?? createLogger(config);
  const tokens = deps.tokens ?? new FileTokenStore(config.TOKENS_FILE ?? path.join(config.DATA_DIR, 'tokens.json'));
  const analytics = deps.analytics ?? new AnalyticsService(store, { defaultTimeoutMs: config.ANALYTICS_TIMEOUT_MS });
  const app = express();
  app.locals.analytics = analytics;
  app.disable('x-powered-by');
  app.set('trust proxy', false);
  app.use(securityHeaders({ https: config.HTTPS, embedAncestors: config.EMBED_ANCESTORS }));
  // gzip for JSON and the web bundle: the whole-network answer (/api/graph) shrinks ~10×.
  // Level 1: a hub's 2-hop answer (~1 MB) compresses 2–3× faster than at the default 6, for ~20% more bytes.
  app.use(compression({ level: 1 }));

  app.use(
    pinoHttp({
      logger,
      genReqId: (req, res) => {
        const given = req.headers['x-request-id'];
        const id = typeof given === 'string' && /^[\w.-]{1,100}$/.test(given) ? given : randomUUID();
        res.setHeader('x-request-id', id);
        return id;
      },
      customLogLevel: (_req, res, err) => (err || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info'),
    }),
  );

  const api = express.Router();
  api.use(corsPolicy(config.CORS_ORIGINS));
  api.use(
    timeBudget(
      { requestMs: config.REQUEST_TIMEOUT_MS, analyticsMs: config.ANALYTICS_TIMEOUT_MS + 5_000, bulkMs: config.BULK_TIMEOUT_MS, writeMs: config.WRITE_TIMEOUT_MS },
      (req, ms) => logger.warn({ requestId: (req as { id?: unknown }).id, url: req.originalUrl, ms }, 'request exceeded its time budget'),
    ),
  );
  // Failed authentications are limited before tokens are checked; requests per token/IP after.
  api.use(authFailureRateLimit(config.AUTH_FAILURES_PER_MINUTE));
  api.use(authenticate(tokens));
  api.use(requestRateLimit(config.RATE_LIMIT_PER_MINUTE));
  // Imports stream their (large) bodies to temp files: mounted before the JSON parser.
  api.use('/import', guardRead(config.PUBLIC_READ), importRouter(store, requireRole('editor'), config));
  api.use(express.json({ limit: config.JSON_BODY_LIMIT, strict: true, type: ['application/json', 'application/*+json'], verify: checkJsonBody }));

  // Every write needs an editor token (api/src/auth); reads may be public (PUBLIC_READ).
  const guardWrite = requireRole('editor');

  const reviewQueue = lazyQueue(deps.review ?? defaultReviewQueue(store, config));
  // Self-registration is public (its own per-IP limit, honeypot, duplicate checks), even when reads are not.
  api.use('/register', registerRouter(store, reviewQueue));
  api.use('/health', healthRouter(store));
  api.use(docsRouter());
  api.use('/me', meRouter(config.PUBLIC_READ));
  api.use(guardRead(config.PUBLIC_READ));
  api.use('/tokens', tokensRouter(tokens));
  api.use('/changes', changesRouter(store));
  api.use('/diff', diffRouter(store));
  api.use('/nodes', nodesRouter(store, guardWrite));
  api.use('/relationships', relationshipsRouter(store, guardWrite));
  api.use('/suggestions', suggestionsRouter(store, reviewQueue, guardWrite));
  api.use('/review', reviewRouter(store, reviewQueue, guardWrite));
  api.use('/search', searchRouter(store));
  api.use('/places', placesRouter());
  api.use('/graph', graphRouter(store));
  // One layout cache for the map (GET /api/layout) and the published atlas and images (GET /api/export?format=html|svg|png).
  const layouts = new LayoutService(store, { projection: (options) => analytics.projection(options) });
  api.use('/layout', layoutRouter(store, analytics, layouts));
  api.use('/collaboration', collaborationRouter(store));
  api.use(traversalRouter(store));
  api.use('/analytics', analyticsRouter(store, analytics, config));
  api.use(recommendationsRouter(store, analytics, config));
  api.use('/export', exportRouter(store, { layouts, atlasTemplate: atlasTemplatePath(config.WEB_DIST) }));
  api.use(notFoundHandler);

  app.use('/api', api);
  serveWebApp(app, config.WEB_DIST);
  app.use(problemMiddleware(logger));
  return app;
}

/** The built single-page app at `/` (and `/embed`), when `vite build` has run. */
function serveWebApp(app: express.Express, dist: string): void {
  const root = path.resolve(dist);
  if (!existsSync(path.join(root, 'index.html'))) return;
  app.use(express.static(root, { index: false, maxAge: '1h' }));
  app.get(/^\/(?!api\/).*/, (_req, res) => res.sendFile(path.join(root, 'index.html')));
}
