import { Router } from 'express';
import { z } from 'zod';
import { GraphNodeSchema, GraphRelationshipSchema, type GraphStore } from '@atlas/graph';
import { checkDiffWindow, diffBetween } from '@atlas/graph/history/index.ts';
import { shapeChanges, shapeDetachedSubgraph } from '../auth/personal-data.ts';
import { parseRequest } from '../http/validate.ts';
import { documentRoute } from '../openapi/registry.ts';
import { limitParam, single } from '../http/params.ts';

// GET /api/diff?from=&to=&limit= — what appeared, changed or ended between two
// days (definitions in graph/src/history/diff.ts).

export const DiffQuery = z.object({
  from: single(z.string().max(20)),
  to: single(z.string().max(20)),
  limit: limitParam(1000, 10_000),
});

const Element = z.union([GraphNodeSchema, GraphRelationshipSchema]).nullable();
const ElementLists = z.object({ nodes: z.array(GraphNodeSchema), relationships: z.array(GraphRelationshipSchema) });
const DiffResponse = z.object({
  from: z.string(),
  to: z.string(),
  appeared: ElementLists.describe('validFrom in (from, to]'),
  ended: ElementLists.describe('validTo in [from, to)'),
  changed: z
    .array(
      z.object({
        entity: z.enum(['node', 'relationship']),
        id: z.string(),
        ops: z.array(z.enum(['create', 'update', 'delete'])),
        actors: z.array(z.string()),
        first: z.string(),
        last: z.string(),
        before: Element,
        after: Element,
      }),
    )
    .describe('Elements with audit entries whose day is in (from, to]'),
  truncated: z.boolean(),
});
documentRoute({
  method: 'get',
  path: '/api/diff',
  operationId: 'diff',
  tag: 'History',
  summary: 'Nodes and relationships that appeared, changed or ended between two days',
  description: 'Windows are half-open so consecutive diffs add up. Each list is capped at `limit`. Persons without consent are redacted for viewers.',
  query: DiffQuery,
  responses: { 200: { description: 'The difference', schema: DiffResponse, name: 'Diff' } },
});

export function diffRouter(store: GraphStore): Router {
  const router = Router();
  router.get('/', async (req, res) => {
    const q = parseRequest(DiffQuery, req.query, 'query');
    checkDiffWindow(q.from, q.to);
    const diff = await diffBetween(store, q);
    // Private persons and the quotes of relationships touching them are hidden from viewers.
    const [appeared, ended, changed] = await Promise.all([
      shapeDetachedSubgraph(req, store, diff.appeared),
      shapeDetachedSubgraph(req, store, diff.ended),
      shapeChanges(req, store, diff.changed),
    ]);
    res.json({ ...diff, appeared, ended, changed });
  });
  return router;
}
