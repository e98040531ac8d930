// A copy of some records of every node and relationship of a store, kept up to
// date from the store's change feed: one full read at start — or when the feed
// cannot bridge the gap (more than `maxDelta` entries since the copy, a
// revision missing from the feed, the store going back) — and after that only
// the entries of each committed write. The analytics topology and the
// recommenders' knowledge are two such copies.

import type { GraphNode, GraphRelationship } from '../model/schemas.ts';
import type { ChangeEntry, GraphStore } from './port.ts';

export interface FeedMirrorOptions {
  /** Records per chunk of the full read (default 10 000). */
  chunkSize?: number;
  /** Largest delta applied from the feed; beyond it the topology is read afresh (default 10 000 entries). */
  maxDelta?: number;
}

/** How a mirror reads the whole store and turns a change entry's after-image into its records. */
export interface MirrorRecords<N extends { id: string }, R extends { id: string }> {
  read(store: GraphStore, chunkSize: number): AsyncIterable<{ nodes: N[]; relationships: R[] }>;
  node(doc: GraphNode): N;
  relationship(doc: GraphRelationship): R;
}

/**
 * A copy of some records of every node and relationship of a store, kept
 * current from its change feed (one full read at start or on a gap).
 */
export class FeedMirror<N extends { id: string }, R extends { id: string }> {
  protected readonly nodes = new Map<string, N>();
  protected readonly relationships = new Map<string, R>();
  private held = -1;
  private running: Promise<number> | null = null;
  private queued: Promise<number> | null = null;
  /** Full topology reads so far (the start, then only gaps). */
  fullReads = 0;
  /** Change entries applied from the feed so far. */
  deltaEntries = 0;

  constructor(
    private readonly store: GraphStore,
    private readonly records: MirrorRecords<N, R>,
    private readonly options: FeedMirrorOptions = {},
  ) {}

  /** The store revision the copy reflects (-1 before the first sync). */
  get revision(): number {
    return this.held;
  }

  /**
   * Brings the copy up to at least the revision the store had when this was
   * called, and returns the revision held. Concurrent calls share one read; a
   * call made while a sync runs waits for the next one (so it sees writes
   * acknowledged before it).
   */
  sync(): Promise<number> {
    if (!this.running) return this.start();
    this.queued ??= this.running.catch(() => undefined).then(() => {
      this.queued = null;
      return this.start();
    });
    return this.queued;
  }

  get size(): { nodes: number; relationships: number } {
    return { nodes: this.nodes.size, relationships: this.relationships.size };
  }

  private start(): Promise<number> {
    const run = this.syncOnce().finally(() => {
      if (this.running === run) this.running = null;
    });
    this.running = run;
    return run;
  }

  private async syncOnce(): Promise<number> {
    const current = await this.store.revision();
    if (current === this.held) return this.held;
    if (this.held < 0 || current < this.held) return this.readAll();
    const { items, more } = await this.store.changesSince(this.held, { limit: this.options.maxDelta ?? 10_000 });
    if (more || !bridges(items, this.held, current)) return this.readAll();
    for (const entry of items) this.apply(entry);
    this.deltaEntries += items.length;
    this.held = items[items.length - 1].revision;
    return this.held;
  }

  /**
   * The whole topology, streamed in chunks. Writes committed during the read
   * are caught up from the feed afterwards: re-applying an entry whose effect
   * the read already saw is harmless (entries carry after-images).
   */
  private async readAll(): Promise<number> {
    this.fullReads++;
    const from = await this.store.revision();
    this.nodes.clear();
    this.relationships.clear();
    for await (const chunk of this.records.read(this.store, this.options.chunkSize ?? 10_000)) {
      for (const node of chunk.nodes) this.nodes.set(node.id, node);
      for (const rel of chunk.relationships) this.relationships.set(rel.id, rel);
    }
    this.held = from;
    const { items, more } = await this.store.changesSince(from, { limit: this.options.maxDelta ?? 10_000 });
    if (!more) {
      for (const entry of items) this.apply(entry);
      if (items.length) this.held = items[items.length - 1].revision;
    }
    return this.held;
  }

  private apply(entry: ChangeEntry): void {
    if (entry.entity === 'node') {
      if (entry.after) this.nodes.set(entry.id, this.records.node(entry.after as GraphNode));
      else this.nodes.delete(entry.id);
    } else if (entry.after) this.relationships.set(entry.id, this.records.relationship(entry.after as GraphRelationship));
    else this.relationships.delete(entry.id);
  }
}

/** The entries cover every revision after `held` up to at least `current`, without a hole. */
function bridges(items: ChangeEntry[], held: number, current: number): boolean {
  let expected = held + 1;
  for (const entry of items) {
    if (entry.revision === expected) expected++;
    else if (entry.revision !== expected - 1) return false;
  }
  return expected - 1 >= current;
}
