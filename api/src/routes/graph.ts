import { createHash } from 'node:crypto';
import { Router, type Request } from 'express';
import { z } from 'zod';
import { isValidAt, type GraphNode, type GraphRelationship, type GraphStore, type Provenance } from '@atlas/graph';
import { documentRoute } from '../openapi/registry.ts';
import { parseRequest } from '../http/validate.ts';
import { canSeePersonalData, shapeNodes } from '../auth/personal-data.ts';
import { NetworkFilterQuery, labelsParam } from '../http/params.ts';

// The whole (filtered) network in ONE response, in columns: what the web app
// needs to draw, filter and list it, without the heavy free text (descriptions,
// source quotes, extra properties of nodes) that the side panel fetches on
// demand with GET /api/nodes/:id. Relationship ends are indices into the node
// columns. ETag = store revision (+ filters and reader class), so a repeat visit
// with an unchanged store is a 304.

export const GraphQuery = NetworkFilterQuery.extend({ labels: labelsParam });
type GraphQuery = z.infer<typeof GraphQuery>;

/** Provenance without `quote` and `note` (free text, often long): sources, links, confidence. */
const ProvenanceSummary = z.object({
  source: z.string(),
  url: z.string().optional(),
  confidence: z.number(),
  addedBy: z.string(),
  addedAt: z.string().optional(),
});

const column = <T extends z.ZodType>(item: T) => z.array(item.nullable());

export const CompactGraphSchema = z.object({
  revision: z.number().int(),
  nodes: z.object({
    id: z.array(z.string()),
    label: z.array(z.string()),
    name: z.array(z.string()),
    kind: column(z.string()),
    level: column(z.string()),
    validFrom: column(z.string()),
    validTo: column(z.string()),
    lat: column(z.number()),
    lon: column(z.number()),
    place: column(z.record(z.string(), z.string())),
    aliases: column(z.array(z.string())),
    tags: column(z.array(z.string())),
    provenance: z.array(z.array(ProvenanceSummary)),
    /** 1 when a private person was reduced to what viewers may see. */
    redacted: column(z.literal(1)),
  }),
  relationships: z.object({
    id: z.array(z.string()),
    type: z.array(z.string()),
    /** Index into the node columns. */
    from: z.array(z.number().int()),
    to: z.array(z.number().int()),
    validFrom: column(z.string()),
    validTo: column(z.string()),
    properties: column(z.record(z.string(), z.unknown())),
  }),
});
export type CompactGraph = z.infer<typeof CompactGraphSchema>;

documentRoute({
  method: 'get',
  path: '/api/graph',
  operationId: 'graph',
  tag: 'Read',
  summary: 'The whole filtered network in one compact, columnar response',
  description:
    'Nodes and relationships as parallel arrays (relationship ends are node indices), without descriptions, source quotes and node properties (GET /api/nodes/{id} has them). ETag follows the store revision: send If-None-Match to get 304 when nothing changed.',
  query: GraphQuery,
  responses: {
    200: { description: 'The network in columns', schema: CompactGraphSchema, name: 'CompactGraph' },
    304: { description: 'Not modified since the ETag sent in If-None-Match' },
  },
});

const TOPIC_LINKS = new Set(['ABOUT', 'WORKS_ON']);

/** Same rules as every network read: node filters on nodes, relationships kept when both ends are and they match. */
export function filterNetwork(nodes: GraphNode[], relationships: GraphRelationship[], q: GraphQuery): { nodes: GraphNode[]; relationships: GraphRelationship[] } {
  let topicMembers: Set<string> | null = null;
  if (q.topics?.length) {
    const wanted = new Set(q.topics);
    topicMembers = new Set(q.topics);
    for (const r of relationships) if (TOPIC_LINKS.has(r.type) && wanted.has(r.to) && isValidAt(r, q.at)) topicMembers.add(r.from);
  }
  const keptNodes = nodes.filter(
    (n) =>
      isValidAt(n, q.at) &&
      (!q.labels?.length || q.labels.includes(n.label)) &&
      (!q.levels?.length || (n.level !== undefined && q.levels.includes(n.level))) &&
      (!q.kinds?.length || (n.kind !== undefined && q.kinds.includes(n.kind))) &&
      (!topicMembers || topicMembers.has(n.id)),
  );
  const kept = new Set(keptNodes.map((n) => n.id));
  const keptRels = relationships.filter(
    (r) => kept.has(r.from) && kept.has(r.to) && isValidAt(r, q.at) && (!q.types?.length || q.types.includes(r.type)),
  );
  return { nodes: keptNodes, relationships: keptRels };
}

const summaryOf = ({ quote: _q, note: _n, ...rest }: Provenance) => rest;

function toColumns(revision: number, nodes: GraphNode[], relationships: GraphRelationship[]): CompactGraph {
  const index = new Map<string, number>();
  const n = nodes.length;
  const cols: CompactGraph['nodes'] = {
    id: new Array(n), label: new Array(n), name: new Array(n), kind: new Array(n), level: new Array(n), validFrom: new Array(n),
    validTo: new Array(n), lat: new Array(n), lon: new Array(n), place: new Array(n), aliases: new Array(n), tags: new Array(n),
    provenance: new Array(n), redacted: new Array(n),
  };
  nodes.forEach((node, i) => {
    index.set(node.id, i);
    cols.id[i] = node.id;
    cols.label[i] = node.label;
    cols.name[i] = node.name;
    cols.kind[i] = node.kind ?? null;
    cols.level[i] = node.level ?? null;
    cols.validFrom[i] = node.validFrom ?? null;
    cols.validTo[i] = node.validTo ?? null;
    cols.lat[i] = node.lat ?? null;
    cols.lon[i] = node.lon ?? null;
    cols.place[i] = node.place && Object.keys(node.place).length ? (node.place as Record<string, string>) : null;
    cols.aliases[i] = node.aliases?.length ? node.aliases : null;
    cols.tags[i] = node.tags?.length ? node.tags : null;
    cols.provenance[i] = (node.provenance ?? []).map(summaryOf);
    cols.redacted[i] = (node as { redacted?: boolean }).redacted ? 1 : null;
  });
  const m = relationships.length;
  const rels: CompactGraph['relationships'] = {
    id: new Array(m), type: new Array(m), from: new Array(m), to: new Array(m), validFrom: new Array(m), validTo: new Array(m), properties: new Array(m),
  };
  relationships.forEach((r, i) => {
    rels.id[i] = r.id;
    rels.type[i] = r.type;
    rels.from[i] = index.get(r.from)!;
    rels.to[i] = index.get(r.to)!;
    rels.validFrom[i] = r.validFrom ?? null;
    rels.validTo[i] = r.validTo ?? null;
    rels.properties[i] = r.properties && Object.keys(r.properties).length ? r.properties : null;
  });
  return { revision, nodes: cols, relationships: rels };
}

/** Changes with the store, the filters and whether the reader sees personal data. */
function etagFor(req: Request, revision: number, q: GraphQuery): string {
  const variant = createHash('sha1')
    .update(JSON.stringify([q.at, q.labels, q.levels, q.kinds, q.types, q.topics, canSeePersonalData(req)]))
    .digest('base64url')
    .slice(0, 10);
  return `"r${revision}-${variant}"`;
}

/** Bodies of the last few answers by ETag: the next reader of an unchanged store gets the same bytes for free. */
const CACHED_BODIES = 2;

/** GET /api/graph */
export function graphRouter(store: GraphStore): Router {
  const router = Router();
  const bodies = new Map<string, string>();
  router.get('/', async (req, res) => {
    const q = parseRequest(GraphQuery, req.query, 'query');
    // Read before the export: a write during it yields an older tag, never a stale body under a newer one.
    const revision = await store.revision();
    const etag = etagFor(req, revision, q);
    res.set('ETag', etag);
    res.set('Cache-Control', 'private, no-cache');
    res.vary('Authorization');
    if (req.fresh) {
      res.status(304).end();
      return;
    }
    const cached = bodies.get(etag);
    if (cached !== undefined) {
      res.type('application/json').send(cached);
      return;
    }
    const nodes: GraphNode[] = [];
    const relationships: GraphRelationship[] = [];
    for await (const chunk of store.exportAll({ chunkSize: 5000 })) {
      for (const node of chunk.nodes) nodes.push(node);
      for (const rel of chunk.relationships) relationships.push(rel);
    }
    const filtered = filterNetwork(nodes, relationships, q);
    const body = JSON.stringify(toColumns(revision, shapeNodes(req, filtered.nodes), filtered.relationships));
    bodies.set(etag, body);
    if (bodies.size > CACHED_BODIES) bodies.delete(bodies.keys().next().value!);
    res.type('application/json').send(body);
  });
  return router;
}
