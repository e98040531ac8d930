// ViewState <-> URL. Only what differs from the defaults is written, so links
// stay short; unknown or malformed values fall back to the defaults instead of
// breaking the page (links travel by e-mail and chat and get mangled).
import { LEVELS, NODE_LABELS, RELATIONSHIP_TYPES } from '@atlas/graph/model/vocabulary.ts';
import { COLOUR_BY, LANGUAGES, SIZE_BY, type Camera, type Filters, type Language, type ViewState } from './types.ts';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const ID = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,199}$/;

export function browserLanguage(languages: readonly string[] = typeof navigator === 'undefined' ? [] : navigator.languages): Language {
  for (const tag of languages) {
    const base = tag.toLowerCase().split('-')[0];
    if (base === 'ca' || base === 'va') return 'ca';
    if (base === 'es' || base === 'gl' || base === 'eu') return 'es';
    if (base === 'en') return 'en';
  }
  return 'es';
}

export function emptyFilters(): Filters {
  return { labels: [], levels: [], kinds: [], types: [], topics: [] };
}

export function defaultState(lang: Language = 'es'): ViewState {
  return {
    view: 'network',
    tool: null,
    filters: emptyFilters(),
    selection: null,
    highlight: [],
    camera: null,
    at: null,
    compare: null,
    lang,
    colourBy: 'kind',
    sizeBy: 'none',
    labels: 0.5,
    params: {},
    embed: false,
  };
}

function list<T extends string>(value: string | null, allowed?: readonly T[], pattern = ID): T[] {
  if (!value) return [];
  const items = value.split(',').map((s) => s.trim()).filter(Boolean);
  return [...new Set(items.filter((s) => (allowed ? (allowed as readonly string[]).includes(s) : pattern.test(s))))] as T[];
}

function oneOf<T extends string>(value: string | null, allowed: readonly T[], fallback: T): T {
  return value !== null && (allowed as readonly string[]).includes(value) ? (value as T) : fallback;
}

function parseCamera(value: string | null): Camera | null {
  if (!value) return null;
  const [x, y, ratio, angle = 0] = value.split(',').map(Number);
  if (![x, y, ratio, angle].every(Number.isFinite) || ratio <= 0) return null;
  return { x, y, ratio, angle };
}

/** Reads the state from a location (pathname `/embed` = read-only embed mode). */
export function parseLocation(pathname: string, search: string, fallbackLang: Language): ViewState {
  const q = new URLSearchParams(search);
  const base = defaultState(oneOf(q.get('lang'), LANGUAGES, fallbackLang));
  const at = q.get('at');
  const [cmpFrom, cmpTo] = (q.get('cmp') ?? '').split('..');
  const labels = Number(q.get('lbl'));
  const params: Record<string, string> = {};
  for (const [key, value] of q) if (key.startsWith('p.') && key.length > 2) params[key.slice(2)] = value.slice(0, 500);
  const sel = q.get('sel');
  return {
    ...base,
    view: q.get('v')?.match(/^[a-z-]{1,30}$/) ? q.get('v')! : base.view,
    tool: q.get('tool')?.match(/^[a-z-]{1,30}$/) ? q.get('tool')! : null,
    filters: {
      labels: list(q.get('labels'), NODE_LABELS),
      levels: list(q.get('levels'), LEVELS),
      kinds: list(q.get('kinds'), undefined, /^[a-z_]{1,50}$/),
      types: list(q.get('types'), RELATIONSHIP_TYPES),
      topics: list(q.get('topics')),
    },
    selection: sel && ID.test(sel) ? sel : null,
    highlight: list(q.get('hl')).slice(0, 200),
    camera: parseCamera(q.get('cam')),
    at: at && DAY.test(at) ? at : null,
    compare: cmpFrom && cmpTo && DAY.test(cmpFrom) && DAY.test(cmpTo) ? { from: cmpFrom, to: cmpTo } : null,
    colourBy: oneOf(q.get('colour'), COLOUR_BY, base.colourBy),
    sizeBy: oneOf(q.get('size'), SIZE_BY, base.sizeBy),
    labels: q.has('lbl') && Number.isFinite(labels) ? Math.min(1, Math.max(0, labels)) : base.labels,
    params,
    embed: /^\/embed\/?$/.test(pathname),
  };
}

const round = (n: number, digits: number) => String(Number(n.toFixed(digits)));

/** Writes the state as `path?query` (defaults left out). */
export function toUrl(state: ViewState): string {
  const d = defaultState(state.lang);
  const q = new URLSearchParams();
  if (state.view !== d.view) q.set('v', state.view);
  if (state.tool) q.set('tool', state.tool);
  const f = state.filters;
  if (f.labels.length) q.set('labels', f.labels.join(','));
  if (f.levels.length) q.set('levels', f.levels.join(','));
  if (f.kinds.length) q.set('kinds', f.kinds.join(','));
  if (f.types.length) q.set('types', f.types.join(','));
  if (f.topics.length) q.set('topics', f.topics.join(','));
  if (state.selection) q.set('sel', state.selection);
  if (state.highlight.length) q.set('hl', state.highlight.join(','));
  if (state.camera) {
    const c = state.camera;
    q.set('cam', [round(c.x, 4), round(c.y, 4), round(c.ratio, 4), round(c.angle, 3)].join(','));
  }
  if (state.at) q.set('at', state.at);
  if (state.compare) q.set('cmp', `${state.compare.from}..${state.compare.to}`);
  q.set('lang', state.lang);
  if (state.colourBy !== d.colourBy) q.set('colour', state.colourBy);
  if (state.sizeBy !== d.sizeBy) q.set('size', state.sizeBy);
  if (state.labels !== d.labels) q.set('lbl', round(state.labels, 2));
  for (const [key, value] of Object.entries(state.params)) if (value !== '') q.set(`p.${key}`, value);
  const path = state.embed ? '/embed' : '/';
  const query = q.toString().replace(/%2C/g, ',');
  return query ? `${path}?${query}` : path;
}
