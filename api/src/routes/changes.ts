import { Router } from 'express';
import { z } from 'zod';
import { GraphNodeSchema, GraphRelationshipSchema, type GraphStore } from '@atlas/graph';
import { shapeChanges } from '../auth/personal-data.ts';
import { parseRequest } from '../http/validate.ts';
import { documentRoute } from '../openapi/registry.ts';
import { cursorParam, idParam, limitParam, single } from '../http/params.ts';

// GET /api/changes?since=&until=&id=&limit=&cursor= — the audit log, oldest
// first: who changed what, when, before/after. `id` gives one element's history
// (the node panel). Private persons are redacted for viewers, and so are the
// source quotes of relationships touching them.

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

const Element = z.union([GraphNodeSchema, GraphRelationshipSchema]).nullable();
const ChangeEntrySchema = z.object({
  seq: z.number().int(),
  revision: z.number().int(),
  at: z.string(),
  actor: z.string().describe('Token name, or `system` for seed loads'),
  via: z.string().optional(),
  op: z.enum(['create', 'update', 'delete']),
  entity: z.enum(['node', 'relationship']),
  id: z.string(),
  before: Element,
  after: Element,
});
documentRoute({
  method: 'get',
  path: '/api/changes',
  operationId: 'changes',
  tag: 'History',
  summary: 'Audit log, oldest first: who changed what, when, before/after (`id` = one element\'s history)',
  description: 'Viewers and anonymous readers see persons without consent redacted, and relationships touching them without source quotes.',
  query: ChangesQuery,
  responses: { 200: { description: 'A page of change entries', schema: z.object({ items: z.array(ChangeEntrySchema), nextCursor: z.string().optional() }), name: 'ChangePage' } },
});

export function changesRouter(store: GraphStore): Router {
  const router = Router();
  router.get('/', async (req, res) => {
    const q = parseRequest(ChangesQuery, req.query, 'query');
    const page = await store.changes(q);
    res.json({ ...page, items: await shapeChanges(req, store, page.items) });
  });
  return router;
}
