import type { ErrorRequestHandler, RequestHandler } from 'express';
import { AtlasError } from '@atlas/graph';

// RFC 9457 problem details: the only shape errors leave the server in. Driver
// messages and stack traces stay in the log.

export const PROBLEM_TYPE_BASE = 'https://ecosystem-atlas.dev/problems/';

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  errors?: Array<{ path: string; message: string; file?: string; row?: number; column?: string }>;
  requestId?: string;
}

export function problemFrom(error: AtlasError, instance?: string): Problem {
  return {
    type: PROBLEM_TYPE_BASE + error.code,
    title: error.title,
    status: error.status,
    detail: error.message,
    ...(instance ? { instance } : {}),
    ...(error.errors ? { errors: error.errors } : {}),
  };
}

/** Errors thrown by body-parser and friends carry `status`/`type`; map the known ones. */
function fromHttpError(err: { status?: number; statusCode?: number; type?: string; message?: string }): AtlasError | null {
  const status = err.status ?? err.statusCode;
  if (err.type === 'entity.too.large' || status === 413) return new AtlasError('payload_too_large', 'the request body is larger than allowed');
  if (err.type === 'entity.parse.failed') return new AtlasError('validation', 'the request body is not valid JSON', [{ path: 'body', message: 'malformed JSON' }]);
  if (err.type === 'encoding.unsupported' || err.type === 'charset.unsupported')
    return new AtlasError('unsupported_media_type', 'unsupported body encoding or charset');
  if (err.type === 'request.aborted') return new AtlasError('validation', 'the request was aborted');
  if (status === 400) return new AtlasError('validation', 'malformed request');
  return null;
}

export const notFoundHandler: RequestHandler = (req, _res, next) => {
  next(new AtlasError('not_found', `no route for ${req.method} ${req.path}`));
};

export function problemMiddleware(log: { error: (obj: object, msg: string) => void }): ErrorRequestHandler {
  return (err, req, res, _next) => {
    const known = err instanceof AtlasError ? err : fromHttpError(err ?? {});
    const requestId = (req as { id?: string }).id;
    let problem: Problem;
    if (known) {
      problem = problemFrom(known, req.originalUrl);
    } else {
      log.error({ err, requestId }, 'unhandled error');
      problem = { type: PROBLEM_TYPE_BASE + 'internal', title: 'Internal error', status: 500, detail: 'something went wrong on our side' };
    }
    if (requestId) problem.requestId = String(requestId);
    if (res.headersSent) {
      res.end();
      return;
    }
    res.status(problem.status).type('application/problem+json').send(JSON.stringify(problem));
  };
}
