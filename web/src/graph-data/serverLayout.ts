// Positions computed on the server (GET /api/layout): ForceAtlas2 runs there
// once per store revision + view + filters and is cached, so every visitor
// sees the same settled map and a second open is instant. The client polls
// while the server answers 202 (progress + best positions so far) and stops at
// the 200. A server without the endpoint (404) answers `null`: the view then
// lays out in the browser as before.
import type { ApiClient } from '../api/client.ts';
import { queryString } from '../api/client.ts';

export type LayoutView = 'network' | 'collaboration';
export type PositionTable = Record<string, [number, number]>;

export interface LayoutQuery {
  at?: string | null;
  labels?: readonly string[];
  levels?: readonly string[];
  kinds?: readonly string[];
  types?: readonly string[];
  topics?: readonly string[];
}

export interface ServerLayout {
  revision: number;
  view: LayoutView;
  converged: boolean;
  iterations: number;
  positions: PositionTable;
}

export interface LayoutProgress {
  progress: number;
  iterations: number;
  positions: PositionTable;
}

/** Finished layouts of this page, by URL: switching views or filters back and forth needs no request. */
const finished = new Map<string, ServerLayout>();
const MAX_KEPT = 8;

export function layoutUrl(view: LayoutView, q: LayoutQuery): string {
  return `/api/layout${queryString({ view, at: q.at, labels: view === 'network' ? q.labels : undefined, levels: q.levels, kinds: q.kinds, types: q.types, topics: q.topics })}`;
}

/** The finished layout already fetched by this page, if any (no request). */
export function cachedLayout(view: LayoutView, q: LayoutQuery): ServerLayout | null {
  return finished.get(layoutUrl(view, q)) ?? null;
}

/** First requests started before the view mounted (prefetchServerLayout), by URL. */
const early = new Map<string, Promise<ServerLayout | null>>();

function remember(url: string, layout: ServerLayout): void {
  finished.set(url, layout);
  if (finished.size > MAX_KEPT) finished.delete(finished.keys().next().value!);
}

function requestHeaders(api: ApiClient): Record<string, string> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (api.token) headers.authorization = `Bearer ${api.token}`;
  return headers;
}

/**
 * Asks for a layout while the data is still loading: a finished layout (200)
 * lands in this page's cache, so the view builds its first map already laid
 * out; otherwise (202: the server starts computing it now) the view polls as usual.
 */
export function prefetchServerLayout(api: ApiClient, view: LayoutView, q: LayoutQuery): void {
  const url = layoutUrl(view, q);
  if (finished.has(url) || early.has(url)) return;
  const request = fetch(url, { headers: requestHeaders(api) })
    .then(async (res) => {
      if (res.status !== 200) return null;
      const body = (await res.json()) as ServerLayout;
      remember(url, body);
      return body;
    })
    .catch(() => null)
    .finally(() => early.delete(url));
  early.set(url, request);
}

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(new DOMException('aborted', 'AbortError'));
    }, { once: true });
  });

/**
 * Polls GET /api/layout until the layout is finished. `onProgress` gets each
 * 202 answer. Resolves `null` when the server has no layout endpoint (404).
 * Polls at most every `Retry-After` seconds, but the first polls come sooner
 * (small graphs finish in well under a second).
 */
export async function fetchServerLayout(
  api: ApiClient,
  view: LayoutView,
  q: LayoutQuery,
  signal: AbortSignal,
  onProgress?: (p: LayoutProgress) => void,
): Promise<ServerLayout | null> {
  const url = layoutUrl(view, q);
  const known = finished.get(url) ?? (await early.get(url));
  if (known) return known;
  if (signal.aborted) throw new DOMException('aborted', 'AbortError');
  const headers = requestHeaders(api);
  for (let poll = 0; ; poll++) {
    const res = await fetch(url, { headers, signal });
    if (res.status === 404) return null;
    if (!res.ok) throw new Error(`layout: HTTP ${res.status}`);
    const body = (await res.json()) as ServerLayout & { progress?: number };
    if (res.status === 200) {
      remember(url, body);
      return body;
    }
    onProgress?.({ progress: body.progress ?? 0, iterations: body.iterations, positions: body.positions });
    const retry = Number(res.headers.get('retry-after')) || 1;
    await sleep(Math.min(retry * 1000, 250 * 2 ** Math.min(poll, 3)), signal);
  }
}
