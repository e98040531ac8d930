import { Router } from 'express';
import { z } from 'zod';
import type { GraphStore } from '@atlas/graph';
import { shapeChange } from '../auth/personal-data.ts';
import { parseRequest } from '../http/validate.ts';
import { cursorParam, idParam, limitParam, single } from '../http/params.ts';

// GET /api/changes?since=&until=&id=&limit=&cursor= — the audit log, oldest
// first: who changed what, when, before/after. `id` gives one element's history
// (the node panel). Private persons are redacted for viewers.

/** A day (YYYY-MM-DD) or an ISO timestamp with a zone. */
const Instant = z
  .string()
  .max(40)
  .regex(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2}))?$/, 'must be YYYY-MM-DD or an ISO timestamp with a time zone')
  .refine((s) => !Number.isNaN(Date.parse(s.length === 10 ? `${s}T00:00:00Z` : s)), 'must be a real date');

export const ChangesQuery = z
  .object({
    since: single(Instant).optional(),
    until: single(Instant).optional(),
    id: single(idParam).optional(),
    limit: limitParam(100),
    cursor: cursorParam,
  })
  .refine((q) => !q.since || !q.until || instantOf(q.until) >= instantOf(q.since), { path: ['until'], message: 'until is before since' });

function instantOf(s: string): number {
  return Date.parse(s.length === 10 ? `${s}T00:00:00Z` : s);
}

export function changesRouter(store: GraphStore): Router {
  const router = Router();
  router.get('/', async (req, res) => {
    const q = parseRequest(ChangesQuery, req.query, 'query');
    const page = await store.changes(q);
    res.json({ ...page, items: page.items.map((entry) => shapeChange(req, entry)) });
  });
  return router;
}
