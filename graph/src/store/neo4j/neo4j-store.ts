import neo4j, { type Driver } from 'neo4j-driver';
import { ConflictError, NotFoundError, ValidationError } from '../../errors.ts';
import { endpointProblem, type GraphNode, type GraphRelationship, type NodeInput, type NodePatch, type RelationshipInput, type RelationshipPatch } from '../../model/schemas.ts';
import type { NodeLabel } from '../../model/vocabulary.ts';
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
import { changesLimit, checkRevision, nodeFromInput, nodeWithPatch, relationshipFromInput, relationshipWithPatch } from '../records.ts';
import { bulkUpsert, type Staging } from './bulk.ts';
import { appendChanges, readChanges, readChangesSince } from './change-log.ts';
import { nodeFromProps, nodeToProps, relationshipFromProps, relationshipToProps, REL_RETURN, assertLabel, assertType, type Props } from './codec.ts';
import {
  MAX_ROWS,
  chunks,
  decodeCursor,
  encodeCursor,
  int,
  nodeConditions,
  pageLimit,
  relationshipsByIdQuery,
  checkAt,
  translateError,
  typesPattern,
  validAt,
  whereClause,
  type CypherRunner,
  type Row,
} from './cypher.ts';
import { neighbourhood, search, shortestPaths } from './traversal.ts';
import { ensureSchema, META_KEY } from './schema.ts';
import { Rollback, type WriteOptions, type WriteScope } from './write-scope.ts';

export interface Neo4jStoreOptions {
  uri: string;
  user?: string;
  password?: string;
  database?: string;
  /** Time budget of one read query (default 30 s); past it → TimeoutError. */
  queryTimeoutMs?: number;
  /** Time budget of one write transaction (default 10 min: bulk imports). */
  writeTimeoutMs?: number;
  /** Large bulk writes are staged in batches (bulk.ts; defaults STAGE_ABOVE rows, STAGE_BATCH rows per batch). */
  staging?: Staging;
}

const rows = (records: Array<{ toObject(): Row }>) => records.map((r) => r.toObject());

/**
 * GraphStore on Neo4j 5. Every write runs in one transaction that first bumps
 * the revision on the single (:_Meta) node — which takes its write lock, so
 * writes are serialised, revisions and change seqs have no gaps, and
 * checks-then-writes (duplicate ids, missing ends) cannot race — and appends
 * its (:_Change) entries in that same transaction.
 */
export class Neo4jStore implements GraphStore {
  readonly kind = 'neo4j' as const;
  private readonly driver: Driver;
  private readonly database?: string;
  private readonly queryTimeoutMs: number;
  private readonly writeTimeoutMs: number;
  private closed = false;
  private readonly staging: Staging;
  /** Writes of this process queue here, so they never contend for the _Meta lock among themselves. */
  private writeQueue: Promise<unknown> = Promise.resolve();

  constructor(options: Neo4jStoreOptions) {
    const auth = options.user ? neo4j.auth.basic(options.user, options.password ?? '') : undefined;
    this.driver = neo4j.driver(options.uri, auth, { disableLosslessIntegers: true, userAgent: 'ecosystem-atlas' });
    this.database = options.database || undefined;
    this.queryTimeoutMs = options.queryTimeoutMs ?? 30_000;
    this.writeTimeoutMs = options.writeTimeoutMs ?? 600_000;
    this.staging = options.staging ?? {};
  }

  async init(): Promise<void> {
    await this.driver.verifyConnectivity({ database: this.database });
    const session = this.driver.session({ database: this.database });
    try {
      await ensureSchema(async (query) => rows((await session.run(query)).records));
    } finally {
      await session.close();
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.driver.close();
  }

  // ---------------------------------------------------------------- plumbing

  /**
   * Causal consistency on a cluster (Aura, neo4j+s://): write sessions share
   * the bookmark manager of executeQuery, so a read routed to any member
   * waits until that member has applied this process's last committed write
   * (an import, then the map that shows it). One manager per store = per process.
   */
  private get bookmarks() {
    return this.driver.executeQueryBookmarkManager;
  }

  /** The bookmarks reads wait for (diagnostics and tests). */
  async lastBookmarks(): Promise<string[]> {
    return [...(await this.bookmarks.getBookmarks())];
  }

  /** One read query, routed to readers, with the store's time budget. */
  readonly reader: CypherRunner = {
    run: async (query, params = {}) => {
      try {
        const result = await this.driver.executeQuery(query, params, {
          routing: neo4j.routing.READ,
          database: this.database,
          transactionConfig: { timeout: this.queryTimeoutMs },
        });
        return rows(result.records);
      } catch (error) {
        throw translateError(error);
      }
    },
  };

  /** Runs `work` in one write transaction, after this process's earlier writes; see the class comment. */
  write<T>(ctx: WriteContext, work: (scope: WriteScope) => Promise<T>, options: WriteOptions = {}): Promise<T> {
    const result = this.writeQueue.then(() => this.writeNow(ctx, work, options));
    this.writeQueue = result.catch(() => undefined);
    return result;
  }

  /** One statement in its own write transaction, outside the revision counter (import staging). */
  async writeStatement(query: string, params: Row = {}): Promise<Row[]> {
    try {
      const result = await this.driver.executeQuery(query, params, { routing: neo4j.routing.WRITE, database: this.database, transactionConfig: { timeout: this.writeTimeoutMs } });
      return rows(result.records);
    } catch (error) {
      throw translateError(error);
    }
  }

  private async writeNow<T>(ctx: WriteContext, work: (scope: WriteScope) => Promise<T>, options: WriteOptions): Promise<T> {
    const session = this.driver.session({ database: this.database, defaultAccessMode: neo4j.session.WRITE, bookmarkManager: this.bookmarks });
    try {
      return await session.executeWrite(
        async (tx) => {
          const run = async (query: string, params: Row = {}) => rows((await tx.run(query, params)).records);
          const [meta] = await run('MATCH (m:_Meta {key: $key}) SET m.revision = m.revision + 1 RETURN m.revision AS revision, m.seq AS seq', { key: META_KEY });
          if (!meta) throw new Error('the Neo4j store was not initialised (no _Meta node): call init()');
          const { expect, reservedSeqs = 0 } = options;
          if (expect && (meta.revision !== expect.revision + 1 || meta.seq !== expect.seq)) {
            throw new ConflictError('the store changed while the import was being staged; nothing was imported, run it again');
          }
          const revision = meta.revision as number;
          const now = new Date().toISOString();
          const pending: ChangeEntry[] = [];
          const scope: WriteScope = {
            tx,
            run,
            revision,
            now,
            ctx,
            log: (op, entity, id, before, after) => {
              const entry: ChangeEntry = { seq: (meta.seq as number) + reservedSeqs + pending.length + 1, revision, at: now, actor: ctx.actor, op, entity, id, before, after };
              if (ctx.via !== undefined) entry.via = ctx.via;
              pending.push(entry);
            },
          };
          const value = await work(scope);
          // The log entries and the seq counter, in the same transaction as the write.
          await run('MATCH (m:_Meta {key: $key}) SET m.seq = m.seq + $n', { key: META_KEY, n: int(reservedSeqs + pending.length) });
          await appendChanges(scope, pending);
          return value;
        },
        { timeout: this.writeTimeoutMs },
      );
    } catch (error) {
      if (error instanceof Rollback) return error.value as T;
      throw translateError(error);
    } finally {
      await session.close();
    }
  }

  // ---------------------------------------------------------------- stats

  async stats(): Promise<StoreStats> {
    const [row] = await this.reader.run(
      `CALL () { MATCH (n:Node) RETURN count(n) AS nodes }
       CALL () { MATCH (:Node)-[r]->(:Node) RETURN count(r) AS relationships }
       OPTIONAL MATCH (m:_Meta {key: $key})
       RETURN nodes, relationships, coalesce(m.revision, 0) AS revision`,
      { key: META_KEY },
    );
    return { nodes: row.nodes as number, relationships: row.relationships as number, revision: row.revision as number };
  }

  async revision(): Promise<number> {
    const [row] = await this.reader.run('OPTIONAL MATCH (m:_Meta {key: $key}) RETURN coalesce(m.revision, 0) AS revision', { key: META_KEY });
    return row.revision as number;
  }

  // ---------------------------------------------------------------- nodes

  async getNode(id: string): Promise<GraphNode> {
    const node = await findNode(this.reader, id);
    if (!node) throw new NotFoundError('node', id);
    return node;
  }

  async getNodes(ids: string[]): Promise<GraphNode[]> {
    if (ids.length > MAX_ROWS) throw new ValidationError(`at most ${MAX_ROWS} ids at once`, [{ path: 'ids', message: `at most ${MAX_ROWS}` }]);
    const found = await this.reader.run('UNWIND $ids AS id MATCH (n:Node {id: id}) RETURN n {.*} AS n', { ids: [...new Set(ids)] });
    const byId = new Map(found.map((r) => [(r.n as Props).id as string, nodeFromProps(r.n as Props)]));
    return ids.filter((id, i) => byId.has(id) && ids.indexOf(id) === i).map((id) => byId.get(id)!);
  }

  async createNode(input: NodeInput, ctx: WriteContext): Promise<GraphNode> {
    nodeFromInput(input, ctx, new Date().toISOString()); // validate before taking the write lock
    return this.write(ctx, async (scope) => {
      const node = nodeFromInput(input, ctx, scope.now);
      if (await findNode(scope, node.id)) throw new ConflictError(`node "${node.id}" already exists`, [{ path: 'id', message: 'already exists' }]);
      await scope.run(`CREATE (n:Node:${assertLabel(node.label)}) SET n = $props`, { props: nodeToProps(node) });
      scope.log('create', 'node', node.id, null, node);
      return node;
    });
  }

  async updateNode(id: string, patch: NodePatch, ctx: WriteContext): Promise<GraphNode> {
    return this.write(ctx, async (scope) => {
      const existing = await findNode(scope, id);
      if (!existing) throw new NotFoundError('node', id);
      const node = nodeWithPatch(existing, patch, ctx, scope.now);
      await scope.run('MATCH (n:Node {id: $id}) SET n = $props', { id, props: nodeToProps(node) });
      scope.log('update', 'node', id, existing, node);
      return node;
    });
  }

  async deleteNode(id: string, ctx: WriteContext, options: { detach?: boolean } = {}): Promise<void> {
    await this.write(ctx, async (scope) => {
      const existing = await findNode(scope, id);
      if (!existing) throw new NotFoundError('node', id);
      const attached = await scope.run(`MATCH (:Node {id: $id})-[r]-(:Node) RETURN DISTINCT ${REL_RETURN('r')} AS rel`, { id });
      if (attached.length && !options.detach) {
        throw new ConflictError(`node "${id}" still has ${attached.length} relationship(s); delete them first or use detach`);
      }
      for (const row of attached) {
        const rel = relationshipFromProps(row.rel as Props);
        scope.log('delete', 'relationship', rel.id, rel, null);
      }
      await scope.run('MATCH (n:Node {id: $id}) DETACH DELETE n', { id });
      scope.log('delete', 'node', id, existing, null);
    });
  }

  async listNodes(filter: NodeFilter & PageRequest): Promise<Page<GraphNode>> {
    const limit = pageLimit(filter.limit);
    const params: Row = { limit: int(limit + 1) };
    const where = nodeConditions('n', filter, params);
    const after = decodeCursor<string>(filter.cursor, 'string');
    if (after !== undefined) {
      params.after = after;
      where.push('n.id > $after');
    } else where.push('n.id IS NOT NULL'); // lets the planner walk the id index in order
    const found = await this.reader.run(`MATCH (n:Node) ${whereClause(where)} RETURN n {.*} AS n ORDER BY n.id LIMIT $limit`, params);
    const items = found.slice(0, limit).map((r) => nodeFromProps(r.n as Props));
    return found.length > limit ? { items, nextCursor: encodeCursor(items[items.length - 1].id) } : { items };
  }

  // ---------------------------------------------------------------- relationships

  async getRelationship(id: string): Promise<GraphRelationship> {
    const rel = await findRelationship(this.reader, id);
    if (!rel) throw new NotFoundError('relationship', id);
    return rel;
  }

  async createRelationship(input: RelationshipInput, ctx: WriteContext): Promise<GraphRelationship> {
    relationshipFromInput(input, ctx, new Date().toISOString()); // validate before taking the write lock
    return this.write(ctx, async (scope) => {
      const rel = relationshipFromInput(input, ctx, scope.now);
      await checkEnds(scope, rel);
      if (await findRelationship(scope, rel.id)) {
        throw new ConflictError(`relationship "${rel.id}" already exists`, [{ path: 'id', message: 'already exists' }]);
      }
      await scope.run(`MATCH (a:Node {id: $from}), (b:Node {id: $to}) CREATE (a)-[r:${assertType(rel.type)}]->(b) SET r = $props`, {
        from: rel.from,
        to: rel.to,
        props: relationshipToProps(rel),
      });
      scope.log('create', 'relationship', rel.id, null, rel);
      return rel;
    });
  }

  async updateRelationship(id: string, patch: RelationshipPatch, ctx: WriteContext): Promise<GraphRelationship> {
    return this.write(ctx, async (scope) => {
      const existing = await findRelationship(scope, id);
      if (!existing) throw new NotFoundError('relationship', id);
      const rel = relationshipWithPatch(existing, patch, ctx, scope.now);
      await scope.run(`MATCH ()-[r:${assertType(rel.type)} {id: $id}]->() SET r = $props`, { id, props: relationshipToProps(rel) });
      scope.log('update', 'relationship', id, existing, rel);
      return rel;
    });
  }

  async deleteRelationship(id: string, ctx: WriteContext): Promise<void> {
    await this.write(ctx, async (scope) => {
      const existing = await findRelationship(scope, id);
      if (!existing) throw new NotFoundError('relationship', id);
      await scope.run(`MATCH ()-[r:${assertType(existing.type)} {id: $id}]->() DELETE r`, { id });
      scope.log('delete', 'relationship', id, existing, null);
    });
  }

  async listRelationships(filter: RelationshipFilter & PageRequest): Promise<Page<GraphRelationship>> {
    const limit = pageLimit(filter.limit);
    const params: Row = { limit: int(limit + 1) };
    const where: string[] = [];
    const pattern = `(a:Node${filter.from !== undefined ? ' {id: $from}' : ''})-[r:${typesPattern(filter.types)}]->(b:Node${filter.to !== undefined ? ' {id: $to}' : ''})`;
    if (filter.from !== undefined) params.from = filter.from;
    if (filter.to !== undefined) params.to = filter.to;
    const at = checkAt(filter.at);
    if (at) {
      params.at = at;
      where.push(validAt('r'), validAt('a'), validAt('b'));
    }
    const after = decodeCursor<string>(filter.cursor, 'string');
    if (after !== undefined) {
      params.after = after;
      where.push('r.id > $after');
    }
    const found = await this.reader.run(`MATCH ${pattern} ${whereClause(where)} RETURN ${REL_RETURN('r')} AS rel ORDER BY rel.id LIMIT $limit`, params);
    const items = found.slice(0, limit).map((r) => relationshipFromProps(r.rel as Props));
    return found.length > limit ? { items, nextCursor: encodeCursor(items[items.length - 1].id) } : { items };
  }

  async relationshipsOf(id: string, filter: { types?: RelationshipFilter['types']; at?: string } = {}): Promise<GraphRelationship[]> {
    const params: Row = { id, max: int(MAX_ROWS) };
    const where: string[] = [];
    const at = checkAt(filter.at);
    if (at) {
      params.at = at;
      where.push(validAt('r'), validAt('n'), validAt('m'));
    }
    const found = await this.reader.run(
      `MATCH (n:Node {id: $id})-[r:${typesPattern(filter.types)}]-(m:Node) ${whereClause(where)}
       RETURN DISTINCT ${REL_RETURN('r')} AS rel ORDER BY rel.id LIMIT $max`,
      params,
    );
    if (!found.length) await this.getNode(id); // unknown node → NotFoundError
    return found.map((r) => relationshipFromProps(r.rel as Props));
  }

  // ---------------------------------------------------------------- traversal and search

  neighbourhood(id: string, options: NeighbourhoodOptions): Promise<Subgraph & { truncated: boolean }> {
    return neighbourhood(this.reader, id, options);
  }

  shortestPaths(from: string, to: string, options: PathOptions = {}): Promise<GraphPath[]> {
    return shortestPaths(this.reader, from, to, options);
  }

  search(q: string, options: SearchOptions = {}): Promise<SearchHit[]> {
    return search(this.reader, q, options);
  }

  // ---------------------------------------------------------------- bulk

  bulkUpsert(batch: BulkBatch, options: BulkOptions, ctx: WriteContext): Promise<BulkReport> {
    return bulkUpsert(this, batch, options, ctx, this.staging);
  }

  // ---------------------------------------------------------------- audit log

  changes(query: ChangeQuery): Promise<Page<ChangeEntry>> {
    return readChanges(this.reader, query);
  }

  async changesSince(revision: number, options: { limit?: number } = {}): Promise<ChangesSince> {
    return readChangesSince(this.reader, checkRevision(revision), changesLimit(options.limit));
  }

  // ---------------------------------------------------------------- streaming

  async *exportAll(options: { chunkSize?: number } = {}): AsyncIterable<Subgraph> {
    const size = chunkSize(options.chunkSize);
    let chunk: Subgraph = { nodes: [], relationships: [] };
    for await (const row of this.stream(
      `MATCH (n:Node) WHERE n.id IS NOT NULL RETURN 0 AS part, n {.*} AS doc ORDER BY n.id
       UNION ALL
       MATCH (:Node)-[r]->(:Node) RETURN 1 AS part, ${REL_RETURN('r')} AS doc`,
    )) {
      if (row.part === 0) chunk.nodes.push(nodeFromProps(row.doc as Props));
      else chunk.relationships.push(relationshipFromProps(row.doc as Props));
      if (chunk.nodes.length + chunk.relationships.length >= size) {
        yield chunk;
        chunk = { nodes: [], relationships: [] };
      }
    }
    if (chunk.nodes.length + chunk.relationships.length) yield chunk;
  }

  async *streamTopology(options: { chunkSize?: number } = {}): AsyncIterable<TopologyChunk> {
    const size = chunkSize(options.chunkSize);
    let chunk: TopologyChunk = { nodes: [], relationships: [] };
    // One query, nodes then relationships, pulled in batches as the consumer reads.
    for await (const row of this.stream(
      `MATCH (n:Node) RETURN 0 AS part, [n.id, n.label, n.kind, n.level, n._region, n.validFrom, n.validTo] AS v
       UNION ALL
       MATCH (a:Node)-[r]->(b:Node) RETURN 1 AS part, [r.id, type(r), a.id, b.id, r._weight, r._role, r.validFrom, r.validTo] AS v`,
    )) {
      const v = row.v as Array<string | number | null>;
      if (row.part === 0) chunk.nodes.push(compact({ id: v[0], label: v[1], kind: v[2], level: v[3], region: v[4], validFrom: v[5], validTo: v[6] }) as TopologyChunk['nodes'][number]);
      else chunk.relationships.push(compact({ id: v[0], type: v[1], from: v[2], to: v[3], weight: v[4], role: v[5], validFrom: v[6], validTo: v[7] }) as TopologyChunk['relationships'][number]);
      if (chunk.nodes.length + chunk.relationships.length >= size) {
        yield chunk;
        chunk = { nodes: [], relationships: [] };
      }
    }
    if (chunk.nodes.length + chunk.relationships.length) yield chunk;
  }

  /** Streams the rows of one read query with the driver's back-pressured record stream. */
  private async *stream(query: string, params: Row = {}): AsyncGenerator<Row> {
    const session = this.driver.session({ database: this.database, defaultAccessMode: neo4j.session.READ, fetchSize: 5_000, bookmarkManager: this.bookmarks });
    try {
      for await (const record of session.run(query, params)) yield record.toObject();
    } catch (error) {
      throw translateError(error);
    } finally {
      await session.close();
    }
  }
}

function chunkSize(size: number | undefined): number {
  if (size === undefined) return 10_000;
  if (!Number.isInteger(size) || size < 1) throw new ValidationError('chunkSize must be a positive integer', [{ path: 'chunkSize', message: 'must be ≥ 1' }]);
  return size;
}

function compact<T extends Record<string, unknown>>(value: T): T {
  for (const key of Object.keys(value)) if (value[key] === null || value[key] === undefined) delete value[key];
  return value;
}

export async function findNode(runner: CypherRunner, id: string): Promise<GraphNode | undefined> {
  const [row] = await runner.run('MATCH (n:Node {id: $id}) RETURN n {.*} AS n', { id });
  return row ? nodeFromProps(row.n as Props) : undefined;
}

export async function findRelationship(runner: CypherRunner, id: string): Promise<GraphRelationship | undefined> {
  const [row] = await runner.run(relationshipsByIdQuery('[$id]'), { id });
  return row ? relationshipFromProps(row.rel as Props) : undefined;
}

/** Both ends exist and their labels suit the type, else ValidationError naming the end. */
async function checkEnds(runner: CypherRunner, rel: GraphRelationship): Promise<void> {
  const found = await runner.run('UNWIND $ids AS id MATCH (n:Node {id: id}) RETURN n.id AS id, n.label AS label', { ids: [rel.from, rel.to] });
  const labels = new Map(found.map((r) => [r.id as string, r.label as NodeLabel]));
  const errors = (['from', 'to'] as const).filter((end) => !labels.has(rel[end])).map((end) => ({ path: end, message: `node "${rel[end]}" does not exist` }));
  if (errors.length) throw new ValidationError(errors.map((e) => e.message).join('; '), errors);
  const problem = endpointProblem(rel.type, labels.get(rel.from)!, labels.get(rel.to)!);
  if (problem) throw new ValidationError(problem, [{ path: 'type', message: problem }]);
}
