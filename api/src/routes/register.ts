import { Router } from 'express';
import { z } from 'zod';
import { ACTOR_KINDS, ConflictError, IdSchema, ValidationError, WebUrlSchema, type GraphStore } from '@atlas/graph';
import { bestMatch, nameSimilarity } from '@atlas/graph/extraction/index.ts';
import { findMunicipality } from '@atlas/graph/places/index.ts';
import { newId, type ReviewItem, type ReviewQueue } from '@atlas/graph/review/index.ts';
import { documentRoute } from '../openapi/registry.ts';

// POST /api/register (issue 16.4): an organisation proposes itself. Public (no
// token), so it is abuse-resistant without a third-party captcha: a rate limit
// per IP, size limits on every field, a honeypot field that bots fill in, and
// duplicates detected against existing nodes and pending submissions. Contact
// details are kept only with the consent flag. The submission waits in the
// review queue like any suggestion; nothing reaches the graph until accepted.

const text = (max: number) => z.string().trim().min(1).max(max).refine((s) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/.test(s), 'must not contain control characters');

export const RegisterBody = z
  .object({
    name: text(200),
    kind: z.enum(ACTOR_KINDS),
    /** INE code of the municipality (from GET /api/places). */
    municipality: z.string().regex(/^\d{5}$/, 'an INE municipality code (5 digits)').optional(),
    website: WebUrlSchema.optional(),
    topics: z.array(text(100)).max(20).default([]),
    /** Ids of actors already on the map it collaborates with. */
    collaborations: z.array(IdSchema).max(30).default([]),
    description: text(2000).optional(),
    contact: z.object({ name: text(200).optional(), email: z.email().max(300).optional() }).strict().optional(),
    consent: z.boolean().default(false),
    /** Honeypot: hidden in the form; people leave it empty. */
    homepage: z.string().max(500).optional(),
  })
  .strict();

export interface RegisterOptions {
  /** Submissions per IP per window (default 5 per 10 minutes). */
  perIp?: number;
  windowMs?: number;
}

documentRoute({
  method: 'post',
  path: '/api/register',
  operationId: 'registerOrganisation',
  tag: 'Review',
  summary: 'Public self-registration of an organisation and its collaborations; waits in the review queue (per-IP limit, honeypot, duplicate checks, contact only with consent)',
  body: { schema: RegisterBody, name: 'Registration' },
  responses: { 202: { description: 'Queued for review' }, 409: { description: 'Already on the map or already pending' }, 429: { description: 'Too many registrations from this address' } },
});

export function registerRouter(store: GraphStore, queue: () => Promise<ReviewQueue>, options: RegisterOptions = {}): Router {
  const router = Router();
  const perIp = options.perIp ?? 5;
  const windowMs = options.windowMs ?? 10 * 60_000;
  const hits = new Map<string, number[]>();

  router.post('/', async (req, res) => {
    const ip = req.ip ?? req.socket.remoteAddress ?? 'unknown';
    const now = Date.now();
    const recent = (hits.get(ip) ?? []).filter((t) => now - t < windowMs);
    if (recent.length >= perIp) {
      res.setHeader('Retry-After', String(Math.ceil((windowMs - (now - recent[0])) / 1000)));
      res.status(429).type('application/problem+json').json({ type: 'about:blank', title: 'Too Many Requests', status: 429, detail: `at most ${perIp} registrations per ${Math.round(windowMs / 60_000)} minutes from one address` });
      return;
    }
    recent.push(now);
    hits.set(ip, recent);
    if (hits.size > 10_000) for (const [k, v] of hits) if (!v.some((t) => now - t < windowMs)) hits.delete(k);

    const parsed = RegisterBody.safeParse(req.body ?? {});
    if (!parsed.success) {
      throw new ValidationError('invalid registration', parsed.error.issues.map((i) => ({ path: `body.${i.path.join('.')}`, message: i.message })));
    }
    const body = parsed.data;
    // A bot filled the hidden field: answer as if accepted, keep nothing.
    if (body.homepage && body.homepage.trim() !== '') {
      res.status(202).json({ status: 'pending' });
      return;
    }
    if (body.contact && !body.consent) {
      throw new ValidationError('contact details need consent', [{ path: 'body.consent', message: 'must be true to send a contact name or email' }]);
    }
    const place = body.municipality ? findMunicipality(body.municipality) : undefined;
    if (body.municipality && !place) throw new ValidationError('unknown municipality', [{ path: 'body.municipality', message: `no municipality with INE code ${body.municipality}` }]);

    // Duplicates: already on the map, or already waiting.
    const hitsByName = await store.search(body.name, { limit: 5, labels: ['Actor'] });
    const known = hitsByName.length ? await store.getNodes(hitsByName.map((h) => h.id)) : [];
    const existing = bestMatch({ name: body.name }, known, { threshold: 0.9 });
    if (existing) throw new ConflictError(`"${body.name}" is already on the map as "${existing.name}" (${existing.id})`, [{ path: 'body.name', message: `already on the map: ${existing.id}` }]);
    const q = await queue();
    const pending = await q.list({ status: ['pending'], origin: 'submission', limit: 1000 });
    const twin = pending.find((p) => p.node && nameSimilarity(p.node.name, body.name) >= 0.9);
    if (twin) throw new ConflictError(`"${body.name}" is already waiting for review`, [{ path: 'body.name', message: 'a registration with this name is pending' }]);
    const partners = body.collaborations.length ? await store.getNodes(body.collaborations) : [];
    const missing = body.collaborations.filter((id) => !partners.some((p) => p.id === id && p.label === 'Actor'));
    if (missing.length) throw new ValidationError('unknown collaborators', [{ path: 'body.collaborations', message: `not actors on the map: ${missing.join(', ')}` }]);

    const createdAt = new Date().toISOString();
    const batch = newId('reg');
    const id = newId('sub');
    const quote = `Self-registration of ${body.name}${place ? ` (${place.name})` : ''}${body.description ? `: ${body.description}` : ''}`;
    const base = { batch, origin: 'submission' as const, status: 'pending' as const, source: { title: 'self-registration', date: createdAt.slice(0, 10) }, quote, offsets: [], confidence: 0.5, createdAt, createdBy: 'self-registration' };
    const items: ReviewItem[] = [
      {
        ...base,
        id,
        rule: 'self-registration',
        node: {
          label: 'Actor',
          kind: body.kind,
          name: body.name,
          aliases: [],
          ...(place ? { ineCode: place.ineCode } : {}),
          ...(body.website ? { website: body.website } : {}),
          ...(body.description ? { description: body.description } : {}),
          ...(body.topics.length ? { tags: body.topics } : {}),
          ...(body.contact && body.consent ? { contact: { ...body.contact, consent: true as const } } : {}),
        },
      },
      ...partners.map((p) => ({
        ...base,
        id: newId('sub'),
        rule: 'self-registration:collaboration',
        quote: `${body.name} collaborates with ${p.name} (self-declared)`,
        relationship: { type: 'COLLABORATES_WITH' as const, from: { item: id }, to: { node: p.id } },
      })),
    ];
    await q.add(items);
    res.status(202).json({ status: 'pending', id, items: items.length });
  });
  return router;
}
