import type { z } from 'zod';

// Each router documents its routes next to their code with the same zod
// schemas it validates with; openapi/document.ts turns the registry into an
// OpenAPI 3.1 document. Registration happens when a router module is loaded.

export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';

export interface ResponseDoc {
  description: string;
  /** JSON body schema (converted with io = output). */
  schema?: z.ZodType;
  /** Name under components.schemas (default: derived from the operation). */
  name?: string;
  /** Non-JSON bodies: content type → description (downloads). */
  content?: Record<string, string>;
}

export interface RouteDoc {
  method: HttpMethod;
  /** OpenAPI path, e.g. `/api/nodes/{id}`. */
  path: string;
  operationId: string;
  tag: string;
  summary: string;
  description?: string;
  params?: z.ZodObject;
  query?: z.ZodObject;
  /** JSON request body (converted with io = input). */
  body?: { schema?: z.ZodType; name?: string; description?: string; content?: Record<string, string> };
  responses: Record<number, ResponseDoc>;
  /** Needs an editor token (writes). */
  write?: boolean;
}

const routes = new Map<string, RouteDoc>();

export function documentRoute(doc: RouteDoc): void {
  routes.set(`${doc.method} ${doc.path}`, doc);
}

export function documentedRoutes(): RouteDoc[] {
  return [...routes.values()].sort((a, b) => a.path.localeCompare(b.path) || a.method.localeCompare(b.method));
}
