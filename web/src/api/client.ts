// Typed client of the atlas HTTP API. One instance per app (it holds the token).
// Errors come back as ApiError carrying the RFC 9457 problem document.
import type { GraphNode, GraphRelationship, NodeInput, NodePatch, RelationshipInput, RelationshipPatch } from '@atlas/graph/model/schemas.ts';
import type { NodeLabel, RelationshipType } from '@atlas/graph/model/vocabulary.ts';
import type {
  BulkReport, ChangeEntry, CollaboratorsAnswer, CommunitiesResult, CompactGraph, Diff, GraphPath, Health, NetworkQuery, Page, PeerAnswer, Problem,
  RankedScore, SearchHit, SpeakerAnswer, Subgraph,
} from './types.ts';
import { decodeCompactGraph } from '../graph-data/compact.ts';
import type { AcceptResult, PlaceHit, RegistrationRequest, ReviewItem, ReviewOrigin, ReviewStatus, SuggestionAnswer, SuggestionRequest } from '../review/types.ts';

export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem;
  constructor(problem: Problem) {
    super(problem.detail ?? problem.title);
    this.status = problem.status;
    this.problem = problem;
  }
}

type QueryValue = string | number | boolean | undefined | null | readonly string[];

export function queryString(params: Record<string, QueryValue>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '') continue;
    if (Array.isArray(value)) {
      if (value.length) search.set(key, value.join(','));
    } else search.set(key, String(value));
  }
  const s = search.toString();
  return s ? `?${s}` : '';
}

function networkParams(q: NetworkQuery = {}): Record<string, QueryValue> {
  return { at: q.at, levels: q.levels, kinds: q.kinds, types: q.types, topics: q.topics };
}

export interface ApiClientOptions {
  base?: string;
  token?: string | null;
  fetch?: typeof fetch;
}

export class ApiClient {
  private readonly base: string;
  private readonly doFetch: typeof fetch;
  token: string | null;

  constructor(options: ApiClientOptions = {}) {
    this.base = options.base ?? '/api';
    this.token = options.token ?? null;
    this.doFetch = options.fetch ?? ((input, init) => fetch(input, init));
  }

  async request<T>(method: string, path: string, body?: unknown, init: { signal?: AbortSignal; raw?: BodyInit; contentType?: string } = {}): Promise<T> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (this.token) headers.authorization = `Bearer ${this.token}`;
    let payload: BodyInit | undefined;
    if (init.raw !== undefined) {
      payload = init.raw;
      if (init.contentType) headers['content-type'] = init.contentType;
    } else if (body !== undefined) {
      payload = JSON.stringify(body);
      headers['content-type'] = 'application/json';
    }
    const res = await this.doFetch(this.base + path, { method, headers, body: payload, signal: init.signal });
    if (res.status === 204) return undefined as T;
    const text = await res.text();
    let json: unknown = undefined;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = undefined;
    }
    if (!res.ok) {
      const problem = (json && typeof json === 'object' ? json : { title: res.statusText || 'Error', status: res.status, detail: text.slice(0, 300) }) as Problem;
      throw new ApiError({ ...problem, status: problem.status ?? res.status, title: problem.title ?? res.statusText });
    }
    return json as T;
  }

  get<T>(path: string, signal?: AbortSignal): Promise<T> {
    return this.request<T>('GET', path, undefined, { signal });
  }

  health(): Promise<Health> {
    return this.get('/health');
  }

  /** Follows cursors until the last page (limit 1000 per request). */
  async listAll<T>(path: string, params: Record<string, QueryValue>, signal?: AbortSignal, onPage?: (count: number) => void): Promise<T[]> {
    const items: T[] = [];
    let cursor: string | undefined;
    do {
      const page = await this.get<Page<T>>(path + queryString({ ...params, limit: 1000, cursor }), signal);
      items.push(...page.items);
      onPage?.(items.length);
      cursor = page.nextCursor;
    } while (cursor);
    return items;
  }

  /**
   * The whole network (valid on `at` when given) in one columnar response
   * (GET /api/graph), decoded to summary documents; filters are applied by the
   * app, so switching them needs no reload. The browser cache revalidates with
   * the ETag, so a repeat visit with an unchanged store is a 304.
   */
  async loadGraph(at: string | null, signal?: AbortSignal): Promise<Subgraph> {
    const compact = await this.get<CompactGraph>(`/graph${queryString({ at })}`, signal);
    return decodeCompactGraph(compact);
  }

  node(id: string): Promise<GraphNode> {
    return this.get(`/nodes/${encodeURIComponent(id)}`);
  }
  createNode(input: NodeInput): Promise<GraphNode> {
    return this.request('POST', '/nodes', input);
  }
  updateNode(id: string, patch: NodePatch): Promise<GraphNode> {
    return this.request('PATCH', `/nodes/${encodeURIComponent(id)}`, patch);
  }
  deleteNode(id: string, detach = false): Promise<void> {
    return this.request('DELETE', `/nodes/${encodeURIComponent(id)}${queryString({ detach })}`);
  }
  createRelationship(input: RelationshipInput): Promise<GraphRelationship> {
    return this.request('POST', '/relationships', input);
  }
  updateRelationship(id: string, patch: RelationshipPatch): Promise<GraphRelationship> {
    return this.request('PATCH', `/relationships/${encodeURIComponent(id)}`, patch);
  }
  deleteRelationship(id: string): Promise<void> {
    return this.request('DELETE', `/relationships/${encodeURIComponent(id)}`);
  }

  async search(q: string, options: { limit?: number; labels?: NodeLabel[]; at?: string } = {}, signal?: AbortSignal): Promise<SearchHit[]> {
    const res = await this.get<{ q: string; items: SearchHit[] }>(`/search${queryString({ q, limit: options.limit ?? 10, labels: options.labels, at: options.at })}`, signal);
    return res.items;
  }

  neighbourhood(id: string, depth = 1, q: NetworkQuery = {}): Promise<Subgraph & { truncated?: boolean }> {
    return this.get(`/nodes/${encodeURIComponent(id)}/neighbourhood${queryString({ depth, ...networkParams(q) })}`);
  }

  async paths(from: string, to: string, k = 1, q: NetworkQuery = {}): Promise<GraphPath[]> {
    const res = await this.get<{ paths: GraphPath[] }>(`/paths${queryString({ from, to, k, ...networkParams(q) })}`);
    return res.paths;
  }

  collaborators(id: string, q: NetworkQuery & { limit?: number } = {}): Promise<CollaboratorsAnswer> {
    return this.get(`/actors/${encodeURIComponent(id)}/collaborators${queryString({ limit: q.limit, ...networkParams(q) })}`);
  }

  /** One page of the ranking (`limit` ≤ 1000; pass `all: true` to follow the cursors). */
  async centrality(measure: string, q: NetworkQuery & { projection?: 'full' | 'collaboration'; limit?: number; all?: boolean } = {}): Promise<RankedScore[]> {
    const params = { measure, projection: q.projection, ...networkParams(q) };
    if (q.all) return this.listAll<RankedScore>('/analytics/centrality', params);
    const res = await this.get<Page<RankedScore>>(`/analytics/centrality${queryString({ ...params, limit: q.limit ?? 100 })}`);
    return res.items;
  }

  communities(q: NetworkQuery & { resolution?: number; seed?: number; projection?: 'full' | 'collaboration'; limit?: number } = {}): Promise<CommunitiesResult> {
    return this.get(`/analytics/communities${queryString({ resolution: q.resolution, seed: q.seed, projection: q.projection, limit: q.limit, ...networkParams(q) })}`);
  }

  summary(q: NetworkQuery = {}): Promise<Record<string, unknown>> {
    return this.get(`/analytics/summary${queryString(networkParams(q))}`);
  }

  peers(actorId: string, q: NetworkQuery & { limit?: number; region?: string } = {}): Promise<PeerAnswer> {
    return this.get(`/recommendations/peers/${encodeURIComponent(actorId)}${queryString({ limit: q.limit, region: q.region, ...networkParams(q) })}`);
  }

  speakers(topic: string, params: Record<string, QueryValue> = {}): Promise<SpeakerAnswer> {
    return this.get(`/speakers${queryString({ topic, ...params })}`);
  }

  async changes(query: { id?: string; since?: string; limit?: number; cursor?: string } = {}): Promise<Page<ChangeEntry>> {
    const res = await this.get<Page<ChangeEntry> | ChangeEntry[]>(`/changes${queryString(query)}`);
    return Array.isArray(res) ? { items: res } : res;
  }

  diff(from: string, to: string, q: NetworkQuery = {}): Promise<Diff> {
    return this.get(`/diff${queryString({ from, to, ...networkParams(q) })}`);
  }

  importFile(body: BodyInit, params: { format: string; mode?: 'merge' | 'replace'; dryRun?: boolean; filename?: string }, contentType?: string): Promise<BulkReport> {
    return this.request('POST', `/import${queryString(params)}`, undefined, { raw: body, contentType });
  }

  /** POST /api/suggestions: a document → candidates (queued for review unless dryRun). */
  suggest(body: SuggestionRequest): Promise<SuggestionAnswer> {
    return this.request('POST', '/suggestions', body);
  }
  /** GET /api/review (editors): the queue, oldest first. */
  async reviewItems(filter: { status?: ReviewStatus[]; source?: string; origin?: ReviewOrigin; batch?: string; limit?: number } = {}): Promise<ReviewItem[]> {
    const res = await this.get<{ items: ReviewItem[] }>(`/review${queryString({ status: filter.status, source: filter.source, origin: filter.origin, batch: filter.batch, limit: filter.limit })}`);
    return res.items;
  }
  reviewItem(id: string): Promise<ReviewItem> {
    return this.get(`/review/${encodeURIComponent(id)}`);
  }
  acceptReviewItem(id: string, body: { edits?: Partial<NodeInput>; mergeInto?: string; createNew?: boolean } = {}): Promise<AcceptResult> {
    return this.request('POST', `/review/${encodeURIComponent(id)}/accept`, body);
  }
  rejectReviewItem(id: string, reason?: string): Promise<ReviewItem> {
    return this.request('POST', `/review/${encodeURIComponent(id)}/reject`, reason ? { reason } : {});
  }
  /** POST /api/register (public self-registration). */
  register(body: RegistrationRequest): Promise<{ status: 'pending'; id?: string; items?: number }> {
    return this.request('POST', '/register', body);
  }
  async places(q: string, limit = 8, signal?: AbortSignal): Promise<PlaceHit[]> {
    const res = await this.get<{ places: PlaceHit[] }>(`/places/search${queryString({ q, limit })}`, signal);
    return res.places;
  }

  /** URL of an export download (the browser fetches it; token-less public read). */
  exportUrl(format: string, q: NetworkQuery & { ids?: string[] } = {}): string {
    return `${this.base}/export${queryString({ format, ids: q.ids, ...networkParams(q) })}`;
  }
}
