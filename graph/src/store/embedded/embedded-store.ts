import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ConflictError, NotFoundError, ValidationError, type FieldError } from '../../errors.ts';
import { isIsoDay, isValidAt } from '../../model/dates.ts';
import { endpointProblem, type GraphNode, type GraphRelationship, type NodeInput, type NodePatch, type RelationshipInput, type RelationshipPatch } from '../../model/schemas.ts';
import { foldText } from '../../model/text.ts';
import { LEVELS, NODE_LABELS, RELATIONSHIP_TYPES, type RelationshipType } from '../../model/vocabulary.ts';
import { SearchIndex } from '../../search/search-index.ts';
import type {
  BulkBatch,
  BulkOptions,
  BulkReport,
  ChangeEntry,
  ChangeQuery,
  ChangesSince,
  GraphPath,
  GraphStore,
  NeighbourhoodOptions,
  NodeFilter,
  Page,
  PageRequest,
  PathOptions,
  RelationshipFilter,
  SearchHit,
  SearchOptions,
  StoreStats,
  Subgraph,
  TopologyChunk,
  WriteContext,
} from '../port.ts';
import { changesLimit, checkRevision, nodeFromInput, nodeWithPatch, relationshipFromInput, relationshipWithPatch, topologyNode, topologyRelationship } from '../records.ts';
import { planBulk, type PlannedChange } from './bulk-plan.ts';
import { ChangeLog } from './change-log.ts';
import { Journal, closeQuietly, type JournalFile } from './journal.ts';
import { revisionBlock } from './journal-format.ts';
import { MemoryGraph } from './memory-graph.ts';
import { decodeCursor, encodeCursor, pageLimit } from './paging.ts';
import { JOURNAL_FILE, SNAPSHOT_FILE, applyEntry, recover, segmentName } from './recovery.ts';
import { upperBound } from './sorted-ids.ts';
import { writeSnapshot } from './snapshot.ts';
import { kShortestPaths, neighbourhood } from './traversal.ts';

export interface EmbeddedStoreOptions {
  dataDir: string;
  /** Journal entries after which a snapshot is written and the journal rotated (default 50 000). */
  compactEvery?: number;
  logger?: { warn(msg: string): void };
}

/**
 * The default GraphStore: the whole graph in memory, made durable by an
 * append-only journal (fsync'd before a write is acknowledged, with group
 * commit) and periodic snapshots. See recovery.ts for start-up and
 * journal-format.ts for the file format.
 *
 * A write is validated, applied to memory and queued for the journal in one
 * synchronous step, so concurrent writes are ordered by arrival; the promise
 * resolves after the fsync. If the disk fails, the journal refuses all
 * further writes (memory may be ahead of disk; reopen to recover).
 */
export class EmbeddedStore implements GraphStore {
  readonly kind = 'embedded' as const;
  private graph = new MemoryGraph();
  private changeLog = new ChangeLog();
  private readonly dataDir: string;
  private readonly compactEvery: number;
  private readonly warn: (msg: string) => void;
  private journal: Journal | null = null;
  private segments: JournalFile[] = [];
  private rev = 0;
  /** Last change-log seq handed out (the log's index catches up when the flusher writes). */
  private seq = 0;
  private sinceSnapshot = 0;
  private searchIndex: SearchIndex | null = null;
  private compaction: Promise<void> | null = null;
  private snapshotRevision = 0;
  private closed = false;
  /**
   * Writes applied to memory whose journal block is not yet fsync'd: the change
   * feed includes them (memory, which every read serves, already shows them).
   * Entries are kept for writes of up to FEED_MAX_INFLIGHT changes; a larger
   * one makes `changesSince` answer `more` until it is durable.
   */
  private unflushed: Array<{ revision: number; lastSeq: number; entries: ChangeEntry[] | null }> = [];

  constructor(options: EmbeddedStoreOptions) {
    this.dataDir = options.dataDir;
    this.compactEvery = options.compactEvery ?? 50_000;
    const logger = options.logger ?? console;
    this.warn = (msg) => logger.warn(msg);
  }

  async init(): Promise<void> {
    if (this.journal) return;
    mkdirSync(this.dataDir, { recursive: true });
    // Fresh state: init() may follow a close().
    this.graph = new MemoryGraph();
    this.changeLog = new ChangeLog();
    this.searchIndex = null;
    this.unflushed = [];
    const recovered = recover(this.dataDir, this.graph, this.changeLog, this.warn);
    this.rev = recovered.revision;
    this.seq = this.changeLog.lastSeq;
    this.segments = recovered.segments;
    this.sinceSnapshot = recovered.journalEntries;
    this.journal = await Journal.open(join(this.dataDir, JOURNAL_FILE), recovered.journal);
    this.closed = false;
  }

  async close(): Promise<void> {
    if (!this.journal || this.closed) return;
    this.closed = true;
    if (this.compaction) await this.compaction;
    await this.journal.flush();
    if (this.sinceSnapshot > 0) await this.compact();
    await this.journal.close();
    for (const s of this.segments) closeQuietly(s.readFd);
    this.journal = null;
  }

  // ---------------------------------------------------------------- reads

  async stats(): Promise<StoreStats> {
    return { nodes: this.graph.nodes.size, relationships: this.graph.relationships.size, revision: this.rev };
  }

  async revision(): Promise<number> {
    return this.rev;
  }

  async getNode(id: string): Promise<GraphNode> {
    return this.node(id);
  }

  async getNodes(ids: string[]): Promise<GraphNode[]> {
    const out: GraphNode[] = [];
    for (const id of new Set(ids)) {
      const node = this.graph.nodes.get(id);
      if (node) out.push(node);
    }
    return out;
  }

  async getRelationship(id: string): Promise<GraphRelationship> {
    return this.relationship(id);
  }

  async listNodes(filter: NodeFilter & PageRequest): Promise<Page<GraphNode>> {
    const limit = pageLimit(filter.limit);
    checkFilters(filter);
    const sets = [this.graph.idsWith('label', filter.labels), this.graph.idsWith('kind', filter.kinds), this.graph.idsWith('level', filter.levels), this.topicMembers(filter.topics, filter.at)];
    const q = filter.q ? foldText(filter.q.trim()) : '';
    const keep = (node: GraphNode) =>
      sets.every((s) => !s || s.has(node.id)) &&
      isValidAt(node, filter.at) &&
      (!q || foldText(node.name).includes(q) || node.aliases.some((a) => foldText(a).includes(q)));
    return pageOver(this.graph.nodeOrder.all(), filter.cursor, limit, 'node', (id) => {
      const node = this.graph.nodes.get(id)!;
      return keep(node) ? node : null;
    });
  }

  async listRelationships(filter: RelationshipFilter & PageRequest): Promise<Page<GraphRelationship>> {
    const limit = pageLimit(filter.limit);
    checkFilters(filter);
    let ids: readonly string[];
    if (filter.from !== undefined || filter.to !== undefined) {
      const a = filter.from !== undefined ? this.graph.outgoingOf(filter.from) : null;
      const b = filter.to !== undefined ? this.graph.incomingOf(filter.to) : null;
      ids = [...(a ?? b!)]
        .filter((r) => !a || !b || b.has(r))
        .map((r) => r.id)
        .sort();
    } else ids = this.graph.relationshipOrder.all();
    return pageOver(ids, filter.cursor, limit, 'relationship', (id) => {
      const rel = this.graph.relationships.get(id)!;
      if (filter.types?.length && !filter.types.includes(rel.type)) return null;
      return this.graph.relationshipVisible(rel, filter.at) ? rel : null;
    });
  }

  async relationshipsOf(id: string, filter: { types?: RelationshipType[]; at?: string } = {}): Promise<GraphRelationship[]> {
    this.node(id);
    checkFilters(filter);
    const out: GraphRelationship[] = [];
    for (const rels of [this.graph.outgoingOf(id), this.graph.incomingOf(id)]) {
      for (const rel of rels) {
        if (filter.types?.length && !filter.types.includes(rel.type)) continue;
        if (this.graph.relationshipVisible(rel, filter.at)) out.push(rel);
      }
    }
    return out.sort((a, b) => (a.id < b.id ? -1 : 1));
  }

  async neighbourhood(id: string, options: NeighbourhoodOptions): Promise<Subgraph & { truncated: boolean }> {
    const centre = this.node(id);
    const depth = options?.depth;
    if (!Number.isInteger(depth) || depth < 1 || depth > 3) throw invalid('depth', 'must be 1, 2 or 3');
    const limit = options.limit ?? 500;
    if (!Number.isInteger(limit) || limit < 1 || limit > 10_000) throw invalid('limit', 'must be an integer from 1 to 10000');
    checkFilters(options);
    return neighbourhood(this.graph, centre, { ...options, depth, limit });
  }

  async shortestPaths(from: string, to: string, options: PathOptions = {}): Promise<GraphPath[]> {
    this.node(from);
    this.node(to);
    const k = options.k ?? 1;
    const maxDepth = options.maxDepth ?? 6;
    if (!Number.isInteger(k) || k < 1 || k > 10) throw invalid('k', 'must be an integer from 1 to 10');
    if (!Number.isInteger(maxDepth) || maxDepth < 1 || maxDepth > 10) throw invalid('maxDepth', 'must be an integer from 1 to 10');
    checkFilters(options);
    return kShortestPaths(this.graph, from, to, k, maxDepth, options);
  }

  async search(q: string, options: SearchOptions = {}): Promise<SearchHit[]> {
    if (typeof q !== 'string') throw invalid('q', 'must be a string');
    checkFilters(options);
    if (options.limit !== undefined && (!Number.isInteger(options.limit) || options.limit < 1 || options.limit > 1000)) {
      throw invalid('limit', 'must be an integer from 1 to 1000');
    }
    if (!this.searchIndex) {
      // Built on first use so start-up and big imports do not pay for it.
      this.searchIndex = new SearchIndex();
      this.searchIndex.addAll(this.graph.nodes.values());
    }
    return this.searchIndex.search(q, options);
  }

  async changes(query: ChangeQuery): Promise<Page<ChangeEntry>> {
    return this.changeLog.page(query ?? {});
  }

  async changesSince(revision: number, options: { limit?: number } = {}): Promise<ChangesSince> {
    const limit = changesLimit(options.limit);
    const durable = this.changeLog.since(checkRevision(revision), limit);
    if (durable.more) return durable;
    let items = durable.items;
    for (const write of this.unflushed) {
      if (write.revision <= revision) continue;
      if (!write.entries || items.length + write.entries.length > limit) return { items: [], more: true };
      items = items.concat(write.entries);
    }
    return { items, more: false };
  }

  async *exportAll(options: { chunkSize?: number } = {}): AsyncIterable<Subgraph> {
    const size = chunkSize(options.chunkSize);
    const nodes = [...this.graph.nodes.values()];
    const rels = [...this.graph.relationships.values()];
    for (let i = 0; i < nodes.length; i += size) yield { nodes: nodes.slice(i, i + size), relationships: [] };
    for (let i = 0; i < rels.length; i += size) yield { nodes: [], relationships: rels.slice(i, i + size) };
  }

  async *streamTopology(options: { chunkSize?: number } = {}): AsyncIterable<TopologyChunk> {
    const size = chunkSize(options.chunkSize);
    const nodes = [...this.graph.nodes.values()];
    const rels = [...this.graph.relationships.values()];
    for (let i = 0; i < nodes.length; i += size) {
      yield {
        nodes: nodes.slice(i, i + size).map(topologyNode),
        relationships: [],
      };
    }
    for (let i = 0; i < rels.length; i += size) {
      yield {
        nodes: [],
        relationships: rels.slice(i, i + size).map(topologyRelationship),
      };
    }
  }

  // --------------------------------------------------------------- writes

  async createNode(input: NodeInput, ctx: WriteContext): Promise<GraphNode> {
    await this.writable();
    const node = nodeFromInput(input, ctx, now());
    if (this.graph.nodes.has(node.id)) throw new ConflictError(`node "${node.id}" already exists`, [{ path: 'id', message: 'already exists' }]);
    await this.commit([{ entity: 'node', op: 'create', id: node.id, before: null, after: node }], ctx);
    return node;
  }

  async updateNode(id: string, patch: NodePatch, ctx: WriteContext): Promise<GraphNode> {
    await this.writable();
    const existing = this.node(id);
    const node = nodeWithPatch(existing, patch, ctx, now());
    await this.commit([{ entity: 'node', op: 'update', id, before: existing, after: node }], ctx);
    return node;
  }

  async deleteNode(id: string, ctx: WriteContext, options: { detach?: boolean } = {}): Promise<void> {
    await this.writable();
    const node = this.node(id);
    const rels = [...this.graph.outgoingOf(id), ...this.graph.incomingOf(id)];
    if (rels.length && !options.detach) {
      throw new ConflictError(`node "${id}" still has ${rels.length} relationship(s); delete them first or use detach`, [
        { path: 'detach', message: 'the node has relationships' },
      ]);
    }
    const changes: PlannedChange[] = rels.map((rel) => ({ entity: 'relationship', op: 'delete', id: rel.id, before: rel, after: null }));
    changes.push({ entity: 'node', op: 'delete', id, before: node, after: null });
    await this.commit(changes, ctx);
  }

  async createRelationship(input: RelationshipInput, ctx: WriteContext): Promise<GraphRelationship> {
    await this.writable();
    const rel = relationshipFromInput(input, ctx, now());
    if (this.graph.relationships.has(rel.id)) {
      throw new ConflictError(`relationship "${rel.id}" already exists`, [{ path: 'id', message: 'already exists' }]);
    }
    const from = this.graph.nodes.get(rel.from);
    const to = this.graph.nodes.get(rel.to);
    const errors: FieldError[] = [];
    if (!from) errors.push({ path: 'from', message: `unknown node "${rel.from}"` });
    if (!to) errors.push({ path: 'to', message: `unknown node "${rel.to}"` });
    const problem = from && to ? endpointProblem(rel.type, from.label, to.label) : null;
    if (problem) errors.push({ path: 'type', message: problem });
    if (errors.length) throw new ValidationError(`invalid relationship: ${errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`, errors);
    await this.commit([{ entity: 'relationship', op: 'create', id: rel.id, before: null, after: rel }], ctx);
    return rel;
  }

  async updateRelationship(id: string, patch: RelationshipPatch, ctx: WriteContext): Promise<GraphRelationship> {
    await this.writable();
    const existing = this.relationship(id);
    const rel = relationshipWithPatch(existing, patch, ctx, now());
    await this.commit([{ entity: 'relationship', op: 'update', id, before: existing, after: rel }], ctx);
    return rel;
  }

  async deleteRelationship(id: string, ctx: WriteContext): Promise<void> {
    await this.writable();
    const existing = this.relationship(id);
    await this.commit([{ entity: 'relationship', op: 'delete', id, before: existing, after: null }], ctx);
  }

  async bulkUpsert(batch: BulkBatch, options: BulkOptions, ctx: WriteContext): Promise<BulkReport> {
    await this.writable();
    const plan = planBulk(this.graph, batch, options, ctx, now());
    const dryRun = options.dryRun === true;
    let revision = this.rev;
    // Nothing to change (e.g. the same file imported again) is not a write.
    if (!plan.errors.length && !dryRun && plan.changes.length) {
      if (plan.changes.length > 5_000) this.graph.resetOrder();
      revision = await this.commit(plan.changes, ctx);
    }
    const total = (k: 'created' | 'updated' | 'unchanged' | 'deleted') => plan.nodes[k] + plan.relationships[k];
    return {
      nodes: plan.nodes,
      relationships: plan.relationships,
      created: total('created'),
      updated: total('updated'),
      unchanged: total('unchanged'),
      deleted: total('deleted'),
      errors: plan.errors,
      dryRun,
      revision,
    };
  }

  // -------------------------------------------------------------- helpers

  private node(id: string): GraphNode {
    const node = this.graph.nodes.get(id);
    if (!node) throw new NotFoundError('node', id);
    return node;
  }

  private relationship(id: string): GraphRelationship {
    const rel = this.graph.relationships.get(id);
    if (!rel) throw new NotFoundError('relationship', id);
    return rel;
  }

  /** Callers validate and commit without awaiting in between, so checks cannot go stale. */
  private async writable(): Promise<void> {
    if (!this.journal || this.closed) throw new Error('the embedded store is not open (call init())');
  }

  /**
   * One write = one revision: applies the changes to memory and queues the
   * revision's journal block (entry lines + commit marker, rendered by the
   * flusher in pieces, see journal-format.ts), then resolves after the fsync.
   */
  private async commit(changes: PlannedChange[], ctx: WriteContext): Promise<number> {
    const journal = this.journal!;
    const revision = ++this.rev;
    const firstSeq = this.seq + 1;
    this.seq += changes.length;
    const at = now();
    const changeLog = this.changeLog;
    const lastSeq = this.seq;
    this.unflushed.push({
      revision,
      lastSeq,
      entries:
        changes.length > FEED_MAX_INFLIGHT
          ? null
          : changes.map((c, i): ChangeEntry => ({ seq: firstSeq + i, revision, at, actor: ctx.actor, ...(ctx.via !== undefined ? { via: ctx.via } : {}), ...c })),
    });
    journal.append(
      revisionBlock({ revision, firstSeq, at, actor: ctx.actor, via: ctx.via }, changes, (id, file, offset, length) =>
        changeLog.add(file, offset, length, id, at, revision),
      ),
    );
    const search = this.searchIndex;
    for (const change of changes) {
      applyEntry(this.graph, change);
      if (search && change.entity === 'node') {
        if (change.after) search.put(change.after as GraphNode);
        else search.remove(change.id);
      }
    }
    this.sinceSnapshot += changes.length;
    await journal.flush();
    changeLog.markDurable(lastSeq);
    this.unflushed = this.unflushed.filter((write) => write.lastSeq > lastSeq);
    if (this.sinceSnapshot >= this.compactEvery && !this.compaction && !this.closed) {
      this.compaction = this.compact()
        .catch((error) => this.warn(`embedded store: compaction failed: ${(error as Error).message}`))
        .finally(() => (this.compaction = null));
    }
    return revision;
  }

  /**
   * Snapshot + rotation, without pausing writes: in one synchronous step the
   * state is captured (records are never mutated in place) and a rotation is
   * queued in the journal, so the archived segment ends exactly at the
   * captured revision. Start-up replays every entry newer than the snapshot
   * from whichever file holds it, so any crash point is safe.
   */
  private async compact(): Promise<void> {
    const state = { revision: this.rev, seq: this.seq, nodes: [...this.graph.nodes.values()], relationships: [...this.graph.relationships.values()] };
    if (this.sinceSnapshot > 0) this.segments.push(this.journal!.rotate(join(this.dataDir, segmentName(state.revision))));
    this.sinceSnapshot = 0;
    await this.journal!.flush();
    if (state.revision !== this.snapshotRevision) {
      await writeSnapshot(join(this.dataDir, SNAPSHOT_FILE), state);
      this.snapshotRevision = state.revision;
    }
  }

  private topicMembers(topics: string[] | undefined, at: string | undefined): Set<string> | null {
    if (!topics?.length) return null;
    const out = new Set<string>();
    for (const topic of topics) {
      if (!this.graph.nodes.has(topic)) continue;
      out.add(topic);
      for (const rel of this.graph.incomingOf(topic)) {
        if ((rel.type === 'ABOUT' || rel.type === 'WORKS_ON') && this.graph.relationshipVisible(rel, at)) out.add(rel.from);
      }
    }
    return out;
  }
}

/** Changes of one write kept in memory for the feed until its journal block is durable. */
const FEED_MAX_INFLIGHT = 10_000;

function now(): string {
  return new Date().toISOString();
}

function invalid(path: string, message: string): ValidationError {
  return new ValidationError(`invalid ${path}: ${message}`, [{ path, message }]);
}

/** Rejects filter values outside the vocabulary and malformed `at` days. */
function checkFilters(f: { labels?: readonly string[]; levels?: readonly string[]; types?: readonly string[]; at?: string }): void {
  const errors: FieldError[] = [];
  if (f.at !== undefined && !isIsoDay(String(f.at))) errors.push({ path: 'at', message: 'must be a real date written YYYY-MM-DD' });
  const check = (path: string, values: readonly string[] | undefined, allowed: readonly string[]) => {
    for (const v of values ?? []) if (!allowed.includes(v)) errors.push({ path, message: `unknown value "${v}"` });
  };
  check('labels', f.labels, NODE_LABELS);
  check('levels', f.levels, LEVELS);
  check('types', f.types, RELATIONSHIP_TYPES);
  if (errors.length) throw new ValidationError(`invalid filter: ${errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`, errors);
}

/** Walks ids in order from just after the cursor, keeping what `pick` returns. */
function pageOver<T>(ids: readonly string[], cursor: string | undefined, limit: number, kind: string, pick: (id: string) => T | null): Page<T> {
  let start = 0;
  if (cursor) start = upperBound(ids, decodeCursor(cursor, kind));
  const items: T[] = [];
  let lastId = '';
  for (let i = start; i < ids.length; i++) {
    const item = pick(ids[i]);
    if (item === null) continue;
    if (items.length === limit) return { items, nextCursor: encodeCursor(kind, lastId) };
    items.push(item);
    lastId = ids[i];
  }
  return { items };
}

function chunkSize(size: number | undefined): number {
  if (size === undefined) return 5_000;
  if (!Number.isInteger(size) || size < 1) throw invalid('chunkSize', 'must be a positive integer');
  return size;
}

