import { Router } from 'express';
import { z } from 'zod';
import type { GraphNode, GraphStore } from '@atlas/graph';
import { checkDiffWindow, diffBetween } from '@atlas/graph/history/index.ts';
import { canSeePersonalData, redactForViewer, shapeSubgraph } from '../auth/personal-data.ts';
import { parseRequest } from '../http/validate.ts';
import { limitParam, single } from '../http/params.ts';

// GET /api/diff?from=&to=&limit= — what appeared, changed or ended between two
// days (definitions in graph/src/history/diff.ts).

export const DiffQuery = z.object({
  from: single(z.string().max(20)),
  to: single(z.string().max(20)),
  limit: limitParam(1000, 10_000),
});

export function diffRouter(store: GraphStore): Router {
  const router = Router();
  router.get('/', async (req, res) => {
    const q = parseRequest(DiffQuery, req.query, 'query');
    checkDiffWindow(q.from, q.to);
    const diff = await diffBetween(store, q);
    if (canSeePersonalData(req)) return void res.json(diff);
    const hide = (n: unknown) => (n && (n as GraphNode).label ? redactForViewer(n as GraphNode) : n);
    res.json({
      ...diff,
      appeared: shapeSubgraph(req, diff.appeared),
      ended: shapeSubgraph(req, diff.ended),
      changed: diff.changed.map((c) => (c.entity === 'node' ? { ...c, before: hide(c.before), after: hide(c.after) } : c)),
    });
  });
  return router;
}
