import { createHash } from 'node:crypto';
import { Router, type Request } from 'express';
import { z } from 'zod';
import type { GraphStore } from '@atlas/graph';
import type { AnalyticsService } from '@atlas/graph/analytics/index.ts';
import { LAYOUT_VIEWS, LayoutService, type LayoutFilters } from '@atlas/graph/layout/service.ts';
import { documentRoute } from '../openapi/registry.ts';
import { parseRequest } from '../http/validate.ts';
import { NetworkFilterQuery, labelsParam, single } from '../http/params.ts';

// Server-side ForceAtlas2 positions for the network and collaboration views
// (graph/src/layout). The first request for a store revision + view + filters
// starts the layout in a worker thread and answers 202 with the positions so
// far; the client polls (Retry-After) until the 200 with the finished layout,
// which later requests get at once from the cache.

export const LayoutQuery = NetworkFilterQuery.extend({
  view: single(z.enum(LAYOUT_VIEWS).default('network')).describe(
    'network = the nodes and relationships GET /api/graph draws with the same filters; collaboration = the actor–actor projection (actors sharing a project, programme, event or practice; labels do not apply)',
  ),
  labels: labelsParam,
});
type LayoutQuery = z.infer<typeof LayoutQuery>;

const Positions = z.record(z.string(), z.tuple([z.number(), z.number()])).describe('Node id → [x, y], the longer side of the bounding box spanning [-1000, 1000]');

export const LayoutDoneSchema = z.object({
  revision: z.number().int(),
  view: z.enum(LAYOUT_VIEWS),
  converged: z.boolean().describe('true when the stopping rule held (mean move per node < 0.0003 × diameter for 10 consecutive iterations); false only when the iteration cap stopped it'),
  iterations: z.number().int(),
  positions: Positions,
});
export const LayoutRunningSchema = z.object({
  revision: z.number().int(),
  view: z.enum(LAYOUT_VIEWS),
  converged: z.literal(false),
  iterations: z.number().int(),
  progress: z.number().min(0).max(1),
  positions: Positions.describe('The best positions so far (at first the deterministic or warm-started placement)'),
});

documentRoute({
  method: 'get',
  path: '/api/layout',
  operationId: 'layout',
  tag: 'Read',
  summary: 'ForceAtlas2 positions of the network or collaboration view, computed on the server',
  description:
    'Computed once per store revision, view and filters in a worker thread (ForceAtlas2 with Barnes-Hut, deterministic start, run until the mean displacement settles) and cached. While it runs the answer is 202 with the positions so far and a Retry-After header; poll until 200. After an edit the next layout starts from the previous positions, so the map keeps its shape.',
  query: LayoutQuery,
  responses: {
    200: { description: 'The finished layout', schema: LayoutDoneSchema, name: 'Layout' },
    202: { description: 'Still running: progress and the positions so far', schema: LayoutRunningSchema, name: 'LayoutInProgress' },
    304: { description: 'Not modified since the ETag sent in If-None-Match' },
  },
});

function filtersOf(q: LayoutQuery): LayoutFilters {
  return { at: q.at, labels: q.labels, levels: q.levels, kinds: q.kinds, types: q.types, topics: q.topics };
}

function etagFor(revision: number, q: LayoutQuery): string {
  const variant = createHash('sha1').update(JSON.stringify([q.view, q.at, q.labels, q.levels, q.kinds, q.types, q.topics])).digest('base64url').slice(0, 10);
  return `"L${revision}-${variant}"`;
}

/** Seconds until the next poll is worth it: the time left at the current pace, 1–5 s. */
function retryAfter(elapsedMs: number, progress: number): number {
  const left = progress > 0.01 ? (elapsedMs / progress) * (1 - progress) : 2000;
  return Math.min(5, Math.max(1, Math.round(left / 1000)));
}

/** GET /api/layout. One LayoutService per router (its cache and worker), sharing the analytics service's projections. */
export function layoutRouter(store: GraphStore, analytics?: AnalyticsService, layouts = new LayoutService(store, { projection: analytics && ((options) => analytics.projection(options)) })): Router {
  const router = Router();
  router.get('/', async (req: Request, res) => {
    const q = parseRequest(LayoutQuery, req.query, 'query');
    const layout = await layouts.get(q.view, filtersOf(q));
    const { revision, view, converged, iterations, positions } = layout;
    if (!layout.done) {
      res.set('Cache-Control', 'no-store');
      res.set('Retry-After', String(retryAfter(layout.elapsedMs, layout.progress)));
      res.status(202).json({ revision, view, converged: false, iterations, progress: layout.progress, positions });
      return;
    }
    res.set('ETag', etagFor(revision, q));
    res.set('Cache-Control', 'private, no-cache');
    if (req.fresh) {
      res.status(304).end();
      return;
    }
    res.json({ revision, view, converged, iterations, positions });
  });
  return router;
}
