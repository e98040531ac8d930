import { Router } from 'express';
import { z } from 'zod';
import { ROLES } from '../auth/roles.ts';
import { documentRoute } from '../openapi/registry.ts';

// GET /api/me — who the caller is, so a client learns its role (and whether
// reading is public) in one call instead of probing with writes. Mounted
// before the read guard: an anonymous caller may ask even when PUBLIC_READ is
// off. A forged, expired or revoked token is refused (401) by the auth
// middleware before this runs.

export const MeResponse = z.object({
  authenticated: z.boolean(),
  name: z.string().optional().describe('The token name, when authenticated'),
  role: z.enum(['anonymous', ...ROLES]),
  publicRead: z.boolean().describe('Whether anonymous callers may read'),
});
export type Me = z.infer<typeof MeResponse>;

documentRoute({
  method: 'get',
  path: '/api/me',
  operationId: 'me',
  tag: 'Service',
  summary: 'The caller: authenticated or not, token name and role, and whether reading is public',
  responses: { 200: { description: 'The caller', schema: MeResponse, name: 'Me' }, 401: { description: 'The token is unknown, expired or revoked' } },
});

export function meRouter(publicRead: boolean): Router {
  const router = Router();
  router.get('/', (req, res) => {
    const principal = req.principal;
    const me: Me = principal
      ? { authenticated: true, name: principal.name, role: principal.role, publicRead }
      : { authenticated: false, role: 'anonymous', publicRead };
    res.setHeader('Cache-Control', 'no-store');
    res.json(me);
  });
  return router;
}
