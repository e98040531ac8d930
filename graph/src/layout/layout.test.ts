import { describe, expect, it } from 'vitest';
import { csrFromEdgeList, type CsrTopology } from '../analytics/csr.ts';
import { mulberry32 } from '../analytics/rng.ts';
import type { TopologyChunk } from '../store/port.ts';
import { ForceAtlas2, inferSettings } from './forceatlas2.ts';
import { hashId, initialPositions, warmStartPositions } from './initial.ts';
import { normalisedPositions } from './normalise.ts';
import { edgeLengthRatio } from './quality.ts';
import { runLayout } from './run.ts';
import { collaborationGraph, networkGraph } from './views.ts';

/** k groups of `size` nodes, dense inside (p = 0.5), one bridge between consecutive groups. */
function clustered(k: number, size: number, seed = 7): CsrTopology {
  const rng = mulberry32(seed);
  const edges: Array<[number, number]> = [];
  for (let g = 0; g < k; g++) {
    for (let a = 0; a < size; a++) for (let b = a + 1; b < size; b++) if (rng() < 0.5) edges.push([g * size + a, g * size + b]);
    if (g > 0) edges.push([g * size - 1, g * size]);
  }
  return csrFromEdgeList(k * size, edges);
}

const idsOf = (n: number) => Array.from({ length: n }, (_, i) => `n${String(i).padStart(5, '0')}`);

describe('edge-length ratio', () => {
  it('is about 1 for a random placement and far lower for a layout of a clustered graph', () => {
    const graph = clustered(6, 20);
    const start = initialPositions(idsOf(graph.n));
    const random = edgeLengthRatio(graph, start.x, start.y);
    expect(random).toBeGreaterThan(0.9);
    expect(random).toBeLessThan(1.1);
    const run = runLayout(graph, start);
    expect(run.converged).toBe(true);
    expect(run.iterations).toBeLessThan(1000);
    expect(edgeLengthRatio(graph, run.x, run.y)).toBeLessThan(0.4);
  });

  it('does not change when the layout is scaled', () => {
    const graph = clustered(3, 10);
    const { x, y } = initialPositions(idsOf(graph.n));
    const scaled = (a: Float64Array) => a.map((v) => v * 7.5);
    expect(edgeLengthRatio(graph, scaled(x), scaled(y))).toBeCloseTo(edgeLengthRatio(graph, x, y), 10);
  });
});

describe('ForceAtlas2', () => {
  it('Barnes-Hut with a small θ gives the exact repulsion’s step', () => {
    const rng = mulberry32(3);
    const n = 1200;
    const edges: Array<[number, number]> = [];
    for (let i = 0; i < 3 * n; i++) edges.push([Math.floor(rng() * n), Math.floor(rng() * n)]);
    const graph = csrFromEdgeList(n, edges);
    const start = initialPositions(idsOf(n));
    const exact = new ForceAtlas2(graph, { x: start.x.slice(), y: start.y.slice() }, { ...inferSettings(n), barnesHutAbove: Infinity });
    const approx = new ForceAtlas2(graph, { x: start.x.slice(), y: start.y.slice() }, { ...inferSettings(n), barnesHutAbove: 0, barnesHutTheta: 0.2 });
    const a = exact.step();
    const b = approx.step();
    expect(Math.abs(a.displacement - b.displacement) / a.displacement).toBeLessThan(0.01);
    let err = 0;
    for (let i = 0; i < n; i++) err += Math.hypot(exact.x[i] - approx.x[i], exact.y[i] - approx.y[i]);
    expect(err / a.displacement).toBeLessThan(0.02);
  });

  it('is deterministic: same ids, same layout, whatever order the graph was built in', () => {
    const graph = clustered(4, 12);
    const ids = idsOf(graph.n);
    const one = runLayout(graph, initialPositions(ids));
    const two = runLayout(graph, initialPositions([...ids]));
    expect(Array.from(two.x)).toEqual(Array.from(one.x));
    expect(Array.from(two.y)).toEqual(Array.from(one.y));
    expect(Array.from(initialPositions(ids, 1).x)).not.toEqual(Array.from(initialPositions(ids).x)); // another seed, another start
    expect(hashId('actor-1')).toBe(hashId('actor-1'));
    expect(hashId('actor-1')).not.toBe(hashId('actor-2'));
  });

  it('keeps coincident nodes and separate components apart and in range', () => {
    // Two triangles and five isolated nodes, all starting at the same point.
    const n = 11;
    const graph = csrFromEdgeList(n, [[0, 1], [1, 2], [0, 2], [3, 4], [4, 5], [3, 5]]);
    const run = runLayout(graph, { x: new Float64Array(n).fill(5), y: new Float64Array(n).fill(5) }, { settings: { barnesHutAbove: 0 } });
    const positions = Object.values(normalisedPositions(idsOf(n), run.x, run.y));
    for (let i = 0; i < n; i++)
      for (let j = i + 1; j < n; j++) expect(Math.hypot(positions[i][0] - positions[j][0], positions[i][1] - positions[j][1])).toBeGreaterThan(20);
    const extent = Math.max(...positions.flat().map(Math.abs));
    expect(extent).toBeCloseTo(1000, 5);
  });
});

describe('warm start', () => {
  it('keeps a settled layout in place and converges faster after a node is added', () => {
    const graph = clustered(5, 16);
    const ids = idsOf(graph.n);
    const cold = runLayout(graph, initialPositions(ids));
    // One new node linked to two nodes of the first group.
    const edges: Array<[number, number]> = [];
    for (let u = 0; u < graph.n; u++) for (let k = graph.offsets[u]; k < graph.offsets[u + 1]; k++) if (graph.targets[k] > u) edges.push([u, graph.targets[k]]);
    const grown = csrFromEdgeList(graph.n + 1, [...edges, [graph.n, 0], [graph.n, 1]]);
    const grownIds = [...ids, 'zz-new'];
    const previous = new Map(ids.map((id, i) => [id, [cold.x[i], cold.y[i]] as const]));
    const warm = warmStartPositions(grown, grownIds, previous);
    expect(warm.reused).toBe(graph.n);
    // The new node starts next to its neighbours.
    const near = Math.hypot(warm.x[graph.n] - (cold.x[0] + cold.x[1]) / 2, warm.y[graph.n] - (cold.y[0] + cold.y[1]) / 2);
    let diameter = 0;
    for (let i = 0; i < graph.n; i++) diameter = Math.max(diameter, Math.hypot(cold.x[i], cold.y[i]) * 2);
    expect(near / diameter).toBeLessThan(0.1);
    const rerun = runLayout(grown, warm, { known: warm.known });
    const fresh = runLayout(grown, initialPositions(grownIds));
    expect(rerun.converged).toBe(true);
    expect(rerun.iterations).toBeLessThan(fresh.iterations);
    let moved = 0;
    for (let i = 0; i < graph.n; i++) moved += Math.hypot(rerun.x[i] - cold.x[i], rerun.y[i] - cold.y[i]);
    expect(moved / graph.n / diameter).toBeLessThan(0.05);
  });
});

describe('views', () => {
  const chunk: TopologyChunk = {
    nodes: [
      { id: 'a1', label: 'Actor', kind: 'university', level: 'local' },
      { id: 'a2', label: 'Actor', kind: 'company', level: 'regional' },
      { id: 'a3', label: 'Actor', kind: 'company', level: 'local' },
      { id: 'a4', label: 'Actor', kind: 'ngo', level: 'local' },
      { id: 'p1', label: 'Project', kind: 'project' },
      { id: 'p2', label: 'Project', kind: 'project' },
      { id: 't1', label: 'Topic', kind: 'topic' },
    ],
    relationships: [
      { id: 'r1', type: 'PARTICIPATES_IN', from: 'a1', to: 'p1' },
      { id: 'r2', type: 'PARTICIPATES_IN', from: 'a2', to: 'p1' },
      { id: 'r3', type: 'PARTICIPATES_IN', from: 'a1', to: 'p2' },
      { id: 'r4', type: 'PARTICIPATES_IN', from: 'a2', to: 'p2' },
      { id: 'r5', type: 'PARTICIPATES_IN', from: 'a3', to: 'p2' },
      { id: 'r6', type: 'WORKS_ON', from: 'a1', to: 't1' },
      { id: 'r7', type: 'ABOUT', from: 'p2', to: 't1' },
    ],
  };

  it('network: the nodes and relationships /api/graph keeps under the same filters', async () => {
    const all = await networkGraph([chunk]);
    expect(all.ids).toEqual(['a1', 'a2', 'a3', 'a4', 'p1', 'p2', 't1']);
    expect(all.topology.m).toBe(7);
    const local = await networkGraph([chunk], { levels: ['local'] });
    expect(local.ids).toEqual(['a1', 'a3', 'a4']); // nodes without a level are left out, as in /api/graph
    expect(local.topology.m).toBe(0);
    const topic = await networkGraph([chunk], { topics: ['t1'] });
    expect(topic.ids).toEqual(['a1', 'p2', 't1']);
    expect(topic.topology.m).toBe(3);
  });

  it('collaboration: actors linked by shared items, weight = number shared, isolated actors kept', async () => {
    const g = await collaborationGraph(() => [chunk]);
    expect(g.ids).toEqual(['a1', 'a2', 'a3', 'a4']);
    const weight = (a: number, b: number) => {
      for (let k = g.topology.offsets[a]; k < g.topology.offsets[a + 1]; k++) if (g.topology.targets[k] === b) return g.topology.weights[k];
      return 0;
    };
    expect(weight(0, 1)).toBe(2);
    expect(weight(0, 2)).toBe(1);
    expect(weight(1, 2)).toBe(1);
    expect(g.topology.offsets[4] - g.topology.offsets[3]).toBe(0);
    const topic = await collaborationGraph(() => [chunk], { topics: ['t1'] });
    expect(topic.ids).toEqual(['a1']);
  });
});
