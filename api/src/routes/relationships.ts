import { Router, type RequestHandler } from 'express';
import { z } from 'zod';
import { IdSchema, type GraphStore } from '@atlas/graph';
import { writeContext } from '../http/actor.ts';
import { parseRequest } from '../http/validate.ts';
import { IdParams, atParam, cursorParam, limitParam, single, typesParam } from '../http/params.ts';

export const ListQuery = z.object({
  type: typesParam,
  from: single(IdSchema).optional(),
  to: single(IdSchema).optional(),
  at: atParam,
  limit: limitParam(),
  cursor: cursorParam,
});

/** Relationship CRUD: GET/POST /api/relationships, GET/PATCH/DELETE /api/relationships/:id. */
export function relationshipsRouter(store: GraphStore, guardWrite: RequestHandler): Router {
  const router = Router();

  router.get('/', async (req, res) => {
    const q = parseRequest(ListQuery, req.query, 'query');
    res.json(await store.listRelationships({ types: q.type, from: q.from, to: q.to, at: q.at, limit: q.limit, cursor: q.cursor }));
  });

  router.post('/', guardWrite, async (req, res) => {
    const rel = await store.createRelationship(req.body, writeContext(req));
    res.status(201).location(`/api/relationships/${encodeURIComponent(rel.id)}`).json(rel);
  });

  router.get('/:id', async (req, res) => {
    const { id } = parseRequest(IdParams, req.params, 'params');
    res.json(await store.getRelationship(id));
  });

  router.patch('/:id', guardWrite, async (req, res) => {
    const { id } = parseRequest(IdParams, req.params, 'params');
    res.json(await store.updateRelationship(id, req.body, writeContext(req)));
  });

  router.delete('/:id', guardWrite, async (req, res) => {
    const { id } = parseRequest(IdParams, req.params, 'params');
    await store.deleteRelationship(id, writeContext(req));
    res.status(204).end();
  });

  return router;
}
