// Every kernel against networkx reference values (JSON fixtures made by
// reference/make_reference.py) and against graphology-metrics on the same graphs.

import { beforeAll, describe, expect, it } from 'vitest';
import type { CsrGraph } from './projection.ts';
import { FIXTURE_NAMES, fixtureGraph, loadFixture, type Scores } from './reference/fixtures.ts';
import { allNodes, betweennessCentrality, betweennessRaw, RELABEL_FROM_SOURCES } from './kernels/betweenness.ts';
import { closenessCentrality } from './kernels/closeness.ts';
import { connectedComponents } from './kernels/components.ts';
import { degreeCentrality } from './kernels/degree.ts';
import { eigenvectorCentrality } from './kernels/eigenvector.ts';
import { communitiesConnected, louvain, modularity } from './kernels/louvain.ts';
import { breadthFirstOrder, csrFromEdgeList, degreeOrder, hubsThenBreadthFirstOrder, relabel } from './csr.ts';
import { combineParts, runJob, type JobRequest } from './jobs.ts';
import { pagerankDetailed } from './kernels/pagerank.ts';
import { syntheticCsr } from './synthetic.ts';
import { bfs, kShortestPaths } from './kernels/paths.ts';
import { graphology, graphologyFromEdges, type GraphologyGraph } from './reference/graphology.ts';

/** Largest |ours − reference| relative to max(1, |reference|), over every node. */
function maxError(graph: CsrGraph, ours: Float64Array | ArrayLike<number>, reference: Scores): number {
  expect(Object.keys(reference).length).toBe(graph.n);
  let worst = 0;
  for (const [id, value] of Object.entries(reference)) {
    const i = graph.indexOf(id);
    expect(i, id).toBeGreaterThanOrEqual(0);
    worst = Math.max(worst, Math.abs(ours[i] - value) / Math.max(1, Math.abs(value)));
  }
  return worst;
}

function partitionOf(graph: CsrGraph, communities: string[][]): Int32Array {
  const partition = new Int32Array(graph.n).fill(-1);
  communities.forEach((members, c) => members.forEach((id) => (partition[graph.indexOf(id)] = c)));
  expect(partition.includes(-1)).toBe(false);
  return partition;
}

describe.each(FIXTURE_NAMES)('kernels on the %s fixture', (name) => {
  const fixture = loadFixture(name);
  const ref = fixture.reference;
  let graph: CsrGraph;
  let gg: GraphologyGraph;
  beforeAll(async () => {
    graph = await fixtureGraph(fixture);
    gg = graphologyFromEdges(fixture.nodes, fixture.edges);
  });

  it('projects the fixture graph as given', () => {
    expect(graph.n).toBe(fixture.nodes.length);
    expect(graph.m).toBe(fixture.edges.length);
  });

  it('degree centrality matches networkx (plain and weighted)', () => {
    expect(maxError(graph, degreeCentrality(graph), ref.degree)).toBeLessThan(1e-12);
    expect(maxError(graph, degreeCentrality(graph, { weighted: true }), ref.degree_weighted)).toBeLessThan(1e-12);
  });

  it('PageRank matches networkx (weighted and not) and graphology', () => {
    const weighted = pagerankDetailed(graph, { tolerance: 1e-10, maxIterations: 1000 });
    expect(weighted.converged).toBe(true);
    expect(maxError(graph, weighted.scores, ref.pagerank)).toBeLessThan(1e-9);
    const plain = pagerankDetailed(graph, { tolerance: 1e-10, maxIterations: 1000, weighted: false });
    expect(maxError(graph, plain.scores, ref.pagerank_unweighted)).toBeLessThan(1e-9);
    const ours = pagerankDetailed(graph, { weighted: false }).scores;
    const theirs = graphology.pagerank(gg);
    expect(maxError(graph, ours, theirs)).toBeLessThan(1e-6);
  });

  it('eigenvector centrality matches networkx and graphology', () => {
    const plain = eigenvectorCentrality(graph, { tolerance: 1e-10, maxIterations: 1000 });
    expect(maxError(graph, plain, ref.eigenvector)).toBeLessThan(1e-6);
    const weighted = eigenvectorCentrality(graph, { tolerance: 1e-10, maxIterations: 1000, weighted: true });
    expect(maxError(graph, weighted, ref.eigenvector_weighted)).toBeLessThan(1e-6);
    const theirs = graphology.eigenvector(gg, 1e-10);
    expect(maxError(graph, plain, theirs)).toBeLessThan(1e-6);
  });

  it('closeness matches networkx (Wasserman–Faust, hops and 1/weight) and graphology', () => {
    const hops = closenessCentrality(graph);
    expect(maxError(graph, hops, ref.closeness)).toBeLessThan(1e-12);
    expect(maxError(graph, closenessCentrality(graph, { cost: 'inverse-weight' }), ref.closeness_weighted)).toBeLessThan(1e-9);
    const theirs = graphology.closeness(gg);
    expect(maxError(graph, hops, theirs)).toBeLessThan(1e-12);
  });

  it('exact betweenness matches networkx (normalised, raw, 1/weight) and graphology', () => {
    const normalised = betweennessCentrality(graph);
    expect(maxError(graph, normalised, ref.betweenness)).toBeLessThan(1e-9);
    expect(maxError(graph, betweennessCentrality(graph, { normalized: false }), ref.betweenness_unnormalized)).toBeLessThan(1e-9);
    expect(maxError(graph, betweennessCentrality(graph, { cost: 'inverse-weight' }), ref.betweenness_weighted)).toBeLessThan(1e-9);
    const theirs = graphology.betweenness(gg);
    expect(maxError(graph, normalised, theirs)).toBeLessThan(1e-9);
  });

  it('sampled betweenness scales like networkx k-sampling (same sources)', () => {
    const { k, sources, values } = ref.betweenness_sampled;
    const picked = Int32Array.from(sources, (id) => graph.indexOf(id));
    expect(picked.length).toBe(k);
    expect(maxError(graph, betweennessCentrality(graph, { sources: picked }), values)).toBeLessThan(1e-9);
    // Seeded sampling is reproducible, and differs from exact.
    const a = betweennessCentrality(graph, { samples: k, seed: 7 });
    const b = betweennessCentrality(graph, { samples: k, seed: 7 });
    expect(Array.from(a)).toEqual(Array.from(b));
  });

  it('betweenness and closeness split into parts (as over workers) add up to the whole, below and above the relabelling threshold', () => {
    for (const weighted of [false, true]) {
      for (const measure of ['betweenness', 'closeness'] as const) {
        const request: JobRequest = { kind: 'centrality', measure, weighted };
        const whole = runJob(graph, request);
        if (whole.kind !== 'centrality') throw new Error('centrality expected');
        // Many parts: each has fewer sources than the threshold, so the plain path runs; two parts: the relabelled one.
        for (const of of [2, Math.ceil(graph.n / (RELABEL_FROM_SOURCES - 1))]) {
          const parts = Array.from({ length: of }, (_, index) => runJob(graph, { ...request, part: { index, of } } as JobRequest));
          const combined = combineParts(graph.n, request, parts);
          if (combined.kind !== 'centrality') throw new Error('centrality expected');
          let worst = 0;
          for (let i = 0; i < graph.n; i++) worst = Math.max(worst, Math.abs(combined.scores[i] - whole.scores[i]));
          expect(worst, `${measure} weighted=${weighted} in ${of} parts`).toBeLessThan(1e-12);
        }
      }
    }
    // Raw sums over disjoint source sets add up too (the relabelled path against the plain one).
    const all = allNodes(graph.n);
    const sum = new Float64Array(graph.n);
    for (let i = 0; i < graph.n; i += RELABEL_FROM_SOURCES - 1) betweennessRaw(graph, all.slice(i, i + RELABEL_FROM_SOURCES - 1)).forEach((v, j) => (sum[j] += v));
    const raw = betweennessRaw(graph, all);
    for (let i = 0; i < graph.n; i++) expect(Math.abs(sum[i] - raw[i])).toBeLessThan(1e-9);
  });

  it('node orders are permutations and relabelling keeps the graph', () => {
    for (const order of [degreeOrder(graph), breadthFirstOrder(graph), hubsThenBreadthFirstOrder(graph)]) {
      expect(Array.from(order).sort((a, b) => a - b)).toEqual(Array.from(allNodes(graph.n)));
      const { csr, position } = relabel(graph, order);
      for (let u = 0; u < graph.n; u++) {
        const mine = Array.from(graph.targets.subarray(graph.offsets[u], graph.offsets[u + 1]), (v) => position[v]).sort((a, b) => a - b);
        const p = position[u];
        expect(Array.from(csr.targets.subarray(csr.offsets[p], csr.offsets[p + 1])).sort((a, b) => a - b)).toEqual(mine);
      }
    }
    for (const order of [degreeOrder(graph), hubsThenBreadthFirstOrder(graph)]) {
      const degrees = Array.from(order, (u) => graph.offsets[u + 1] - graph.offsets[u]);
      for (let i = 1; i < degrees.length; i++) expect(degrees[i]).toBeLessThanOrEqual(degrees[i - 1]);
    }
    // Breadth-first: each node after the first of its component has a neighbour placed before it.
    const bfs = breadthFirstOrder(graph);
    const position = new Int32Array(graph.n);
    bfs.forEach((u, i) => (position[u] = i));
    for (let i = 1; i < graph.n; i++) {
      const u = bfs[i];
      const row = Array.from(graph.targets.subarray(graph.offsets[u], graph.offsets[u + 1]));
      const rootOfComponent = row.every((v) => position[v] > i);
      if (!rootOfComponent) expect(row.some((v) => position[v] < i)).toBe(true);
    }
  });

  it('connected components have networkx sizes', () => {
    const { sizes, count, component } = connectedComponents(graph);
    expect(Array.from(sizes)).toEqual(ref.components);
    expect(count).toBe(ref.components.length);
    // Every edge joins nodes of the same component.
    for (let u = 0; u < graph.n; u++)
      for (let k = graph.offsets[u]; k < graph.offsets[u + 1]; k++) expect(component[graph.targets[k]]).toBe(component[u]);
  });

  it('modularity of given partitions equals networkx', () => {
    for (const check of ref.modularity_checks) {
      const communities = check.partition === 'louvain' ? ref.louvain.communities : ref.partitions.greedy;
      const q = modularity(graph, partitionOf(graph, communities), { resolution: check.resolution, weighted: check.weighted });
      expect(Math.abs(q - check.modularity), `${check.partition} γ=${check.resolution} weighted=${check.weighted}`).toBeLessThan(1e-9);
    }
  });

  it('Louvain returns a valid partition, as modular as graphology over seeds, equal to networkx modularity', () => {
    const result = louvain(graph, { seed: 1 });
    expect(result.communities.length).toBe(graph.n);
    const sizes = new Int32Array(result.count);
    for (const c of result.communities) {
      expect(c).toBeGreaterThanOrEqual(0);
      expect(c).toBeLessThan(result.count);
      sizes[c]++;
    }
    for (let c = 1; c < result.count; c++) expect(sizes[c]).toBeLessThanOrEqual(sizes[c - 1]);
    // modularity() is checked against networkx above.
    expect(Math.abs(result.modularity - modularity(graph, result.communities))).toBeLessThan(1e-12);
    // Same seed, same partition.
    expect(Array.from(louvain(graph, { seed: 1 }).communities)).toEqual(Array.from(result.communities));
    // Leiden's guarantee, at several resolutions: no community falls apart into unlinked pieces.
    for (const resolution of [0.5, 1, 2])
      for (let seed = 0; seed < 3; seed++) expect(communitiesConnected(graph, louvain(graph, { seed, resolution }).communities), `γ=${resolution} seed ${seed}`).toBe(true);
    // Louvain is a randomised heuristic: compare the best and the mean over ten seeds.
    const ours: number[] = [];
    const theirs: number[] = [];
    for (let seed = 0; seed < 10; seed++) {
      ours.push(louvain(graph, { seed }).modularity);
      theirs.push(graphology.louvain(gg, seed).modularity);
    }
    const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
    expect(Math.max(...ours)).toBeGreaterThanOrEqual(Math.max(...theirs) - 1e-9);
    expect(Math.max(...ours)).toBeGreaterThanOrEqual(ref.louvain.modularity - 1e-9);
    expect(mean(ours)).toBeGreaterThan(mean(theirs) - 0.01);
  });

  it('BFS k-hop reaches the networkx set at the networkx distances', () => {
    const { source, depth, distances } = ref.khop;
    const result = bfs(graph, graph.indexOf(source), { maxDepth: depth });
    expect(result.order.length).toBe(Object.keys(distances).length);
    for (const [id, d] of Object.entries(distances)) expect(result.distance[graph.indexOf(id)]).toBe(d);
  });

  it('Yen k shortest paths have the networkx costs and are simple, real paths', () => {
    for (const case_ of ref.k_shortest_paths) {
      const found = kShortestPaths(graph, graph.indexOf(case_.from), graph.indexOf(case_.to), case_.k, { cost: case_.cost });
      expect(found.length).toBe(case_.paths.length);
      found.forEach((path, i) => {
        expect(path.cost).toBeCloseTo(case_.paths[i].cost, 9);
        expect(new Set(path.nodes).size).toBe(path.nodes.length);
        expect(graph.ids[path.nodes[0]]).toBe(case_.from);
        expect(graph.ids[path.nodes[path.nodes.length - 1]]).toBe(case_.to);
        for (let j = 0; j + 1 < path.nodes.length; j++) {
          const row = graph.targets.subarray(graph.offsets[path.nodes[j]], graph.offsets[path.nodes[j] + 1]);
          expect(row.includes(path.nodes[j + 1])).toBe(true);
        }
      });
      expect(new Set(found.map((p) => p.nodes.join())).size).toBe(found.length);
    }
  });
});

describe('exact betweenness with leaves folded into their neighbours', () => {
  it('equals a search from every node, and graphology, on a graph of stars, chains, lone edges and isolated nodes', () => {
    const edges: Array<[number, number]> = [
      [0, 1], [1, 2], [2, 3], [3, 0], [0, 4], [4, 5], [5, 6], // a cycle with a chain
      [0, 7], [0, 8], [0, 9], [2, 10], [6, 11], // leaves on the cycle and at the chain's end
      [12, 13], // a lone edge (two leaves)
      [14, 15], [14, 16], [14, 17], // a star
    ];
    const n = 20; // 18, 19 isolated
    const csr = csrFromEdgeList(n, edges);
    const folded = betweennessCentrality(csr);
    const searched = betweennessCentrality(csr, { sources: allNodes(n) }); // explicit sources: no folding
    const unnormalised = betweennessCentrality(csr, { normalized: false });
    const gg = graphologyFromEdges(Array.from({ length: n }, (_, i) => String(i)), edges.map(([u, v]) => [String(u), String(v), 1]));
    const theirs = graphology.betweenness(gg);
    for (let i = 0; i < n; i++) {
      expect(Math.abs(folded[i] - searched[i]), `node ${i}`).toBeLessThan(1e-12);
      expect(Math.abs(folded[i] - theirs[String(i)]), `node ${i} vs graphology`).toBeLessThan(1e-12);
    }
    expect(unnormalised[14]).toBe(3); // the star's centre: 3 pairs of its leaves
    // Split into parts as over workers: the same sums.
    const whole = runJob(csr, { kind: 'centrality', measure: 'betweenness', weighted: false });
    const parts = [0, 1, 2].map((index) => runJob(csr, { kind: 'centrality', measure: 'betweenness', weighted: false, part: { index, of: 3 } }));
    const combined = combineParts(n, { kind: 'centrality', measure: 'betweenness', weighted: false }, parts);
    if (whole.kind !== 'centrality' || combined.kind !== 'centrality') throw new Error('centrality expected');
    for (let i = 0; i < n; i++) expect(Math.abs(combined.scores[i] - whole.scores[i])).toBeLessThan(1e-12);
  });
});

describe('closeness searched in batches of 32 sources', () => {
  it('equals networkx semantics source by source, across batch borders, with repeated and isolated sources', () => {
    // A 70-node ring with chords, a separate triangle and an isolated node: 74 nodes, three batches.
    const edges: Array<[number, number]> = [];
    for (let i = 0; i < 70; i++) edges.push([i, (i + 1) % 70]);
    for (let i = 0; i < 70; i += 7) edges.push([i, (i + 23) % 70]);
    edges.push([70, 71], [71, 72], [70, 72]);
    const n = 74;
    const csr = csrFromEdgeList(n, edges);
    const all = closenessCentrality(csr);
    // Reference: plain BFS per node, networkx's Wasserman–Faust formula.
    for (let s = 0; s < n; s++) {
      const dist = new Int32Array(n).fill(-1);
      dist[s] = 0;
      const queue = [s];
      for (let h = 0; h < queue.length; h++)
        for (let k = csr.offsets[queue[h]]; k < csr.offsets[queue[h] + 1]; k++)
          if (dist[csr.targets[k]] < 0) {
            dist[csr.targets[k]] = dist[queue[h]] + 1;
            queue.push(csr.targets[k]);
          }
      const reached = queue.length - 1;
      const total = queue.reduce((sum, v) => sum + dist[v], 0);
      const expected = total > 0 ? (reached / total) * (reached / (n - 1)) : 0;
      expect(Math.abs(all[s] - expected), `node ${s}`).toBeLessThan(1e-15);
    }
    const some = closenessCentrality(csr, { sources: Int32Array.from([5, 73, 5, 71]) });
    expect(some[5]).toBe(all[5]);
    expect(some[71]).toBe(all[71]);
    expect(some[73]).toBe(0);
    expect(some[6]).toBe(0);
  });
});

describe('communitiesConnected', () => {
  // Two triangles joined by the edge 2–3, plus the isolated pair 6–7.
  const csr = csrFromEdgeList(8, [[0, 1], [1, 2], [0, 2], [3, 4], [4, 5], [3, 5], [2, 3], [6, 7]]);
  it('tells a connected partition from one whose community has unlinked parts', () => {
    expect(communitiesConnected(csr, Int32Array.from([0, 0, 0, 1, 1, 1, 2, 2]))).toBe(true);
    expect(communitiesConnected(csr, Int32Array.from([0, 0, 0, 0, 0, 0, 1, 1]))).toBe(true);
    // {0,1,2} with {6,7}: no edge between them.
    expect(communitiesConnected(csr, Int32Array.from([0, 0, 0, 1, 1, 1, 0, 0]))).toBe(false);
    // {0,1} and {4,5} in one community, linked only through nodes outside it.
    expect(communitiesConnected(csr, Int32Array.from([0, 0, 1, 1, 0, 0, 2, 2]))).toBe(false);
  });
  it('Louvain on a graph with two components keeps each community inside one', () => {
    const result = louvain(csr, { seed: 3 });
    expect(communitiesConnected(csr, result.communities)).toBe(true);
    expect(result.count).toBe(3);
    expect(result.communities[6]).toBe(result.communities[7]);
    expect(result.communities[0]).not.toBe(result.communities[6]);
  });
  it('Louvain copes with zero-weight links and finds the planted communities of a synthetic graph', () => {
    // Zero weights: a community reached only through them must still be considered (and stays valid).
    const zero = csrFromEdgeList(6, [[0, 1, 0], [1, 2, 1], [0, 2, 1], [3, 4, 1], [4, 5, 0], [3, 5, 1], [2, 3, 0]]);
    const z = louvain(zero, { seed: 1 });
    expect(Math.abs(z.modularity - modularity(zero, z.communities))).toBeLessThan(1e-12);
    expect(z.communities[0]).toBe(z.communities[2]);
    expect(z.communities[3]).toBe(z.communities[5]);
    expect(z.communities[0]).not.toBe(z.communities[3]);
    // Ten cliques of 12 joined in a ring by single links: each clique is a community at γ = 1.
    const edges: Array<[number, number]> = [];
    for (let c = 0; c < 10; c++) {
      for (let a = 0; a < 12; a++) for (let b = a + 1; b < 12; b++) edges.push([12 * c + a, 12 * c + b]);
      edges.push([12 * c, 12 * ((c + 1) % 10) + 1]);
    }
    // Connected communities on a heavy-tailed graph too, at several resolutions and seeds.
    const synthetic = syntheticCsr({ n: 3000, m: 15_000, seed: 3 });
    for (const resolution of [0.5, 1, 2])
      for (let seed = 0; seed < 3; seed++) expect(communitiesConnected(synthetic, louvain(synthetic, { seed, resolution }).communities), `γ=${resolution} seed ${seed}`).toBe(true);
    const ring = csrFromEdgeList(120, edges);
    for (let seed = 0; seed < 5; seed++) {
      const result = louvain(ring, { seed, maxRounds: seed % 2 ? 1 : 4 });
      expect(result.count, `seed ${seed}`).toBe(10);
      for (let i = 0; i < 120; i++) expect(result.communities[i]).toBe(result.communities[12 * Math.floor(i / 12)]);
    }
  });
});
