import { z } from 'zod';
import { documentedRoutes, type RouteDoc } from './registry.ts';

// The OpenAPI 3.1 document, generated from the zod schemas the routers validate
// with (OpenAPI 3.1 schemas are JSON Schema 2020-12, which is what
// z.toJSONSchema writes). Shared definitions (`$defs`, e.g. the recursive JSON
// value of free-form properties) are hoisted into components.schemas.

type Json = Record<string, unknown>;

export const ProblemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string(),
  instance: z.string().optional(),
  errors: z
    .array(z.object({ path: z.string(), message: z.string(), file: z.string().optional(), row: z.number().int().optional(), column: z.string().optional() }))
    .optional(),
  requestId: z.string().optional(),
});

const STATUS_TEXT: Record<number, string> = {
  400: 'Invalid parameter or body (problem+json naming each field)',
  401: 'Authentication required',
  403: 'Forbidden',
  404: 'Unknown id',
  409: 'Conflict',
  413: 'Payload too large',
  415: 'Unsupported media type',
  503: 'Query or analytics past their time budget',
};

class Components {
  readonly schemas: Record<string, Json> = {};

  /** Converts a zod schema; named ones go to components and are referenced. */
  add(schema: z.ZodType, io: 'input' | 'output', name?: string): Json {
    const converted = z.toJSONSchema(schema, { target: 'draft-2020-12', io, unrepresentable: 'any' }) as Json;
    delete converted.$schema;
    const prefix = name ?? `Anonymous${Object.keys(this.schemas).length}`;
    const defs = (converted.$defs ?? {}) as Record<string, Json>;
    delete converted.$defs;
    const rename = (key: string) => `${prefix}_${key.replace(/^_+/, '')}`;
    const rewrite = (value: unknown): unknown => {
      if (Array.isArray(value)) return value.map(rewrite);
      if (value && typeof value === 'object') {
        const out: Json = {};
        for (const [k, v] of Object.entries(value)) {
          if (k === '$ref' && typeof v === 'string') {
            out[k] = v === '#' ? `#/components/schemas/${prefix}` : v.replace(/^#\/\$defs\/(.+)$/, (_m, key: string) => `#/components/schemas/${rename(key)}`);
          } else out[k] = rewrite(v);
        }
        return out;
      }
      return value;
    };
    for (const [key, def] of Object.entries(defs)) this.schemas[rename(key)] = rewrite(def) as Json;
    const body = rewrite(converted) as Json;
    if (!name && !JSON.stringify(body).includes(`#/components/schemas/${prefix}"`)) return body;
    this.schemas[prefix] = body;
    return { $ref: `#/components/schemas/${prefix}` };
  }
}

function parametersOf(route: RouteDoc, components: Components): Json[] {
  const out: Json[] = [];
  const add = (where: 'path' | 'query', schema?: z.ZodObject) => {
    if (!schema) return;
    for (const [name, field] of Object.entries(schema.shape)) {
      const json = components.add(field as z.ZodType, 'input');
      const optional = (field as z.ZodType).safeParse(undefined).success;
      const description = (json.description as string | undefined) ?? (field as z.ZodType).description;
      out.push({
        name,
        in: where,
        required: where === 'path' || !optional,
        ...(description ? { description } : {}),
        schema: json,
        ...(json.type === 'array' ? { style: 'form', explode: false } : {}),
      });
    }
  };
  add('path', route.params);
  add('query', route.query);
  return out;
}

function operationOf(route: RouteDoc, components: Components): Json {
  const responses: Json = {};
  for (const [status, response] of Object.entries(route.responses)) {
    const content: Json = {};
    if (response.schema) content['application/json'] = { schema: components.add(response.schema, 'output', response.name ?? `${capital(route.operationId)}${status === '200' || status === '201' ? '' : status}Response`) };
    for (const [type, description] of Object.entries(response.content ?? {})) content[type] = { schema: { type: 'string', format: 'binary', description } };
    responses[status] = { description: response.description, ...(Object.keys(content).length ? { content } : {}) };
  }
  const problem = { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } };
  const errorStatuses = new Set<number>([400]);
  if (route.params) errorStatuses.add(404);
  if (route.write) [401, 403, 409].forEach((s) => errorStatuses.add(s));
  for (const status of Object.keys(route.responses).map(Number)) if (status >= 400) errorStatuses.delete(status);
  for (const status of errorStatuses) responses[status] = { description: STATUS_TEXT[status], content: problem };
  for (const [status, response] of Object.entries(route.responses)) {
    if (Number(status) >= 400 && !response.schema && !response.content) responses[status] = { description: response.description, content: problem };
  }

  const operation: Json = {
    operationId: route.operationId,
    tags: [route.tag],
    summary: route.summary,
    ...(route.description ? { description: route.description } : {}),
    parameters: parametersOf(route, components),
    responses,
  };
  if (route.body) {
    const content: Json = {};
    if (route.body.schema) content['application/json'] = { schema: components.add(route.body.schema, 'input', route.body.name ?? `${capital(route.operationId)}Body`) };
    for (const [type, description] of Object.entries(route.body.content ?? {})) content[type] = { schema: { type: 'string', format: 'binary', description } };
    operation.requestBody = { required: true, ...(route.body.description ? { description: route.body.description } : {}), content };
  }
  if (route.write) operation.security = [{ bearer: [] }];
  return operation;
}

function capital(value: string): string {
  return value.charAt(0).toUpperCase() + value.slice(1);
}

let cached: Json | null = null;

/** The OpenAPI 3.1 document of every documented route (built once per process). */
export function openApiDocument(): Json {
  if (cached) return cached;
  const components = new Components();
  components.add(ProblemSchema, 'output', 'Problem');
  const paths: Record<string, Json> = {};
  for (const route of documentedRoutes()) {
    paths[route.path] ??= {};
    paths[route.path][route.method] = operationOf(route, components);
  }
  cached = {
    openapi: '3.1.0',
    info: {
      title: 'Ecosystem atlas API',
      version: '0.1.0',
      description:
        'A knowledge graph of an innovation ecosystem: actors, projects, practices, events and topics, at local, regional, national and international level. ' +
        'Errors are RFC 9457 application/problem+json. Lists take `limit` (≤ 1000) and `cursor`; reads of the network take `at=YYYY-MM-DD`, `levels`, `kinds`, `types`, `topics`.',
      license: { name: 'see repository' },
    },
    servers: [{ url: '/' }],
    tags: [...new Set(documentedRoutes().map((r) => r.tag))].map((name) => ({ name })),
    paths,
    components: {
      schemas: components.schemas,
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'API token (editor or admin for writes)' } },
    },
  };
  return cached;
}
