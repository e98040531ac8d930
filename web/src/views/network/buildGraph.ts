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

/**
 * Deterministic first positions, so the first frame is a readable map while
 * ForceAtlas2 starts in its worker: nodes of one group (the current colouring:
 * kind, level, community…) share a sunflower disc sized by their count, and the
 * discs sit on a larger sunflower, biggest group in the middle. O(n), no overlaps.
 */
export function groupedSeedPositions(groups: Map<string, number[]>, total: number): Float64Array {
  const xy = new Float64Array(total * 2);
  const ordered = [...groups.values()].sort((a, b) => b.length - a.length);
  const unit = 10;
  // Disc of g nodes: radius ∝ √g. Disc centres on a spiral spaced by the largest radius.
  const largest = Math.sqrt(ordered[0]?.length ?? 1) * unit;
  ordered.forEach((members, k) => {
    const ring = k === 0 ? 0 : largest * 1.3 * Math.sqrt(k + 0.5) * 1.6;
    const cx = ring * Math.cos(k * 2.399963);
    const cy = ring * Math.sin(k * 2.399963);
    const radius = Math.sqrt(members.length) * unit;
    members.forEach((index, i) => {
      const angle = i * 2.399963;
      const r = radius * Math.sqrt((i + 0.5) / members.length);
      xy[index * 2] = cx + r * Math.cos(angle);
      xy[index * 2 + 1] = cy + r * Math.sin(angle);
    });
  });
  return xy;
}

/**
 * Bulk construction: degrees, merged parallel edges and every attribute are
 * computed first in plain maps, then each node and edge is added once with its
 * final attributes (no per-call merging, no second pass over the graph).
 */
export function buildGraph(data: GraphData, colours: Colouring, metrics: Metrics, positions: Positions): { graph: AtlasGraph; placed: number } {
  const graph: AtlasGraph = new Graph({ type: 'undirected', multi: false, allowSelfLoops: false });
  const present = new Set<string>();
  for (const n of data.nodes) present.add(n.id);

  // One edge per unordered pair: key of its first relationship, summed weight, the types seen.
  const degree = new Map<string, number>();
  const pairs = new Map<string, { key: string; from: string; to: string; weight: number; types: string[] }>();
  for (const r of data.relationships) {
    degree.set(r.from, (degree.get(r.from) ?? 0) + 1);
    degree.set(r.to, (degree.get(r.to) ?? 0) + 1);
    if (r.from === r.to || !present.has(r.from) || !present.has(r.to)) continue;
    const pair = r.from < r.to ? `${r.from}\u0000${r.to}` : `${r.to}\u0000${r.from}`;
    const w = typeof r.properties?.weight === 'number' ? r.properties.weight : 1;
    const existing = pairs.get(pair);
    if (existing) {
      existing.weight += w;
      if (!existing.types.includes(r.type)) existing.types.push(r.type);
    } else pairs.set(pair, { key: r.id, from: r.from, to: r.to, weight: w, types: [r.type] });
  }
  const sizes = nodeSizes(data, metrics, degree);

  // Unplaced nodes start in their group's disc.
  const groups = new Map<string, number[]>();
  const colourList: string[] = new Array(data.nodes.length);
  let placed = 0;
  data.nodes.forEach((n, i) => {
    const colour = colours.colourOf(n);
    colourList[i] = colour;
    if (positions.has(n.id)) placed++;
    else {
      const list = groups.get(colour);
      if (list) list.push(i);
      else groups.set(colour, [i]);
    }
  });
  const seeded = placed < data.nodes.length ? groupedSeedPositions(groups, data.nodes.length) : null;

  // Nodes without a stored position go next to a placed neighbour when there is
  // one, so a new node appears near its context instead of in its group's disc.
  const anchorOf = new Map<string, string>();
  if (placed > 0 && placed < data.nodes.length) {
    for (const { from, to } of pairs.values()) {
      if (positions.has(from) && !positions.has(to) && !anchorOf.has(to)) anchorOf.set(to, from);
      else if (positions.has(to) && !positions.has(from) && !anchorOf.has(from)) anchorOf.set(from, to);
    }
  }

  data.nodes.forEach((n, i) => {
    const stored = positions.get(n.id) ?? positions.get(anchorOf.get(n.id) ?? '');
    const jitter = stored && !positions.has(n.id) ? 5 : 0;
    graph.addNode(n.id, {
      x: stored ? stored[0] + (Math.random() - 0.5) * jitter : seeded![i * 2],
      y: stored ? stored[1] + (Math.random() - 0.5) * jitter : seeded![i * 2 + 1],
      size: sizes.get(n.id) ?? 3,
      color: colourList[i],
      label: n.name,
      nodeType: n.label,
      kind: n.kind,
      degree: degree.get(n.id) ?? 0,
    });
  });
  for (const e of pairs.values()) {
    graph.addEdgeWithKey(e.key, e.from, e.to, { size: Math.min(4, 0.6 + Math.log2(Math.max(1, e.weight))), color: EDGE_COLOUR, types: e.types, weight: e.weight });
  }
  return { graph, placed };
}
