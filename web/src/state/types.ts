// The contract shared by every view and tool of the web app (WEB-CORE owns it;
// WEB-TOOLS builds against it). Everything in ViewState is written to the URL,
// so a reload or a shared link restores it (see state/url.ts).
import type { ComponentType } from 'react';
import type { GraphNode, GraphRelationship } from '@atlas/graph/model/schemas.ts';
import type { Level, NodeLabel, RelationshipType } from '@atlas/graph/model/vocabulary.ts';
import type { ApiClient } from '../api/client.ts';

export type { GraphNode, GraphRelationship, Level, NodeLabel, RelationshipType };

export const LANGUAGES = ['es', 'ca', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export const COLOUR_BY = ['kind', 'level', 'label', 'community'] as const;
export type ColourBy = (typeof COLOUR_BY)[number];

/** `none` sizes nodes by degree in the current data (cheap, local). */
export const SIZE_BY = ['none', 'degree', 'betweenness', 'closeness', 'pagerank', 'eigenvector'] as const;
export type SizeBy = (typeof SIZE_BY)[number];

export interface Filters {
  labels: NodeLabel[];
  levels: Level[];
  kinds: string[];
  types: RelationshipType[];
  /** Topic node ids: keep what is linked to any of them. */
  topics: string[];
}

/** Sigma camera state (graph-normalised coordinates). */
export interface Camera {
  x: number;
  y: number;
  ratio: number;
  angle: number;
}

export interface ViewState {
  /** Registry id of the active view: 'network' | 'table' | 'rings' | 'map' … */
  view: string;
  /** Registry id of the open tool panel, or null. */
  tool: string | null;
  filters: Filters;
  /** Selected node id (opens the side panel). */
  selection: string | null;
  /** Node ids a tool wants highlighted (path, partners, speakers…); empty = none. */
  highlight: string[];
  camera: Camera | null;
  /** Show the network as it was on this day (YYYY-MM-DD), or null for today. */
  at: string | null;
  /** "What changed" mode between two days, or null. */
  compare: { from: string; to: string } | null;
  lang: Language;
  colourBy: ColourBy;
  sizeBy: SizeBy;
  /** Label density 0..1 (0 = only the biggest nodes are labelled). */
  labels: number;
  /**
   * Tool-specific parameters, namespaced by the tool: { 'path.from': 'thivic', 'speakers.topic': 'govtech' }.
   * Well-known keys set by the side panel's actions: 'path.from' (tool 'paths'),
   * 'partners.actor' (tool 'partners'), 'edit.id' (tool 'edit'); 'focus' + 'depth'
   * restrict every view to a node's neighbourhood (handled by the app).
   */
  params: Record<string, string>;
  /** Read-only embed mode (/embed?...): no editing, no tool panels that write. */
  embed: boolean;
}

/** filters and params merge key by key (a param set to '' is removed); other fields replace. */
export type ViewStatePatch = Partial<Omit<ViewState, 'filters'>> & { filters?: Partial<Filters> };

/** Nodes and relationships from the API, already filtered by ViewState.filters/at. */
export interface GraphData {
  nodes: GraphNode[];
  relationships: GraphRelationship[];
}

/** Per-node numbers computed by the API for the current filters (loaded on demand). */
export interface Metrics {
  /** Scores for state.sizeBy when it is a centrality measure. */
  centrality: Map<string, number> | null;
  /** Community id per node when state.colourBy === 'community'. */
  community: Map<string, string> | null;
  /** When state.compare is set: what appeared / changed / ended between the two days. */
  diff: { added: Set<string>; changed: Set<string>; removed: Set<string> } | null;
}

/** What a view can hand to the export tool (PNG/SVG of the current view). */
export interface ViewExporter {
  toPNG(): Promise<Blob>;
  /** Optional: views drawn with SVG return their markup. */
  toSVG?(): string;
}

/** Props handed to every view. */
export interface ViewProps {
  data: GraphData;
  state: ViewState;
  update(patch: ViewStatePatch): void;
  select(id: string | null): void;
  metrics: Metrics;
  api: ApiClient;
  /** A view sets `exporter.current` when mounted and clears it on unmount. */
  exporter: { current: ViewExporter | null };
}

/** Props handed to every tool panel (rendered in the tool drawer). */
export interface ToolProps {
  data: GraphData;
  state: ViewState;
  update(patch: ViewStatePatch): void;
  select(id: string | null): void;
  metrics: Metrics;
  api: ApiClient;
  exporter: { current: ViewExporter | null };
  /** The signed-in role, or null when anonymous (public read). */
  role: 'viewer' | 'editor' | 'admin' | null;
  /** Ask the app to reload data after a write (import, edit). */
  refresh(): void;
}

export interface ViewEntry {
  id: string;
  /** i18n key of the view's title (tab label). */
  titleKey: string;
  component: ComponentType<ViewProps>;
}

export interface ToolEntry {
  id: string;
  titleKey: string;
  component: ComponentType<ToolProps>;
  /** Only shown to editors and admins (import, edit…). */
  editorOnly?: boolean;
  /** Not shown in /embed read-only mode. */
  hiddenInEmbed?: boolean;
}
