// Sigma settings shared by the network and collaboration views: labels by
// sigma's label grid (one label per cell, biggest nodes first, none under a
// rendered size), and the cheap drawing modes for big graphs.
import { EdgeLineProgram, NodePointProgram } from 'sigma/rendering';

/**
 * Above this many edges, edges are hidden while the camera moves: sigma's
 * instanced edge quads dominate a frame on software WebGL (H2020's 3k edges:
 * 3.3 → 16 fps in pan/zoom when hidden).
 */
export const BIG_EDGES = 1_000;
/** Above this many edges, edges are drawn as 1-px GL lines (2 vertices instead of a 6-vertex quad). */
export const HUGE_EDGES = 20_000;

/** Label settings from the density control (0 = only hubs, 1 = as many as fit). */
export function labelSettings(density: number, big: boolean) {
  return {
    labelDensity: 0.1 + density * 1.4,
    labelGridCellSize: Math.round(220 - density * 160),
    // The grid already keeps one label per cell (biggest node first), so the
    // size threshold only drops the smallest dots: at the default density a
    // 3k-node map shows ~40 labels, one per 140-px cell.
    labelRenderedSizeThreshold: 8 - density * 6 + (big ? 2 : 0),
  };
}

/**
 * Above this many nodes, nodes are GL points (one vertex each, not instanced)
 * instead of sigma's instanced circles, which software WebGL (SwiftShader)
 * draws slowly (H2020 rings, 1.3k actors: 13 → 29 fps in pan/zoom).
 */
export const POINT_NODES = 500;

/** Settings that keep pan/zoom fluid on software WebGL: nothing but nodes drawn while the camera moves. */
export function scaleSettings(edges: number, nodes = 0) {
  const big = edges > BIG_EDGES;
  const huge = edges > HUGE_EDGES;
  return {
    ...(huge ? { defaultEdgeType: 'line', edgeProgramClasses: { line: EdgeLineProgram } } : null),
    ...(nodes > POINT_NODES ? { nodeProgramClasses: { circle: NodePointProgram } } : null),
    // zIndex sorting costs a sort of every item per refresh; only hover/selection use it.
    zIndex: !huge,
    hideEdgesOnMove: big,
    hideLabelsOnMove: huge,
  };
}

export const COMMON_SETTINGS = {
  allowInvalidContainer: true,
  labelFont: 'system-ui, sans-serif',
  labelSize: 13,
  labelWeight: '500',
  labelColor: { color: '#1f2933' },
  defaultEdgeColor: '#b8c0cc',
  minCameraRatio: 0.02,
  maxCameraRatio: 10,
  stagePadding: 40,
} as const;

/** Writes positions ([x, y] by id) into the drawn graph; ids not in the table keep theirs. Returns how many moved. */
export function applyPositions(
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  graph: { updateEachNodeAttributes(fn: (id: string, a: any) => { x: number; y: number }, hints?: { attributes: any[] }): void },
  positions: Record<string, [number, number]>,
): number {
  let moved = 0;
  graph.updateEachNodeAttributes(
    (id, a) => {
      const p = positions[id];
      if (!p) return a;
      moved++;
      return { ...a, x: p[0], y: p[1] };
    },
    { attributes: ['x', 'y'] },
  );
  return moved;
}
