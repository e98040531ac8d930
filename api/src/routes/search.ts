import { Router } from 'express';
import { z } from 'zod';
import { LEVELS, NODE_LABELS, type GraphStore } from '@atlas/graph';
import { documentRoute } from '../openapi/registry.ts';
import { parseRequest } from '../http/validate.ts';
import { shapeSearchHits } from '../auth/personal-data.ts';
import { atParam, kindsParam, labelsParam, levelsParam, limitParam, single } from '../http/params.ts';

export const SearchQuery = z.object({
  q: single(z.string().trim().min(1, 'q is required').max(200)).describe('Text to find: accent- and case-insensitive, typo-tolerant (vinaros finds Vinaròs)'),
  labels: labelsParam,
  kinds: kindsParam,
  levels: levelsParam,
  at: atParam,
  limit: limitParam(20),
});

export const SearchHitSchema = z.object({
  id: z.string(),
  name: z.string(),
  label: z.enum(NODE_LABELS),
  kind: z.string(),
  level: z.enum(LEVELS).optional(),
  score: z.number(),
  matchedField: z.string().optional(),
});
const SearchResponse = z.object({ q: z.string(), items: z.array(SearchHitSchema) });

documentRoute({
  method: 'get',
  path: '/api/search',
  operationId: 'search',
  tag: 'Read',
  summary: 'Ranked search over names, aliases, tags and descriptions',
  query: SearchQuery,
  responses: { 200: { description: 'Hits, best first', schema: SearchResponse } },
});

/** GET /api/search?q= */
export function searchRouter(store: GraphStore): Router {
  const router = Router();
  router.get('/', async (req, res) => {
    const q = parseRequest(SearchQuery, req.query, 'query');
    const items = await store.search(q.q, { labels: q.labels, kinds: q.kinds, levels: q.levels, at: q.at, limit: q.limit });
    res.json({ q: q.q, items: await shapeSearchHits(req, items, (ids) => store.getNodes(ids)) });
  });
  return router;
}
