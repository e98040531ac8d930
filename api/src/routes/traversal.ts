import { Router } from 'express';
import { z } from 'zod';
import { GraphNodeSchema, GraphRelationshipSchema, IdSchema, LEVELS, type GraphStore } from '@atlas/graph';
import { collaboratorsOf } from '@atlas/graph/recommendations/collaborators.ts';
import { documentRoute } from '../openapi/registry.ts';
import { parseRequest } from '../http/validate.ts';
import { shapeSubgraph } from '../auth/personal-data.ts';
import { sendWithRecords, withRecords } from '../http/record-json.ts';
import { IdParams, atParam, kindsParam, labelsParam, levelsParam, limitParam, single, typesParam } from '../http/params.ts';

export const NeighbourhoodQuery = z.object({
  depth: single(z.coerce.number().int().min(1).max(3).default(1)).describe('Hops from the node, 1 to 3'),
  labels: labelsParam,
  kinds: kindsParam,
  levels: levelsParam,
  types: typesParam,
  at: atParam,
  limit: limitParam(500).describe('Node cap (≤ 1000); `truncated` says when it cut'),
});

export const PathsQuery = z.object({
  from: single(IdSchema),
  to: single(IdSchema),
  k: single(z.coerce.number().int().min(1).max(10).default(1)).describe('Number of shortest paths (1–10)'),
  maxDepth: single(z.coerce.number().int().min(1).max(10).default(6)).describe('Longest path in hops (1–10)'),
  types: typesParam,
  at: atParam,
});

export const CollaboratorsQuery = z.object({
  levels: levelsParam,
  kinds: kindsParam,
  types: typesParam,
  at: atParam,
  limit: limitParam(100),
});

const SubgraphResponse = z.object({ nodes: z.array(GraphNodeSchema), relationships: z.array(GraphRelationshipSchema), truncated: z.boolean() });
const PathsResponse = z.object({
  paths: z.array(z.object({ nodes: z.array(GraphNodeSchema), relationships: z.array(GraphRelationshipSchema), length: z.number().int() })),
});
const ItemRef = z.object({ id: z.string(), name: z.string(), label: z.string(), kind: z.string() });
const CollaboratorsResponse = z.object({
  actor: z.object({ id: z.string(), name: z.string() }),
  total: z.number().int(),
  collaborators: z.array(
    ItemRef.extend({
      level: z.enum(LEVELS).optional(),
      weight: z.number().describe('shared items + explicit COLLABORATES_WITH weight'),
      shared: z.array(ItemRef),
      explicit: z.number().optional(),
    }),
  ),
});

documentRoute({
  method: 'get',
  path: '/api/nodes/{id}/neighbourhood',
  operationId: 'neighbourhood',
  tag: 'Read',
  summary: 'Nodes and relationships within `depth` hops, filtered',
  params: IdParams,
  query: NeighbourhoodQuery,
  responses: { 200: { description: 'The subgraph around the node', schema: SubgraphResponse, name: 'Subgraph' } },
});
documentRoute({
  method: 'get',
  path: '/api/paths',
  operationId: 'paths',
  tag: 'Read',
  summary: 'Up to k shortest paths between two nodes',
  query: PathsQuery,
  responses: { 200: { description: 'Paths, shortest first', schema: PathsResponse }, 404: { description: 'Unknown `from` or `to`' } },
});
documentRoute({
  method: 'get',
  path: '/api/actors/{id}/collaborators',
  operationId: 'collaborators',
  tag: 'Read',
  summary: 'Actors sharing projects, events or practices with this one (with the shared items), plus explicit COLLABORATES_WITH',
  params: IdParams,
  query: CollaboratorsQuery,
  responses: { 200: { description: 'Collaborators, strongest first', schema: CollaboratorsResponse } },
});

/** Neighbourhood, paths and collaborators (mounted at /api). */
export function traversalRouter(store: GraphStore): Router {
  const router = Router();

  router.get('/nodes/:id/neighbourhood', async (req, res) => {
    const { id } = parseRequest(IdParams, req.params, 'params');
    const q = parseRequest(NeighbourhoodQuery, req.query, 'query');
    const result = await store.neighbourhood(id, { depth: q.depth, labels: q.labels, kinds: q.kinds, levels: q.levels, types: q.types, at: q.at, limit: q.limit });
    sendWithRecords(res, shapeSubgraph(req, result));
  });

  router.get('/paths', async (req, res) => {
    const q = parseRequest(PathsQuery, req.query, 'query');
    await Promise.all([store.getNode(q.from), store.getNode(q.to)]); // unknown ends → 404
    const paths = await store.shortestPaths(q.from, q.to, { k: q.k, maxDepth: q.maxDepth, types: q.types, at: q.at });
    res.type('application/json').send(`{"paths":[${paths.map((p) => withRecords(shapeSubgraph(req, p))).join(',')}]}`);
  });

  router.get('/actors/:id/collaborators', async (req, res) => {
    const { id } = parseRequest(IdParams, req.params, 'params');
    const q = parseRequest(CollaboratorsQuery, req.query, 'query');
    // Actors and shared items only (never Person nodes), so nothing here is personal data.
    res.json(await collaboratorsOf(store, id, { at: q.at, levels: q.levels, kinds: q.kinds, types: q.types, limit: q.limit }));
  });

  return router;
}
