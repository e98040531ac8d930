import { rateLimit, ipKeyGenerator, type Options } from 'express-rate-limit';
import type { RequestHandler } from 'express';
import { AtlasError } from '@atlas/graph';

// Two limits per minute: requests per token (or per IP for anonymous
// readers), and failed authentications per IP, counted before the token is
// checked so guessing tokens stays cheap for us and slow for the guesser.

const WINDOW_MS = 60_000;

function tooMany(detail: string): Options['handler'] {
  return (_req, res, next, options) => {
    res.setHeader('Retry-After', String(Math.ceil(options.windowMs / 1000)));
    next(new AtlasError('rate_limited', detail));
  };
}

const ipKey = (req: { ip?: string; socket: { remoteAddress?: string } }) => `ip:${ipKeyGenerator(req.ip ?? req.socket.remoteAddress ?? 'unknown')}`;

/** Requests per minute per token, or per IP without one. Install after authentication. */
export function requestRateLimit(perMinute: number): RequestHandler {
  return rateLimit({
    windowMs: WINDOW_MS,
    limit: perMinute,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    keyGenerator: (req) => (req.principal ? `token:${req.principal.tokenId}` : ipKey(req)),
    handler: tooMany(`more than ${perMinute} requests in a minute; slow down`),
  });
}

/** Failed authentications (401) per minute per IP. Install before authentication. */
export function authFailureRateLimit(perMinute: number): RequestHandler {
  return rateLimit({
    windowMs: WINDOW_MS,
    limit: perMinute,
    standardHeaders: false,
    legacyHeaders: false,
    keyGenerator: (req) => ipKey(req),
    skipSuccessfulRequests: true,
    requestWasSuccessful: (_req, res) => res.statusCode !== 401,
    handler: tooMany(`more than ${perMinute} failed authentications in a minute`),
  });
}
