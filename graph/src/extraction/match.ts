import { foldText } from '../model/text.ts';
import { findMunicipalityByName, findProvinceByName, findRegionByName } from '../places/geocoder.ts';

// Matching a candidate against known nodes: names and aliases compared
// accent- and case-insensitively, then fuzzily (token Dice + character
// bigram similarity) above a threshold, so a known actor is linked and not
// duplicated. Pure: the caller supplies the nodes to compare with.

export interface Known {
  id: string;
  label: string;
  name: string;
  aliases?: string[];
}

export interface MatchResult {
  id: string;
  name: string;
  score: number;
  /** exact: same normalised name or alias; fuzzy: similarity ≥ threshold. */
  how: 'exact' | 'fuzzy';
  matchedName: string;
}

const STOP = new Set(['de', 'del', 'la', 'las', 'los', 'el', 'els', 'les', 'i', 'y', 'e', 'en', 'of', 'for', 'the', 'and', 'in', 'per', 'a', 'al', 'd', 'l', 's']);
/** Words that say what kind of organisation a name is (after SYNONYMS), not which one. */
const KIND_WORDS = new Set(['council', 'university', 'foundation', 'association', 'lab', 'centre', 'diputacion', 'ministerio', 'ministry', 'government', 'gobierno', 'govern', 'generalitat', 'junta', 'city', 'town', 'provincial', 'regional']);
/** Kind words that only restate "council" ("Madrid City Council" = "Ayuntamiento de Madrid"). */
const COUNCIL_QUALIFIERS = new Set(['city', 'town']);

/** "Universitat de València": a kind word and a place, nothing that tells one organisation of that kind from another. */
function kindAndPlaceOnly(ws: string[]): boolean {
  const rest = ws.filter((w) => !KIND_WORDS.has(w));
  if (rest.length === 0 || rest.length === ws.length) return false;
  const place = rest.join(' ');
  return !!(findMunicipalityByName(place).municipality || findProvinceByName(place) || findRegionByName(place));
}
const SYNONYMS: Record<string, string> = {
  center: 'centre', centro: 'centre', laboratory: 'lab', laboratorio: 'lab', laboratori: 'lab', ayuntamiento: 'council', ajuntament: 'council',
  programme: 'programa', program: 'programa', universidad: 'university', universitat: 'university', fundacion: 'foundation', fundacio: 'foundation',
  asociacion: 'association', associacio: 'association', capita: 'capital',
  // Abbreviations of the organisation words ("Ayto. de Madrid", "Ajunt. de Girona", "Univ. de Sevilla").
  ayto: 'council', aytto: 'council', ajunt: 'council', ajt: 'council', concello: 'council', univ: 'university', universidade: 'university', fund: 'foundation', fdo: 'foundation',
  asoc: 'association', assoc: 'association', associacion: 'association', dip: 'diputacion', diputacio: 'diputacion', centre: 'centre', lab: 'lab',
};

export function normaliseName(name: string): string {
  return foldText(name)
    .replace(/['’]s\b/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

function words(name: string): string[] {
  return normaliseName(name)
    .split(' ')
    .filter((w) => w && !STOP.has(w))
    .map((w) => SYNONYMS[w] ?? w);
}

function bigrams(s: string): Map<string, number> {
  const m = new Map<string, number>();
  const t = ` ${s} `;
  for (let i = 0; i + 1 < t.length; i++) {
    const g = t.slice(i, i + 2);
    m.set(g, (m.get(g) ?? 0) + 1);
  }
  return m;
}

function dice<T>(a: Map<T, number>, b: Map<T, number>): number {
  let inter = 0;
  let total = 0;
  for (const v of a.values()) total += v;
  for (const v of b.values()) total += v;
  for (const [k, v] of a) inter += Math.min(v, b.get(k) ?? 0);
  return total === 0 ? 0 : (2 * inter) / total;
}

/** Similarity of two names in [0, 1]: 1 for the same normalised name. */
export function nameSimilarity(a: string, b: string): number {
  const na = normaliseName(a);
  const nb = normaliseName(b);
  if (!na || !nb) return 0;
  if (na === nb) return 1;
  const wa = words(a);
  const wb = words(b);
  if (wa.length && wa.join(' ') === wb.join(' ')) return 0.98;
  // Same words in another order, "city/town council" read as council: "Madrid City Council" ~ "Ayuntamiento de Madrid".
  const bag = (ws: string[]) => ws.filter((w) => !COUNCIL_QUALIFIERS.has(w)).sort().join(' ');
  if (wa.length && bag(wa) === bag(wb) && bag(wa).length) return 0.95;
  const count = (ws: string[]) => ws.reduce((m, w) => m.set(w, (m.get(w) ?? 0) + 1), new Map<string, number>());
  const tokenScore = dice(count(wa), count(wb));
  const charScore = dice(bigrams(wa.join(' ')), bigrams(wb.join(' ')));
  // A short name wholly contained in a longer one ("Las Naves" in "Centre … Las Naves").
  const contained = wa.length >= 1 && wb.length >= 1 && (wa.every((w) => wb.includes(w)) || wb.every((w) => wa.includes(w)));
  // Not when the shorter name is only a kind and a place: "Universitat Politècnica de València" is not "Universitat de València".
  const shorter = wa.length <= wb.length ? wa : wb;
  const generic = contained && wa.length !== wb.length && kindAndPlaceOnly(shorter);
  const containment = contained && !generic ? 0.6 + 0.35 * (Math.min(wa.length, wb.length) / Math.max(wa.length, wb.length)) : 0;
  return Math.max(0.5 * tokenScore + 0.5 * charScore, containment);
}

export interface MatchOptions {
  /** Minimum similarity for a fuzzy match (default 0.8). */
  threshold?: number;
  /** Only nodes with one of these labels. */
  labels?: string[];
}

/** The best known node for a candidate name (and its aliases), or undefined under the threshold. */
export function bestMatch(candidate: { name: string; aliases?: string[]; label?: string }, known: Iterable<Known>, options: MatchOptions = {}): MatchResult | undefined {
  const threshold = options.threshold ?? 0.8;
  let best: MatchResult | undefined;
  const forms = [candidate.name, ...(candidate.aliases ?? [])];
  for (const k of known) {
    if (options.labels && !options.labels.includes(k.label)) continue;
    for (const kn of [k.name, ...(k.aliases ?? [])]) {
      for (const f of forms) {
        const score = nameSimilarity(f, kn);
        if (score >= threshold && (!best || score > best.score)) best = { id: k.id, name: k.name, score: Number(score.toFixed(3)), how: score === 1 ? 'exact' : 'fuzzy', matchedName: kn };
      }
    }
  }
  return best;
}
