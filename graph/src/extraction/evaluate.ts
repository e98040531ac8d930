import type { Extraction } from './extract.ts';
import { bestMatch, type Known } from './match.ts';

// Precision and recall of an extraction against a hand-curated graph of the
// same document: candidates are aligned to the curated nodes by name
// (bestMatch, the same matcher the suggestions use), then
// - actors: precision = aligned actor candidates / actor candidates,
//   recall = curated actors found / curated actors;
// - relationships (between actors, projects and events): a candidate counts
//   when its two ends align to the two ends of a curated relationship, in
//   either direction ("pair"), and "typed" when the type agrees too.

export interface GoldNode extends Known {
  label: string;
}
export interface GoldRelationship {
  type: string;
  from: string;
  to: string;
}

export interface Figures {
  candidates: number;
  correct: number;
  gold: number;
  found: number;
  precision: number;
  recall: number;
}

export interface Evaluation {
  /** strictPrecision: a second candidate for an actor already found counts as wrong (a duplicate to merge in review). */
  actors: Figures & { missed: string[]; wrong: string[]; strictPrecision: number };
  /** missed: curated relationships not found ("TYPE from -> to", seed ids); wrong: candidates joining no curated pair (candidate names and rule). */
  relationships: Figures & { typedCorrect: number; typedPrecision: number; typedRecall: number; missed: string[]; wrong: string[] };
  /** Relationships found by a sentence cue or field line only (no co-occurrence guesses). */
  cueRelationships: Figures;
}

const ratio = (a: number, b: number) => (b === 0 ? 1 : Number((a / b).toFixed(3)));

function figures(candidates: number, correct: number, gold: number, found: number): Figures {
  return { candidates, correct, gold, found, precision: ratio(correct, candidates), recall: ratio(found, gold) };
}

export function evaluate(extraction: Extraction, goldNodes: GoldNode[], goldRelationships: GoldRelationship[], threshold = 0.8): Evaluation {
  const align = new Map<string, string | undefined>();
  for (const n of extraction.nodes) {
    if (n.label === 'Place') continue;
    const m = bestMatch(n, goldNodes.filter((g) => (n.label === 'Actor' ? g.label === 'Actor' : g.label !== 'Actor')), { threshold });
    align.set(n.key, m?.id);
  }
  const goldActors = goldNodes.filter((g) => g.label === 'Actor');
  const actorCandidates = extraction.nodes.filter((n) => n.label === 'Actor');
  const foundActors = new Set(actorCandidates.map((n) => align.get(n.key)).filter((id): id is string => !!id));
  const actors = {
    ...figures(actorCandidates.length, actorCandidates.filter((n) => align.get(n.key)).length, goldActors.length, goldActors.filter((g) => foundActors.has(g.id)).length),
    strictPrecision: ratio(foundActors.size, actorCandidates.length),
    missed: goldActors.filter((g) => !foundActors.has(g.id)).map((g) => g.name),
    wrong: actorCandidates.filter((n) => !align.get(n.key)).map((n) => n.name),
  };
  const goldIds = new Set(goldNodes.map((g) => g.id));
  const gold = goldRelationships.filter((r) => goldIds.has(r.from) && goldIds.has(r.to));
  const pair = (a: string, b: string) => [a, b].sort().join('\u0000');
  const goldPairs = new Map<string, GoldRelationship[]>();
  for (const r of gold) goldPairs.set(pair(r.from, r.to), [...(goldPairs.get(pair(r.from, r.to)) ?? []), r]);
  // Only relationships between actors, projects and events are measured: the curated ones to places
  // and topics are not part of the gold set, so candidates to places and topics are left out too.
  const measured = new Set(extraction.nodes.filter((n) => n.label !== 'Place').map((n) => n.key));
  const candidates = extraction.relationships.filter((r) => measured.has(r.from) && measured.has(r.to));
  const score = (rels: Extraction['relationships']) => {
    const foundPairs = new Set<string>();
    let correct = 0;
    let typedCorrect = 0;
    const typedFound = new Set<GoldRelationship>();
    for (const r of rels) {
      const a = align.get(r.from);
      const b = align.get(r.to);
      if (!a || !b || a === b) continue;
      const hits = goldPairs.get(pair(a, b));
      if (!hits) continue;
      correct++;
      foundPairs.add(pair(a, b));
      const typed = hits.find((h) => h.type === r.type);
      if (typed) {
        typedCorrect++;
        typedFound.add(typed);
      }
    }
    const found = gold.filter((r) => foundPairs.has(pair(r.from, r.to))).length;
    return { f: figures(rels.length, correct, gold.length, found), typedCorrect, typedFound: typedFound.size };
  };
  const all = score(candidates);
  const cues = score(candidates.filter((r) => r.rule !== 'co-occurrence'));
  const nameOf = new Map(extraction.nodes.map((n) => [n.key, n.name]));
  const foundPair = new Set(candidates.flatMap((r) => (align.get(r.from) && align.get(r.to) ? [pair(align.get(r.from)!, align.get(r.to)!)] : [])));
  return {
    actors,
    relationships: {
      ...all.f,
      typedCorrect: all.typedCorrect,
      typedPrecision: ratio(all.typedCorrect, all.f.candidates),
      typedRecall: ratio(all.typedFound, gold.length),
      missed: gold.filter((r) => !foundPair.has(pair(r.from, r.to))).map((r) => `${r.type} ${r.from} -> ${r.to}`),
      wrong: candidates
        .filter((r) => {
          const a = align.get(r.from);
          const b = align.get(r.to);
          return !a || !b || a === b || !goldPairs.has(pair(a, b));
        })
        .map((r) => `${r.type} ${nameOf.get(r.from)} -> ${nameOf.get(r.to)} [${r.rule}]`),
    },
    cueRelationships: cues.f,
  };
}
