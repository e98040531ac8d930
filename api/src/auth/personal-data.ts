import type { Request } from 'express';
import type { ChangeEntry, GraphNode, GraphRelationship, GraphStore, SearchHit, Subgraph } from '@atlas/graph';
import { RELATIONSHIP_ENDPOINTS } from '@atlas/graph';
import { hasRole } from './roles.ts';

// Person nodes are personal data: their names, roles and contacts leave the
// API only to editors and above, unless the person gave consent. Every router
// that returns nodes passes them through these functions (nodes, search,
// neighbourhood, paths, collaborators, speakers, export, changes, diff).

export const PRIVATE_PERSON_NAME = 'Private person';

/** Fields of a Person kept for viewers: structure and time, nothing that identifies or reaches them. */
const KEPT = new Set(['id', 'label', 'kind', 'level', 'tags', 'validFrom', 'validTo', 'createdAt', 'updatedAt', 'provenance']);

export function isPrivatePerson(node: { label?: string; consent?: boolean }): boolean {
  return node.label === 'Person' && node.consent !== true;
}

/** Editors and admins see personal data; viewers and anonymous readers do not. */
export function canSeePersonalData(req: Request): boolean {
  return hasRole(req.principal?.role, 'editor');
}

/** A Person without consent reduced to what a viewer may see; any other node unchanged. */
export function redactForViewer<T extends GraphNode>(node: T): T {
  if (!isPrivatePerson(node)) return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) if (KEPT.has(key)) out[key] = value;
  out.name = PRIVATE_PERSON_NAME;
  // Quotes and notes of sources often contain the name itself.
  out.provenance = (node.provenance ?? []).map(({ quote: _q, note: _n, ...rest }) => rest);
  out.redacted = true;
  return out as T;
}

function redactRelationship(rel: GraphRelationship): GraphRelationship {
  return { ...rel, provenance: rel.provenance.map(({ quote: _q, note: _n, ...rest }) => rest) };
}

/** Nodes as this request may see them. */
export function shapeNodes<T extends GraphNode>(req: Request, nodes: T[]): T[] {
  return canSeePersonalData(req) ? nodes : nodes.map(redactForViewer);
}

export function shapeNode<T extends GraphNode>(req: Request, node: T): T {
  return canSeePersonalData(req) ? node : redactForViewer(node);
}

/**
 * A subgraph (neighbourhood, path, export chunk) as this request may see it:
 * private persons redacted, and source quotes dropped from their relationships.
 */
export function shapeSubgraph<S extends Subgraph>(req: Request, sub: S): S {
  if (canSeePersonalData(req)) return sub;
  const hidden = new Set(sub.nodes.filter(isPrivatePerson).map((n) => n.id));
  if (!hidden.size) return sub;
  return {
    ...sub,
    nodes: sub.nodes.map(redactForViewer),
    relationships: sub.relationships.map((r) => (hidden.has(r.from) || hidden.has(r.to) ? redactRelationship(r) : r)),
  };
}

/** What an audit entry or a diff's changed element carries: an element before and after. */
interface BeforeAfter {
  entity: 'node' | 'relationship';
  before: GraphNode | GraphRelationship | null;
  after: GraphNode | GraphRelationship | null;
}

/**
 * Audit entries (or diff `changed` elements) as this request may see them:
 * before/after of private persons redacted, and source quotes dropped from
 * relationships that touch one (a quote often names the person).
 */
export async function shapeChanges<E extends BeforeAfter>(req: Request, store: GraphStore, entries: E[]): Promise<E[]> {
  if (canSeePersonalData(req)) return entries;
  const rels = entries.filter((e) => e.entity === 'relationship').flatMap((e) => [e.before, e.after]) as Array<GraphRelationship | null>;
  const hidden = await privatePersonEnds(store, rels.filter((r): r is GraphRelationship => r !== null));
  return entries.map((entry) => {
    const shape = (element: E['before']): E['before'] => {
      if (!element) return element;
      if (entry.entity === 'node') return redactForViewer(element as GraphNode);
      const rel = element as GraphRelationship;
      return hidden.has(rel.from) || hidden.has(rel.to) ? redactRelationship(rel) : rel;
    };
    return { ...entry, before: shape(entry.before), after: shape(entry.after) };
  });
}

/**
 * Search hits for this request. A hit on a private person is dropped for
 * viewers, not renamed: a redacted hit would still confirm that someone with
 * the searched name is in the graph. `lookup` fetches the nodes to read consent.
 */
export async function shapeSearchHits(
  req: Request,
  hits: SearchHit[],
  lookup: (ids: string[]) => Promise<GraphNode[]>,
): Promise<SearchHit[]> {
  if (canSeePersonalData(req)) return hits;
  const personIds = hits.filter((h) => h.label === 'Person').map((h) => h.id);
  if (!personIds.length) return hits;
  const consenting = new Set((await lookup(personIds)).filter((n) => n.consent === true).map((n) => n.id));
  return hits.filter((h) => h.label !== 'Person' || consenting.has(h.id));
}

/**
 * The store as this request may read it in bulk: for viewers, `exportAll`
 * yields redacted chunks (exports follow the personal-data rule); every other
 * method is the store's own.
 */
export function storeViewFor(req: Request, store: GraphStore): GraphStore {
  if (canSeePersonalData(req)) return store;
  return new Proxy(store, {
    get(target, prop) {
      if (prop === 'exportAll') {
        return (options?: { chunkSize?: number }) =>
          (async function* () {
            for await (const chunk of target.exportAll(options)) yield await redactDetached(target, chunk);
          })();
      }
      const value = Reflect.get(target, prop, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

/**
 * A subgraph whose relationships may point at nodes it does not contain
 * (export chunks, diff lists), as this request may see it: the ends that can
 * be a Person are looked up in the store.
 */
export async function shapeDetachedSubgraph<S extends Subgraph>(req: Request, store: GraphStore, sub: S): Promise<S> {
  return canSeePersonalData(req) ? sub : redactDetached(store, sub);
}

async function redactDetached<S extends Subgraph>(store: GraphStore, sub: S): Promise<S> {
  const hidden = await privatePersonEnds(store, sub.relationships, sub.nodes);
  return {
    ...sub,
    nodes: sub.nodes.map(redactForViewer),
    relationships: sub.relationships.map((r) => (hidden.has(r.from) || hidden.has(r.to) ? redactRelationship(r) : r)),
  };
}

/**
 * The private persons among the ends of these relationships. Only ends whose
 * type allows a Person there are looked up (`known` nodes first, then the
 * store). An end that no longer exists counts as private: its consent cannot
 * be read any more, so its quotes stay hidden.
 */
async function privatePersonEnds(store: GraphStore, rels: GraphRelationship[], known: GraphNode[] = []): Promise<Set<string>> {
  const hidden = new Set(known.filter(isPrivatePerson).map((n) => n.id));
  const knownIds = new Set(known.map((n) => n.id));
  const candidates = new Set<string>();
  for (const r of rels) {
    const rule = RELATIONSHIP_ENDPOINTS[r.type];
    if (rule.from.includes('Person') && !knownIds.has(r.from)) candidates.add(r.from);
    if (rule.to.includes('Person') && !knownIds.has(r.to)) candidates.add(r.to);
  }
  if (!candidates.size) return hidden;
  const found = await store.getNodes([...candidates]);
  const existing = new Set(found.map((n) => n.id));
  for (const n of found) if (isPrivatePerson(n)) hidden.add(n.id);
  for (const id of candidates) if (!existing.has(id)) hidden.add(id);
  return hidden;
}
