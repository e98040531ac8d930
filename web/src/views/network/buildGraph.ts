// Turns API data into the graphology graph sigma draws: one node per element
// (size from centrality or degree, colour from the chosen colouring, position
// from storage or next to an already placed neighbour), one edge per pair of
// nodes (parallel relationships merged, their count kept as weight).
import Graph from 'graphology';
import type { GraphData, Metrics } from '../../state/types.ts';
import type { Colouring } from '../../graph-data/palette.ts';
import type { Positions } from './positions.ts';

export interface NodeAttributes {
  x: number;
  y: number;
  size: number;
  color: string;
  label: string;
  nodeType: string;
  kind: string;
  /** Degree in the drawn graph, used to rank labels. */
  degree: number;
  zIndex?: number;
  hidden?: boolean;
  highlighted?: boolean;
}

export interface EdgeAttributes {
  size: number;
  color: string;
  types: string[];
  weight: number;
  hidden?: boolean;
  zIndex?: number;
}

export type AtlasGraph = Graph<NodeAttributes, EdgeAttributes>;

export const EDGE_COLOUR = '#b8c0cc';

export function nodeSizes(data: GraphData, metrics: Metrics, degree: Map<string, number>): Map<string, number> {
  const raw = new Map<string, number>();
  for (const n of data.nodes) raw.set(n.id, metrics.centrality ? (metrics.centrality.get(n.id) ?? 0) : (degree.get(n.id) ?? 0));
  let max = 0;
  for (const v of raw.values()) if (v > max) max = v;
  const big = data.nodes.length > 2000;
  const [min, top] = big ? [1.5, 12] : [4, 20];
  const sizes = new Map<string, number>();
  for (const [id, v] of raw) sizes.set(id, min + (max > 0 ? Math.sqrt(v / max) : 0) * (top - min));
  return sizes;
}

export function buildGraph(data: GraphData, colours: Colouring, metrics: Metrics, positions: Positions): { graph: AtlasGraph; placed: number } {
  const graph: AtlasGraph = new Graph({ type: 'undirected', multi: false, allowSelfLoops: false });
  const degree = new Map<string, number>();
  for (const r of data.relationships) {
    degree.set(r.from, (degree.get(r.from) ?? 0) + 1);
    degree.set(r.to, (degree.get(r.to) ?? 0) + 1);
  }
  const sizes = nodeSizes(data, metrics, degree);
  let placed = 0;
  const spread = Math.sqrt(data.nodes.length + 1) * 10;
  for (const n of data.nodes) {
    const stored = positions.get(n.id);
    if (stored) placed++;
    // Unplaced nodes start on a sunflower spiral: deterministic and free of overlaps.
    const i = graph.order;
    const angle = i * 2.399963;
    const radius = spread * Math.sqrt((i + 0.5) / (data.nodes.length + 1));
    graph.addNode(n.id, {
      x: stored ? stored[0] : radius * Math.cos(angle),
      y: stored ? stored[1] : radius * Math.sin(angle),
      size: sizes.get(n.id) ?? 3,
      color: colours.colourOf(n),
      label: n.name,
      nodeType: n.label,
      kind: n.kind,
      degree: degree.get(n.id) ?? 0,
    });
  }
  for (const r of data.relationships) {
    if (r.from === r.to || !graph.hasNode(r.from) || !graph.hasNode(r.to)) continue;
    const existing = graph.edge(r.from, r.to);
    const w = typeof r.properties?.weight === 'number' ? r.properties.weight : 1;
    if (existing !== undefined) {
      graph.updateEdgeAttributes(existing, (a) => ({ ...a, weight: a.weight + w, types: a.types.includes(r.type) ? a.types : [...a.types, r.type] }));
    } else {
      graph.addEdgeWithKey(r.id, r.from, r.to, { size: 1, color: EDGE_COLOUR, types: [r.type], weight: w });
    }
  }
  // Nodes without a stored position go next to a placed neighbour, so a new
  // node appears near its context instead of on the spiral.
  if (placed > 0 && placed < graph.order) {
    graph.forEachNode((id) => {
      if (positions.has(id)) return;
      const anchor = graph.neighbors(id).find((m) => positions.has(m));
      if (anchor) {
        const a = graph.getNodeAttributes(anchor);
        graph.mergeNodeAttributes(id, { x: a.x + (Math.random() - 0.5) * 5, y: a.y + (Math.random() - 0.5) * 5 });
      }
    });
  }
  graph.forEachEdge((e, a) => graph.setEdgeAttribute(e, 'size', Math.min(4, 0.6 + Math.log2(a.weight))));
  return { graph, placed };
}
