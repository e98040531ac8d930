import type { Request } from 'express';
import type { WriteContext } from '@atlas/graph';

/** Who is making this request, as set by the auth middleware (anonymous otherwise). */
export function writeContext(req: Request, via = 'api'): WriteContext {
  const principal = (req as Request & { principal?: { name: string } }).principal;
  return { actor: principal?.name ?? 'anonymous', via };
}
