import cors from 'cors';
import type { RequestHandler } from 'express';

// Cross-origin access only for the origins listed in CORS_ORIGINS; with none
// listed, no CORS headers are sent and browsers keep the API same-origin.
// Tokens travel in the Authorization header, never cookies: no credentials.

export function corsPolicy(origins: string[]): RequestHandler {
  if (!origins.length) return (_req, _res, next) => next();
  const allowed = new Set(origins);
  return cors({
    origin: (origin, done) => done(null, origin !== undefined && (allowed.has('*') || allowed.has(origin))),
    methods: ['GET', 'HEAD', 'POST', 'PATCH', 'DELETE'],
    allowedHeaders: ['Authorization', 'Content-Type', 'X-Request-Id'],
    exposedHeaders: ['X-Request-Id', 'Location', 'Retry-After', 'RateLimit', 'RateLimit-Policy'],
    credentials: false,
    maxAge: 600,
  });
}
