import { Router } from 'express';
import { z } from 'zod';
import { requireRole } from '../auth/middleware.ts';
import { ROLES } from '../auth/roles.ts';
import type { FileTokenStore } from '../auth/token-store.ts';
import { parseRequest } from '../http/validate.ts';
import { documentRoute } from '../openapi/registry.ts';

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

const TokenInfoSchema = z.object({
  id: z.string(),
  name: z.string(),
  role: z.enum(ROLES),
  createdAt: z.string(),
  createdBy: z.string(),
  expiresAt: z.string().optional(),
  revokedAt: z.string().optional(),
  revokedBy: z.string().optional(),
  active: z.boolean(),
});
const TokenInfo = { schema: TokenInfoSchema, name: 'TokenInfo' };
const adminOnly = { 403: { description: 'Needs the admin role' } };
documentRoute({ method: 'get', path: '/api/tokens', operationId: 'listTokens', tag: 'Tokens', summary: 'List API tokens (admin); never their secrets or hashes', write: true, responses: { 200: { description: 'Tokens', schema: z.object({ items: z.array(TokenInfoSchema) }), name: 'TokenList' }, ...adminOnly } });
documentRoute({
  method: 'post',
  path: '/api/tokens',
  operationId: 'createToken',
  tag: 'Tokens',
  summary: 'Create a token (admin); the secret is shown once, in `token`',
  body: { schema: CreateBody, name: 'TokenInput' },
  write: true,
  responses: { 201: { description: 'The token, with its secret', schema: TokenInfoSchema.extend({ token: z.string().describe('`atl_…`, shown only here') }), name: 'NewToken' }, ...adminOnly },
});
documentRoute({ method: 'delete', path: '/api/tokens/{id}', operationId: 'revokeToken', tag: 'Tokens', summary: 'Revoke a token (admin), for good', params: TokenIdParams, write: true, responses: { 200: { description: 'The revoked token', ...TokenInfo }, ...adminOnly } });

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
