import path from 'node:path';
import { Router, type RequestHandler } from 'express';
import { z } from 'zod';
import { NotFoundError, type GraphStore } from '@atlas/graph';
import { FileReviewQueue, Neo4jReviewQueue, REVIEW_STATUSES, acceptItem, rejectItem, type ReviewQueue } from '@atlas/graph/review/index.ts';
import type { Config } from '../config.ts';
import { writeContext } from '../http/actor.ts';
import { parseRequest } from '../http/validate.ts';
import { documentRoute } from '../openapi/registry.ts';
import { limitParam, listOf, single } from '../http/params.ts';

// The review queue over HTTP (issue 16.3). Editors only: a viewer never sees
// pending items. GET /api/review?status=&source=&origin=&batch=&limit=,
// GET /api/review/:id, POST /api/review/:id/accept {edits?, mergeInto?, createNew?},
// POST /api/review/:id/reject {reason?}.

/** The queue next to the store: `_Suggestion` nodes on Neo4j, DATA_DIR/review.json otherwise. */
export function defaultReviewQueue(store: GraphStore, config: Config): ReviewQueue {
  if (store.kind === 'neo4j' && config.NEO4J_URI) {
    return new Neo4jReviewQueue({ uri: config.NEO4J_URI, user: config.NEO4J_USER, password: config.NEO4J_PASSWORD, database: config.NEO4J_DATABASE });
  }
  return new FileReviewQueue(path.join(config.DATA_DIR, 'review.json'));
}

/** init() once, on first use. */
export function lazyQueue(queue: ReviewQueue): () => Promise<ReviewQueue> {
  let ready: Promise<void> | undefined;
  return async () => {
    ready ??= queue.init();
    await ready;
    return queue;
  };
}

const ItemParams = z.object({ id: z.string().regex(/^[a-z]+-[0-9a-f]{6,40}$/, 'not a review item id') });
const ListQuery = z.object({
  status: listOf(z.enum(REVIEW_STATUSES as [string, ...string[]])),
  source: single(z.string().max(300)).optional(),
  origin: single(z.enum(['suggestion', 'submission'])).optional(),
  batch: single(z.string().max(100)).optional(),
  limit: limitParam(200, 1000),
});
const AcceptBody = z
  .object({
    edits: z.record(z.string(), z.unknown()).optional(),
    mergeInto: z.string().min(1).max(200).optional(),
    createNew: z.boolean().optional(),
  })
  .strict();
const RejectBody = z.object({ reason: z.string().max(1000).optional() }).strict();

documentRoute({ method: 'get', path: '/api/review', operationId: 'listReviewItems', tag: 'Review', summary: 'The review queue (editors only): suggestions and submissions by status, source, origin, batch', query: ListQuery, responses: { 200: { description: 'Items, oldest first' } }, write: true });
documentRoute({ method: 'get', path: '/api/review/{id}', operationId: 'getReviewItem', tag: 'Review', summary: 'One review item', params: ItemParams, responses: { 200: { description: 'The item' }, 404: { description: 'No such item' } }, write: true });
documentRoute({ method: 'post', path: '/api/review/{id}/accept', operationId: 'acceptReviewItem', tag: 'Review', summary: 'Accept a pending item (optionally with edits, or merged into an existing node): written to the graph with provenance', params: ItemParams, body: { schema: AcceptBody, name: 'AcceptReviewItem' }, responses: { 200: { description: 'The item and the node or relationship written' }, 409: { description: 'Already decided, or an end of the relationship is not accepted yet' } }, write: true });
documentRoute({ method: 'post', path: '/api/review/{id}/reject', operationId: 'rejectReviewItem', tag: 'Review', summary: 'Reject a pending item', params: ItemParams, body: { schema: RejectBody, name: 'RejectReviewItem' }, responses: { 200: { description: 'The item' }, 409: { description: 'Already decided' } }, write: true });

export function reviewRouter(store: GraphStore, queue: () => Promise<ReviewQueue>, guardEditor: RequestHandler): Router {
  const router = Router();
  router.use(guardEditor);

  router.get('/', async (req, res) => {
    const q = parseRequest(ListQuery, req.query, 'query');
    const items = await (await queue()).list({ status: q.status as never, source: q.source, origin: q.origin, batch: q.batch, limit: q.limit });
    res.json({ items });
  });

  router.get('/:id', async (req, res) => {
    const { id } = parseRequest(ItemParams, req.params, 'params');
    const item = await (await queue()).get(id);
    if (!item) throw new NotFoundError('review item', id);
    res.json(item);
  });

  router.post('/:id/accept', async (req, res) => {
    const { id } = parseRequest(ItemParams, req.params, 'params');
    const body = parseRequest(AcceptBody, req.body, 'body');
    const result = await acceptItem(store, await queue(), id, { reviewer: writeContext(req).actor, edits: body.edits as never, mergeInto: body.mergeInto, createNew: body.createNew });
    res.json(result);
  });

  router.post('/:id/reject', async (req, res) => {
    const { id } = parseRequest(ItemParams, req.params, 'params');
    const body = parseRequest(RejectBody, req.body, 'body');
    res.json(await rejectItem(await queue(), id, writeContext(req).actor, body.reason));
  });

  return router;
}
