import { Router, type RequestHandler } from 'express';
import { z } from 'zod';
import { IsoDaySchema, type GraphStore } from '@atlas/graph';
import { bestMatch, extract, toPlainText } from '@atlas/graph/extraction/index.ts';
import { itemsFromExtraction, matchCandidates, type ReviewQueue } from '@atlas/graph/review/index.ts';
import { writeContext } from '../http/actor.ts';
import { parseRequest } from '../http/validate.ts';
import { documentRoute } from '../openapi/registry.ts';

// POST /api/suggestions (issue 16.1): a document (plain text, Markdown or HTML)
// with its title/URL/date → candidate actors, places, projects/programmes/events
// and relationships, each with quote, offsets, confidence and rule, matched
// against the nodes already in the graph. Unless dryRun, the candidates are
// queued for review (GET /api/review); nothing enters the graph until accepted.

const SuggestBody = z
  .object({
    text: z.string().min(1, 'text is required').max(500_000),
    format: z.enum(['text', 'markdown', 'html']).default('text'),
    title: z.string().trim().min(1, 'title is required').max(500),
    url: z.url({ protocol: /^https?$/ }).max(2000).optional(),
    date: IsoDaySchema.optional(),
    language: z.enum(['es', 'ca', 'en']).optional(),
    dryRun: z.boolean().default(false),
    /** Similarity needed to link a candidate to an existing node (0.5–1, default 0.8). */
    matchThreshold: z.number().min(0.5).max(1).default(0.8),
  })
  .strict()
  .refine((b) => !b.text.includes('\u0000'), { path: ['text'], message: 'must not contain NUL characters' });

documentRoute({
  method: 'post',
  path: '/api/suggestions',
  operationId: 'suggestFromDocument',
  tag: 'Review',
  summary: 'A document (text, Markdown, HTML) → candidate actors, places, projects/events and relationships with quotes, offsets, confidence and rule, matched to existing nodes; queued for review unless dryRun',
  body: { schema: SuggestBody, name: 'SuggestionRequest' },
  responses: { 200: { description: 'Candidates (dry run, nothing queued)' }, 201: { description: 'Candidates, queued as pending review items' } },
  write: true,
});

export function suggestionsRouter(store: GraphStore, queue: () => Promise<ReviewQueue>, guardEditor: RequestHandler): Router {
  const router = Router();
  router.post('/', guardEditor, async (req, res) => {
    const body = parseRequest(SuggestBody, req.body, 'body');
    const text = toPlainText(body.text, body.format);
    const extraction = extract(text, { language: body.language });
    const matches = await matchCandidates(store, extraction, bestMatch, body.matchThreshold);
    const source = { title: body.title, ...(body.url ? { url: body.url } : {}), ...(body.date ? { date: body.date } : {}) };
    const items = itemsFromExtraction(extraction, source, { createdBy: writeContext(req).actor, matches });
    if (!body.dryRun) await (await queue()).add(items);
    const itemOf = new Map<string, string>();
    for (const [i, n] of extraction.nodes.filter((x) => x.label !== 'Place').entries()) itemOf.set(n.key, items[i].id);
    res.status(body.dryRun ? 200 : 201).json({
      source,
      text,
      queued: !body.dryRun,
      batch: items[0]?.batch,
      nodes: extraction.nodes.map((n) => ({ ...n, ...(itemOf.has(n.key) ? { reviewItem: itemOf.get(n.key) } : {}), match: matches.get(n.key) ?? null })),
      relationships: extraction.relationships,
      items,
    });
  });
  return router;
}
