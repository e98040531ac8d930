// A lean, read-only view of the graph for the recommenders: who did what on
// which topic, with provenance. Built from full documents because the
// recommenders need names, tags, places, dates and provenance, which the
// analytics topology leaves out. Per store, those lean records are read in full
// once and then kept current from the change feed (a FeedMirror), so a write
// costs its delta plus an in-memory rebuild at the next request, never a store read.

import { isValidAt } from '../model/dates.ts';
import type { GraphNode, GraphRelationship, PlaceRef } from '../model/schemas.ts';
import type { Level, NodeLabel, RelationshipType } from '../model/vocabulary.ts';
import type { GraphStore, Subgraph } from '../store/port.ts';
import { FeedMirror, type MirrorRecords } from '../store/feed-mirror.ts';

export interface KnowledgeNode {
  id: string;
  label: NodeLabel;
  name: string;
  kind: string;
  level?: Level;
  place?: PlaceRef;
  tags: string[];
  consent?: boolean;
  transferable?: boolean;
  /** The most telling day of the element (end, date, start, validity), for recency. */
  day?: string;
}

export interface KnowledgeLink {
  id: string;
  type: RelationshipType;
  from: string;
  to: string;
  role?: string;
  /** Highest provenance confidence (1 when none is recorded). */
  confidence: number;
  /** The provenance source of that entry. */
  source?: string;
}

/** A topic as the recommenders see it: a Topic node, or a thematic tag (`topic:`, `programme:`). */
export interface TopicRef {
  id: string;
  name: string;
  /** `node` for Topic nodes, `tag` for descriptors taken from tags. */
  from: 'node' | 'tag';
}

/** Labels of the things actors do together or produce. */
export const ITEM_LABELS: ReadonlySet<NodeLabel> = new Set<NodeLabel>(['Project', 'Practice', 'Event']);

/**
 * Tag prefixes that describe a theme (the H2020 import writes `topic:SPACE`,
 * `programme:H2020-EU.3.2.`). Scheme, call and country tags are administrative,
 * not thematic, so they are left out.
 */
export const THEMATIC_TAG_PREFIXES = ['topic:', 'theme:', 'programme:'] as const;

export class Knowledge {
  readonly nodes = new Map<string, KnowledgeNode>();
  private readonly outgoing = new Map<string, KnowledgeLink[]>();
  private readonly incoming = new Map<string, KnowledgeLink[]>();
  private readonly itemTopicCache = new Map<string, TopicRef[]>();

  constructor(readonly at?: string) {}

  /** Adds one chunk of full documents, keeping what is valid on `at`. */
  add(chunk: Subgraph): void {
    for (const node of chunk.nodes) if (isValidAt(node, this.at)) this.nodes.set(node.id, leanNode(node));
    for (const rel of chunk.relationships) if (isValidAt(rel, this.at)) this.addLink(leanLink(rel));
  }

  /** Adds lean records (as a KnowledgeMirror holds them), keeping what is valid on `at`. */
  addRecords(nodes: Iterable<DatedRecord<KnowledgeNode>>, links: Iterable<DatedRecord<KnowledgeLink>>): void {
    for (const record of nodes) if (isValidAt(record, this.at)) this.nodes.set(record.id, record.lean);
    for (const record of links) if (isValidAt(record, this.at)) this.addLink(record.lean);
  }

  private addLink(link: KnowledgeLink): void {
    push(this.outgoing, link.from, link);
    push(this.incoming, link.to, link);
  }

  /** Drops links whose ends are not visible (an end filtered out by `at`). */
  seal(): this {
    for (const map of [this.outgoing, this.incoming]) {
      for (const [id, links] of map) {
        const kept = links.filter((l) => this.nodes.has(l.from) && this.nodes.has(l.to));
        if (kept.length) map.set(id, kept);
        else map.delete(id);
      }
    }
    return this;
  }

  out(id: string, types?: ReadonlySet<RelationshipType>): KnowledgeLink[] {
    const links = this.outgoing.get(id) ?? [];
    return types ? links.filter((l) => types.has(l.type)) : links;
  }

  in(id: string, types?: ReadonlySet<RelationshipType>): KnowledgeLink[] {
    const links = this.incoming.get(id) ?? [];
    return types ? links.filter((l) => types.has(l.type)) : links;
  }

  node(id: string): KnowledgeNode | undefined {
    return this.nodes.get(id);
  }

  /** Topics of a project/practice/event: its ABOUT targets plus its thematic tags. */
  topicsOfItem(itemId: string): TopicRef[] {
    let topics = this.itemTopicCache.get(itemId);
    if (topics) return topics;
    topics = [];
    for (const link of this.out(itemId)) {
      if (link.type !== 'ABOUT') continue;
      const topic = this.nodes.get(link.to);
      if (topic) topics.push({ id: topic.id, name: topic.name, from: 'node' });
    }
    const item = this.nodes.get(itemId);
    if (item) topics.push(...thematicTags(item.tags));
    this.itemTopicCache.set(itemId, topics);
    return topics;
  }

  static async fromChunks(chunks: AsyncIterable<Subgraph> | Iterable<Subgraph>, at?: string): Promise<Knowledge> {
    const knowledge = new Knowledge(at);
    for await (const chunk of chunks) knowledge.add(chunk);
    return knowledge.seal();
  }
}

/** Thematic descriptors in a tag list, as topic references (`programme:X` → id `programme:X`). */
export function thematicTags(tags: readonly string[]): TopicRef[] {
  const out: TopicRef[] = [];
  for (const tag of tags) {
    const prefix = THEMATIC_TAG_PREFIXES.find((p) => tag.startsWith(p));
    if (prefix && tag.length > prefix.length) out.push({ id: tag, name: tag.slice(prefix.length), from: 'tag' });
  }
  return out;
}

/** A lean record with the validity of the document it came from (for `at`). */
export interface DatedRecord<T extends { id: string }> {
  id: string;
  lean: T;
  validFrom?: string;
  validTo?: string;
}

function dated<T extends { id: string }>(lean: T, doc: { validFrom?: string; validTo?: string }): DatedRecord<T> {
  const record: DatedRecord<T> = { id: lean.id, lean };
  if (doc.validFrom !== undefined) record.validFrom = doc.validFrom;
  if (doc.validTo !== undefined) record.validTo = doc.validTo;
  return record;
}

const KNOWLEDGE_RECORDS: MirrorRecords<DatedRecord<KnowledgeNode>, DatedRecord<KnowledgeLink>> = {
  async *read(store, chunkSize) {
    for await (const chunk of store.exportAll({ chunkSize })) {
      yield { nodes: chunk.nodes.map((n) => dated(leanNode(n), n)), relationships: chunk.relationships.map((r) => dated(leanLink(r), r)) };
    }
  },
  node: (doc) => dated(leanNode(doc), doc),
  relationship: (doc) => dated(leanLink(doc), doc),
};

/**
 * The recommenders' records of one store, kept current from its change feed,
 * and the Knowledge of the revision held (per day asked), built in memory.
 */
export class KnowledgeMirror extends FeedMirror<DatedRecord<KnowledgeNode>, DatedRecord<KnowledgeLink>> {
  private built: { revision: number; byDay: Map<string, Knowledge> } = { revision: -1, byDay: new Map() };

  constructor(store: GraphStore) {
    super(store, KNOWLEDGE_RECORDS, { chunkSize: 5000 });
  }

  /** The Knowledge valid on `at` (all when absent) at a revision at least the store's when called. */
  async knowledge(at?: string): Promise<Knowledge> {
    const revision = await this.sync();
    if (this.built.revision !== revision) this.built = { revision, byDay: new Map() };
    const day = at ?? '';
    let knowledge = this.built.byDay.get(day);
    if (!knowledge) {
      knowledge = new Knowledge(at);
      knowledge.addRecords(this.nodes.values(), this.relationships.values());
      if (this.built.byDay.size >= MAX_DAYS_PER_REVISION) this.built.byDay.delete(this.built.byDay.keys().next().value!);
      this.built.byDay.set(day, knowledge.seal());
    }
    return knowledge;
  }
}

/** Knowledge kept per revision for this many distinct `at` days (the oldest asked goes first). */
const MAX_DAYS_PER_REVISION = 8;

const mirrors = new WeakMap<GraphStore, KnowledgeMirror>();

/** The store's recommender knowledge (one mirror per store): current with every write acknowledged before the call. */
export function knowledgeMirrorOf(store: GraphStore): KnowledgeMirror {
  let mirror = mirrors.get(store);
  if (!mirror) mirrors.set(store, (mirror = new KnowledgeMirror(store)));
  return mirror;
}

export function knowledgeOf(store: GraphStore, at?: string): Promise<Knowledge> {
  return knowledgeMirrorOf(store).knowledge(at);
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function leanNode(node: GraphNode): KnowledgeNode {
  const lean: KnowledgeNode = { id: node.id, label: node.label, name: node.name, kind: node.kind, tags: node.tags ?? [] };
  if (node.level) lean.level = node.level;
  if (node.place) lean.place = node.place;
  if (node.consent !== undefined) lean.consent = node.consent;
  if (node.transferable !== undefined) lean.transferable = node.transferable;
  const day = node.endDate ?? node.date ?? node.startDate ?? node.validTo ?? node.validFrom;
  if (day) lean.day = day;
  return lean;
}

function leanLink(rel: GraphRelationship): KnowledgeLink {
  let best: GraphRelationship['provenance'][number] | undefined;
  for (const p of rel.provenance) if (!best || (p.confidence ?? 1) > (best.confidence ?? 1)) best = p;
  const confidence = best ? (best.confidence ?? 1) : 1;
  const source = best?.source;
  const link: KnowledgeLink = { id: rel.id, type: rel.type, from: rel.from, to: rel.to, confidence };
  const role = rel.properties?.role;
  if (typeof role === 'string') link.role = role;
  if (source) link.source = source;
  return link;
}

/** A short, stable description of where an actor is (municipality, else region, else country). */
export function placeName(place?: PlaceRef): string | undefined {
  return place?.municipality ?? place?.province ?? place?.region ?? place?.country;
}
