// ForceAtlas2 (Jacomy et al. 2014) on typed arrays, with a Barnes-Hut quadtree
// for repulsion. The forces, masses (1 + weighted degree) and the per-node
// adaptive speed are those of graphology-layout-forceatlas2 (iterate.js), so a
// layout of ours and one of graphology's with the same settings are the same
// kind of picture; what differs is speed (structure-of-arrays Float64Arrays,
// a quadtree in flat typed arrays rebuilt each iteration, no per-iteration
// allocation) and that we stop on a convergence rule instead of a fixed count.

import type { CsrTopology } from '../analytics/csr.ts';

export interface ForceAtlas2Settings {
  /** Attraction log(1 + d) instead of d: tighter clusters, more white space between them. */
  linLogMode: boolean;
  /** Divides a node's attraction by its mass: hubs are pushed to the borders. */
  outboundAttractionDistribution: boolean;
  /** Attraction × weight^edgeWeightInfluence. */
  edgeWeightInfluence: number;
  /** Repulsion strength kr. */
  scalingRatio: number;
  /** Gravity kg·mass·(x, y) towards the origin (strong) or kg·mass·unit vector (weak). */
  strongGravityMode: boolean;
  gravity: number;
  /** Divides every step: larger = slower, steadier. */
  slowDown: number;
  /** θ as graphology defines it: a cell of width s at distance d is one body when 2s/d < θ. */
  barnesHutTheta: number;
  /** Exact O(n²) repulsion below this many nodes. */
  barnesHutAbove: number;
}

/**
 * graphology's `inferSettings` (strong gravity, scalingRatio 10, linear
 * attraction, weights as they are) with three changes:
 * - slowDown 1 (graphology infers 1 + ln n, made for a fixed iteration count):
 *   the per-node swinging damping keeps the faster steps stable, and the
 *   runner's stopping rule and cooling (run.ts) end the jitter;
 * - θ = 2 in graphology's convention (a cell is one body when 2·width/d < θ),
 *   the classic Barnes-Hut width/d < 1 (graphology: 0.5, i.e. width/d < 0.25,
 *   which opens far more cells; the layouts' quality does not change, see
 *   bench/README.md "layout").
 * - gravity 0.04 (graphology: 0.05): the strong gravity's pull towards the
 *   centre squeezes every component together and stretches the links that
 *   cross it; a fifth less pull gives shorter links relative to the map
 *   (edge-length ratio, generated 10k/100k: network 0.4363 → 0.4335,
 *   collaboration 0.5068 → 0.4951) and settles sooner.
 * linLog stays off: with these scaling and gravity values its weaker pull
 * leaves the map spread out — edge-length ratio 0.89 against 0.44 linear on
 * the generated 2k/20k network, 0.39 against 0.089 on the H2020 Spain import
 * (same stopping rule).
 */
export function inferSettings(_n: number): ForceAtlas2Settings {
  return {
    linLogMode: false,
    outboundAttractionDistribution: false,
    edgeWeightInfluence: 1,
    scalingRatio: 10,
    strongGravityMode: true,
    gravity: 0.04,
    slowDown: 1,
    barnesHutTheta: 2,
    barnesHutAbove: 1000,
  };
}

/** Bounding box and displacement of one iteration. */
export interface StepStats {
  /** Σ over nodes of the Euclidean length of their move. */
  displacement: number;
  /** Longer side of the bounding box before the move. */
  diameter: number;
}

const MAX_DEPTH = 40;

/**
 * One layout in progress: positions `x`, `y` (read them between steps) and the
 * forces' state. `step()` runs one iteration.
 */
export class ForceAtlas2 {
  readonly n: number;
  readonly x: Float64Array;
  readonly y: Float64Array;
  private readonly dx: Float64Array;
  private readonly dy: Float64Array;
  private readonly oldDx: Float64Array;
  private readonly oldDy: Float64Array;
  private readonly mass: Float64Array;
  /** Per-node speed damping (graphology's NODE_CONVERGENCE), 1 = full speed. */
  readonly convergence: Float64Array;
  /** Per-node step multiplier (1 by default): a warm start slows the nodes already placed, so the map a user knows keeps its shape. */
  readonly mobility: Float64Array;
  // Undirected edges once each (u < v), weight already raised to edgeWeightInfluence.
  private readonly edgeFrom: Int32Array;
  private readonly edgeTo: Int32Array;
  private readonly edgeW: Float64Array;
  private readonly tree: QuadTree;
  private massMean = 1;
  /** Multiplies every step (the runner lowers it to cool a layout that keeps jittering). */
  temperature = 1;

  constructor(
    graph: CsrTopology,
    positions: { x: Float64Array; y: Float64Array },
    private readonly settings: ForceAtlas2Settings = inferSettings(graph.n),
  ) {
    const { n, offsets, targets, weights } = graph;
    this.n = n;
    this.x = positions.x;
    this.y = positions.y;
    this.dx = new Float64Array(n);
    this.dy = new Float64Array(n);
    this.oldDx = new Float64Array(n);
    this.oldDy = new Float64Array(n);
    this.mass = new Float64Array(n).fill(1);
    this.convergence = new Float64Array(n).fill(1);
    this.mobility = new Float64Array(n).fill(1);
    let m = 0;
    for (let u = 0; u < n; u++) for (let k = offsets[u]; k < offsets[u + 1]; k++) if (targets[k] > u) m++;
    this.edgeFrom = new Int32Array(m);
    this.edgeTo = new Int32Array(m);
    this.edgeW = new Float64Array(m);
    let e = 0;
    const influence = settings.edgeWeightInfluence;
    for (let u = 0; u < n; u++) {
      for (let k = offsets[u]; k < offsets[u + 1]; k++) {
        const v = targets[k];
        if (v <= u) continue;
        const w = weights[k];
        this.mass[u] += w;
        this.mass[v] += w;
        this.edgeFrom[e] = u;
        this.edgeTo[e] = v;
        this.edgeW[e] = influence === 1 ? w : influence === 0 ? 1 : Math.pow(w, influence);
        e++;
      }
    }
    let total = 0;
    for (let i = 0; i < n; i++) total += this.mass[i];
    this.massMean = n ? total / n : 1;
    this.tree = new QuadTree(Math.max(64, 4 * n));
  }

  step(): StepStats {
    const { n, x, y, dx, dy, oldDx, oldDy, mass, convergence, mobility, settings } = this;
    for (let i = 0; i < n; i++) {
      oldDx[i] = dx[i];
      oldDy[i] = dy[i];
      dx[i] = 0;
      dy[i] = 0;
    }
    let minX = Infinity;
    let maxX = -Infinity;
    let minY = Infinity;
    let maxY = -Infinity;
    for (let i = 0; i < n; i++) {
      const xi = x[i];
      const yi = y[i];
      if (xi < minX) minX = xi;
      if (xi > maxX) maxX = xi;
      if (yi < minY) minY = yi;
      if (yi > maxY) maxY = yi;
    }
    const diameter = n ? Math.max(maxX - minX, maxY - minY) : 0;
    const kr = settings.scalingRatio;

    // Repulsion kr·mi·mj/d.
    if (n >= settings.barnesHutAbove) {
      this.tree.build(x, y, mass, n, minX, minY, diameter);
      this.tree.repulse(x, y, mass, dx, dy, n, kr, settings.barnesHutTheta * settings.barnesHutTheta);
    } else {
      for (let i = 0; i < n; i++) {
        for (let j = 0; j < i; j++) {
          const xd = x[i] - x[j];
          const yd = y[i] - y[j];
          const d2 = xd * xd + yd * yd;
          if (d2 > 0) {
            const f = (kr * mass[i] * mass[j]) / d2;
            dx[i] += xd * f;
            dy[i] += yd * f;
            dx[j] -= xd * f;
            dy[j] -= yd * f;
          }
        }
      }
    }

    // Gravity towards the origin.
    const g = settings.gravity;
    for (let i = 0; i < n; i++) {
      const d = Math.sqrt(x[i] * x[i] + y[i] * y[i]);
      if (d > 0) {
        const f = settings.strongGravityMode ? mass[i] * g : (mass[i] * g) / d;
        dx[i] -= x[i] * f;
        dy[i] -= y[i] * f;
      }
    }

    // Attraction along edges.
    const { edgeFrom, edgeTo, edgeW } = this;
    const linLog = settings.linLogMode;
    const distributed = settings.outboundAttractionDistribution;
    const coefficient = distributed ? this.massMean : 1;
    for (let e = 0; e < edgeFrom.length; e++) {
      const u = edgeFrom[e];
      const v = edgeTo[e];
      const xd = x[u] - x[v];
      const yd = y[u] - y[v];
      let f = -coefficient * edgeW[e];
      if (linLog) {
        const d = Math.sqrt(xd * xd + yd * yd);
        if (d <= 0) continue;
        f *= Math.log(1 + d) / d;
      }
      if (distributed) f /= mass[u];
      dx[u] += xd * f;
      dy[u] += yd * f;
      dx[v] -= xd * f;
      dy[v] -= yd * f;
    }

    // Move: graphology's per-node adaptive speed (swinging vs traction).
    const slowDown = settings.slowDown / this.temperature;
    let displacement = 0;
    for (let i = 0; i < n; i++) {
      const fx = dx[i];
      const fy = dy[i];
      const sx = oldDx[i] - fx;
      const sy = oldDy[i] - fy;
      const swinging = mass[i] * Math.sqrt(sx * sx + sy * sy);
      const tx = oldDx[i] + fx;
      const ty = oldDy[i] + fy;
      const traction = Math.sqrt(tx * tx + ty * ty) / 2;
      const damping = 1 + Math.sqrt(swinging);
      const speed = (convergence[i] * Math.log(1 + traction)) / damping;
      const f2 = fx * fx + fy * fy;
      convergence[i] = Math.min(1, Math.sqrt((speed * f2) / damping));
      const factor = (speed / slowDown) * mobility[i];
      x[i] += fx * factor;
      y[i] += fy * factor;
      displacement += Math.sqrt(f2) * factor;
    }
    return { displacement, diameter };
  }
}

/**
 * A point-region quadtree in flat typed arrays. Cells are allocated in
 * creation order, so every child has a larger index than its parent and masses
 * are summed bottom-up by one reverse sweep. `next` links each cell to the cell
 * after its subtree (its next sibling, or its parent's), which makes the
 * Barnes-Hut walk a loop without a stack.
 */
class QuadTree {
  private capacity: number;
  private cx!: Float64Array;
  private cy!: Float64Array;
  private width!: Float64Array;
  private cellMass!: Float64Array;
  private comX!: Float64Array;
  private comY!: Float64Array;
  private child!: Int32Array; // first of 4 consecutive children, -1 for a leaf
  private body!: Int32Array; // leaf: node index, -1 empty, -2 several nodes (too deep to split)
  private next!: Int32Array;
  private depth!: Uint8Array;
  private cells = 0;

  constructor(capacity: number) {
    this.capacity = capacity;
    this.allocate(capacity);
  }

  private allocate(capacity: number): void {
    const old = this.cells ? { cx: this.cx, cy: this.cy, width: this.width, cellMass: this.cellMass, comX: this.comX, comY: this.comY, child: this.child, body: this.body, next: this.next, depth: this.depth } : null;
    this.cx = new Float64Array(capacity);
    this.cy = new Float64Array(capacity);
    this.width = new Float64Array(capacity);
    this.cellMass = new Float64Array(capacity);
    this.comX = new Float64Array(capacity);
    this.comY = new Float64Array(capacity);
    this.child = new Int32Array(capacity);
    this.body = new Int32Array(capacity);
    this.next = new Int32Array(capacity);
    this.depth = new Uint8Array(capacity);
    if (old) {
      this.cx.set(old.cx);
      this.cy.set(old.cy);
      this.width.set(old.width);
      this.cellMass.set(old.cellMass);
      this.comX.set(old.comX);
      this.comY.set(old.comY);
      this.child.set(old.child);
      this.body.set(old.body);
      this.next.set(old.next);
      this.depth.set(old.depth);
    }
    this.capacity = capacity;
  }

  private split(cell: number): number {
    if (this.cells + 4 > this.capacity) this.allocate(this.capacity * 2);
    const first = this.cells;
    this.cells += 4;
    const quarter = this.width[cell] / 4;
    const half = this.width[cell] / 2;
    for (let q = 0; q < 4; q++) {
      const c = first + q;
      this.cx[c] = this.cx[cell] + (q & 1 ? quarter : -quarter);
      this.cy[c] = this.cy[cell] + (q & 2 ? quarter : -quarter);
      this.width[c] = half;
      this.cellMass[c] = 0;
      this.comX[c] = 0;
      this.comY[c] = 0;
      this.child[c] = -1;
      this.body[c] = -1;
      this.next[c] = q < 3 ? c + 1 : this.next[cell];
      this.depth[c] = this.depth[cell] + 1;
    }
    this.child[cell] = first;
    return first;
  }

  private quadrant(cell: number, px: number, py: number): number {
    return this.child[cell] + (px >= this.cx[cell] ? 1 : 0) + (py >= this.cy[cell] ? 2 : 0);
  }

  build(x: Float64Array, y: Float64Array, mass: Float64Array, n: number, minX: number, minY: number, size: number): void {
    const width = Math.max(size, 1e-9) * 1.0001;
    this.cells = 1;
    this.cx[0] = minX + width / 2;
    this.cy[0] = minY + width / 2;
    this.width[0] = width;
    this.child[0] = -1;
    this.body[0] = -1;
    this.next[0] = -1;
    this.depth[0] = 0;
    this.cellMass[0] = 0;
    this.comX[0] = 0;
    this.comY[0] = 0;
    for (let i = 0; i < n; i++) {
      const px = x[i];
      const py = y[i];
      let cell = 0;
      while (true) {
        if (this.child[cell] >= 0) {
          cell = this.quadrant(cell, px, py);
          continue;
        }
        const occupant = this.body[cell];
        if (occupant === -1) {
          this.body[cell] = i;
          break;
        }
        if (occupant === -2 || this.depth[cell] >= MAX_DEPTH) {
          // Coincident (or nearly) points: one aggregate body.
          if (occupant >= 0) {
            this.cellMass[cell] = mass[occupant];
            this.comX[cell] = x[occupant] * mass[occupant];
            this.comY[cell] = y[occupant] * mass[occupant];
            this.body[cell] = -2;
          }
          this.cellMass[cell] += mass[i];
          this.comX[cell] += px * mass[i];
          this.comY[cell] += py * mass[i];
          break;
        }
        this.split(cell);
        this.body[cell] = -1;
        this.body[this.quadrant(cell, x[occupant], y[occupant])] = occupant;
        cell = this.quadrant(cell, px, py);
      }
    }
    // Masses and centres of mass, children before parents.
    const { child, body, cellMass, comX, comY } = this;
    for (let c = this.cells - 1; c >= 0; c--) {
      const first = child[c];
      if (first >= 0) {
        let m = 0;
        let sx = 0;
        let sy = 0;
        for (let q = first; q < first + 4; q++) {
          const mq = cellMass[q];
          if (mq > 0) {
            m += mq;
            sx += comX[q] * mq;
            sy += comY[q] * mq;
          }
        }
        cellMass[c] = m;
        comX[c] = m > 0 ? sx / m : 0;
        comY[c] = m > 0 ? sy / m : 0;
      } else {
        const b = body[c];
        if (b >= 0) {
          cellMass[c] = mass[b];
          comX[c] = x[b];
          comY[c] = y[b];
        } else if (b === -2) {
          comX[c] /= cellMass[c];
          comY[c] /= cellMass[c];
        }
      }
    }
  }

  repulse(x: Float64Array, y: Float64Array, mass: Float64Array, dx: Float64Array, dy: Float64Array, n: number, kr: number, theta2: number): void {
    const { child, body, cellMass, comX, comY, width, next } = this;
    for (let i = 0; i < n; i++) {
      const px = x[i];
      const py = y[i];
      const km = kr * mass[i];
      let fx = 0;
      let fy = 0;
      let c = 0;
      while (c >= 0) {
        const m = cellMass[c];
        if (m === 0) {
          c = next[c];
          continue;
        }
        const xd = px - comX[c];
        const yd = py - comY[c];
        const d2 = xd * xd + yd * yd;
        if (child[c] >= 0) {
          const w = width[c];
          if (4 * w * w < theta2 * d2) {
            const f = (km * m) / d2;
            fx += xd * f;
            fy += yd * f;
            c = next[c];
          } else c = child[c];
          continue;
        }
        if (body[c] !== i && d2 > 0) {
          const f = (km * m) / d2;
          fx += xd * f;
          fy += yd * f;
        }
        c = next[c];
      }
      dx[i] += fx;
      dy[i] += fy;
    }
  }
}
