// Link-prediction benchmark for the peer-partner scorer (not a test):
//
//   npx tsx bench/src/link-prediction.ts [--holdout=0.2] [--seed=1]
//
// Real data: the Spanish H2020 subgraph (test/fixtures/h2020-spain, MIT,
// © Spaghetti Open Data; data CORDIS © EU — see its SOURCE.md), imported with
// the project's own CSV codec into a temporary embedded store. The projects
// that started last (the most recent `holdout` share by startDate) are hidden;
// the actor pairs that collaborate ONLY in those projects are the positives to
// predict from the earlier network. Candidates of an actor: every training
// actor it is not yet linked to. Scorers: the peer score (graph/src/recommendations/peers.ts),
// common neighbours, Adamic–Adar, and random. Reported: precision@10 averaged
// over actors with at least one hidden link, and AUC (10,000 sampled
// positive/negative pairs; ties count ½). Ties inside a ranking are broken by
// a seeded shuffle so that a coarse score (common neighbours) gets no free
// help from id order.

import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { GraphNode, GraphRelationship, Subgraph, TopologyChunk } from '@atlas/graph';
import { buildProjection, mulberry32, type CsrGraph } from '@atlas/graph/analytics/index.ts';
import { importGraph } from '@atlas/graph/codecs/index.ts';
import { EmbeddedStore } from '@atlas/graph/store/embedded/index.ts';
import { Knowledge } from '@atlas/graph/recommendations/knowledge.ts';
import { PeerScorer } from '@atlas/graph/recommendations/peers.ts';

export interface LinkPredictionOptions {
  /** Folder with elements.csv + connections.csv. */
  dataDir?: string;
  /** Share of projects (the most recent by startDate) hidden. Default 0.2. */
  holdout?: number;
  seed?: number;
  k?: number;
  aucSamples?: number;
  log?: (message: string) => void;
}

export interface ScorerFigures {
  precisionAtK: number;
  auc: number;
}

export interface LinkPredictionResult {
  actors: number;
  trainProjects: number;
  testProjects: number;
  trainLinks: number;
  positives: number;
  evaluatedActors: number;
  k: number;
  scorers: Record<string, ScorerFigures>;
  seconds: number;
}

const here = path.dirname(fileURLToPath(import.meta.url));
const CANDIDATE_DIRS = [path.resolve(here, '../../test/fixtures/h2020-spain')];

type PairScore = (a: number, b: number) => number;

export async function runLinkPrediction(options: LinkPredictionOptions = {}): Promise<LinkPredictionResult> {
  const started = Date.now();
  const log = options.log ?? (() => {});
  const holdout = options.holdout ?? 0.2;
  const k = options.k ?? 10;
  const dataDir = options.dataDir ?? CANDIDATE_DIRS.find((d) => existsSync(path.join(d, 'elements.csv')));
  if (!dataDir) throw new Error('h2020-spain data not found');

  // 1. Import with the real codec, read everything back.
  const storeDir = await mkdtemp(path.join(tmpdir(), 'atlas-linkpred-'));
  const store = new EmbeddedStore({ dataDir: storeDir, logger: { warn: () => {} } });
  await store.init();
  let nodes: GraphNode[] = [];
  let relationships: GraphRelationship[] = [];
  try {
    const report = await importGraph(store, [
      { name: 'elements.csv', path: path.join(dataDir, 'elements.csv') },
      { name: 'connections.csv', path: path.join(dataDir, 'connections.csv') },
    ]);
    if (report.errors.length) throw new Error(`import failed: ${JSON.stringify(report.errors.slice(0, 3))}`);
    for await (const chunk of store.exportAll()) {
      nodes = nodes.concat(chunk.nodes);
      relationships = relationships.concat(chunk.relationships);
    }
  } finally {
    await store.close();
    await rm(storeDir, { recursive: true, force: true });
  }
  log(`imported ${nodes.length} nodes, ${relationships.length} relationships from ${dataDir}`);

  // 2. Hide the most recent projects.
  const startOf = (n: GraphNode) => n.startDate ?? (typeof n.properties?.startDate === 'string' ? n.properties.startDate : undefined);
  const projects = nodes.filter((n) => n.label === 'Project' && startOf(n)).sort((a, b) => startOf(a)!.localeCompare(startOf(b)!) || a.id.localeCompare(b.id));
  const testProjects = new Set(projects.slice(Math.floor(projects.length * (1 - holdout))).map((p) => p.id));
  const trainNodes = nodes.filter((n) => !testProjects.has(n.id));
  const trainRels = relationships.filter((r) => !testProjects.has(r.to) && !testProjects.has(r.from));
  const train: Subgraph = { nodes: trainNodes, relationships: trainRels };

  const knowledge = await Knowledge.fromChunks([train]);
  const graph = await buildProjection([topologyOf(train)], { projection: 'collaboration' }, false);
  const scorer = new PeerScorer(knowledge, graph);

  // Training actors: those with at least one training project.
  const active = new Set<number>();
  for (const r of trainRels) if (r.type === 'PARTICIPATES_IN') active.add(graph.indexOf(r.from));
  active.delete(-1);
  const members = new Map<string, number[]>();
  for (const r of relationships) {
    if (r.type !== 'PARTICIPATES_IN' || !testProjects.has(r.to)) continue;
    const i = graph.indexOf(r.from);
    if (i >= 0 && active.has(i)) (members.get(r.to) ?? members.set(r.to, []).get(r.to)!).push(i);
  }
  const trainNeighbours = (i: number) => new Set(Array.from(graph.targets.subarray(graph.offsets[i], graph.offsets[i + 1])));
  const positives = new Map<number, Set<number>>();
  let positiveCount = 0;
  for (const list of members.values()) {
    for (const a of list) {
      const linked = trainNeighbours(a);
      for (const b of list) {
        if (a === b || linked.has(b)) continue;
        const set = positives.get(a) ?? positives.set(a, new Set()).get(a)!;
        if (!set.has(b)) {
          set.add(b);
          if (a < b) positiveCount++;
        }
      }
    }
  }
  log(`${testProjects.size} hidden projects, ${positiveCount} hidden actor pairs among ${active.size} training actors`);

  // 3. Scorers.
  const peerCache = new Map<number, Map<number, number>>();
  const peer: PairScore = (a, b) => {
    let scores = peerCache.get(a);
    if (!scores) {
      scores = new Map(scorer.scoreCandidates(graph.ids[a]).map((s) => [graph.indexOf(s.id), s.score]));
      peerCache.set(a, scores);
    }
    return scores.get(b) ?? 0;
  };
  const common = (a: number, b: number, weight: (z: number) => number) => {
    const na = trainNeighbours(a);
    let sum = 0;
    for (let j = graph.offsets[b]; j < graph.offsets[b + 1]; j++) if (na.has(graph.targets[j])) sum += weight(graph.targets[j]);
    return sum;
  };
  const rng = mulberry32(options.seed ?? 1);
  const randomScores = new Map<string, number>();
  const scorers: Record<string, PairScore> = {
    peer,
    common_neighbours: (a, b) => common(a, b, () => 1),
    adamic_adar: (a, b) => common(a, b, (z) => 1 / Math.log(Math.max(2, graph.degree(z)))),
    random: (a, b) => {
      const key = a < b ? `${a}|${b}` : `${b}|${a}`;
      if (!randomScores.has(key)) randomScores.set(key, rng());
      return randomScores.get(key)!;
    },
  };

  // 4. Evaluate.
  const activeList = [...active].sort((x, y) => x - y);
  const evaluated = [...positives.keys()].sort((x, y) => x - y);
  const pairRng = mulberry32((options.seed ?? 1) + 1);
  const positivePairs: Array<[number, number]> = [];
  for (const [a, set] of positives) for (const b of set) if (a < b) positivePairs.push([a, b]);
  const samples = options.aucSamples ?? 10_000;
  const aucPairs: Array<{ pos: [number, number]; neg: [number, number] }> = [];
  while (aucPairs.length < samples && positivePairs.length) {
    const pos = positivePairs[Math.floor(pairRng() * positivePairs.length)];
    const a = activeList[Math.floor(pairRng() * activeList.length)];
    const b = activeList[Math.floor(pairRng() * activeList.length)];
    if (a === b || trainNeighbours(a).has(b) || positives.get(a)?.has(b)) continue;
    aucPairs.push({ pos, neg: [a, b] });
  }

  const figures: Record<string, ScorerFigures> = {};
  for (const [name, score] of Object.entries(scorers)) {
    const tieRng = mulberry32((options.seed ?? 1) + 2);
    let precisionSum = 0;
    for (const a of evaluated) {
      const linked = trainNeighbours(a);
      const ranked = activeList
        .filter((b) => b !== a && !linked.has(b))
        .map((b) => ({ b, s: score(a, b), tie: tieRng() }))
        .sort((x, y) => y.s - x.s || x.tie - y.tie)
        .slice(0, k);
      const hits = ranked.filter((r) => positives.get(a)!.has(r.b)).length;
      precisionSum += hits / k;
    }
    let wins = 0;
    for (const { pos, neg } of aucPairs) {
      const sp = score(pos[0], pos[1]);
      const sn = score(neg[0], neg[1]);
      wins += sp > sn ? 1 : sp === sn ? 0.5 : 0;
    }
    figures[name] = { precisionAtK: precisionSum / Math.max(1, evaluated.length), auc: wins / Math.max(1, aucPairs.length) };
    log(`${name}: precision@${k} ${figures[name].precisionAtK.toFixed(4)}, AUC ${figures[name].auc.toFixed(4)}`);
  }
  return {
    actors: active.size,
    trainProjects: projects.length - testProjects.size,
    testProjects: testProjects.size,
    trainLinks: graph.m,
    positives: positiveCount,
    evaluatedActors: evaluated.length,
    k,
    scorers: figures,
    seconds: (Date.now() - started) / 1000,
  };
}

/** Lean topology records of full documents (what a store's streamTopology gives). */
function topologyOf(sub: Subgraph): TopologyChunk {
  return {
    nodes: sub.nodes.map((n) => ({ id: n.id, label: n.label, kind: n.kind, level: n.level, validFrom: n.validFrom, validTo: n.validTo })),
    relationships: sub.relationships.map((r) => ({
      id: r.id,
      type: r.type,
      from: r.from,
      to: r.to,
      weight: typeof r.properties.weight === 'number' ? r.properties.weight : undefined,
      validFrom: r.validFrom,
      validTo: r.validTo,
    })),
  };
}

export type { CsrGraph };

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
  const result = await runLinkPrediction({
    holdout: arg('holdout') ? Number(arg('holdout')) : undefined,
    seed: arg('seed') ? Number(arg('seed')) : undefined,
    log: (m) => console.error(m),
  });
  console.log(JSON.stringify(result, null, 2));
  const { peer, common_neighbours: cn } = result.scorers;
  if (!(peer.precisionAtK > cn.precisionAtK && peer.auc > cn.auc)) {
    console.error('the peer score does NOT beat common neighbours');
    process.exitCode = 1;
  }
}
