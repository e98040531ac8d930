// Speaker finder: who could speak on a topic, with the evidence behind each
// name, re-ranked so that the shortlist mixes levels, kinds and regions.
//
//   evidence   Σ over links to items about the topic of
//              base(link) × provenance confidence × recency(item)
//              base: SPOKE_AT 3, DEVELOPED 2.5, ORGANISED 2, PARTICIPATES_IN 1
//              (1.5 as lead), ADOPTED 1, FUNDS 0.5; WORKS_ON the topic adds 1 ×
//              confidence. recency = 0.5^(years before `at`/today ÷ 4); undated 0.75.
//   relevance  ln(1 + evidence) × (0.5 + 0.5 × influence), influence = the
//              candidate's centrality (PageRank by default) ÷ the best candidate's
//   shortlist  greedy MMR: next = argmax (1 − diversity)·relevance/max
//              − diversity·max similarity to those already chosen, where
//              similarity = share of {level, kind, region} in common.
//
// Persons are candidates only with `consent: true` (personal data); their
// influence is the best of the actors they are affiliated with.

import { stringify } from 'csv-stringify/sync';
import { NotFoundError } from '../errors.ts';
import type { PlaceRef } from '../model/schemas.ts';
import type { Level, RelationshipType } from '../model/vocabulary.ts';
import { ITEM_LABELS, placeName, thematicTags, type Knowledge, type KnowledgeNode, type TopicRef } from './knowledge.ts';

export const EVIDENCE_WEIGHTS: Partial<Record<RelationshipType, number>> = {
  SPOKE_AT: 3,
  DEVELOPED: 2.5,
  ORGANISED: 2,
  PARTICIPATES_IN: 1,
  ADOPTED: 1,
  FUNDS: 0.5,
};
const LEAD_BONUS = 1.5;
const WORKS_ON_WEIGHT = 1;
const HALF_LIFE_YEARS = 4;
const UNDATED_RECENCY = 0.75;

export const SPEAKER_SCORE_FORMULA =
  'evidence = Σ base(link) × confidence × recency over links to items ABOUT the topic (SPOKE_AT 3, DEVELOPED 2.5, ORGANISED 2, PARTICIPATES_IN 1 or 1.5 as lead, ADOPTED 1, FUNDS 0.5) + WORKS_ON 1 × confidence; ' +
  'recency = 0.5^(years/4), undated 0.75; relevance = ln(1+evidence) × (0.5 + 0.5·influence/max influence); ' +
  'the shortlist is re-ranked greedily (MMR): (1−diversity)·relevance/max − diversity·max share of {level, kind, region} in common with those already chosen.';

export type SpeakerReason =
  | {
      type: 'evidence';
      relation: RelationshipType;
      item: { id: string; name: string; label: string; day?: string };
      role?: string;
      source?: string;
      confidence: number;
      weight: number;
    }
  | { type: 'works_on'; topic: { id: string; name: string }; source?: string; confidence: number; weight: number }
  | { type: 'influence'; measure: string; score: number; relative: number }
  | { type: 'diversity'; adds: Array<'level' | 'kind' | 'region'> };

export interface SpeakerOptions {
  /** 0 = pure relevance, 1 = maximal mix of levels, kinds and regions. Default 0.5. */
  diversity?: number;
  /** Default 10. */
  limit?: number;
  levels?: Level[];
  kinds?: string[];
  /** Day from which recency is counted (default: knowledge.at or today). */
  today?: string;
}

export interface Influence {
  measure: string;
  scores: ReadonlyMap<string, number>;
}

export interface Speaker {
  rank: number;
  id: string;
  name: string;
  label: 'Actor' | 'Person';
  kind: string;
  level?: Level;
  place?: PlaceRef;
  region?: string;
  /** relevance (before the diversity re-ranking). */
  score: number;
  evidence: number;
  influence: number;
  reasons: SpeakerReason[];
}

export interface SpeakerAnswer {
  topic: { id: string; name: string; from: 'node' | 'tag' };
  diversity: number;
  formula: string;
  total: number;
  speakers: Speaker[];
}

interface Candidate {
  node: KnowledgeNode;
  evidence: number;
  reasons: SpeakerReason[];
  influence: number;
  relevance: number;
  region?: string;
}

export function recommendSpeakers(knowledge: Knowledge, topicId: string, influence: Influence, options: SpeakerOptions = {}): SpeakerAnswer {
  const topic = resolveTopic(knowledge, topicId);
  const today = options.today ?? knowledge.at ?? new Date().toISOString().slice(0, 10);
  const diversity = options.diversity ?? 0.5;
  const limit = options.limit ?? 10;
  const levels = options.levels?.length ? new Set<string>(options.levels) : null;
  const kinds = options.kinds?.length ? new Set(options.kinds) : null;

  const candidates = new Map<string, Candidate>();
  const candidate = (id: string): Candidate | undefined => {
    const node = knowledge.node(id);
    if (!node) return undefined;
    if (node.label !== 'Actor' && !(node.label === 'Person' && node.consent === true)) return undefined;
    if (levels && (!node.level || !levels.has(node.level))) return undefined;
    if (kinds && !kinds.has(node.kind)) return undefined;
    let c = candidates.get(id);
    if (!c) candidates.set(id, (c = { node, evidence: 0, reasons: [], influence: 0, relevance: 0, region: regionOf(node.place) }));
    return c;
  };

  // Direct WORKS_ON links to a Topic node.
  if (topic.from === 'node') {
    for (const link of knowledge.in(topic.id)) {
      if (link.type !== 'WORKS_ON') continue;
      const c = candidate(link.from);
      if (!c) continue;
      const weight = WORKS_ON_WEIGHT * link.confidence;
      c.evidence += weight;
      c.reasons.push({ type: 'works_on', topic: { id: topic.id, name: topic.name }, ...(link.source ? { source: link.source } : {}), confidence: link.confidence, weight: round(weight) });
    }
  }

  for (const item of itemsAbout(knowledge, topic)) {
    const recency = recencyOf(item.day, today);
    for (const link of knowledge.in(item.id)) {
      const base = EVIDENCE_WEIGHTS[link.type];
      if (base === undefined) continue;
      const c = candidate(link.from);
      if (!c) continue;
      const weight = base * (link.type === 'PARTICIPATES_IN' && link.role === 'lead' ? LEAD_BONUS : 1) * link.confidence * recency;
      c.evidence += weight;
      c.reasons.push({
        type: 'evidence',
        relation: link.type,
        item: { id: item.id, name: item.name, label: item.label, ...(item.day ? { day: item.day } : {}) },
        ...(link.role ? { role: link.role } : {}),
        ...(link.source ? { source: link.source } : {}),
        confidence: link.confidence,
        weight: round(weight),
      });
    }
  }

  // Influence: the candidate's centrality, a Person's from the actors it is affiliated with.
  let maxInfluence = 0;
  for (const c of candidates.values()) {
    c.influence = influence.scores.get(c.node.id) ?? 0;
    if (c.node.label === 'Person') {
      for (const link of knowledge.out(c.node.id)) {
        if (link.type === 'AFFILIATED_WITH') c.influence = Math.max(c.influence, influence.scores.get(link.to) ?? 0);
      }
    }
    maxInfluence = Math.max(maxInfluence, c.influence);
  }
  for (const c of candidates.values()) {
    const relative = maxInfluence > 0 ? c.influence / maxInfluence : 0;
    c.relevance = Math.log1p(c.evidence) * (0.5 + 0.5 * relative);
    c.reasons.sort((a, b) => ('weight' in b ? b.weight : 0) - ('weight' in a ? a.weight : 0));
    c.reasons.push({ type: 'influence', measure: influence.measure, score: c.influence, relative: round(relative) });
  }

  const ranked = [...candidates.values()].filter((c) => c.evidence > 0).sort((a, b) => b.relevance - a.relevance || a.node.id.localeCompare(b.node.id));
  const chosen = diversify(ranked, limit, diversity);
  return {
    topic,
    diversity,
    formula: SPEAKER_SCORE_FORMULA,
    total: ranked.length,
    speakers: chosen.map(({ candidate: c, adds }, i) => ({
      rank: i + 1,
      id: c.node.id,
      name: c.node.name,
      label: c.node.label as 'Actor' | 'Person',
      kind: c.node.kind,
      ...(c.node.level ? { level: c.node.level } : {}),
      ...(c.node.place ? { place: c.node.place } : {}),
      ...(c.region ? { region: c.region } : {}),
      score: round(c.relevance),
      evidence: round(c.evidence),
      influence: c.influence,
      reasons: [...c.reasons, ...(adds.length ? [{ type: 'diversity' as const, adds }] : [])],
    })),
  };
}

/** Greedy maximal-marginal-relevance selection over level, kind and region. */
function diversify(ranked: Candidate[], limit: number, diversity: number): Array<{ candidate: Candidate; adds: Array<'level' | 'kind' | 'region'> }> {
  const best = ranked[0]?.relevance || 1;
  const pool = [...ranked];
  const chosen: Array<{ candidate: Candidate; adds: Array<'level' | 'kind' | 'region'> }> = [];
  const seen = { level: new Set<string>(), kind: new Set<string>(), region: new Set<string>() };
  while (chosen.length < limit && pool.length) {
    let pick = 0;
    let pickValue = -Infinity;
    for (let i = 0; i < pool.length; i++) {
      const c = pool[i];
      let similarity = 0;
      for (const { candidate: s } of chosen) similarity = Math.max(similarity, similarityOf(c, s));
      const value = (1 - diversity) * (c.relevance / best) - diversity * similarity;
      if (value > pickValue + 1e-12) {
        pickValue = value;
        pick = i;
      }
    }
    const [c] = pool.splice(pick, 1);
    const adds: Array<'level' | 'kind' | 'region'> = [];
    if (chosen.length) {
      if (c.node.level && !seen.level.has(c.node.level)) adds.push('level');
      if (!seen.kind.has(c.node.kind)) adds.push('kind');
      if (c.region && !seen.region.has(c.region)) adds.push('region');
    }
    if (c.node.level) seen.level.add(c.node.level);
    seen.kind.add(c.node.kind);
    if (c.region) seen.region.add(c.region);
    chosen.push({ candidate: c, adds });
  }
  return chosen;
}

function similarityOf(a: Candidate, b: Candidate): number {
  let same = 0;
  if (a.node.level && a.node.level === b.node.level) same++;
  if (a.node.kind === b.node.kind) same++;
  if (a.region && a.region === b.region) same++;
  return same / 3;
}

function resolveTopic(knowledge: Knowledge, topicId: string): SpeakerAnswer['topic'] {
  const node = knowledge.node(topicId);
  if (node?.label === 'Topic') return { id: node.id, name: node.name, from: 'node' };
  for (const n of knowledge.nodes.values()) {
    const tag = thematicTags(n.tags).find((t) => t.id === topicId);
    if (tag) return tag;
  }
  throw new NotFoundError('topic', topicId);
}

function itemsAbout(knowledge: Knowledge, topic: TopicRef): KnowledgeNode[] {
  if (topic.from === 'node') {
    return knowledge
      .in(topic.id)
      .filter((l) => l.type === 'ABOUT')
      .map((l) => knowledge.node(l.from)!)
      .filter((n) => ITEM_LABELS.has(n.label));
  }
  return [...knowledge.nodes.values()].filter((n) => ITEM_LABELS.has(n.label) && n.tags.includes(topic.id));
}

function recencyOf(day: string | undefined, today: string): number {
  if (!day) return UNDATED_RECENCY;
  const years = (Date.parse(today.slice(0, 10)) - Date.parse(day.slice(0, 10))) / (365.25 * 86_400_000);
  if (!Number.isFinite(years)) return UNDATED_RECENCY;
  return years <= 0 ? 1 : Math.pow(0.5, years / HALF_LIFE_YEARS);
}

function regionOf(place?: PlaceRef): string | undefined {
  return place?.region ?? place?.country ?? placeName(place);
}

function round(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}

/** The shortlist as CSV (one row per speaker, the evidence summarised). */
export function speakersCsv(answer: SpeakerAnswer): string {
  const rows = answer.speakers.map((s) => ({
    rank: s.rank,
    id: s.id,
    name: s.name,
    label: s.label,
    kind: s.kind,
    level: s.level ?? '',
    place: placeName(s.place) ?? '',
    region: s.region ?? '',
    score: s.score,
    evidence: s.evidence,
    influence: s.influence,
    reasons: s.reasons
      .flatMap((r) => (r.type === 'evidence' ? [`${r.relation} ${r.item.name}${r.source ? ` [${r.source}]` : ''}`] : r.type === 'works_on' ? [`WORKS_ON ${r.topic.name}`] : []))
      .join('; '),
  }));
  return stringify(rows, { header: true, columns: ['rank', 'id', 'name', 'label', 'kind', 'level', 'place', 'region', 'score', 'evidence', 'influence', 'reasons'] });
}
