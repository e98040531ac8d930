// Peer-learning partners: actors not yet connected to mine that work on the
// same topics, developed practices I could adopt (or could adopt mine), share
// partners with me, sit near me in the collaboration graph, or act at the same
// level elsewhere / at another level. Every number behind a score is returned
// as a structured reason so the UI can explain (and translate) it.
//
// Score (each component in [0, 1], weights sum to 1):
//
//   score = 0.45·topics + 0.20·practices + 0.20·partners + 0.10·proximity + 0.05·level
//
//   topics     cosine similarity of TF-IDF topic profiles (profiles.ts)
//   practices  1 − exp(−(learn + ½·share)); learn = practices the candidate
//              developed that I have not developed/adopted and that are about
//              one of my topics (or marked transferable); share = the converse
//   partners   1 − exp(−AA), AA = Adamic–Adar Σ 1/ln deg(z) over common
//              neighbours z in the collaboration graph
//   proximity  1/(hops − 1) for a candidate `hops` ≥ 2 away, 0 if unreachable
//   level      1 same level, other place; 0.7/0.4/0.1 one/two/three levels apart
//
// Candidates need at least one of topics, practices, partners or a distance of
// at most 3 hops: level alone never makes a recommendation.

import { ValidationError, NotFoundError } from '../errors.ts';
import type { CsrGraph } from '../analytics/projection.ts';
import { foldText } from '../model/text.ts';
import { LEVELS, type Level } from '../model/vocabulary.ts';
import type { PlaceRef } from '../model/schemas.ts';
import { placeName, type Knowledge, type KnowledgeNode } from './knowledge.ts';
import { buildTopicProfiles, sharedTopics, similarToAll, type TopicProfiles } from './profiles.ts';

export const PEER_WEIGHTS = { topics: 0.45, practices: 0.2, partners: 0.2, proximity: 0.1, level: 0.05 } as const;

export const PEER_SCORE_FORMULA =
  'score = 0.45·topics + 0.20·practices + 0.20·partners + 0.10·proximity + 0.05·level, each in [0,1]: ' +
  'topics = cosine of TF-IDF topic profiles (WORKS_ON, ABOUT of their projects/practices/events, thematic tags); ' +
  'practices = 1−exp(−(learn + share/2)) over practices one developed that the other has not adopted and that match its topics or are transferable; ' +
  'partners = 1−exp(−Adamic–Adar) on the collaboration graph; proximity = 1/(hops−1); ' +
  'level = 1 same level elsewhere, 0.7/0.4/0.1 one/two/three levels apart. Direct collaborators are never recommended.';

const MAX_HOPS = 6;

export type PeerReason =
  | { type: 'shared_topic'; topic: { id: string; name: string; from: 'node' | 'tag' }; weight: number }
  | { type: 'practice_to_learn'; practice: { id: string; name: string }; developedBy: { id: string; name: string }; direction: 'learn_from' | 'share_with' }
  | { type: 'common_partner'; partner: { id: string; name: string }; weight: number }
  | { type: 'distance'; hops: number | null }
  | { type: 'level'; relation: 'same_level_elsewhere' | 'cross_level'; from: Level; to: Level };

export interface PeerComponents {
  topics: number;
  practices: number;
  partners: number;
  proximity: number;
  level: number;
}

export interface PeerOptions {
  levels?: Level[];
  kinds?: string[];
  /** Topic ids (or thematic tags): keep candidates whose profile has one of them. */
  topics?: string[];
  /** Municipality, province, region or country name (accent-insensitive) or INE code. */
  region?: string;
  /** Default 20. */
  limit?: number;
}

export interface PeerScore {
  id: string;
  score: number;
  components: PeerComponents;
  hops: number | null;
}

export interface PeerRecommendation extends PeerScore {
  name: string;
  label: 'Actor';
  kind: string;
  level?: Level;
  place?: PlaceRef;
  reasons: PeerReason[];
}

interface PracticeLink {
  practice: KnowledgeNode;
  developer: KnowledgeNode;
  direction: 'learn_from' | 'share_with';
}

/**
 * Scores every candidate for one actor. Precomputes the topic profiles once, so
 * one scorer serves many actors (the link-prediction benchmark scores them all).
 */
export class PeerScorer {
  readonly profiles: TopicProfiles;
  private readonly practiceDevelopers = new Set<string>();

  constructor(
    readonly knowledge: Knowledge,
    readonly collaboration: CsrGraph,
  ) {
    this.profiles = buildTopicProfiles(knowledge);
    for (const node of knowledge.nodes.values()) {
      if (node.label !== 'Practice') continue;
      for (const link of knowledge.in(node.id)) if (link.type === 'DEVELOPED' && knowledge.node(link.from)?.label === 'Actor') this.practiceDevelopers.add(link.from);
    }
  }

  private actor(id: string): KnowledgeNode {
    const node = this.knowledge.node(id);
    if (!node) throw new NotFoundError('actor', id);
    if (node.label !== 'Actor') throw new ValidationError(`"${id}" is a ${node.label}, not an Actor`, [{ path: 'actorId', message: 'must be the id of an Actor' }]);
    return node;
  }

  /** Hop distances from an actor in the collaboration graph (up to MAX_HOPS). */
  private distances(id: string): Map<number, number> {
    const g = this.collaboration;
    const start = g.indexOf(id);
    const dist = new Map<number, number>();
    if (start < 0) return dist;
    dist.set(start, 0);
    let frontier = [start];
    for (let hops = 1; hops <= MAX_HOPS && frontier.length; hops++) {
      const next: number[] = [];
      for (const u of frontier) {
        for (let k = g.offsets[u]; k < g.offsets[u + 1]; k++) {
          const v = g.targets[k];
          if (!dist.has(v)) {
            dist.set(v, hops);
            next.push(v);
          }
        }
      }
      frontier = next;
    }
    return dist;
  }

  /** Adamic–Adar with everyone two hops away: Σ over common neighbours z of 1/ln deg(z). */
  private adamicAdar(id: string): Map<number, number> {
    const g = this.collaboration;
    const a = g.indexOf(id);
    const out = new Map<number, number>();
    if (a < 0) return out;
    for (let k = g.offsets[a]; k < g.offsets[a + 1]; k++) {
      const z = g.targets[k];
      const degree = g.degree(z);
      if (degree < 2) continue;
      const share = 1 / Math.log(degree);
      for (let j = g.offsets[z]; j < g.offsets[z + 1]; j++) {
        const b = g.targets[j];
        if (b !== a) out.set(b, (out.get(b) ?? 0) + share);
      }
    }
    return out;
  }

  private readonly practiceCache = new Map<string, { developed: Set<string>; known: Set<string> }>();

  private practicesOf(actorId: string): { developed: Set<string>; known: Set<string> } {
    const cached = this.practiceCache.get(actorId);
    if (cached) return cached;
    const developed = new Set<string>();
    const known = new Set<string>();
    for (const link of this.knowledge.out(actorId)) {
      const target = this.knowledge.node(link.to);
      if (target?.label !== 'Practice') continue;
      if (link.type === 'DEVELOPED') developed.add(target.id);
      if (link.type === 'DEVELOPED' || link.type === 'ADOPTED') known.add(target.id);
    }
    const sets = { developed, known };
    this.practiceCache.set(actorId, sets);
    return sets;
  }

  /** Practices `developer` developed that `learner` does not know yet and that fit its topics (or are transferable). */
  private practicesToLearn(learner: string, developer: string): KnowledgeNode[] {
    const learnerTopics = this.profiles.counts.get(learner);
    const { known } = this.practicesOf(learner);
    const out: KnowledgeNode[] = [];
    for (const practiceId of this.practicesOf(developer).developed) {
      if (known.has(practiceId)) continue;
      const practice = this.knowledge.node(practiceId)!;
      const fits = this.knowledge.topicsOfItem(practiceId).some((t) => learnerTopics?.has(t.id));
      if (fits || practice.transferable) out.push(practice);
    }
    return out;
  }

  private practiceLinks(a: string, b: string): PracticeLink[] {
    const nodeA = this.knowledge.node(a)!;
    const nodeB = this.knowledge.node(b)!;
    return [
      ...this.practicesToLearn(a, b).map((practice) => ({ practice, developer: nodeB, direction: 'learn_from' as const })),
      ...this.practicesToLearn(b, a).map((practice) => ({ practice, developer: nodeA, direction: 'share_with' as const })),
    ];
  }

  /** Every eligible candidate for `actorId` with its score components, best first. */
  scoreCandidates(actorId: string, options: PeerOptions = {}): PeerScore[] {
    const me = this.actor(actorId);
    const g = this.collaboration;
    const myIndex = g.indexOf(actorId);
    const direct = new Set<number>();
    if (myIndex >= 0) for (let k = g.offsets[myIndex]; k < g.offsets[myIndex + 1]; k++) direct.add(g.targets[k]);

    const similarity = similarToAll(this.profiles, actorId);
    const aa = this.adamicAdar(actorId);
    const dist = this.distances(actorId);
    const candidates = new Set<string>(similarity.keys());
    for (const i of aa.keys()) candidates.add(g.ids[i]);
    for (const [i, hops] of dist) if (hops >= 2 && hops <= 3) candidates.add(g.ids[i]);
    // Anyone who developed a practice may have one to teach (fit is checked per candidate).
    for (const id of this.practiceDevelopers) candidates.add(id);

    const filter = candidateFilter(options, this.profiles);
    const out: PeerScore[] = [];
    for (const id of candidates) {
      if (id === actorId) continue;
      const other = this.knowledge.node(id);
      if (!other || other.label !== 'Actor' || !filter(other)) continue;
      const index = g.indexOf(id);
      if (index >= 0 && direct.has(index)) continue;
      const links = this.practiceLinks(actorId, id);
      const learn = links.filter((l) => l.direction === 'learn_from').length;
      const hops = index >= 0 ? (dist.get(index) ?? null) : null;
      const components: PeerComponents = {
        topics: similarity.get(id) ?? 0,
        practices: 1 - Math.exp(-(learn + 0.5 * (links.length - learn))),
        partners: 1 - Math.exp(-(index >= 0 ? (aa.get(index) ?? 0) : 0)),
        proximity: hops !== null && hops >= 2 ? 1 / (hops - 1) : 0,
        level: levelAffinity(me, other).score,
      };
      if (components.topics === 0 && components.practices === 0 && components.partners === 0 && !(hops !== null && hops <= 3)) continue;
      const score =
        PEER_WEIGHTS.topics * components.topics +
        PEER_WEIGHTS.practices * components.practices +
        PEER_WEIGHTS.partners * components.partners +
        PEER_WEIGHTS.proximity * components.proximity +
        PEER_WEIGHTS.level * components.level;
      out.push({ id, score, components, hops });
    }
    return out.sort((x, y) => y.score - x.score || x.id.localeCompare(y.id));
  }

  /** The structured reasons behind one candidate's score. */
  explain(actorId: string, candidate: PeerScore): PeerReason[] {
    const me = this.knowledge.node(actorId)!;
    const other = this.knowledge.node(candidate.id)!;
    const reasons: PeerReason[] = [];
    for (const { topic, weight } of sharedTopics(this.profiles, actorId, candidate.id).slice(0, 5)) {
      reasons.push({ type: 'shared_topic', topic: { id: topic.id, name: topic.name, from: topic.from }, weight: round(weight) });
    }
    for (const link of this.practiceLinks(actorId, candidate.id).slice(0, 5)) {
      reasons.push({
        type: 'practice_to_learn',
        practice: { id: link.practice.id, name: link.practice.name },
        developedBy: { id: link.developer.id, name: link.developer.name },
        direction: link.direction,
      });
    }
    for (const partner of this.commonPartners(actorId, candidate.id).slice(0, 5)) reasons.push(partner);
    reasons.push({ type: 'distance', hops: candidate.hops });
    const level = levelAffinity(me, other);
    if (level.relation && me.level && other.level) reasons.push({ type: 'level', relation: level.relation, from: me.level, to: other.level });
    return reasons;
  }

  private commonPartners(a: string, b: string): Array<Extract<PeerReason, { type: 'common_partner' }>> {
    const g = this.collaboration;
    const ia = g.indexOf(a);
    const ib = g.indexOf(b);
    if (ia < 0 || ib < 0) return [];
    const mine = new Set<number>();
    for (let k = g.offsets[ia]; k < g.offsets[ia + 1]; k++) mine.add(g.targets[k]);
    const out: Array<Extract<PeerReason, { type: 'common_partner' }>> = [];
    for (let k = g.offsets[ib]; k < g.offsets[ib + 1]; k++) {
      const z = g.targets[k];
      if (!mine.has(z)) continue;
      const node = this.knowledge.node(g.ids[z]);
      out.push({ type: 'common_partner', partner: { id: g.ids[z], name: node?.name ?? g.ids[z] }, weight: round(1 / Math.log(Math.max(2, g.degree(z)))) });
    }
    return out.sort((x, y) => y.weight - x.weight || x.partner.id.localeCompare(y.partner.id));
  }
}

export interface PeerAnswer {
  actor: { id: string; name: string; kind: string; level?: Level; place?: PlaceRef };
  formula: string;
  total: number;
  peers: PeerRecommendation[];
}

/** One scorer per (knowledge, projection) pair: both are cached per store revision upstream. */
const scorers = new WeakMap<Knowledge, WeakMap<CsrGraph, PeerScorer>>();

export function peerScorerFor(knowledge: Knowledge, collaboration: CsrGraph): PeerScorer {
  let byGraph = scorers.get(knowledge);
  if (!byGraph) scorers.set(knowledge, (byGraph = new WeakMap()));
  let scorer = byGraph.get(collaboration);
  if (!scorer) byGraph.set(collaboration, (scorer = new PeerScorer(knowledge, collaboration)));
  return scorer;
}

/** Ranked peer-learning partners for one actor, with reasons. */
export function recommendPeers(knowledge: Knowledge, collaboration: CsrGraph, actorId: string, options: PeerOptions = {}): PeerAnswer {
  const scorer = peerScorerFor(knowledge, collaboration);
  const me = knowledge.node(actorId);
  const scores = scorer.scoreCandidates(actorId, options);
  const peers = scores.slice(0, options.limit ?? 20).map((candidate): PeerRecommendation => {
    const node = knowledge.node(candidate.id)!;
    return {
      id: node.id,
      name: node.name,
      label: 'Actor',
      kind: node.kind,
      ...(node.level ? { level: node.level } : {}),
      ...(node.place ? { place: node.place } : {}),
      score: round(candidate.score),
      components: roundAll(candidate.components),
      hops: candidate.hops,
      reasons: scorer.explain(actorId, candidate),
    };
  });
  return {
    actor: { id: me!.id, name: me!.name, kind: me!.kind, ...(me!.level ? { level: me!.level } : {}), ...(me!.place ? { place: me!.place } : {}) },
    formula: PEER_SCORE_FORMULA,
    total: scores.length,
    peers,
  };
}

/** Same level in another place, or learning across levels; the score is the `level` component. */
export function levelAffinity(a: KnowledgeNode, b: KnowledgeNode): { score: number; relation?: 'same_level_elsewhere' | 'cross_level' } {
  if (!a.level || !b.level) return { score: 0 };
  const gap = Math.abs(LEVELS.indexOf(a.level) - LEVELS.indexOf(b.level));
  if (gap === 0) {
    const here = placeName(a.place);
    const there = placeName(b.place);
    return here && there && foldText(here) === foldText(there) ? { score: 0 } : { score: 1, relation: 'same_level_elsewhere' };
  }
  return { score: [1, 0.7, 0.4, 0.1][gap], relation: 'cross_level' };
}

function candidateFilter(options: PeerOptions, profiles: TopicProfiles): (node: KnowledgeNode) => boolean {
  const levels = options.levels?.length ? new Set<string>(options.levels) : null;
  const kinds = options.kinds?.length ? new Set(options.kinds) : null;
  const topics = options.topics?.length ? options.topics : null;
  const region = options.region ? foldText(options.region.trim()) : null;
  return (node) => {
    if (levels && (!node.level || !levels.has(node.level))) return false;
    if (kinds && !kinds.has(node.kind)) return false;
    if (topics && !topics.some((t) => profiles.counts.get(node.id)?.has(t))) return false;
    if (region && !placeMatches(node.place, region)) return false;
    return true;
  };
}

function placeMatches(place: PlaceRef | undefined, folded: string): boolean {
  if (!place) return false;
  const values = [place.municipality, place.province, place.region, place.country, place.ineCode, place.provinceCode, place.regionCode];
  return values.some((v) => v !== undefined && foldText(v) === folded);
}

function round(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}

function roundAll<T extends object>(values: T): T {
  return Object.fromEntries(Object.entries(values).map(([k, v]) => [k, round(v as number)])) as T;
}
