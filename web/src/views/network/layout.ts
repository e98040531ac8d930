// ForceAtlas2 in a Web Worker (graphology-layout-forceatlas2/worker), run for a
// bounded time and then stopped, so the page stays responsive and the map
// settles; positions are saved once it stops.
//
// The worker lays out a lean copy of the graph, and positions are copied to the
// drawn graph at a throttled pace: every copy makes sigma re-process all edges,
// which for 100k edges costs far more than one frame.
import Graph from 'graphology';
import FA2Layout from 'graphology-layout-forceatlas2/worker';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import type { AtlasGraph } from './buildGraph.ts';

export interface LayoutRun {
  /** Stops the worker; `draw: false` skips copying the final positions to the drawn graph (unmount). */
  stop(options?: { draw?: boolean }): void;
  isRunning(): boolean;
}

/** Milliseconds of layout for a graph of this size (small graphs settle fast). */
export function layoutBudget(order: number, warmStart: boolean): number {
  if (warmStart) return Math.min(1500, 300 + order * 0.2);
  return Math.min(12_000, 2500 + order * 1.2);
}

/** How often positions reach the screen: every frame for small graphs, rarely for huge ones. */
function syncInterval(edges: number): number {
  if (edges < 5_000) return 50;
  if (edges < 30_000) return 250;
  return 1500;
}

export function runLayout(graph: AtlasGraph, durationMs: number, onStop: (positions: Map<string, [number, number]>) => void): LayoutRun {
  const lean = new Graph({ type: 'undirected' });
  graph.forEachNode((id, a) => lean.addNode(id, { x: a.x, y: a.y, size: a.size }));
  graph.forEachEdge((id, a, source, target) => lean.addEdgeWithKey(id, source, target, { weight: a.weight }));
  const inferred = forceAtlas2.inferSettings(lean);
  const layout = new FA2Layout(lean, {
    settings: {
      ...inferred,
      barnesHutOptimize: lean.order > 1000,
      adjustSizes: lean.order < 2000,
      // Strong, gentle gravity keeps the many small components of a seed dataset near the centre.
      strongGravityMode: true,
      gravity: 0.05,
      slowDown: 1 + Math.log(Math.max(lean.order, 1)),
    },
    getEdgeWeight: 'weight',
  });
  const copyPositions = () => {
    if (graph.order === 0) return;
    graph.updateEachNodeAttributes(
      (id, a) => {
        const p = lean.getNodeAttributes(id);
        return { ...a, x: p.x, y: p.y };
      },
      { attributes: ['x', 'y'] },
    );
  };
  let stopped = false;
  const sync = setInterval(copyPositions, syncInterval(lean.size));
  const stop = (options: { draw?: boolean } = {}) => {
    if (stopped) return;
    stopped = true;
    clearTimeout(timer);
    clearInterval(sync);
    layout.kill();
    if (options.draw !== false) copyPositions();
    const positions = new Map<string, [number, number]>();
    lean.forEachNode((id, p) => positions.set(id, [p.x, p.y]));
    onStop(positions);
  };
  const timer = setTimeout(() => stop(), durationMs);
  layout.start();
  return { stop, isRunning: () => !stopped };
}
