// ForceAtlas2 in a Web Worker (graphology-layout-forceatlas2/worker), run for a
// bounded time and then stopped, so the page stays responsive and the map
// settles; positions are saved once it stops.
import FA2Layout from 'graphology-layout-forceatlas2/worker';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import type { AtlasGraph } from './buildGraph.ts';

export interface LayoutRun {
  stop(): void;
  isRunning(): boolean;
}

/** Milliseconds of layout for a graph of this size (small graphs settle fast). */
export function layoutBudget(order: number, warmStart: boolean): number {
  if (warmStart) return Math.min(1500, 300 + order * 0.2);
  return Math.min(12_000, 2500 + order * 1.2);
}

export function runLayout(graph: AtlasGraph, durationMs: number, onStop: () => void): LayoutRun {
  const inferred = forceAtlas2.inferSettings(graph);
  const layout = new FA2Layout(graph, {
    settings: {
      ...inferred,
      barnesHutOptimize: graph.order > 1000,
      adjustSizes: graph.order < 2000,
      // Gentler gravity keeps the many small components of a seed dataset near the centre.
      strongGravityMode: true,
      gravity: 0.05,
      slowDown: 1 + Math.log(Math.max(graph.order, 1)),
    },
    getEdgeWeight: 'weight',
  });
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    clearTimeout(timer);
    layout.kill();
    onStop();
  };
  const timer = setTimeout(stop, durationMs);
  layout.start();
  return { stop, isRunning: () => !stopped };
}
