import { Router } from 'express';
import { z } from 'zod';
import { requireRole } from '../auth/middleware.ts';
import { ROLES } from '../auth/roles.ts';
import type { FileTokenStore } from '../auth/token-store.ts';
import { parseRequest } from '../http/validate.ts';

// Token administration (admin only): POST creates and shows the token once,
// GET lists (never the hashes), DELETE revokes. Tokens are immutable, so no
// one can raise a role, their own or anyone's: a new role is a new token.

export const CreateBody = z
  .object({
    name: z.string().trim().min(1).max(100).refine((s) => !s.includes('\u0000'), 'must not contain NUL characters'),
    role: z.enum(ROLES),
    /** Days until it expires (default 90); null = never. */
    expiresInDays: z.number().int().min(1).max(3650).nullable().default(90),
  })
  .strict();

export const TokenIdParams = z.object({ id: z.string().regex(/^[0-9a-f]{12}$/, 'a token id is 12 hex characters') });

export function tokensRouter(tokens: FileTokenStore): Router {
  const router = Router();
  router.use(requireRole('admin'));

  router.get('/', async (_req, res) => {
    res.json({ items: await tokens.list() });
  });

  router.post('/', async (req, res) => {
    const body = parseRequest(CreateBody, req.body, 'body');
    const expiresAt = body.expiresInDays === null ? undefined : new Date(Date.now() + body.expiresInDays * 86_400_000).toISOString();
    const created = await tokens.create({ name: body.name, role: body.role, expiresAt, createdBy: req.principal!.name });
    res.status(201).setHeader('Cache-Control', 'no-store');
    res.json({ ...created.info, token: created.token });
  });

  router.delete('/:id', async (req, res) => {
    const { id } = parseRequest(TokenIdParams, req.params, 'params');
    res.json(await tokens.revoke(id, req.principal!.name));
  });

  return router;
}
