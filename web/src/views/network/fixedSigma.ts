// Sigma on fixed positions (rings, Spain map): the network view's settings
// (labels by sigma's label grid, cheap modes for big graphs), no layout, and
// hover / keyboard focus / selection / highlight drawn by reducers over a
// focus state held outside React (a change is one refresh, no rebuild).
import Sigma from 'sigma';
import type Graph from 'graphology';
import type { Attributes } from 'graphology-types';
import { COMMON_SETTINGS, labelSettings, scaleSettings } from './sigmaSettings.ts';

export const DIMMED_NODE = '#e4e7eb';
export const STRONG_EDGE = '#4a5563';

export interface FocusState {
  hover: string | null;
  selection: string | null;
  highlight: ReadonlySet<string>;
}

export interface FixedNode extends Attributes {
  x: number;
  y: number;
  size: number;
  color: string;
  label: string;
  hidden?: boolean;
  forceLabel?: boolean;
  highlighted?: boolean;
  zIndex?: number;
}

type NodeReducer = (node: string, attrs: FixedNode) => Partial<FixedNode>;

/**
 * Node and edge reducers for hover (the node and its neighbours), a highlight
 * set (tools: paths, partners…) and the selection. `base` runs first (e.g. the
 * map's zoom tiers hide nodes); hidden nodes stay hidden.
 */
export function focusReducers(graph: Graph, focus: () => FocusState, base?: NodeReducer, hideEdges?: () => boolean) {
  let hovered: string | null = null;
  let neighbours = new Set<string>();
  const near = (hover: string) => {
    if (hover !== hovered) {
      hovered = hover;
      neighbours = new Set(graph.hasNode(hover) ? graph.neighbors(hover) : []);
      neighbours.add(hover);
    }
    return neighbours;
  };
  const shown = (s: FocusState): ReadonlySet<string> | null => (s.hover ? near(s.hover) : s.highlight.size ? s.highlight : null);
  return {
    nodeReducer: (node: string, attrs: FixedNode): Partial<FixedNode> => {
      const a = base ? base(node, attrs) : attrs;
      if (a.hidden) return a;
      const s = focus();
      const set = shown(s);
      if (!set && node !== s.selection) return a;
      const out: Partial<FixedNode> = { ...a };
      if (set) {
        if (set.has(node)) {
          out.forceLabel = true;
          out.zIndex = 2;
        } else {
          out.color = DIMMED_NODE;
          out.label = '';
          out.zIndex = 0;
        }
      }
      if (node === s.selection) {
        out.highlighted = true;
        out.forceLabel = true;
        out.zIndex = 3;
      }
      return out;
    },
    edgeReducer: (edge: string, attrs: Attributes): Attributes => {
      if (hideEdges?.()) return { ...attrs, hidden: true };
      const s = focus();
      const set = shown(s);
      if (!set && !s.selection) return attrs;
      const [a, b] = graph.extremities(edge);
      if (set) return set.has(a) && set.has(b) ? { ...attrs, color: s.hover ? STRONG_EDGE : attrs.color, zIndex: 1 } : { ...attrs, hidden: true };
      return a === s.selection || b === s.selection ? { ...attrs, color: STRONG_EDGE, zIndex: 1 } : attrs;
    },
  };
}

/** A sigma renderer with the shared settings, the focus reducers and `clickNode` wired; kill() it on unmount. */
export function fixedSigma(
  graph: Graph,
  container: HTMLElement,
  options: { labels: number; focus: () => FocusState; base?: NodeReducer; hideEdges?: () => boolean; bbox?: { x: [number, number]; y: [number, number] } },
): Sigma {
  const reducers = focusReducers(graph, options.focus, options.base, options.hideEdges);
  const renderer = new Sigma(graph, container, {
    ...COMMON_SETTINGS,
    ...labelSettings(options.labels, graph.order > 2000),
    ...scaleSettings(graph.size, graph.order),
    // Hover and selection reorder nodes: keep zIndex even for big edge counts (few nodes here).
    zIndex: true,
    enableEdgeEvents: false,
    nodeReducer: reducers.nodeReducer as never,
    edgeReducer: reducers.edgeReducer as never,
  });
  if (options.bbox) {
    // Frame the whole background (Spain, the outer ring), not just the nodes' extent.
    renderer.setCustomBBox(options.bbox);
    renderer.refresh();
  }
  return renderer;
}

/** Drawing coordinates (y down) → graph coordinates (y up, as sigma draws them). */
export function graphY(y: number): number {
  return -y;
}
