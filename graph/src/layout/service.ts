// LayoutService: what GET /api/layout calls. One layout per store revision +
// view + filters, computed in a worker thread, kept in a bounded LRU. A request
// never waits for ForceAtlas2: it gets the finished layout, or the positions so
// far (at first the deterministic or warm-started placement) with a progress
// fraction. A new revision's layout warm-starts from the last one of the same
// view and filters (or, failing that, of the same view), so the map a user
// knows keeps its shape.

import { Worker } from 'node:worker_threads';
import type { CsrGraph, ProjectionOptions } from '../analytics/projection.ts';
import type { GraphStore } from '../store/port.ts';
import { initialPositions, warmStartPositions } from './initial.ts';
import { normalisedPositions } from './normalise.ts';
import { runLayout, type LayoutRunOptions } from './run.ts';
import { collaborationGraph, layoutKey, networkGraph, type LayoutFilters, type LayoutGraph, type LayoutView } from './views.ts';
import type { LayoutJob, LayoutWorkerMessage } from './worker.ts';

export { LAYOUT_VIEWS, type LayoutFilters, type LayoutView } from './views.ts';

export interface LayoutSnapshot {
  revision: number;
  view: LayoutView;
  /** True when the stopping rule held; false while running, or when the iteration cap stopped it. */
  converged: boolean;
  /** True once the layout will not change any more (converged or capped). */
  done: boolean;
  iterations: number;
  /** 0..1 (1 when done). */
  progress: number;
  /** Node id → [x, y], normalised to [-1000, 1000]. */
  positions: Record<string, [number, number]>;
  /** Milliseconds since the layout started. */
  elapsedMs: number;
}

export interface LayoutServiceOptions {
  /** The analytics service's cached projection (shared with the other collaboration reads); built from the store when absent. */
  projection?: (options: ProjectionOptions) => Promise<CsrGraph>;
  /** Run ForceAtlas2 in a worker thread (default true); false runs it inline (tests of the maths only). */
  useWorker?: boolean;
  /** Finished layouts kept (default 16). */
  cacheSize?: number;
  run?: Omit<LayoutRunOptions, 'onProgress' | 'known'>;
}

/** A layout stops after this long even if it has not settled (the generated 100k-actor / 1M-link network settles in 89 iterations, ~30 s, on this machine). */
const DEFAULT_MAX_MS = 300_000;

interface Entry {
  revision: number;
  key: string;
  view: LayoutView;
  ids: string[];
  x: Float64Array;
  y: Float64Array;
  iterations: number;
  progress: number;
  converged: boolean;
  done: boolean;
  failed?: Error;
  started: number;
  finished?: number;
  /** Settles when the layout is done (or failed). */
  whenDone: Promise<void>;
  /** Normalised positions, memoised once done. */
  positions?: Record<string, [number, number]>;
}

export class LayoutService {
  private readonly entries = new Map<string, Promise<Entry>>();
  /** Cache keys of the entries that are done. */
  private readonly finished = new Set<string>();
  /** Latest entry per view + filters, and per view: warm-start sources. */
  private readonly latestByKey = new Map<string, Entry>();
  private readonly latestByView = new Map<LayoutView, Entry>();
  private readonly cacheSize: number;
  private worker: Worker | null = null;
  private queue: Promise<void> = Promise.resolve();
  private nextId = 1;
  private closed = false;

  constructor(
    private readonly store: GraphStore,
    private readonly options: LayoutServiceOptions = {},
  ) {
    this.cacheSize = options.cacheSize ?? 16;
  }

  /** The layout for the current revision: finished, or in progress (started if needed). */
  async get(view: LayoutView, filters: LayoutFilters = {}): Promise<LayoutSnapshot> {
    return snapshot(await this.entry(view, filters));
  }

  /** Waits for the layout of the current revision to finish. */
  async result(view: LayoutView, filters: LayoutFilters = {}): Promise<LayoutSnapshot> {
    const entry = await this.entry(view, filters);
    await entry.whenDone;
    return snapshot(entry);
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.worker?.terminate();
    this.worker = null;
  }

  private async entry(view: LayoutView, filters: LayoutFilters): Promise<Entry> {
    if (this.closed) throw new Error('the layout service is closed');
    const revision = await this.store.revision();
    const key = layoutKey(view, filters);
    const cacheKey = `${revision}|${key}`;
    let pending = this.entries.get(cacheKey);
    if (pending) {
      // LRU: a hit moves to the back.
      this.entries.delete(cacheKey);
      this.entries.set(cacheKey, pending);
    } else {
      pending = this.start(revision, key, view, filters);
      this.entries.set(cacheKey, pending);
      const current = pending;
      current.then(
        (entry) =>
          entry.whenDone.then(() => {
            if (this.entries.get(cacheKey) !== current) return;
            if (entry.failed) this.entries.delete(cacheKey);
            else {
              this.finished.add(cacheKey);
              this.evict();
            }
          }),
        () => this.entries.get(cacheKey) === current && this.entries.delete(cacheKey),
      );
      this.evict();
    }
    const entry = await pending;
    if (entry.failed) throw entry.failed;
    return entry;
  }

  /** Drops the least recently used finished layouts beyond the cache size. */
  private evict(): void {
    // Running layouts stay (someone is polling them); they become evictable when done.
    for (const cacheKey of this.entries.keys()) {
      if (this.entries.size <= this.cacheSize) break;
      if (this.finished.has(cacheKey)) {
        this.entries.delete(cacheKey);
        this.finished.delete(cacheKey);
      }
    }
  }

  private async start(revision: number, key: string, view: LayoutView, filters: LayoutFilters): Promise<Entry> {
    const graph = await this.graphOf(view, filters);
    const source = this.latestByKey.get(key) ?? this.latestByView.get(view);
    let start: { x: Float64Array; y: Float64Array };
    let known: Uint8Array | undefined;
    if (source && source.revision <= revision) {
      const previous = new Map<string, [number, number]>();
      source.ids.forEach((id, i) => previous.set(id, [source.x[i], source.y[i]]));
      const warm = warmStartPositions(graph.topology, graph.ids, previous);
      start = warm;
      if (warm.reused) known = warm.known;
    } else start = initialPositions(graph.ids);
    let resolve!: () => void;
    const whenDone = new Promise<void>((r) => (resolve = r));
    const entry: Entry = {
      revision, key, view, ids: graph.ids, x: start.x, y: start.y, iterations: 0, progress: 0,
      converged: false, done: false, started: Date.now(), whenDone,
    };
    this.latestByKey.set(key, entry);
    this.latestByView.set(view, entry);
    if (this.latestByKey.size > 4 * this.cacheSize) this.latestByKey.delete(this.latestByKey.keys().next().value!);
    const finish = (error?: Error) => {
      entry.done = true;
      entry.finished = Date.now();
      if (error) {
        entry.failed = error;
        if (this.latestByKey.get(key) === entry) this.latestByKey.delete(key);
        if (this.latestByView.get(view) === entry) this.latestByView.delete(view);
      } else entry.progress = 1;
      resolve();
    };
    // One layout at a time: the machine's cores are shared with the API and analytics.
    this.queue = this.queue.then(() => this.compute(entry, graph, start, known).then(() => finish(), (error: Error) => finish(error)));
    return entry;
  }

  private graphOf(view: LayoutView, filters: LayoutFilters): Promise<LayoutGraph> {
    if (view === 'network') return networkGraph(this.store.streamTopology(), filters);
    return collaborationGraph(() => this.store.streamTopology(), filters, this.options.projection);
  }

  private async compute(entry: Entry, graph: LayoutGraph, start: { x: Float64Array; y: Float64Array }, known: Uint8Array | undefined): Promise<void> {
    if (this.closed) throw new Error('the layout service is closed');
    const runOptions = { maxMs: DEFAULT_MAX_MS, ...this.options.run };
    if (this.options.useWorker === false) {
      const run = runLayout(graph.topology, start, { ...runOptions, known });
      Object.assign(entry, { x: run.x, y: run.y, iterations: run.iterations, converged: run.converged });
      return;
    }
    const worker = (this.worker ??= this.spawn());
    const id = this.nextId++;
    await new Promise<void>((resolve, reject) => {
      const onMessage = (message: LayoutWorkerMessage) => {
        if (message.id !== id) return;
        if (message.type === 'progress') {
          Object.assign(entry, { x: message.x, y: message.y, iterations: message.iterations, progress: message.fraction });
          return;
        }
        cleanup();
        if (message.type === 'result') {
          Object.assign(entry, { x: message.x, y: message.y, iterations: message.iterations, converged: message.converged });
          resolve();
        } else reject(new Error(message.message));
      };
      const onError = (error: Error) => {
        cleanup();
        this.worker = null;
        reject(error);
      };
      const onExit = (code: number) => {
        cleanup();
        this.worker = null;
        reject(new Error(`layout worker exited with code ${code}`));
      };
      const cleanup = () => {
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
        worker.unref();
      };
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
      worker.ref(); // keep the process alive while a layout runs
      worker.postMessage({ id, topology: graph.topology, x: start.x, y: start.y, known, options: runOptions } satisfies LayoutJob);
    });
  }

  private spawn(): Worker {
    const worker = new Worker(new URL('./worker-entry.mjs', import.meta.url));
    worker.unref(); // an idle worker never keeps the process alive
    return worker;
  }
}

function snapshot(entry: Entry): LayoutSnapshot {
  let positions = entry.positions;
  if (!positions) {
    positions = normalisedPositions(entry.ids, entry.x, entry.y);
    if (entry.done) entry.positions = positions;
  }
  return {
    revision: entry.revision,
    view: entry.view,
    converged: entry.converged,
    done: entry.done,
    iterations: entry.iterations,
    progress: entry.done ? 1 : entry.progress,
    positions,
    elapsedMs: (entry.finished ?? Date.now()) - entry.started,
  };
}
