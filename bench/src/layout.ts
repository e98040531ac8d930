// Layout section: our ForceAtlas2 (graph/src/layout, typed arrays + Barnes-Hut,
// run until the stopping rule holds) against graphology-layout-forceatlas2
// (500 iterations, inferSettings, Barnes-Hut above 2000 nodes) on the same
// graphs, from the same deterministic starting positions, in the same process.
// Quality = edge-length ratio (mean drawn-edge length / mean distance between
// random node pairs; ≈ 1 random, lower is better). Goal (issue 13): ours no
// worse than graphology's at ≤ ½ its time.
//
// Graphs: the generated ecosystem 10k actors / 100k links (--quick: 2k/20k) and
// the real Spanish H2020 subset imported from test/fixtures/h2020-spain (or the
// directory given with --layout-data=DIR: elements.csv + connections.csv), each
// as the network view and the collaboration view.

import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import forceAtlas2Module from 'graphology-layout-forceatlas2';
import type { TopologyChunk } from '@atlas/graph';
import { importGraph } from '@atlas/graph/codecs/index.ts';
import { EmbeddedStore } from '@atlas/graph/store/embedded/index.ts';
import { collaborationGraph, networkGraph, type LayoutGraph } from '@atlas/graph/layout/views.ts';
import { initialPositions, warmStartPositions } from '@atlas/graph/layout/initial.ts';
import { edgeLengthRatio } from '@atlas/graph/layout/quality.ts';
import { runLayout } from '@atlas/graph/layout/run.ts';
import { Graph, type GraphologyGraph } from '@atlas/graph/analytics/reference/graphology.ts';
import { generateEcosystem } from '@atlas/seeds/generator/generate.ts';
import { time } from './lib/measure.ts';
import type { BenchRow } from './lib/report.ts';
import type { BenchSection } from './lib/section.ts';

// CommonJS typings under NodeNext: the default import is typed as the namespace (see analytics/reference/graphology.ts).
const forceAtlas2 = ((forceAtlas2Module as { default?: unknown }).default ?? forceAtlas2Module) as unknown as typeof forceAtlas2Module.default;

const here = path.dirname(fileURLToPath(import.meta.url));
const FIXTURE = path.resolve(here, '../../test/fixtures/h2020-spain');
const GRAPHOLOGY_ITERATIONS = 500;

export function generatedChunks(actors: number, links: number): TopologyChunk[] {
  const { nodes, relationships } = generateEcosystem({ actors, links, seed: 1 });
  return [
    {
      nodes: nodes.map((n) => ({ id: n.id!, label: n.label, kind: n.kind ?? '', level: n.level, validFrom: n.validFrom, validTo: n.validTo })),
      relationships: relationships.map((r, i) => ({ id: r.id ?? `r${i}`, type: r.type, from: r.from, to: r.to, validFrom: r.validFrom, validTo: r.validTo })),
    },
  ];
}

export async function importedChunks(dir: string): Promise<TopologyChunk[]> {
  const storeDir = await mkdtemp(path.join(tmpdir(), 'atlas-bench-layout-'));
  const store = new EmbeddedStore({ dataDir: storeDir, logger: { warn: () => {} } });
  await store.init();
  try {
    const report = await importGraph(store, [
      { name: 'elements.csv', path: path.join(dir, 'elements.csv') },
      { name: 'connections.csv', path: path.join(dir, 'connections.csv') },
    ]);
    if (report.errors.length) throw new Error(`import of ${dir} failed: ${JSON.stringify(report.errors.slice(0, 3))}`);
    const chunks: TopologyChunk[] = [];
    for await (const chunk of store.streamTopology()) chunks.push(chunk);
    return chunks;
  } finally {
    await store.close();
    await rm(storeDir, { recursive: true, force: true });
  }
}

function graphologyOf(graph: LayoutGraph, x: Float64Array, y: Float64Array): GraphologyGraph {
  const g = new Graph({ type: 'undirected' });
  graph.ids.forEach((id, i) => g.addNode(id, { x: x[i], y: y[i] }));
  const { offsets, targets, weights } = graph.topology;
  for (let u = 0; u < graph.ids.length; u++)
    for (let k = offsets[u]; k < offsets[u + 1]; k++) if (targets[k] > u) g.addEdge(graph.ids[u], graph.ids[targets[k]], { weight: weights[k] });
  return g;
}

async function compare(label: string, graph: LayoutGraph, log: (m: string) => void): Promise<BenchRow[]> {
  const { topology, ids } = graph;
  const start = initialPositions(ids);
  const random = edgeLengthRatio(topology, start.x, start.y);
  log(`${label}: ${ids.length} nodes, ${topology.m} links — ours…`);
  const ours = await time(() => runLayout(topology, start));
  const oursRatio = edgeLengthRatio(topology, ours.value.x, ours.value.y);
  log(`${label}: ours ${ours.wallMs.toFixed(0)} ms, ${ours.value.iterations} iterations, ratio ${oursRatio.toFixed(4)} — graphology…`);
  const g = graphologyOf(graph, start.x, start.y);
  const settings = forceAtlas2.inferSettings(g);
  const theirs = await time(() => forceAtlas2(g, { iterations: GRAPHOLOGY_ITERATIONS, getEdgeWeight: 'weight', settings }));
  const gx = new Float64Array(ids.length);
  const gy = new Float64Array(ids.length);
  ids.forEach((id, i) => {
    gx[i] = theirs.value[id].x;
    gy[i] = theirs.value[id].y;
  });
  const theirRatio = edgeLengthRatio(topology, gx, gy);
  log(`${label}: graphology ${theirs.wallMs.toFixed(0)} ms, ratio ${theirRatio.toFixed(4)}`);
  const rows: BenchRow[] = [
    {
      task: 'ForceAtlas2 until converged',
      graph: label,
      ours: { wallMs: ours.wallMs, cpuMs: ours.cpuMs },
      baseline: { wallMs: theirs.wallMs, cpuMs: theirs.cpuMs, name: `graphology FA2 ×${GRAPHOLOGY_ITERATIONS}` },
      ratio: theirs.wallMs / ours.wallMs,
      target: 'edge ratio ≤ graphology’s, time ≤ ½',
      met: oursRatio <= theirRatio && ours.wallMs * 2 <= theirs.wallMs,
      details: {
        nodes: ids.length,
        links: topology.m,
        iterations: ours.value.iterations,
        converged: String(ours.value.converged),
        edgeRatio: oursRatio,
        graphologyEdgeRatio: theirRatio,
        randomEdgeRatio: random,
      },
    },
  ];

  // Warm start: the converged layout stands in for the previous revision's, with its last 1 % of
  // nodes (by id) forgotten, so they are placed as new ones (next to their neighbours).
  const keep = Math.floor(ids.length * 0.99);
  const partial = new Map<string, [number, number]>();
  const before = ours.value;
  for (let i = 0; i < keep; i++) partial.set(ids[i], [before.x[i], before.y[i]]);
  const warm = warmStartPositions(topology, ids, partial);
  const rerun = await time(() => runLayout(topology, warm, { known: warm.known }));
  let diameter = 0;
  for (let i = 0; i < keep; i++) diameter = Math.max(diameter, Math.abs(before.x[i]), Math.abs(before.y[i]));
  let moved = 0;
  for (let i = 0; i < keep; i++) moved += Math.hypot(rerun.value.x[i] - before.x[i], rerun.value.y[i] - before.y[i]);
  rows.push({
    task: 'warm start after 1 % new nodes',
    graph: label,
    ours: { wallMs: rerun.wallMs, cpuMs: rerun.cpuMs },
    details: {
      iterations: rerun.value.iterations,
      coldIterations: ours.value.iterations,
      converged: String(rerun.value.converged),
      edgeRatio: edgeLengthRatio(topology, rerun.value.x, rerun.value.y),
      meanMoveOfKnownNodes: moved / keep / (2 * diameter),
    },
  });
  return rows;
}

export const layoutSection: BenchSection = {
  name: 'layout',
  async run({ quick, log }) {
    const argDir = process.argv.find((a) => a.startsWith('--layout-data='))?.slice('--layout-data='.length);
    const realDir = argDir ?? FIXTURE;
    if (!existsSync(path.join(realDir, 'elements.csv'))) throw new Error(`no elements.csv in ${realDir}`);
    const [actors, links] = quick ? [2000, 20_000] : [10_000, 100_000];
    const size = quick ? '2k/20k' : '10k/100k';
    const rows: BenchRow[] = [];
    const generated = generatedChunks(actors, links);
    rows.push(...(await compare(`generated ${size} network`, await networkGraph(generated), log)));
    rows.push(...(await compare(`generated ${size} collaboration`, await collaborationGraph(() => generated), log)));
    const real = await importedChunks(realDir);
    const name = path.basename(realDir);
    rows.push(...(await compare(`${name} network`, await networkGraph(real), log)));
    rows.push(...(await compare(`${name} collaboration`, await collaborationGraph(() => real), log)));
    return {
      section: 'layout',
      rows,
      notes: [
        'edgeRatio = mean drawn-edge length / mean distance between node pairs (all pairs up to 10⁸, else 2M sampled) (≈ 1 random, lower is better); randomEdgeRatio = the common starting placement',
        `ours: slowDown 1, Barnes-Hut width/d < 1, strong gravity 0.04 (graphology 0.05); stops when the mean move per node < 0.0003 × layout diameter for 10 iterations (steps cool 1 %/iteration after 200, cap 1000); graphology: ${GRAPHOLOGY_ITERATIONS} iterations, inferSettings (Barnes-Hut above 2000 nodes); same start positions, same weights`,
        'ratio = graphology wall / ours wall; the target needs both: edge ratio no worse and time ≤ ½',
        'warm start: the layout of the graph re-run from its own positions with the last 1 % of nodes (by id) placed as new; meanMoveOfKnownNodes is relative to the layout width',
      ],
    };
  },
};
