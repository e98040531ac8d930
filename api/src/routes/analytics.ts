import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import { LEVELS, type GraphStore } from '@atlas/graph';
import { CENTRALITY_MEASURES, type AnalyticsService } from '@atlas/graph/analytics/index.ts';
import { summariseNetwork } from '@atlas/graph/summary/summary.ts';
import type { Config } from '../config.ts';
import { documentRoute } from '../openapi/registry.ts';
import { parseRequest } from '../http/validate.ts';
import { shapeNodes } from '../auth/personal-data.ts';
import { atParam, boolParam, kindsParam, levelsParam, limitParam, single, typesParam } from '../http/params.ts';

const projectionParam = single(z.enum(['collaboration', 'full']).default('collaboration')).describe(
  'collaboration = the actor–actor graph (shared projects/events + COLLABORATES_WITH); full = every node and relationship',
);
const seedParam = single(z.coerce.number().int().min(0).max(2 ** 31 - 1)).optional();
/** Position in a ranked list (opaque to clients; today it is the offset). */
const offsetCursor = single(z.string().regex(/^\d{1,9}$/, 'cursor must be a value returned as nextCursor')).optional();

const ProjectionQuery = { projection: projectionParam, at: atParam, levels: levelsParam, kinds: kindsParam, types: typesParam };

export const CentralityQuery = z.object({
  measure: single(z.enum(CENTRALITY_MEASURES).default('degree')),
  samples: single(z.coerce.number().int().min(2).max(100_000)).optional().describe('Betweenness only: sampled sources (exact when absent)'),
  seed: seedParam,
  weighted: boolParam(false),
  ...ProjectionQuery,
  limit: limitParam(100),
  cursor: offsetCursor,
});

export const CommunitiesQuery = z.object({
  resolution: single(z.coerce.number().positive().max(100).default(1)).describe('Louvain modularity resolution γ > 0'),
  seed: seedParam,
  ...ProjectionQuery,
  limit: limitParam(1000).describe('Largest communities returned (≤ 1000)'),
});

export const SummaryQuery = z.object({ at: atParam, levels: levelsParam, kinds: kindsParam, types: typesParam });

const CentralityResponse = z.object({
  measure: z.enum(CENTRALITY_MEASURES),
  projection: z.enum(['collaboration', 'full']),
  revision: z.number().int().describe('Store revision the scores were computed at'),
  stale: z.boolean().describe('true: the store has changed since `revision` and the new scores are being computed; ask again shortly'),
  total: z.number().int(),
  items: z.array(z.object({ id: z.string(), name: z.string(), score: z.number(), rank: z.number().int().describe('1 = highest; ties share a rank') })),
  nextCursor: z.string().optional(),
});
const CommunitiesResponse = z.object({
  revision: z.number().int().describe('Store revision the communities were computed at'),
  stale: z.boolean().describe('true: the store has changed since `revision` and the new partition is being computed'),
  modularity: z.number(),
  total: z.number().int(),
  communities: z.array(z.object({ id: z.number().int(), size: z.number().int(), members: z.array(z.string()) })),
});
const Counts = z.record(z.string(), z.number().int());
const LevelName = z.union([z.enum(LEVELS), z.literal('unknown')]);
const SummaryResponse = z.object({
  revision: z.number().int(),
  at: z.string().optional(),
  nodes: z.object({ total: z.number().int(), byLabel: Counts, byKind: z.record(z.string(), Counts), byLevel: Counts }),
  relationships: z.object({ total: z.number().int(), byType: Counts }),
  collaboration: z.object({
    actors: z.number().int(),
    links: z.number().int(),
    density: z.number(),
    isolated: z.number().int(),
    components: z.number().int(),
    largestComponent: z.number().int(),
    largestShare: z.number(),
    levelLinks: z.array(z.object({ from: LevelName, to: LevelName, links: z.number().int(), weight: z.number() })),
  }),
});

const budget = { 503: { description: 'The computation exceeded its time budget (ANALYTICS_TIMEOUT_MS)' } };
documentRoute({
  method: 'get',
  path: '/api/analytics/centrality',
  operationId: 'centrality',
  tag: 'Analytics',
  summary: 'Ranked centrality: degree, betweenness (exact or sampled), closeness, PageRank, eigenvector',
  query: CentralityQuery,
  responses: { 200: { description: 'Scores, highest first', schema: CentralityResponse }, ...budget },
});
documentRoute({
  method: 'get',
  path: '/api/analytics/communities',
  operationId: 'communities',
  tag: 'Analytics',
  summary: 'Louvain communities (deterministic for a given seed)',
  query: CommunitiesQuery,
  responses: { 200: { description: 'Communities, largest first', schema: CommunitiesResponse }, ...budget },
});
documentRoute({
  method: 'get',
  path: '/api/analytics/summary',
  operationId: 'summary',
  tag: 'Analytics',
  summary: 'Counts by label/kind/level, density, components, largest component, links between levels',
  query: SummaryQuery,
  responses: { 200: { description: 'The summary', schema: SummaryResponse }, ...budget },
});

/**
 * How long a request waits for the current revision's result once the store
 * has changed: a cheap kernel lands well within it (a user sees their own
 * write), an expensive one is answered with the last result marked stale.
 */
const STALE_AFTER_MS = 500;

/** Aborted when the client goes away before the answer is sent, so a worker is not left running for nobody. */
export function requestSignal(_req: Request, res: Response): AbortSignal {
  const controller = new AbortController();
  res.on('close', () => {
    if (!res.writableFinished) controller.abort();
  });
  return controller.signal;
}

/** Centrality, communities and the network summary (mounted at /api/analytics). */
export function analyticsRouter(store: GraphStore, analytics: AnalyticsService, config: Config): Router {
  const router = Router();
  // After a write, a result still computing past STALE_AFTER_MS is answered with the last one (stale: true).
  const run = (req: Request, res: Response) => ({ signal: requestSignal(req, res), timeoutMs: config.ANALYTICS_TIMEOUT_MS, staleAfterMs: STALE_AFTER_MS });

  router.get('/centrality', async (req, res) => {
    const q = parseRequest(CentralityQuery, req.query, 'query');
    const result = await analytics.centrality(q.measure, {
      projection: q.projection,
      at: q.at,
      levels: q.levels,
      kinds: q.kinds,
      types: q.types,
      samples: q.samples,
      seed: q.seed,
      weighted: q.weighted,
      ...run(req, res),
    });
    const offset = q.cursor ? Number(q.cursor) : 0;
    const page = result.scores.slice(offset, offset + q.limit);
    // Competition ranking: equal scores share a rank (1, 2, 2, 4).
    let rank = 0;
    const ranks = new Array<number>(page.length);
    for (let i = 0; i < page.length; i++) {
      const position = offset + i;
      if (position === 0 || result.scores[position - 1].score !== page[i].score) rank = position + 1;
      else if (i === 0) rank = firstRankOf(result.scores, position);
      ranks[i] = rank;
    }
    // With projection=full, persons are ranked too: their names follow the personal-data rule.
    const names = new Map(shapeNodes(req, await store.getNodes(page.map((s) => s.id))).map((n) => [n.id, n.name]));
    const next = offset + q.limit;
    res.json({
      measure: q.measure,
      projection: q.projection,
      revision: result.revision,
      stale: result.stale === true,
      total: result.scores.length,
      items: page.map((s, i) => ({ id: s.id, name: names.get(s.id) ?? s.id, score: s.score, rank: ranks[i] })),
      ...(next < result.scores.length ? { nextCursor: String(next) } : {}),
    });
  });

  router.get('/communities', async (req, res) => {
    const q = parseRequest(CommunitiesQuery, req.query, 'query');
    const result = await analytics.communities({
      projection: q.projection,
      at: q.at,
      levels: q.levels,
      kinds: q.kinds,
      types: q.types,
      resolution: q.resolution,
      seed: q.seed,
      ...run(req, res),
    });
    res.json({ revision: result.revision, stale: result.stale === true, modularity: result.modularity, total: result.communities.length, communities: result.communities.slice(0, q.limit) });
  });

  router.get('/summary', async (req, res) => {
    const q = parseRequest(SummaryQuery, req.query, 'query');
    res.json(await summariseNetwork(store, analytics, { at: q.at, levels: q.levels, kinds: q.kinds, types: q.types }));
  });

  return router;
}

/** Rank of the first entry of a run of equal scores that starts before `position`. */
function firstRankOf(scores: ReadonlyArray<{ score: number }>, position: number): number {
  let p = position;
  while (p > 0 && scores[p - 1].score === scores[position].score) p--;
  return p + 1;
}
