import { createHash } from 'node:crypto';
import { Router, type Request } from 'express';
import { z } from 'zod';
import {
  KINDS_BY_LABEL, SHARED_ITEM_TYPES, isValidAt, type GraphNode, type GraphRelationship, type GraphStore, type NodeLabel, type RelationshipType,
} from '@atlas/graph';
import { GEXF_BETWEEN, GEXF_FOOTER, gexfEdge, gexfHeader, gexfNode } from '@atlas/graph/codecs/gexf.ts';
import { csvLine } from '@atlas/graph/codecs/csv-export.ts';
import { documentRoute } from '../openapi/registry.ts';
import { parseRequest } from '../http/validate.ts';
import { NetworkFilterQuery, single } from '../http/params.ts';

// The actor–actor collaboration projection (SPEC "collaboration graph") as a
// view of its own: two actors are linked when they share a project, programme,
// event or practice (PARTICIPATES_IN, ORGANISED, SPOKE_AT, FUNDS towards the
// same item) or are linked by COLLABORATES_WITH; weight = items shared (+ the
// weight of direct collaborations). Same rules as the analytics projection
// (graph/src/analytics/projection.ts), so the collaboration layout
// (GET /api/layout?view=collaboration) has a position for every actor here.
// Each link carries the dates of what it rests on and the shared items (ids
// and names, capped per link, with the full count). JSON in columns, or the
// weighted projection as a CSV edge list or GEXF for Gephi.

const SHARED_ITEM_LABELS: ReadonlySet<NodeLabel> = new Set<NodeLabel>(['Project', 'Event', 'Practice']);
const TOPIC_LINKS = new Set<RelationshipType>(['ABOUT', 'WORKS_ON']);
export const COLLABORATION_FORMATS = ['json', 'csv', 'gexf'] as const;

export const CollaborationQuery = NetworkFilterQuery.extend({
  region: single(z.string().trim().min(1).max(200))
    .optional()
    .describe('Keeps actors whose place is in this region (name, case-insensitive, or its 2-digit INE code)'),
  items: single(z.coerce.number().int().min(0).max(100).default(5)).describe('Shared items listed per link (the count is always complete)'),
  format: single(z.enum(COLLABORATION_FORMATS).default('json')),
});
type CollaborationQuery = z.infer<typeof CollaborationQuery>;

const column = <T extends z.ZodType>(item: T) => z.array(item.nullable());

export const CollaborationSchema = z.object({
  revision: z.number().int(),
  nodes: z.object({
    id: z.array(z.string()),
    name: z.array(z.string()),
    kind: column(z.string()),
    level: column(z.string()),
    region: column(z.string()),
    lat: column(z.number()),
    lon: column(z.number()),
    /** Sum of link weights. */
    strength: z.array(z.number()),
  }),
  links: z.object({
    from: z.array(z.number().int()).describe('Index into the node columns'),
    to: z.array(z.number().int()),
    weight: z.array(z.number()),
    /** How many items the two actors share (all of them, not only the listed ones). */
    sharedCount: z.array(z.number().int()),
    /** Indices into `items`, at most `items` per link. */
    shared: z.array(z.array(z.number().int())),
    validFrom: column(z.string()).describe('Earliest start of a shared item (or direct collaboration)'),
    validTo: column(z.string()).describe('Latest end; null when one of them is open-ended'),
  }),
  items: z.object({ id: z.array(z.string()), label: z.array(z.string()), name: z.array(z.string()) }),
});
export type CollaborationAnswer = z.infer<typeof CollaborationSchema>;

documentRoute({
  method: 'get',
  path: '/api/collaboration',
  operationId: 'collaboration',
  tag: 'Read',
  summary: 'Who collaborates with whom: the weighted actor–actor projection, with the shared items per link',
  description:
    'Two actors are linked when they share a project, programme, event or practice (or are linked by COLLABORATES_WITH); weight = number shared. Every actor that passes the filters is listed, isolated ones too. format=csv gives the weighted edge list, format=gexf the projection for Gephi (undirected, weighted, dated).',
  query: CollaborationQuery,
  responses: {
    200: {
      description: 'The projection in columns (JSON), or a download',
      schema: CollaborationSchema,
      name: 'Collaboration',
      content: { 'text/csv': 'format=csv', 'application/gexf+xml': 'format=gexf' },
    },
    304: { description: 'Not modified since the ETag sent in If-None-Match' },
  },
});

interface Link {
  a: number;
  b: number;
  weight: number;
  items: number[];
  sharedCount: number;
  from: string | null;
  to: string | null;
  openEnded: boolean;
  /** Direct (COLLABORATES_WITH) weight. */
  direct: number;
}

export interface Projection {
  actors: GraphNode[];
  links: Link[];
  items: GraphNode[];
}

function regionMatches(node: GraphNode, region: string): boolean {
  const place = node.place;
  if (!place) return false;
  if (/^\d{2}$/.test(region)) return place.regionCode === region;
  return place.region !== undefined && place.region.localeCompare(region, 'es', { sensitivity: 'base' }) === 0;
}

const startOf = (n: { validFrom?: string; startDate?: string }) => n.validFrom ?? n.startDate;
const endOf = (n: { validTo?: string; endDate?: string }) => n.validTo ?? n.endDate;

/** The projection under the query's filters (pure: tests compare it with the analytics projection). */
export function collaborationProjection(nodes: GraphNode[], relationships: GraphRelationship[], q: Partial<CollaborationQuery> = {}): Projection {
  const levels = q.levels?.length ? new Set(q.levels) : null;
  const kinds = q.kinds?.length ? new Set(q.kinds) : null;
  // As the analytics projection: a kind filter applies to the labels that have one of the listed kinds.
  const kindFiltered = (label: NodeLabel) => !!kinds && (KINDS_BY_LABEL[label] ?? []).some((k) => kinds.has(k));
  const requested = q.types?.length ? new Set(q.types) : null;
  const candidates: RelationshipType[] = [...SHARED_ITEM_TYPES, 'COLLABORATES_WITH'];
  const linking = new Set<RelationshipType>(candidates.filter((t) => !requested || requested.has(t)));
  let topicMembers: Set<string> | null = null;
  if (q.topics?.length) {
    const wanted = new Set(q.topics);
    topicMembers = new Set(q.topics);
    for (const r of relationships) if (TOPIC_LINKS.has(r.type) && wanted.has(r.to) && isValidAt(r, q.at)) topicMembers.add(r.from);
  }

  const actorIndex = new Map<string, number>();
  const itemIndex = new Map<string, number>();
  const actors: GraphNode[] = [];
  const items: GraphNode[] = [];
  for (const n of nodes) {
    if (!isValidAt(n, q.at)) continue;
    if (levels && n.level && !levels.has(n.level)) continue;
    if (kindFiltered(n.label) && !kinds!.has(n.kind ?? '')) continue;
    if (n.label === 'Actor') {
      if (actorIndex.has(n.id)) continue;
      if (q.region && !regionMatches(n, q.region)) continue;
      if (topicMembers && !topicMembers.has(n.id)) continue;
      actors.push(n);
    } else if (SHARED_ITEM_LABELS.has(n.label) && !itemIndex.has(n.id)) {
      itemIndex.set(n.id, items.length);
      items.push(n);
    }
  }
  actors.sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
  actors.forEach((n, i) => actorIndex.set(n.id, i));

  // Participants of each item (distinct), and direct collaborations.
  const participants = new Map<number, Set<number>>();
  const links = new Map<string, Link>();
  const linkOf = (u: number, v: number): Link => {
    const [a, b] = u < v ? [u, v] : [v, u];
    const key = `${a},${b}`;
    let link = links.get(key);
    if (!link) {
      link = { a, b, weight: 0, items: [], sharedCount: 0, from: null, to: null, openEnded: false, direct: 0 };
      links.set(key, link);
    }
    return link;
  };
  const widen = (link: Link, from: string | undefined, to: string | undefined) => {
    if (from && (link.from === null || from < link.from)) link.from = from;
    if (!to) link.openEnded = true;
    else if (link.to === null || to > link.to) link.to = to;
  };
  for (const r of relationships) {
    if (!linking.has(r.type) || !isValidAt(r, q.at)) continue;
    const u = actorIndex.get(r.from);
    if (u === undefined) continue;
    if (r.type === 'COLLABORATES_WITH') {
      const v = actorIndex.get(r.to);
      if (v === undefined || v === u) continue;
      const link = linkOf(u, v);
      const w = typeof r.properties?.weight === 'number' && Number.isFinite(r.properties.weight) ? r.properties.weight : 1;
      link.weight += w;
      link.direct += w;
      widen(link, r.validFrom, r.validTo);
      continue;
    }
    const item = itemIndex.get(r.to);
    if (item === undefined) continue;
    let set = participants.get(item);
    if (!set) participants.set(item, (set = new Set()));
    set.add(u);
  }
  const cap = q.items ?? 5;
  for (const [item, set] of participants) {
    if (set.size < 2) continue;
    const members = [...set];
    const node = items[item];
    for (let i = 0; i < members.length; i++) {
      for (let j = i + 1; j < members.length; j++) {
        const link = linkOf(members[i], members[j]);
        link.weight += 1;
        link.sharedCount += 1;
        if (link.items.length < cap) link.items.push(item);
        widen(link, startOf(node), endOf(node));
      }
    }
  }
  const list = [...links.values()].sort((x, y) => x.a - y.a || x.b - y.b);
  for (const link of list) if (link.openEnded) link.to = null;
  return { actors, links: list, items };
}

function toColumns(revision: number, p: Projection): CollaborationAnswer {
  const strength = new Array<number>(p.actors.length).fill(0);
  for (const l of p.links) {
    strength[l.a] += l.weight;
    strength[l.b] += l.weight;
  }
  // Only the items some link lists, renumbered.
  const itemNumber = new Map<number, number>();
  const items: CollaborationAnswer['items'] = { id: [], label: [], name: [] };
  const number = (i: number) => {
    let k = itemNumber.get(i);
    if (k === undefined) {
      k = items.id.length;
      itemNumber.set(i, k);
      items.id.push(p.items[i].id);
      items.label.push(p.items[i].label);
      items.name.push(p.items[i].name);
    }
    return k;
  };
  return {
    revision,
    nodes: {
      id: p.actors.map((n) => n.id),
      name: p.actors.map((n) => n.name),
      kind: p.actors.map((n) => n.kind ?? null),
      level: p.actors.map((n) => n.level ?? null),
      region: p.actors.map((n) => n.place?.region ?? null),
      lat: p.actors.map((n) => n.lat ?? null),
      lon: p.actors.map((n) => n.lon ?? null),
      strength,
    },
    links: {
      from: p.links.map((l) => l.a),
      to: p.links.map((l) => l.b),
      weight: p.links.map((l) => l.weight),
      sharedCount: p.links.map((l) => l.sharedCount),
      shared: p.links.map((l) => l.items.map(number)),
      validFrom: p.links.map((l) => l.from),
      validTo: p.links.map((l) => l.to),
    },
    items,
  };
}

const sharedNames = (p: Projection, l: Link) => l.items.map((i) => p.items[i].name).join('; ');

export const COLLABORATION_CSV_HEADER = ['from', 'to', 'from_name', 'to_name', 'weight', 'shared_count', 'valid_from', 'valid_to', 'shared_items'];

/** The weighted edge list (one row per linked pair; the listed shared items by name). */
function toCsv(p: Projection): string {
  let out = csvLine(COLLABORATION_CSV_HEADER);
  for (const l of p.links) {
    const a = p.actors[l.a];
    const b = p.actors[l.b];
    out += csvLine([a.id, b.id, a.name, b.name, String(l.weight), String(l.sharedCount), l.from ?? '', l.to ?? '', sharedNames(p, l)]);
  }
  return out;
}

/**
 * GEXF through the codecs' writers: the actors as they are, each link as an
 * undirected COLLABORATES_WITH edge with its weight, dates and shared items
 * (so the file also imports back into an atlas).
 */
function toGexf(p: Projection): string {
  let out = gexfHeader(new Date().toISOString());
  for (const n of p.actors) out += gexfNode(n);
  out += GEXF_BETWEEN;
  p.links.forEach((l, i) => {
    const rel: GraphRelationship = {
      id: `collab-${i + 1}`,
      type: 'COLLABORATES_WITH',
      from: p.actors[l.a].id,
      to: p.actors[l.b].id,
      validFrom: l.from ?? undefined,
      validTo: l.to ?? undefined,
      properties: { weight: l.weight, sharedCount: l.sharedCount, sharedItems: sharedNames(p, l) },
      provenance: [],
      createdAt: '',
      updatedAt: '',
    } as GraphRelationship;
    out += gexfEdge(rel);
  });
  return out + GEXF_FOOTER;
}

function etagFor(revision: number, q: CollaborationQuery): string {
  const variant = createHash('sha1')
    .update(JSON.stringify([q.at, q.levels, q.kinds, q.types, q.topics, q.region?.toLowerCase(), q.items, q.format]))
    .digest('base64url')
    .slice(0, 10);
  return `"c${revision}-${variant}"`;
}

const CACHED_BODIES = 4;

/** GET /api/collaboration */
export function collaborationRouter(store: GraphStore): Router {
  const router = Router();
  const bodies = new Map<string, string>();
  router.get('/', async (req: Request, res) => {
    const q = parseRequest(CollaborationQuery, req.query, 'query');
    const revision = await store.revision();
    const etag = etagFor(revision, q);
    res.set('ETag', etag);
    res.set('Cache-Control', 'private, no-cache');
    if (req.fresh) {
      res.status(304).end();
      return;
    }
    const send = (body: string) => {
      if (q.format === 'json') res.type('application/json').send(body);
      else {
        // attachment() guesses a type from the extension: ours is set after it.
        res.attachment(`collaboration.${q.format}`).type(q.format === 'csv' ? 'text/csv; charset=utf-8' : 'application/gexf+xml; charset=utf-8').send(body);
      }
    };
    const cached = bodies.get(etag);
    if (cached !== undefined) return send(cached);
    const nodes: GraphNode[] = [];
    const relationships: GraphRelationship[] = [];
    for await (const chunk of store.exportAll({ chunkSize: 5000 })) {
      for (const node of chunk.nodes) nodes.push(node);
      for (const rel of chunk.relationships) relationships.push(rel);
    }
    const projection = collaborationProjection(nodes, relationships, q);
    const body = q.format === 'csv' ? toCsv(projection) : q.format === 'gexf' ? toGexf(projection) : JSON.stringify(toColumns(revision, projection));
    bodies.set(etag, body);
    if (bodies.size > CACHED_BODIES) bodies.delete(bodies.keys().next().value!);
    send(body);
  });
  return router;
}
