import { Router } from 'express';
import { z } from 'zod';
import type { GraphStore } from '@atlas/graph';
import { writeContext } from '../http/actor.ts';
import { canSeePersonalData, isPrivatePerson, shapeNode, shapeNodes } from '../auth/personal-data.ts';
import { parseRequest } from '../http/validate.ts';
import { IdParams, atParam, cursorParam, kindsParam, labelsParam, levelsParam, limitParam, single, boolParam, topicsParam } from '../http/params.ts';

export const ListQuery = z.object({
  label: labelsParam,
  kind: kindsParam,
  level: levelsParam,
  topics: topicsParam,
  q: single(z.string().max(200)).optional(),
  at: atParam,
  limit: limitParam(),
  cursor: cursorParam,
});

export const DeleteQuery = z.object({ detach: boolParam(false) });

/** Node CRUD: GET/POST /api/nodes, GET/PATCH/DELETE /api/nodes/:id. Writes go through `guardWrite`. */
export function nodesRouter(store: GraphStore, guardWrite: import('express').RequestHandler): Router {
  const router = Router();

  router.get('/', async (req, res) => {
    const q = parseRequest(ListQuery, req.query, 'query');
    const page = await store.listNodes({
      labels: q.label,
      kinds: q.kind,
      levels: q.level,
      topics: q.topics,
      q: q.q,
      at: q.at,
      limit: q.limit,
      cursor: q.cursor,
    });
    // A name search must not confirm that a private person exists: drop them, do not just rename.
    const visible = q.q && !canSeePersonalData(req) ? page.items.filter((n) => !isPrivatePerson(n)) : page.items;
    res.json({ ...page, items: shapeNodes(req, visible) });
  });

  router.post('/', guardWrite, async (req, res) => {
    const node = await store.createNode(req.body, writeContext(req));
    res.status(201).location(`/api/nodes/${encodeURIComponent(node.id)}`).json(node);
  });

  router.get('/:id', async (req, res) => {
    const { id } = parseRequest(IdParams, req.params, 'params');
    res.json(shapeNode(req, await store.getNode(id)));
  });

  router.patch('/:id', guardWrite, async (req, res) => {
    const { id } = parseRequest(IdParams, req.params, 'params');
    res.json(await store.updateNode(id, req.body, writeContext(req)));
  });

  router.delete('/:id', guardWrite, async (req, res) => {
    const { id } = parseRequest(IdParams, req.params, 'params');
    const { detach } = parseRequest(DeleteQuery, req.query, 'query');
    await store.deleteNode(id, writeContext(req), { detach });
    res.status(204).end();
  });

  return router;
}
