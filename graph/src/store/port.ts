import type { FieldError } from '../errors.ts';
import type {
  GraphNode,
  GraphRelationship,
  NodeInput,
  NodePatch,
  RelationshipInput,
  RelationshipPatch,
} from '../model/schemas.ts';
import type { Level, NodeLabel, RelationshipType } from '../model/vocabulary.ts';

/**
 * The GraphStore port: everything the API and the analytics need from a store.
 * Two adapters implement it (embedded, Neo4j) and one contract suite
 * (test/contract) checks both.
 *
 * Rules shared by both adapters:
 * - Inputs are validated with the zod schemas of `model/schemas.ts`; invalid
 *   input throws ValidationError and changes nothing.
 * - Every successful write increases `revision` by exactly one (a bulk upsert
 *   is one write) and appends one ChangeEntry per node/relationship touched.
 * - Relationships must join existing nodes (else ValidationError naming the
 *   missing end) with labels allowed by RELATIONSHIP_ENDPOINTS.
 * - Deleting a node that still has relationships throws ConflictError unless
 *   `detach: true` is given, which deletes those relationships too (each
 *   logged).
 * - Duplicate ids throw ConflictError.
 * - `at` (YYYY-MM-DD) keeps only elements valid that day (validFrom/validTo);
 *   a relationship is visible only when both its ends are.
 * - Provenance: a write without provenance gets `{source: 'manual edit',
 *   addedBy: ctx.actor, addedAt: now, confidence: 1}`; updates never drop
 *   existing provenance entries (new ones are appended, duplicates skipped).
 */

/** Who is writing, for the audit log and automatic provenance. */
export interface WriteContext {
  /** User or token name; `system` for seed loads and internal jobs. */
  actor: string;
  /** e.g. `import elements.csv`, `seed`, `api`. */
  via?: string;
}

export interface Page<T> {
  items: T[];
  /** Opaque; pass back as `cursor` to get the next page. Absent on the last page. */
  nextCursor?: string;
}

export interface PageRequest {
  /** 1..1000, default 100. */
  limit?: number;
  cursor?: string;
}

export interface NodeFilter {
  labels?: NodeLabel[];
  kinds?: string[];
  levels?: Level[];
  /** Topic ids: nodes linked by ABOUT/WORKS_ON to one of them (or the topics themselves). */
  topics?: string[];
  /** Accent-insensitive substring over name and aliases. */
  q?: string;
  at?: string;
}

export interface RelationshipFilter {
  types?: RelationshipType[];
  from?: string;
  to?: string;
  at?: string;
}

export interface Subgraph {
  nodes: GraphNode[];
  relationships: GraphRelationship[];
}

export interface NeighbourhoodOptions {
  /** 1..3 */
  depth: number;
  /** Filters on the nodes reached (the centre is always included). */
  labels?: NodeLabel[];
  kinds?: string[];
  levels?: Level[];
  types?: RelationshipType[];
  at?: string;
  /** Maximum number of nodes returned (default 500); `truncated` says when it cut. */
  limit?: number;
}

export interface PathOptions {
  /** Number of shortest paths wanted (default 1, max 10). */
  k?: number;
  /** Longest path length in hops (default 6, max 10). */
  maxDepth?: number;
  types?: RelationshipType[];
  at?: string;
}

/** A path as alternating nodes and the relationships between them. */
export interface GraphPath {
  nodes: GraphNode[];
  relationships: GraphRelationship[];
  length: number;
}

export interface SearchOptions {
  limit?: number;
  labels?: NodeLabel[];
  kinds?: string[];
  levels?: Level[];
  at?: string;
}

export interface SearchHit {
  id: string;
  name: string;
  label: NodeLabel;
  kind: string;
  level?: Level;
  score: number;
  /** Which field matched best: name, alias, tag, description. */
  matchedField?: string;
}

/** One element of a bulk batch, with where it came from (for row-level errors). */
export interface Origin {
  file?: string;
  row?: number;
}

export interface BulkBatch {
  nodes: Array<NodeInput & { origin?: Origin }>;
  relationships: Array<RelationshipInput & { origin?: Origin }>;
}

export interface BulkOptions {
  /**
   * merge: create new elements, update the given fields of existing ones
   * (provenance appended), leave the rest of the store alone.
   * replace: afterwards the store holds exactly the batch.
   */
  mode: 'merge' | 'replace';
  dryRun?: boolean;
  /** Batches written so far, for imports a store writes in several (Neo4j: staged imports). */
  onProgress?: (progress: BulkProgress) => void;
}

export interface BulkProgress {
  /** What the batch held; `switch` = the import made visible at once. */
  stage: 'nodes' | 'relationships' | 'log' | 'switch';
  /** Rows written so far (nodes, relationships, change entries), of `total`. */
  done: number;
  total: number;
  /** Everything written under this id is deleted if the import fails. */
  importId?: string;
}

export interface BulkCounts {
  created: number;
  updated: number;
  unchanged: number;
  deleted: number;
}

export interface BulkReport {
  nodes: BulkCounts;
  relationships: BulkCounts;
  /** Totals over nodes and relationships. */
  created: number;
  updated: number;
  unchanged: number;
  deleted: number;
  /** Non-empty means nothing was written. */
  errors: FieldError[];
  dryRun: boolean;
  revision: number;
}

export interface ChangeEntry {
  /** Position in the log, increasing by one. */
  seq: number;
  revision: number;
  at: string;
  actor: string;
  via?: string;
  op: 'create' | 'update' | 'delete';
  entity: 'node' | 'relationship';
  id: string;
  before: GraphNode | GraphRelationship | null;
  after: GraphNode | GraphRelationship | null;
}

export interface ChangeQuery extends PageRequest {
  /** ISO timestamp or date: entries at or after it. */
  since?: string;
  until?: string;
  /** Only the entries about this node/relationship id. */
  id?: string;
}

/** What `changesSince` returns. */
export interface ChangesSince {
  /** Every entry of the writes after the given revision, in seq order (whole writes only). */
  items: ChangeEntry[];
  /** More entries than `limit` were written since: read the whole topology instead. */
  more: boolean;
}

/** Lean records for analytics: topology plus what filters need. */
export interface TopologyNode {
  id: string;
  label: NodeLabel;
  kind: string;
  level?: Level;
  region?: string;
  validFrom?: string;
  validTo?: string;
}
export interface TopologyRelationship {
  id: string;
  type: RelationshipType;
  from: string;
  to: string;
  weight?: number;
  role?: string;
  validFrom?: string;
  validTo?: string;
}
export interface TopologyChunk {
  nodes: TopologyNode[];
  relationships: TopologyRelationship[];
}

export interface StoreStats {
  nodes: number;
  relationships: number;
  revision: number;
}

export interface GraphStore {
  readonly kind: 'embedded' | 'neo4j';

  /** Opens files / connections and checks them; call once before use. */
  init(): Promise<void>;
  /** Flushes and releases everything (journal, driver). Idempotent. */
  close(): Promise<void>;

  stats(): Promise<StoreStats>;
  revision(): Promise<number>;

  getNode(id: string): Promise<GraphNode>;
  /** Several nodes at once; unknown ids are left out. */
  getNodes(ids: string[]): Promise<GraphNode[]>;
  createNode(input: NodeInput, ctx: WriteContext): Promise<GraphNode>;
  updateNode(id: string, patch: NodePatch, ctx: WriteContext): Promise<GraphNode>;
  deleteNode(id: string, ctx: WriteContext, options?: { detach?: boolean }): Promise<void>;
  listNodes(filter: NodeFilter & PageRequest): Promise<Page<GraphNode>>;

  getRelationship(id: string): Promise<GraphRelationship>;
  createRelationship(input: RelationshipInput, ctx: WriteContext): Promise<GraphRelationship>;
  updateRelationship(id: string, patch: RelationshipPatch, ctx: WriteContext): Promise<GraphRelationship>;
  deleteRelationship(id: string, ctx: WriteContext): Promise<void>;
  listRelationships(filter: RelationshipFilter & PageRequest): Promise<Page<GraphRelationship>>;
  /** Every relationship touching the node (either direction), optionally filtered. */
  relationshipsOf(id: string, filter?: { types?: RelationshipType[]; at?: string }): Promise<GraphRelationship[]>;

  neighbourhood(id: string, options: NeighbourhoodOptions): Promise<Subgraph & { truncated: boolean }>;
  shortestPaths(from: string, to: string, options?: PathOptions): Promise<GraphPath[]>;
  search(q: string, options?: SearchOptions): Promise<SearchHit[]>;

  /** All-or-nothing: any error → nothing written and `errors` lists them all. */
  bulkUpsert(batch: BulkBatch, options: BulkOptions, ctx: WriteContext): Promise<BulkReport>;

  changes(query: ChangeQuery): Promise<Page<ChangeEntry>>;
  /**
   * The change feed: the entries of every committed write with a revision
   * greater than `revision`, oldest first, for consumers that keep a copy up to
   * date (the analytics topology). `limit` (default 10 000, max 100 000) bounds
   * the entries; past it `more` is true and `items` empty. Entries of a write
   * whose commit is not yet durable may be left out (they follow on the next call).
   */
  changesSince(revision: number, options?: { limit?: number }): Promise<ChangesSince>;

  /** The whole graph in chunks (full documents), for export. */
  exportAll(options?: { chunkSize?: number }): AsyncIterable<Subgraph>;
  /** The whole topology in chunks (lean records), for the analytics projection. */
  streamTopology(options?: { chunkSize?: number }): AsyncIterable<TopologyChunk>;
}
