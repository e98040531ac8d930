// AnalyticsService: what the API calls. The store's topology is held in a
// TopologyMirror kept current from the change feed (a write costs its delta,
// never a re-read of the store); projections are built from it per revision.
// Results are cached per revision: with `staleAfterMs` the last result is served
// marked `stale` while its recomputation runs in the background, so a burst of
// writes never queues reads behind recomputations. Heavy kernels run in a
// worker pool with a deadline and cancellation.

import { availableParallelism } from 'node:os';
import { TimeoutError, ValidationError, type FieldError } from '../errors.ts';
import { isIsoDay } from '../model/dates.ts';
import { LEVELS, RELATIONSHIP_TYPES, type Level, type RelationshipType } from '../model/vocabulary.ts';
import type { GraphStore } from '../store/port.ts';
import { connectedComponents } from './kernels/components.ts';
import { CENTRALITY_MEASURES, combineParts, isHeavy, isSplittable, runJob, type CentralityMeasure, type JobRequest, type JobResult } from './jobs.ts';
import { abortReason, WorkerPool } from './pool.ts';
import { TopologyMirror } from './topology-mirror.ts';
import { buildProjection, filterByMask, projectionKey, type CsrGraph, type ProjectionOptions } from './projection.ts';

export type { CentralityMeasure } from './jobs.ts';
export type { ProjectionOptions } from './projection.ts';

export interface RunOptions {
  signal?: AbortSignal;
  /** Budget for the whole call; past it the worker is terminated and TimeoutError thrown. */
  timeoutMs?: number;
  /** Fraction done, 0..1 (heavy kernels report about every percent). */
  onProgress?: (fraction: number) => void;
  /**
   * After a write, wait at most this long for the current revision's result,
   * then answer with the last one (marked `stale: true`, with the revision it
   * was computed at) while the new one goes on computing in the background;
   * 0 answers with the last result at once. Default: always wait.
   */
  staleAfterMs?: number;
}

export type CentralityOptions = ProjectionOptions & RunOptions & {
  /** Betweenness only: number of sampled sources (≥ 2); exact when absent. */
  samples?: number;
  /** Seed for sampling (betweenness) — default 0. */
  seed?: number;
  /** Use link weights (strength for degree, transition weights for PageRank, 1/weight as distance for closeness/betweenness). */
  weighted?: boolean;
};

export type CommunityOptions = ProjectionOptions & RunOptions & {
  /** Modularity resolution γ > 0 (default 1). */
  resolution?: number;
  /** Seed of the visiting order (default 0). */
  seed?: number;
};

export interface CentralityResult {
  revision: number;
  /** True when a newer revision exists and its result is being computed. */
  stale?: boolean;
  /** Sorted by score descending, ties by id. */
  scores: Array<{ id: string; score: number }>;
}

export interface CommunitiesResult {
  revision: number;
  /** True when a newer revision exists and its result is being computed. */
  stale?: boolean;
  modularity: number;
  /** Sorted by size descending; members sorted by id. */
  communities: Array<{ id: number; size: number; members: string[] }>;
}

export interface ComponentsSummary {
  count: number;
  largest: number;
  /** Component sizes, descending. */
  sizes: number[];
}

const MAX_CACHED_RESULTS = 64;
/** Worker threads in the pool: the machine's cores, at most 4. */
const WORKERS = Math.max(1, Math.min(4, availableParallelism()));
/** Split betweenness/closeness across workers when n·(n+m) is at least this (≈ 0.1 s of work). */
const SPLIT_ABOVE = 20_000_000;

export class AnalyticsService {
  private readonly useWorkers: boolean;
  private readonly defaultTimeoutMs: number;
  private pool: WorkerPool | null = null;
  private cachedRevision = -1;
  private readonly projections = new Map<string, Promise<CsrGraph>>();
  /** Results by request key, each with the revision it was computed at (kept across revisions for stale answers). */
  private readonly results = new Map<string, { revision: number; value: unknown }>();
  /** Computations running for callers that accept stale answers, by request key (one at a time per key). */
  private readonly running = new Map<string, { revision: number; promise: Promise<unknown> }>();
  /** The store's topology, kept current from its change feed. */
  readonly topology: TopologyMirror;
  private closed = false;

  constructor(
    private readonly store: GraphStore,
    options: { useWorkers?: boolean; defaultTimeoutMs?: number } = {},
  ) {
    this.useWorkers = options.useWorkers ?? true;
    this.defaultTimeoutMs = options.defaultTimeoutMs ?? 30_000;
    this.topology = new TopologyMirror(store);
  }

  /** The current revision (the mirror caught up with the store); a change drops the cached projections. */
  private async revision(): Promise<number> {
    const revision = await this.topology.sync();
    if (revision !== this.cachedRevision) {
      this.cachedRevision = revision;
      this.projections.clear();
    }
    return revision;
  }

  async projection(options: ProjectionOptions = {}): Promise<CsrGraph> {
    validateProjection(options);
    await this.revision();
    const key = projectionKey(options);
    let pending = this.projections.get(key);
    if (!pending) {
      pending = this.filteredOrBuilt(pickProjection(options));
      this.projections.set(key, pending);
      pending.catch(() => this.projections.get(key) === pending && this.projections.delete(key));
    }
    return pending;
  }

  /**
   * A level/kind filter is a node mask over the cached unfiltered projection
   * when that gives the same graph (filterByMask); anything else is built.
   */
  private async filteredOrBuilt(options: ProjectionOptions): Promise<CsrGraph> {
    if ((options.levels?.length || options.kinds?.length) && !options.types?.length && options.at === undefined) {
      const masked = filterByMask(await this.projection({ projection: options.projection }), options);
      if (masked) return masked;
    }
    return buildProjection(this.topology.chunks(), options);
  }

  async centrality(measure: CentralityMeasure, options: CentralityOptions = {}): Promise<CentralityResult> {
    const errors = projectionErrors(options);
    if (!CENTRALITY_MEASURES.includes(measure)) errors.push({ path: 'measure', message: `must be one of ${CENTRALITY_MEASURES.join(', ')}` });
    if (options.samples !== undefined && !(Number.isInteger(options.samples) && options.samples >= 2))
      errors.push({ path: 'samples', message: 'must be an integer ≥ 2' });
    checkSeed(options.seed, errors);
    checkRun(options, errors);
    throwIfAny(errors);
    const weighted = options.weighted ?? false;
    const request: JobRequest =
      measure === 'betweenness'
        ? { kind: 'centrality', measure, weighted, samples: options.samples, seed: options.seed ?? 0 }
        : { kind: 'centrality', measure, weighted };
    return this.cachedRun(options, request, (graph, result, revision) => {
      if (result.kind !== 'centrality') throw new Error('unexpected job result');
      return { revision, scores: rankScores(graph, result.scores) };
    });
  }

  async communities(options: CommunityOptions = {}): Promise<CommunitiesResult> {
    const errors = projectionErrors(options);
    if (options.resolution !== undefined && !(Number.isFinite(options.resolution) && options.resolution > 0))
      errors.push({ path: 'resolution', message: 'must be a number > 0' });
    checkSeed(options.seed, errors);
    checkRun(options, errors);
    throwIfAny(errors);
    const request: JobRequest = { kind: 'communities', resolution: options.resolution ?? 1, seed: options.seed ?? 0 };
    return this.cachedRun(options, request, (graph, result, revision) => {
      if (result.kind !== 'communities') throw new Error('unexpected job result');
      const members: string[][] = Array.from({ length: result.count }, () => []);
      for (let i = 0; i < graph.n; i++) members[result.communities[i]].push(graph.ids[i]);
      return {
        revision,
        modularity: result.modularity,
        communities: members.map((list, id) => ({ id, size: list.length, members: list })),
      };
    });
  }

  async components(options: ProjectionOptions = {}): Promise<ComponentsSummary> {
    const graph = await this.projection(options);
    const key = `components|${projectionKey(options)}`;
    const cached = this.results.get(key);
    if (cached?.revision === this.cachedRevision) return cached.value as ComponentsSummary;
    const { sizes, count } = connectedComponents(graph);
    const summary = { count, largest: count ? sizes[0] : 0, sizes: Array.from(sizes) };
    this.remember(key, this.cachedRevision, summary);
    return summary;
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.pool?.close();
    this.pool = null;
  }

  /**
   * The cached result of the current revision; else, with staleAfterMs and an
   * older result at hand, that result marked stale while the current one is
   * computed in the background; else the computation. With staleAfterMs at
   * most one computation per request key runs at a time, shared by every
   * caller: a burst of writes costs one recomputation at a time, not one per
   * write, and reads never queue behind them.
   */
  private async cachedRun<T extends { revision: number; stale?: boolean }>(
    options: ProjectionOptions & RunOptions,
    request: JobRequest,
    shape: (graph: CsrGraph, result: JobResult, revision: number) => T,
  ): Promise<T> {
    if (this.closed) throw new Error('the analytics service is closed');
    const { signal, onProgress } = options;
    if (signal?.aborted) throw abortReason(signal);
    const revision = await this.revision();
    const key = `${JSON.stringify(request)}|${projectionKey(options)}`;
    const cached = this.results.get(key);
    if (cached?.revision === revision) {
      onProgress?.(1);
      return cached.value as T;
    }
    const staleAfterMs = options.staleAfterMs;
    if (staleAfterMs === undefined) return this.compute(options, request, shape, revision, key);
    // Shared by every caller, so it runs with the service's budget and no caller's signal or progress.
    const deadline = Date.now() + (options.timeoutMs ?? this.defaultTimeoutMs);
    const inFlight = this.running.get(key) as { revision: number; promise: Promise<T> } | undefined;
    if (inFlight && inFlight.revision < revision) {
      // An older revision's computation is still running: answer stale, or wait for it and ask again.
      if (cached) return { ...(cached.value as T), stale: true };
      await withDeadline(inFlight.promise.catch(() => undefined), deadline, signal);
      return this.cachedRun({ ...options, timeoutMs: Math.max(1, deadline - Date.now()) }, request, shape);
    }
    let running = inFlight?.promise;
    if (!running) {
      const started = this.compute({ ...pickProjection(options), timeoutMs: this.defaultTimeoutMs }, request, shape, revision, key);
      running = started;
      this.running.set(key, { revision, promise: started });
      const forget = () => this.running.get(key)?.promise === started && this.running.delete(key);
      started.then(forget, forget);
    }
    if (!cached) return withDeadline(running, deadline, signal);
    running.catch(() => undefined); // a failed refresh is retried by the next call
    const stale = { ...(cached.value as T), stale: true };
    const current = staleAfterMs > 0 ? await withDeadline(running, Math.min(deadline, Date.now() + staleAfterMs), signal).catch((error: Error) => {
      if (error instanceof TimeoutError) return stale;
      throw error;
    }) : stale;
    onProgress?.(1);
    return current;
  }

  /** Projection → job (inline or worker) → shaped result, under one deadline, remembered for its revision. */
  private async compute<T>(
    options: ProjectionOptions & RunOptions,
    request: JobRequest,
    shape: (graph: CsrGraph, result: JobResult, revision: number) => T,
    revision: number,
    key: string,
  ): Promise<T> {
    const deadline = Date.now() + (options.timeoutMs ?? this.defaultTimeoutMs);
    const { signal, onProgress } = options;
    const graph = await withDeadline(this.projection(options), deadline, signal);
    let result: JobResult;
    if (this.useWorkers && isHeavy(request) && graph.n > 0) {
      result = await this.runInWorkers(graph, request, deadline, signal, onProgress);
    } else {
      // Inline kernels cannot be interrupted; they are the linear-time ones (or workers are off).
      result = runJob(graph, request, onProgress);
      if (signal?.aborted) throw abortReason(signal);
      if (Date.now() > deadline) throw new TimeoutError();
    }
    const shaped = shape(graph, result, revision);
    if (revision >= (this.results.get(key)?.revision ?? -1)) this.remember(key, revision, shaped);
    return shaped;
  }

  /**
   * One worker, or — for betweenness/closeness on graphs big enough to pay for
   * it — every worker of the pool on an interleaved share of the sources, the
   * parts added at the end. A failing part cancels its siblings.
   */
  private async runInWorkers(
    graph: CsrGraph,
    request: JobRequest,
    deadline: number,
    signal: AbortSignal | undefined,
    onProgress: ((fraction: number) => void) | undefined,
  ): Promise<JobResult> {
    this.pool ??= new WorkerPool(WORKERS);
    const topology = graph.topology();
    const parts = isSplittable(request) && graph.n * (graph.m + graph.n) >= SPLIT_ABOVE ? WORKERS : 1;
    if (parts === 1) return this.pool.run(topology, request, { deadline, signal, onProgress });
    const siblings = new AbortController();
    const forward = () => siblings.abort(signal!.reason);
    signal?.addEventListener('abort', forward, { once: true });
    const fractions = new Float64Array(parts);
    try {
      const results = await Promise.all(
        Array.from({ length: parts }, (_, index) =>
          this.pool!.run(topology, { ...request, part: { index, of: parts } } as JobRequest, {
            deadline,
            signal: siblings.signal,
            onProgress: (fraction) => {
              fractions[index] = fraction;
              onProgress?.(fractions.reduce((a, b) => a + b, 0) / parts);
            },
          }).catch((error: unknown) => {
            siblings.abort(error);
            throw error;
          }),
        ),
      );
      return combineParts(graph.n, request, results);
    } finally {
      signal?.removeEventListener('abort', forward);
    }
  }

  private remember(key: string, revision: number, value: unknown): void {
    this.results.delete(key); // re-inserted last: eviction drops the least recently computed
    if (this.results.size >= MAX_CACHED_RESULTS) this.results.delete(this.results.keys().next().value!);
    this.results.set(key, { revision, value });
  }
}

function rankScores(graph: CsrGraph, scores: Float64Array): Array<{ id: string; score: number }> {
  const order = Array.from({ length: graph.n }, (_, i) => i);
  // ids are sorted, so index order is id order for ties.
  order.sort((a, b) => scores[b] - scores[a] || a - b);
  return order.map((i) => ({ id: graph.ids[i], score: scores[i] }));
}

function withDeadline<T>(promise: Promise<T>, deadline: number, signal?: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => done(new TimeoutError()), Math.max(0, deadline - Date.now()));
    const onAbort = () => done(abortReason(signal!));
    const done = (error: Error | null, value?: T) => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      if (error) reject(error);
      else resolve(value as T);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    promise.then((value) => done(null, value), (error: Error) => done(error));
  });
}

function pickProjection(options: ProjectionOptions): ProjectionOptions {
  const { projection, levels, kinds, types, at } = options;
  return { projection, levels, kinds, types, at };
}

function projectionErrors(options: ProjectionOptions): FieldError[] {
  const errors: FieldError[] = [];
  if (options.projection !== undefined && options.projection !== 'collaboration' && options.projection !== 'full')
    errors.push({ path: 'projection', message: 'must be collaboration or full' });
  const badLevel = options.levels?.find((level) => !LEVELS.includes(level as Level));
  if (options.levels !== undefined && (!Array.isArray(options.levels) || badLevel !== undefined))
    errors.push({ path: 'levels', message: `unknown level "${badLevel}"; expected ${LEVELS.join(', ')}` });
  if (options.kinds !== undefined && (!Array.isArray(options.kinds) || options.kinds.some((kind) => typeof kind !== 'string' || !kind)))
    errors.push({ path: 'kinds', message: 'must be a list of non-empty kind names' });
  const badType = options.types?.find((type) => !RELATIONSHIP_TYPES.includes(type as RelationshipType));
  if (options.types !== undefined && (!Array.isArray(options.types) || badType !== undefined))
    errors.push({ path: 'types', message: `unknown relationship type "${badType}"` });
  if (options.at !== undefined && !(typeof options.at === 'string' && isIsoDay(options.at)))
    errors.push({ path: 'at', message: 'must be a date YYYY-MM-DD' });
  return errors;
}

function validateProjection(options: ProjectionOptions): void {
  throwIfAny(projectionErrors(options));
}

function checkSeed(seed: number | undefined, errors: FieldError[]): void {
  if (seed !== undefined && !Number.isSafeInteger(seed)) errors.push({ path: 'seed', message: 'must be an integer' });
}

function checkRun(options: RunOptions, errors: FieldError[]): void {
  if (options.timeoutMs !== undefined && !(Number.isFinite(options.timeoutMs) && options.timeoutMs > 0))
    errors.push({ path: 'timeoutMs', message: 'must be a positive number of milliseconds' });
}

function throwIfAny(errors: FieldError[]): void {
  if (errors.length) throw new ValidationError(`invalid analytics parameters: ${errors.map((e) => e.path).join(', ')}`, errors);
}
