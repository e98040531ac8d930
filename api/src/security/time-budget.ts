import type { Request, RequestHandler } from 'express';
import { AtlasError } from '@atlas/graph';
import { problemFrom, type Problem } from '../http/problem.ts';

// A request-level deadline on top of the stores' own query timeouts: if a
// handler has not answered in time the client gets a 503 problem instead of a
// hung connection; whatever the handler sends later is dropped.

export interface TimeBudgets {
  /** Default for every request. */
  requestMs: number;
  /** Analytics, recommendations and speakers (heavier queries). */
  analyticsMs: number;
  /** Imports and exports move whole graphs. */
  bulkMs: number;
  /** Other writes: longer than reads, since a 503 cannot undo a write that then commits. */
  writeMs: number;
}

const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function budgetFor(req: Request, budgets: TimeBudgets): number {
  // originalUrl: routers mounted under /api see a shortened req.path.
  const p = req.originalUrl.split('?')[0];
  if (/^\/api\/(import|export)\b/.test(p)) return budgets.bulkMs;
  if (/^\/api\/(analytics|recommendations|speakers|diff)\b/.test(p)) return budgets.analyticsMs;
  if (!READ_METHODS.has(req.method)) return budgets.writeMs;
  return budgets.requestMs;
}

export function timeBudget(budgets: TimeBudgets, onTimeout?: (req: Request, ms: number) => void): RequestHandler {
  return (req, res, next) => {
    const ms = budgetFor(req, budgets);
    const timer = setTimeout(() => {
      if (res.headersSent) return;
      onTimeout?.(req, ms);
      const write = !READ_METHODS.has(req.method);
      const detail = `the request took longer than its ${ms} ms budget` + (write ? '; the write may still complete (see /api/changes)' : '');
      const body: Problem = problemFrom(new AtlasError('timeout', detail), req.originalUrl);
      const requestId = (req as { id?: unknown }).id;
      if (requestId) body.requestId = String(requestId);
      res.status(503).setHeader('Retry-After', '5').type('application/problem+json').send(JSON.stringify(body));
      // Anything the late handler writes now is discarded instead of throwing.
      res.write = (() => true) as typeof res.write;
      res.end = (() => res) as typeof res.end;
      res.setHeader = (() => res) as typeof res.setHeader;
      res.status = (() => res) as typeof res.status;
    }, ms);
    const clear = () => clearTimeout(timer);
    res.once('finish', clear);
    res.once('close', clear);
    next();
  };
}
