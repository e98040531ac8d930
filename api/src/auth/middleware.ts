import type { Request, RequestHandler } from 'express';
import { AtlasError } from '@atlas/graph';
import { hasRole, type Principal, type Role } from './roles.ts';
import type { FileTokenStore } from './token-store.ts';

// Authentication reads `Authorization: Bearer <token>` and sets
// `req.principal`; guards then compare roles. A request without the header is
// anonymous (reads may be public); a request with a bad one is refused, never
// silently downgraded to anonymous.

declare module 'express-serve-static-core' {
  interface Request {
    principal?: Principal;
  }
}

export function principalOf(req: Request): Principal | undefined {
  return req.principal;
}

function unauthorized(res: Parameters<RequestHandler>[1], detail: string): AtlasError {
  res.setHeader('WWW-Authenticate', 'Bearer realm="atlas"');
  return new AtlasError('unauthorized', detail);
}

export function authenticate(tokens: FileTokenStore): RequestHandler {
  return async (req, res, next) => {
    const header = req.headers.authorization;
    if (header === undefined) return next();
    const m = /^Bearer[ \t]+(\S{1,200})[ \t]*$/i.exec(header);
    if (!m) return next(unauthorized(res, 'the Authorization header must be "Bearer <token>"'));
    const principal = await tokens.verify(m[1]);
    if (!principal) return next(unauthorized(res, 'the token is unknown, expired or revoked'));
    req.principal = principal;
    next();
  };
}

/** Lets the request through only for `role` or above: 401 without a token, 403 with a weaker one. */
export function requireRole(role: Role): RequestHandler {
  return (req, res, next) => {
    const principal = req.principal;
    if (!principal) return next(unauthorized(res, `this needs a token with the ${role} role`));
    if (!hasRole(principal.role, role)) return next(new AtlasError('forbidden', `this needs the ${role} role; the token has ${principal.role}`));
    next();
  };
}

/** Reads are open to anyone when PUBLIC_READ is on, else they need a viewer token. */
export function guardRead(publicRead: boolean): RequestHandler {
  const viewer = requireRole('viewer');
  return publicRead ? (_req, _res, next) => next() : viewer;
}
