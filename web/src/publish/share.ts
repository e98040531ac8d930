// Links for sharing the current view: the permalink (the app at this state),
// the read-only embed (/embed with the same view, filters, language and
// camera) with its <iframe> snippet, and the published files of
// GET /api/export (one-file atlas, map images) for the map's view and filters.
import { toUrl } from '../state/url.ts';
import type { ViewState } from '../state/types.ts';

/** The views the server can lay out and draw (the others publish the network). */
export function publishedView(view: string): 'network' | 'collaboration' {
  return view === 'collaboration' ? 'collaboration' : 'network';
}

export function permalink(origin: string, state: ViewState): string {
  return origin + toUrl({ ...state, embed: false, tool: null });
}

export function embedUrl(origin: string, state: ViewState): string {
  return origin + toUrl({ ...state, embed: true, tool: null });
}

const escapeAttribute = (text: string) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

export function iframeSnippet(src: string, title: string, width: number, height: number): string {
  return `<iframe src="${escapeAttribute(src)}" width="${width}" height="${height}" style="border:0" title="${escapeAttribute(title)}" loading="lazy" allowfullscreen></iframe>`;
}

/** GET /api/export for a published format with the map's view and filters. */
export function publishUrl(state: ViewState, format: 'html' | 'svg' | 'png', extra: Record<string, string | number> = {}): string {
  const q = new URLSearchParams({ format, view: publishedView(state.view), lang: state.lang });
  const f = state.filters;
  if (f.levels.length) q.set('levels', f.levels.join(','));
  if (f.kinds.length) q.set('kinds', f.kinds.join(','));
  if (f.types.length) q.set('types', f.types.join(','));
  if (f.topics.length) q.set('topics', f.topics.join(','));
  if (f.labels.length && publishedView(state.view) === 'network') q.set('labels', f.labels.join(','));
  if (state.at) q.set('at', state.at);
  for (const [key, value] of Object.entries(extra)) q.set(key, String(value));
  return `/api/export?${q.toString().replace(/%2C/g, ',')}`;
}
