// Deterministic starting positions: a node's place depends only on its id (and
// the graph's size), never on insertion order or Math.random, so the same
// store gives the same layout. A warm start keeps the positions a user has
// already seen and puts new nodes next to their placed neighbours.

import type { CsrTopology } from '../analytics/csr.ts';
import { mulberry32 } from '../analytics/rng.ts';

/** FNV-1a over UTF-16 code units: a stable 32-bit hash of an id. */
export function hashId(id: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    h ^= id.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Radius of the starting disc: ForceAtlas2's equilibrium spreads n nodes over a disc of roughly this size. */
export function startRadius(n: number): number {
  return 10 * Math.sqrt(Math.max(1, n));
}

/** Uniform in a disc, from the id's hash (and `seed`, for another placement of the same ids). */
export function hashPosition(id: string, radius: number, seed = 0): [number, number] {
  const rng = mulberry32(hashId(id) ^ seed);
  const r = radius * Math.sqrt(rng());
  const a = 2 * Math.PI * rng();
  return [r * Math.cos(a), r * Math.sin(a)];
}

export interface Positions {
  x: Float64Array;
  y: Float64Array;
}

/** Every node at its hashed place in a disc sized for the graph. */
export function initialPositions(ids: readonly string[], seed = 0): Positions {
  const n = ids.length;
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  const radius = startRadius(n);
  for (let i = 0; i < n; i++) [x[i], y[i]] = hashPosition(ids[i], radius, seed);
  return { x, y };
}

export interface WarmStart extends Positions {
  /** 1 for a node whose position came from the previous layout. */
  known: Uint8Array;
  /** Number of known nodes. */
  reused: number;
}

/**
 * Previous positions (in the layout's own coordinates) for the nodes that still
 * exist; a new node goes to the mean of its placed neighbours plus a small
 * hashed offset (so two new nodes with the same neighbours do not coincide),
 * repeated outwards so chains of new nodes follow; a new node with no placed
 * neighbour gets its hashed place in the disc the known nodes occupy.
 */
export function warmStartPositions(graph: CsrTopology, ids: readonly string[], previous: ReadonlyMap<string, readonly [number, number]>): WarmStart {
  const n = ids.length;
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  const known = new Uint8Array(n);
  let reused = 0;
  let cx = 0;
  let cy = 0;
  for (let i = 0; i < n; i++) {
    const p = previous.get(ids[i]);
    if (!p) continue;
    x[i] = p[0];
    y[i] = p[1];
    known[i] = 1;
    reused++;
    cx += p[0];
    cy += p[1];
  }
  if (reused) {
    cx /= reused;
    cy /= reused;
  }
  let spread = 0;
  for (let i = 0; i < n; i++) if (known[i]) spread = Math.max(spread, Math.hypot(x[i] - cx, y[i] - cy));
  const radius = reused ? Math.max(spread, 1) : startRadius(n);
  // Breadth-first from the placed nodes.
  const placed = known.slice();
  let frontier: number[] = [];
  for (let i = 0; i < n; i++) if (!placed[i]) frontier.push(i);
  const { offsets, targets } = graph;
  const jitter = Math.max(1, radius / Math.sqrt(Math.max(1, n)));
  let progress = true;
  while (frontier.length && progress) {
    progress = false;
    const placedNow: Array<[number, number, number]> = [];
    const rest: number[] = [];
    for (const i of frontier) {
      let sx = 0;
      let sy = 0;
      let count = 0;
      for (let k = offsets[i]; k < offsets[i + 1]; k++) {
        const v = targets[k];
        if (!placed[v]) continue;
        sx += x[v];
        sy += y[v];
        count++;
      }
      if (!count) {
        rest.push(i);
        continue;
      }
      const [ox, oy] = hashPosition(ids[i], jitter);
      placedNow.push([i, sx / count + ox, sy / count + oy]);
    }
    for (const [i, px, py] of placedNow) {
      x[i] = px;
      y[i] = py;
      placed[i] = 1;
      progress = true;
    }
    frontier = rest;
  }
  for (const i of frontier) {
    const [px, py] = hashPosition(ids[i], radius);
    x[i] = cx + px;
    y[i] = cy + py;
  }
  return { x, y, known, reused };
}
