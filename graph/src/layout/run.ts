// Runs ForceAtlas2 until it settles. Stopping rule: the mean displacement per
// node in one iteration falls below ε × the layout's diameter (longer side of
// its bounding box) for `patience` consecutive iterations; or the iteration
// cap is reached (then `converged` is false). With ε = 0.0003 a settled node
// moves less than a third of a pixel per step on a 1000-pixel-wide map.
// Past 200 iterations the steps cool by 1 % per iteration, so dense graphs
// whose nodes keep jittering in place settle too.

import type { CsrTopology } from '../analytics/csr.ts';
import { ForceAtlas2, inferSettings, type ForceAtlas2Settings } from './forceatlas2.ts';
import type { Positions } from './initial.ts';

export interface LayoutRunOptions {
  settings?: Partial<ForceAtlas2Settings>;
  /** Default 1000. */
  maxIterations?: number;
  /** Wall-clock budget in ms (default none): past it the run stops like at the iteration cap. */
  maxMs?: number;
  /** Default 0.0003. */
  epsilon?: number;
  /** Default 10. */
  patience?: number;
  /**
   * Nodes flagged 1 (placed by a previous layout) move at `warmMobility` × the
   * normal step (default 0.25) and start damped: a warm start adjusts the
   * settled map around what changed instead of shaking it.
   */
  known?: Uint8Array;
  warmMobility?: number;
  /**
   * Past `coolAfter` iterations (default 200) every step is scaled by a further
   * `cooling` (default 0.99) per iteration: dense graphs whose nodes keep
   * jittering around their place still settle, instead of running to the cap.
   */
  coolAfter?: number;
  cooling?: number;
  /** Called every `reportEvery` iterations (default 25) with the positions so far. */
  onProgress?: (state: { iterations: number; fraction: number; x: Float64Array; y: Float64Array }) => void;
  reportEvery?: number;
}

export interface LayoutRun extends Positions {
  iterations: number;
  converged: boolean;
  /** Mean displacement / diameter of the last iteration. */
  lastMove: number;
}

export const DEFAULT_MAX_ITERATIONS = 1000;
export const DEFAULT_EPSILON = 0.0003;
export const DEFAULT_PATIENCE = 10;
export const DEFAULT_COOL_AFTER = 200;
export const DEFAULT_COOLING = 0.99;

export function runLayout(graph: CsrTopology, start: Positions, options: LayoutRunOptions = {}): LayoutRun {
  const n = graph.n;
  const maxIterations = options.maxIterations ?? DEFAULT_MAX_ITERATIONS;
  const epsilon = options.epsilon ?? DEFAULT_EPSILON;
  const patience = options.patience ?? DEFAULT_PATIENCE;
  const coolAfter = options.coolAfter ?? DEFAULT_COOL_AFTER;
  const cooling = options.cooling ?? DEFAULT_COOLING;
  const reportEvery = options.reportEvery ?? 25;
  const x = start.x.slice();
  const y = start.y.slice();
  if (n < 2) return { x, y, iterations: 0, converged: true, lastMove: 0 };
  separateCoincident(x, y);
  const layout = new ForceAtlas2(graph, { x, y }, { ...inferSettings(n), ...options.settings });
  if (options.known) {
    const mobility = options.warmMobility ?? 0.25;
    for (let i = 0; i < n; i++) {
      if (!options.known[i]) continue;
      layout.mobility[i] = mobility;
      layout.convergence[i] = 0.1;
    }
  }
  let calm = 0;
  let iterations = 0;
  let lastMove = Infinity;
  let firstMove = NaN;
  const deadline = performance.now() + (options.maxMs ?? Infinity);
  while (iterations < maxIterations && performance.now() < deadline) {
    if (iterations >= coolAfter) layout.temperature *= cooling;
    const { displacement, diameter } = layout.step();
    iterations++;
    lastMove = diameter > 0 ? displacement / n / diameter : 0;
    if (Number.isNaN(firstMove)) firstMove = lastMove;
    calm = lastMove < epsilon ? calm + 1 : 0;
    if (calm >= patience) break;
    if (options.onProgress && iterations % reportEvery === 0) {
      // Progress: how far the move has fallen from its first value towards ε, on a log scale, or the share of the cap.
      const span = Math.log(Math.max(firstMove, epsilon * 1.0001) / epsilon);
      const done = span > 0 ? Math.log(Math.max(firstMove, epsilon) / Math.max(lastMove, epsilon)) / span : 1;
      const fraction = Math.min(0.99, Math.max(iterations / maxIterations, done));
      options.onProgress({ iterations, fraction, x, y });
    }
  }
  return { x, y, iterations, converged: calm >= patience, lastMove };
}

/**
 * Nodes at exactly the same point feel no force from each other (the
 * direction is undefined), so they would stay stacked for ever: the k-th copy
 * of a point moves onto a small golden-angle spiral around it.
 */
export function separateCoincident(x: Float64Array, y: Float64Array): number {
  const n = x.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => x[a] - x[b] || y[a] - y[b] || a - b);
  let minX = Infinity;
  let maxX = -Infinity;
  for (let i = 0; i < n; i++) {
    minX = Math.min(minX, x[i]);
    maxX = Math.max(maxX, x[i]);
  }
  const step = Math.max(1, (maxX - minX) * 1e-4);
  let moved = 0;
  for (let a = 0; a < n; ) {
    let b = a + 1;
    while (b < n && x[order[b]] === x[order[a]] && y[order[b]] === y[order[a]]) b++;
    for (let k = 1; k < b - a; k++) {
      const i = order[a + k];
      const r = step * Math.sqrt(k);
      x[i] += r * Math.cos(k * 2.399963);
      y[i] += r * Math.sin(k * 2.399963);
      moved++;
    }
    a = b;
  }
  return moved;
}
