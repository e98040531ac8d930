import { Router } from 'express';
import type { GraphStore } from '@atlas/graph';

/** GET /api/health → {status, store, revision, nodes, relationships} (SPEC). */
export function healthRouter(store: GraphStore): Router {
  const router = Router();
  router.get('/', async (_req, res) => {
    const stats = await store.stats();
    res.json({ status: 'ok', store: store.kind, revision: stats.revision, nodes: stats.nodes, relationships: stats.relationships });
  });
  return router;
}
