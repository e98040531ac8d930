import { randomBytes } from 'node:crypto';
import { ConflictError, NotFoundError, ValidationError } from '../errors.ts';
import { relationshipIdFor } from '../model/identity.ts';
import { WebUrlSchema, type GraphNode, type GraphRelationship, type NodeInput, type Provenance } from '../model/schemas.ts';
import type { GraphStore } from '../store/port.ts';
import type { Extraction } from '../extraction/extract.ts';
import type { MatchResult } from '../extraction/match.ts';
import { findMunicipality } from '../places/gazetteer.ts';
import type { ReviewItem, ReviewQueue, ReviewSource } from './model.ts';

// Store-independent decisions on the queue: turning an extraction into items,
// accepting (create, edit or merge) and rejecting. Writes go through the
// GraphStore port, so both stores and the audit log see them as any other write.

function placeOf(ineCode: string) {
  const m = findMunicipality(ineCode);
  return m ? { municipality: m.name, province: m.province, region: m.region, country: 'ES', ineCode: m.ineCode, provinceCode: m.provinceCode, regionCode: m.regionCode } : undefined;
}

export const newId = (prefix: string) => `${prefix}-${randomBytes(6).toString('hex')}`;

/** Items for the actors, projects and events of an extraction and the relationships between them. */
export function itemsFromExtraction(
  extraction: Extraction,
  source: ReviewSource,
  options: { createdBy: string; matches?: Map<string, MatchResult | undefined>; now?: string },
): ReviewItem[] {
  const batch = newId('batch');
  const now = options.now ?? new Date().toISOString();
  const base = { batch, origin: 'suggestion' as const, status: 'pending' as const, source, createdAt: now, createdBy: options.createdBy };
  const byKey = new Map<string, string>();
  const items: ReviewItem[] = [];
  for (const n of extraction.nodes) {
    if (n.label === 'Place') continue;
    const id = newId('sug');
    byKey.set(n.key, id);
    const match = options.matches?.get(n.key);
    items.push({
      ...base,
      id,
      node: { label: n.label, kind: n.kind, name: n.name, aliases: n.aliases, ...(n.ineCode ? { ineCode: n.ineCode } : {}) },
      quote: n.quote,
      offsets: n.mentions.map((m) => ({ start: m.start, end: m.end })),
      confidence: n.confidence,
      rule: n.rule,
      ...(match ? { match: { id: match.id, name: match.name, score: match.score, how: match.how } } : {}),
    });
  }
  for (const r of extraction.relationships) {
    const from = byKey.get(r.from);
    const to = byKey.get(r.to);
    if (!from || !to) continue;
    items.push({
      ...base,
      id: newId('sug'),
      relationship: { type: r.type, from: { item: from }, to: { item: to }, ...(r.role ? { role: r.role } : {}) },
      quote: r.quote,
      offsets: [{ start: r.quoteStart, end: r.quoteEnd }],
      confidence: r.confidence,
      rule: r.rule,
    });
  }
  return items;
}

function provenanceOf(item: ReviewItem, reviewer: string, now: string): Provenance {
  const url = item.source.url && WebUrlSchema.safeParse(item.source.url).success ? item.source.url : undefined;
  const offsets = item.offsets
    .slice(0, 20)
    .map((o) => `${o.start}-${o.end}`)
    .join(', ');
  return {
    source: item.source.title,
    ...(url ? { url } : {}),
    quote: item.quote.slice(0, 5000),
    confidence: item.confidence,
    note: `${item.origin} ${item.id}; rule ${item.rule}; offsets ${offsets}${item.source.date ? `; document date ${item.source.date}` : ''}; accepted by ${reviewer}`.slice(0, 2000),
    addedBy: reviewer,
    addedAt: now,
  };
}

export interface AcceptOptions {
  reviewer: string;
  /** Fields that replace the proposal's (name, kind, level, description, website, tags…). */
  edits?: Partial<NodeInput>;
  /** An existing node this item is (its name becomes an alias, its provenance is added). */
  mergeInto?: string;
  /** Create a new node even when the item matched an existing one. */
  createNew?: boolean;
}

export interface AcceptResult {
  item: ReviewItem;
  node?: GraphNode;
  relationship?: GraphRelationship;
}

async function pendingItem(queue: ReviewQueue, id: string): Promise<ReviewItem> {
  const item = await queue.get(id);
  if (!item) throw new NotFoundError('review item', id);
  if (item.status !== 'pending') throw new ConflictError(`review item ${id} is already ${item.status}`);
  return item;
}

async function endId(queue: ReviewQueue, ref: { item: string } | { node: string }): Promise<string> {
  if ('node' in ref) return ref.node;
  const end = await queue.get(ref.item);
  if (!end) throw new NotFoundError('review item', ref.item);
  if (end.status !== 'accepted' || !end.result?.nodeId) throw new ConflictError(`accept review item ${ref.item} (${end.node?.name ?? 'an end'}) before this relationship`);
  return end.result.nodeId;
}

/** Accepts one pending item: its node or relationship is written to the store with provenance. */
export async function acceptItem(store: GraphStore, queue: ReviewQueue, id: string, options: AcceptOptions): Promise<AcceptResult> {
  const item = await pendingItem(queue, id);
  const now = new Date().toISOString();
  const prov = provenanceOf(item, options.reviewer, now);
  const ctx = { actor: options.reviewer, via: `review ${item.origin}` };
  let node: GraphNode | undefined;
  let relationship: GraphRelationship | undefined;
  if (item.node) {
    const target = options.mergeInto ?? (options.createNew ? undefined : item.match?.id);
    if (target) {
      const existing = await store.getNode(target);
      const names = [item.node.name, ...item.node.aliases, ...(options.edits?.aliases ?? [])].filter((n) => n !== existing.name && !existing.aliases.includes(n));
      node = await store.updateNode(target, { ...(names.length ? { aliases: [...existing.aliases, ...new Set(names)].slice(0, 50) } : {}), provenance: [prov] }, ctx);
    } else {
      const proposal = item.node;
      const input: NodeInput = {
        label: proposal.label,
        kind: proposal.kind,
        name: proposal.name,
        aliases: proposal.aliases,
        ...(proposal.website ? { website: proposal.website } : {}),
        ...(proposal.description ? { description: proposal.description } : {}),
        ...(proposal.tags?.length ? { tags: proposal.tags } : {}),
        ...(proposal.ineCode ? { place: placeOf(proposal.ineCode) } : {}),
        ...(options.edits ?? {}),
        provenance: [prov],
      } as NodeInput;
      if (options.edits?.label && options.edits.label !== proposal.label) throw new ValidationError('the label of a suggestion cannot change', [{ path: 'edits.label', message: 'label is fixed' }]);
      node = await store.createNode(input, ctx);
    }
    item.result = { nodeId: node.id, ...(target ? { merged: true } : {}) };
  } else if (item.relationship) {
    const from = await endId(queue, item.relationship.from);
    const to = await endId(queue, item.relationship.to);
    const rid = relationshipIdFor({ type: item.relationship.type, from, to });
    const role = item.relationship.role;
    try {
      relationship = await store.createRelationship(
        { id: rid, type: item.relationship.type, from, to, properties: role ? { role: role as 'lead' } : {}, provenance: [prov] },
        ctx,
      );
    } catch (e) {
      if (!(e instanceof ConflictError)) throw e;
      // The graph already holds it: the document is one more source.
      relationship = await store.updateRelationship(rid, { provenance: [prov] }, ctx);
    }
    item.result = { relationshipId: relationship.id };
  } else {
    throw new ValidationError(`review item ${id} proposes nothing`);
  }
  item.status = 'accepted';
  item.decidedAt = now;
  item.decidedBy = options.reviewer;
  await queue.save(item);
  return { item, node, relationship };
}

export async function rejectItem(queue: ReviewQueue, id: string, reviewer: string, reason?: string): Promise<ReviewItem> {
  const item = await pendingItem(queue, id);
  item.status = 'rejected';
  item.decidedAt = new Date().toISOString();
  item.decidedBy = reviewer;
  if (reason) item.result = { reason: reason.slice(0, 1000) };
  await queue.save(item);
  return item;
}

/** Matches for each candidate against the nodes of the store (search by name and aliases, then bestMatch). */
export async function matchCandidates(
  store: GraphStore,
  extraction: Extraction,
  bestMatch: (c: { name: string; aliases?: string[] }, known: Array<{ id: string; label: string; name: string; aliases?: string[] }>, o?: { threshold?: number; labels?: string[] }) => MatchResult | undefined,
  threshold = 0.8,
): Promise<Map<string, MatchResult | undefined>> {
  const out = new Map<string, MatchResult | undefined>();
  for (const n of extraction.nodes) {
    const ids = new Set<string>();
    for (const form of [n.name, ...n.aliases].slice(0, 4)) {
      for (const hit of await store.search(form, { limit: 5, labels: [n.label] })) ids.add(hit.id);
    }
    const known = ids.size ? await store.getNodes([...ids]) : [];
    out.set(n.key, bestMatch(n, known, { threshold, labels: [n.label] }));
  }
  return out;
}
