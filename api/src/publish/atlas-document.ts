// Builds the one-file atlas document (graph/src/publish/atlas-format.ts) from
// the store: the nodes and relationships the map shows under the filters
// (network: the same rule as GET /api/graph; collaboration: the actor–actor
// projection of GET /api/collaboration), the server layout's positions, and
// the provenance of each node with its quotes. A published atlas is public:
// personal data are always redacted as for an anonymous viewer, whoever asks.

import type { GraphNode, GraphRelationship, GraphStore, Level, NodeLabel, RelationshipType } from '@atlas/graph';
import type { LayoutService } from '@atlas/graph/layout/service.ts';
import { ATLAS_FORMAT, ATLAS_NO_VALUE_COLOUR, ATLAS_PALETTE, type AtlasDocument, type AtlasLanguage, type AtlasProvenance, type AtlasView } from '@atlas/graph/publish/atlas-format.ts';
import { redactForViewer } from '../auth/personal-data.ts';
import { filterNetwork } from '../routes/graph.ts';
import { collaborationProjection } from '../routes/collaboration.ts';

export interface AtlasFilters {
  at?: string;
  levels?: Level[];
  kinds?: string[];
  labels?: NodeLabel[];
  types?: RelationshipType[];
  topics?: string[];
}

export interface AtlasOptions {
  view: AtlasView;
  lang: AtlasLanguage;
  filters: AtlasFilters;
  /** Where the data came from (the site's address, or the data directory). */
  source: string;
  title?: string;
  /** Licence / attribution text; default: the sources of the data, most used first. */
  attribution?: string;
  /** How long to wait for the layout to settle before taking its best positions so far (default 60 s). */
  layoutWaitMs?: number;
  now?: Date;
}

const DEFAULT_TITLE: Record<AtlasLanguage, string> = { es: 'Atlas del ecosistema', ca: "Atles de l'ecosistema", en: 'Ecosystem atlas' };
/** Quotes are short by schema (≤ 5000); the page keeps the first 600 characters of each. */
const QUOTE_MAX = 600;
const DESCRIPTION_MAX = 800;

const clip = (text: string | undefined, max: number) => (text === undefined ? undefined : text.length > max ? `${text.slice(0, max - 1)}…` : text);

async function readAll(store: GraphStore): Promise<{ nodes: GraphNode[]; relationships: GraphRelationship[] }> {
  const nodes: GraphNode[] = [];
  const relationships: GraphRelationship[] = [];
  for await (const chunk of store.exportAll({ chunkSize: 5000 })) {
    for (const node of chunk.nodes) nodes.push(node);
    for (const rel of chunk.relationships) relationships.push(rel);
  }
  return { nodes, relationships };
}

/** The layout's positions: finished, or the best so far once `waitMs` has passed. */
async function positionsOf(layouts: LayoutService, view: AtlasView, filters: AtlasFilters, waitMs: number): Promise<{ positions: Record<string, [number, number]>; converged: boolean; revision: number }> {
  let timer: NodeJS.Timeout | undefined;
  const done = await Promise.race([
    layouts.result(view, filters).then(() => true),
    new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), waitMs))),
  ]).finally(() => clearTimeout(timer));
  const layout = await layouts.get(view, filters);
  return { positions: layout.positions, converged: done && layout.converged, revision: layout.revision };
}

function placeText(node: GraphNode): string | null {
  const p = node.place;
  if (!p) return null;
  const parts = [p.municipality, p.province, p.region, p.country].filter((v, i, all): v is string => !!v && all.indexOf(v) === i);
  return parts.length ? parts.join(', ') : null;
}

export async function buildAtlasDocument(store: GraphStore, layouts: LayoutService, options: AtlasOptions): Promise<AtlasDocument> {
  const { view, filters } = options;
  const layout = await positionsOf(layouts, view, filters, options.layoutWaitMs ?? 60_000);
  const all = await readAll(store);

  let nodes: GraphNode[];
  let edges: Array<{ from: number; to: number; type: string; weight: number }>;
  if (view === 'network') {
    const shown = filterNetwork(all.nodes, all.relationships, { ...filters } as Parameters<typeof filterNetwork>[2]);
    nodes = shown.nodes;
    const index = new Map(nodes.map((n, i) => [n.id, i]));
    edges = shown.relationships.map((r) => ({ from: index.get(r.from)!, to: index.get(r.to)!, type: r.type, weight: 1 }));
  } else {
    const projection = collaborationProjection(all.nodes, all.relationships, { at: filters.at, levels: filters.levels, kinds: filters.kinds, types: filters.types, topics: filters.topics, items: 0 });
    nodes = projection.actors;
    edges = projection.links.map((l) => ({ from: l.a, to: l.b, type: 'COLLABORATES', weight: l.weight }));
  }
  nodes = nodes.map(redactForViewer);

  // Kinds ranked by frequency, coloured as the web app colours them.
  const counts = new Map<string, number>();
  for (const n of nodes) counts.set(n.kind ?? '', (counts.get(n.kind ?? '') ?? 0) + 1);
  const ranked = [...counts.entries()].sort((a, b) => (a[0] === '' ? 1 : 0) - (b[0] === '' ? 1 : 0) || b[1] - a[1] || a[0].localeCompare(b[0]));
  const legend = ranked.map(([kind, count], i) => ({ kind, count, colour: kind === '' ? ATLAS_NO_VALUE_COLOUR : ATLAS_PALETTE[i % ATLAS_PALETTE.length] }));
  const legendIndex = new Map(legend.map((entry, i) => [entry.kind, i]));

  const sources: string[] = [];
  const sourceIndex = new Map<string, number>();
  const sourceUse: number[] = [];
  const sourceOf = (name: string) => {
    let i = sourceIndex.get(name);
    if (i === undefined) {
      i = sources.push(name) - 1;
      sourceIndex.set(name, i);
      sourceUse.push(0);
    }
    sourceUse[i]++;
    return i;
  };

  const n = nodes.length;
  const doc: AtlasDocument = {
    format: ATLAS_FORMAT,
    title: options.title ?? DEFAULT_TITLE[options.lang],
    source: options.source,
    generatedAt: (options.now ?? new Date()).toISOString(),
    revision: layout.revision,
    attribution: '',
    view,
    lang: options.lang,
    filters: Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== undefined && (!Array.isArray(v) || v.length))),
    converged: layout.converged,
    sources,
    legend,
    nodes: { id: [], name: [], label: [], kind: [], level: [], place: [], description: [], x: [], y: [], provenance: [] },
    edges: { from: [], to: [], type: [], weight: [] },
  };
  nodes.forEach((node, i) => {
    const cols = doc.nodes;
    cols.id.push(node.id);
    cols.name.push(node.name);
    cols.label.push(node.label);
    cols.kind.push(legendIndex.get(node.kind ?? '')!);
    cols.level.push(node.level ?? null);
    cols.place.push(placeText(node));
    cols.description.push(clip(node.description ?? node.summary, DESCRIPTION_MAX) ?? null);
    // A node the layout has no position for (it cannot happen for the same filters) goes on a ring around the map.
    const p = layout.positions[node.id] ?? [1100 * Math.cos((2 * Math.PI * i) / n), 1100 * Math.sin((2 * Math.PI * i) / n)];
    cols.x.push(Math.round(p[0] * 10) / 10);
    cols.y.push(Math.round(p[1] * 10) / 10);
    cols.provenance.push(
      (node.provenance ?? []).map((prov): AtlasProvenance => ({
        s: sourceOf(prov.source),
        confidence: prov.confidence,
        ...(prov.quote && { quote: clip(prov.quote, QUOTE_MAX) }),
        ...(prov.url && { url: prov.url }),
      })),
    );
  });
  for (const e of edges) {
    doc.edges.from.push(e.from);
    doc.edges.to.push(e.to);
    doc.edges.type.push(e.type);
    doc.edges.weight.push(e.weight);
  }
  doc.attribution = options.attribution ?? defaultAttribution(sources, sourceUse, options.lang);
  return doc;
}

const ATTRIBUTION_WORDS: Record<AtlasLanguage, { sources: string; none: string; more: (n: number) => string }> = {
  es: { sources: 'Fuentes', none: 'ninguna registrada', more: (n) => ` y ${n} más` },
  ca: { sources: 'Fonts', none: 'cap registrada', more: (n) => ` i ${n} més` },
  en: { sources: 'Sources', none: 'none recorded', more: (n) => ` and ${n} more` },
};

/** "Sources: a; b; c and N more." in the atlas' language — the most used sources first. */
function defaultAttribution(sources: string[], use: number[], lang: AtlasLanguage): string {
  const words = ATTRIBUTION_WORDS[lang];
  const ranked = sources.map((s, i) => [s, use[i]] as const).sort((a, b) => b[1] - a[1]);
  if (!ranked.length) return `${words.sources}: ${words.none}.`;
  const named = ranked.slice(0, 3).map(([s]) => s);
  return `${words.sources}: ${named.join('; ')}${ranked.length > 3 ? words.more(ranked.length - 3) : ''}.`;
}
