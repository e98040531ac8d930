import { foldText } from '../model/text.ts';
import { RELATIONSHIP_ENDPOINTS, type NodeLabel, type RelationshipType } from '../model/vocabulary.ts';
import { findMunicipalityByName, findProvinceByName, findRegionByName } from '../places/geocoder.ts';
import { BUDGET_CUE, CONNECTORS, CUES, DETERMINERS, EXTRA_HEADS, FIELD_LINES, HEADS, HEADS_AFTER_NAME, HEADS_BEFORE_NAME, LEGAL_FORM, LIST_HEADS, MUNICIPALITY_LIST_CUE, ROMANCE_HEADS, SELECTED_LIST_CUE, type Head } from './lexicon.ts';
import { lowerCasePhrases } from './phrases.ts';
import { sentences, type Sentence } from './text.ts';
import { findTopicMentions, TOPIC_VOCABULARY } from './topics.ts';

// Document → candidate nodes and relationships, offline and deterministic.
// Every candidate carries the verbatim quote (its sentence), the character
// offsets of each mention in the text, a confidence and the rule that found it.

export type CandidateLabel = Extract<NodeLabel, 'Actor' | 'Project' | 'Event' | 'Place'>;

export interface Mention {
  start: number;
  end: number;
  text: string;
}

export interface NodeCandidate {
  key: string;
  label: CandidateLabel;
  kind: string;
  name: string;
  aliases: string[];
  mentions: Mention[];
  quote: string;
  /** Offsets of the quote in the text. */
  quoteStart: number;
  quoteEnd: number;
  confidence: number;
  rule: string;
  /** Municipality INE code, for places and councils found in the gazetteer. */
  ineCode?: string;
}

export interface RelationshipCandidate {
  key: string;
  type: RelationshipType;
  from: string;
  to: string;
  role?: string;
  quote: string;
  quoteStart: number;
  quoteEnd: number;
  confidence: number;
  rule: string;
}

/** A topic of the vocabulary (topics.ts) the text mentions; ABOUT and WORKS_ON relationships point to its key. */
export interface TopicCandidate {
  key: string;
  id: string;
  name: string;
  mentions: Mention[];
  quote: string;
  quoteStart: number;
  quoteEnd: number;
  confidence: number;
  rule: string;
}

export interface Extraction {
  text: string;
  nodes: NodeCandidate[];
  /** Between nodes: both ends are keys of `nodes`. */
  relationships: RelationshipCandidate[];
  topics: TopicCandidate[];
  /** ABOUT (project/event → topic) and WORKS_ON (actor → topic): `to` is a key of `topics`. */
  topicRelationships: RelationshipCandidate[];
}

interface Token {
  text: string;
  fold: string;
  start: number;
  end: number;
}

const TOKEN = /[\p{L}\p{N}]+(?:[·.\-–‐][\p{L}\p{N}]+)*\.?|['’]|[^\s\p{L}\p{N}]/gu;

function tokenize(s: Sentence): Token[] {
  const out: Token[] = [];
  for (const m of s.text.matchAll(TOKEN)) {
    let text = m[0];
    // A trailing dot belongs to the token only for abbreviations (coop. v. S.L.).
    if (text.endsWith('.') && !/^(coop|v|S|L|A|U|Coop|Ltd|Sr|Sra|Dr)\.$/u.test(text) && !/\.[\p{L}]\.$/u.test(text)) text = text.slice(0, -1);
    const start = s.start + m.index;
    out.push({ text, fold: foldText(text), start, end: start + text.length });
    if (text.length < m[0].length) out.push({ text: '.', fold: '.', start: start + text.length, end: start + m[0].length });
  }
  return out;
}

/** Words that join two names, not the words of one ("X y la Y", "X and the Y"). */
const COORDINATORS = new Set(['y', 'i', 'and', 'e']);
/** Where the lower-case description after a Romance head stops. */
const DESCRIPTION_STOP = new Set(['o', 'or', 'que', 'qui', 'con', 'amb', 'with', 'which', 'who', 'ha', 'han', 'es', 'son', 'és', 'is', 'are', 'se', 'va']);
/** Finite verbs that end a Romance name's description ("Ayuntamiento de Soria participa en el programa X" is not one name). */
const DESCRIPTION_VERBS = new Set(
  'participa participan participen colabora colaboran collabora collaboren impulsa impulsan impulsen financia financian financa cofinancia cofinanca coordina coordinan coordinen organiza organizan organitza organitzen lidera lideran lideren presenta presentan presenten desarrolla desarrollan desenvolupa elabora elaboran promueve promueven promou gestiona adopta adoptan aplica implementa forma forman formen pertenece pertany inspira participara participaran organizara organitzara financiara ya tambien tambe'.split(' '),
);
const isCap = (t: Token) => /^[\p{Lu}\p{N}]/u.test(t.text) && /[\p{L}\p{N}]/u.test(t.text);
const isWord = (t: Token) => /^[\p{L}\p{N}]/u.test(t.text);
const isApostrophe = (t: Token | undefined) => t !== undefined && (t.text === "'" || t.text === '’');
const isAcronym = (t: Token) => /^[\p{Lu}]{3,8}$/u.test(t.text);

function headOf(t: Token | undefined): Head | undefined {
  if (!t) return undefined;
  return Object.prototype.hasOwnProperty.call(HEADS, t.fold) ? HEADS[t.fold] : undefined;
}

interface Span {
  tokens: Token[];
  start: number;
  end: number;
  head: Head;
  headFold: string;
  /** A proper name at the end of a descriptive Romance name ("… Las Naves"). */
  properTail?: string;
  /** The owner in "X's Y" (English possessive). */
  owner?: Span;
  gluedAcronym?: string;
  ownerPrefix?: string;
}

function spanText(text: string, tokens: Token[]): string {
  return text.slice(tokens[0].start, tokens[tokens.length - 1].end);
}

/** Maximal runs of capitalised words joined by connectors (and elided d’/l’), within one sentence. */
function nameRuns(tokens: Token[]): Array<{ from: number; to: number }> {
  const runs: Array<{ from: number; to: number }> = [];
  let i = 0;
  while (i < tokens.length) {
    if (!isCap(tokens[i])) {
      i++;
      continue;
    }
    const from = i;
    let to = i;
    let j = i + 1;
    while (j < tokens.length) {
      const t = tokens[j];
      if (isCap(t) && isWord(t)) {
        to = j;
        j++;
        continue;
      }
      // d’X, l’X
      if ((t.fold === 'd' || t.fold === 'l') && isApostrophe(tokens[j + 1]) && tokens[j + 2] && isWord(tokens[j + 2])) {
        if (isCap(tokens[j + 2])) {
          to = j + 2;
          j += 3;
          continue;
        }
        break;
      }
      if (CONNECTORS.has(t.fold) && isWord(t)) {
        let k = j;
        while (k < tokens.length && CONNECTORS.has(tokens[k].fold) && isWord(tokens[k])) k++;
        const joined = tokens.slice(j, k).map((x) => x.fold);
        const coordination = joined.some((w) => COORDINATORS.has(w)) && (joined.some((w) => DETERMINERS.has(w)) || (k < tokens.length && ROMANCE_HEADS.has(tokens[k].fold)));
        if (!coordination && k < tokens.length && isCap(tokens[k]) && isWord(tokens[k]) && k - j <= 3) {
          to = k;
          j = k + 1;
          continue;
        }
      }
      break;
    }
    runs.push({ from, to });
    i = to + 1;
  }
  return runs;
}

function spansIn(text: string, tokens: Token[]): Span[] {
  const spans: Span[] = [];
  for (const run of nameRuns(tokens)) {
    let from = run.from;
    let to = run.to;
    // Possessive: "Madrid City Council's Social Innovation Laboratory" → owner + owned.
    let owner: Span | undefined;
    for (let k = from; k < to; k++) {
      if (isApostrophe(tokens[k + 1]) && tokens[k + 2]?.fold === 's') {
        /* not reached: the apostrophe breaks the run; handled below */
      }
    }
    let gluedAcronym: string | undefined;
    if (from < to && isAcronym(tokens[from]) && ROMANCE_HEADS.has(tokens[from + 1].fold)) {
      gluedAcronym = tokens[from].text;
      from++;
    }
    const first = tokens[from];
    const romance = ROMANCE_HEADS.has(first.fold);
    // Romance head: extend through lower-case descriptors up to a proper name ("Centre d’innovació social i urbana Las Naves").
    let properTail: string | undefined;
    const capsInRun = tokens.slice(from, to + 1).filter((t) => isCap(t) && isWord(t)).length;
    if (romance && capsInRun <= 2) {
      let k = to + 1;
      let steps = 0;
      const listHead = LIST_HEADS.has(first.fold);
      if (listHead) {
        // "Conselleria d’Innovació, Universitats, Ciència i Societat Digital"
        while (k < tokens.length) {
          const t = tokens[k];
          if ((t.text === ',' || CONNECTORS.has(t.fold)) && tokens[k + 1] && isCap(tokens[k + 1]) && isWord(tokens[k + 1])) {
            to = k + 1;
            k += 2;
            continue;
          }
          if (isCap(t) && isWord(t)) {
            to = k;
            k++;
            continue;
          }
          break;
        }
        k = tokens.length;
      }
      while (k < tokens.length && steps < 9) {
        const t = tokens[k];
        if (!isWord(t) && !isApostrophe(t)) break;
        if (isCap(t)) break;
        if (DESCRIPTION_STOP.has(t.fold) || DESCRIPTION_VERBS.has(t.fold) || (t.fold.length > 5 && /(ad[oa]s?|id[oa]s?|ats|ades|ides|its)$/.test(t.fold))) {
          k = tokens.length;
          break;
        }
        k++;
        steps++;
      }
      if (k < tokens.length && k > to + 1 && isCap(tokens[k]) && isWord(tokens[k])) {
        // take the capitalised run that follows
        let end = k;
        while (end + 1 < tokens.length && ((isCap(tokens[end + 1]) && isWord(tokens[end + 1])) || (CONNECTORS.has(tokens[end + 1].fold) && tokens[end + 2] && isCap(tokens[end + 2]))))
          end += CONNECTORS.has(tokens[end + 1].fold) && !isCap(tokens[end + 1]) ? 2 : 1;
        if (!ROMANCE_HEADS.has(tokens[k].fold)) {
          if (!listHead && (tokens[k].fold === 'las' || tokens[k].fold === 'la' || tokens[k].fold === 'el' || tokens[k].fold === 'els' || k === end || true)) {
            const tail = spanText(text, tokens.slice(k, end + 1));
            if (/\s/.test(tail)) properTail = tail;
          }
          to = end;
        }
      }
      if (listHead) properTail = undefined;
    }
    // "Madrid's Social Council": a place-like owner without a head becomes part of the name.
    let ownerPrefix: string | undefined;
    if (from >= 3 && tokens[from - 1].fold === 's' && isApostrophe(tokens[from - 2]) && isCap(tokens[from - 3]) && !headOf(tokens[from - 3])) ownerPrefix = tokens[from - 3].text;
    // Strip a leading determiner ("The Madrid Govtech Programme", "El Programa …").
    while (from < to && DETERMINERS.has(tokens[from].fold) && !ROMANCE_HEADS.has(tokens[from].fold)) from++;
    // Possessive after the run: "X's Y".
    if (isApostrophe(tokens[to + 1]) && tokens[to + 2]?.fold === 's') {
      const ownerHead = lastHead(tokens, from, to);
      if (ownerHead) owner = { tokens: tokens.slice(from, to + 1), start: tokens[from].start, end: tokens[to].end, head: ownerHead.head, headFold: ownerHead.fold };
    }
    const headTok = ROMANCE_HEADS.has(tokens[from].fold) ? { head: headOf(tokens[from])!, fold: tokens[from].fold } : lastHead(tokens, from, to);
    if (!headTok) continue;
    // "Social Innovation Hub in Madrid City Council": two names joined by in/en.
    for (let k = from + 1; k < to; k++) {
      if (tokens[k].fold !== 'in' && tokens[k].fold !== 'en') continue;
      const left = lastHead(tokens, from, k - 1);
      const right = lastHead(tokens, k + 1, to);
      if (left && right && right.head.label === 'Actor' && left.head.label !== 'Actor') {
        spans.push({ tokens: tokens.slice(k + 1, to + 1), start: tokens[k + 1].start, end: tokens[to].end, head: right.head, headFold: right.fold });
        to = k - 1;
        break;
      }
    }
    const finalHead = ROMANCE_HEADS.has(tokens[from].fold) ? headTok : lastHead(tokens, from, to);
    if (!finalHead) continue;
    spans.push({ tokens: tokens.slice(from, to + 1), start: tokens[from].start, end: tokens[to].end, head: finalHead.head, headFold: finalHead.fold, properTail, owner, gluedAcronym, ownerPrefix });
  }
  // Link owned spans: the run right after "X's".
  const owners = spans.filter((s) => s.owner);
  for (const s of owners) s.owner = undefined;
  for (const s of owners) {
    const next = spans.find((o) => o.start > s.end && o.start - s.end <= 4);
    if (next) next.owner = s;
  }
  return spans;
}

function lastHead(tokens: Token[], from: number, to: number): { head: Head; fold: string } | undefined {
  for (let k = to; k >= from; k--) {
    const h = headOf(tokens[k]);
    if (h && isCap(tokens[k])) {
      // "City Council", "Town Council": a municipality.
      if (tokens[k].fold === 'council' && k > from && (tokens[k - 1].fold === 'city' || tokens[k - 1].fold === 'town')) return { head: { label: 'Actor', kind: 'municipality' }, fold: 'city council' };
      // A trailing head after the name's own words; a name that is only the head is generic.
      return { head: h, fold: tokens[k].fold };
    }
  }
  return undefined;
}

// ---------------------------------------------------------------------------

function nameKey(name: string): string {
  return foldText(name)
    .replace(/['’]s\b/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .replace(/^(the|el|la|els|les|los|las) /, '')
    .replace(/\bcenter\b/g, 'centre')
    .replace(/^city council of (.+)$/, '$1 city council');
}

/** Names that are only generic words ("City Council", "Digital Office" is kept: two words with one head). */
const GENERIC = new Set(['action', 'start', 'end', 'id', 'title', 'cycle', 'review', 'open', 'social', 'digital', 'public', 'third', 'first', 'second', 'fourth', 'local', 'regional', 'national', 'new', 'primary', 'citizen', 'general', 'report', 'date', 'our']);

function isGeneric(span: Span): boolean {
  const words = span.tokens.filter((t) => isWord(t) && !CONNECTORS.has(t.fold) && !DETERMINERS.has(t.fold));
  if (words.length <= 1) return !span.ownerPrefix;
  if (!span.ownerPrefix && words.every((w) => w.fold === span.headFold || GENERIC.has(w.fold))) return true;
  if (words.length === 2 && span.headFold === 'city council') return true;
  return false;
}

const pairOf = (a: string, b: string) => (a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`);

class Builder {
  nodes = new Map<string, NodeCandidate>();
  relationships = new Map<string, RelationshipCandidate>();
  /** Mentions per sentence index: node key and offsets. */
  bySentence = new Map<number, Array<{ key: string; start: number; end: number }>>();
  constructor(
    readonly text: string,
    readonly sents: Sentence[],
  ) {}

  sentenceAt(offset: number): number {
    let lo = 0;
    let hi = this.sents.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.sents[mid].start <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  addNode(c: Omit<NodeCandidate, 'key' | 'mentions' | 'quote' | 'quoteStart' | 'quoteEnd' | 'aliases'> & { start: number; end: number; aliases?: string[] }): string {
    const key = `${c.label}:${nameKey(c.name)}`;
    const s = this.sents[this.sentenceAt(c.start)];
    const mention = { start: c.start, end: c.end, text: this.text.slice(c.start, c.end) };
    const byAlias = this.aliasIndex.get(key);
    const existing = this.nodes.get(key) ?? (byAlias !== undefined ? this.nodes.get(byAlias) : undefined);
    if (existing) {
      if (!existing.mentions.some((m) => m.start === mention.start)) existing.mentions.push(mention);
      for (const a of c.aliases ?? []) if (!existing.aliases.includes(a) && nameKey(a) !== nameKey(existing.name)) existing.aliases.push(a);
      this.indexAliases(existing);
      existing.confidence = Math.max(existing.confidence, c.confidence);
      this.noteMention(existing.key, mention);
      return existing.key;
    }
    const node: NodeCandidate = {
      key,
      label: c.label,
      kind: c.kind,
      name: c.name,
      aliases: (c.aliases ?? []).filter((a) => nameKey(a) !== nameKey(c.name)),
      mentions: [mention],
      quote: s.text,
      quoteStart: s.start,
      quoteEnd: s.end,
      confidence: c.confidence,
      rule: c.rule,
      ...(c.ineCode ? { ineCode: c.ineCode } : {}),
    };
    this.nodes.set(key, node);
    this.indexAliases(node);
    this.noteMention(key, mention);
    return key;
  }

  /** Folds candidate `from` into `into` (same thing named twice): names, aliases, mentions and relationships. */
  merge(from: string, into: string) {
    const a = this.nodes.get(from);
    const b = this.nodes.get(into);
    if (!a || !b || from === into) return;
    for (const alias of [a.name, ...a.aliases]) if (alias !== b.name && !b.aliases.includes(alias)) b.aliases.push(alias);
    for (const alias of [a.name, ...a.aliases]) this.aliasIndex.set(`${b.label}:${nameKey(alias)}`, into);
    for (const m of a.mentions) if (!b.mentions.some((x) => x.start === m.start)) b.mentions.push(m);
    b.mentions.sort((x, y) => x.start - y.start);
    b.confidence = Math.max(a.confidence, b.confidence);
    this.nodes.delete(from);
    for (const [si, list] of this.bySentence) this.bySentence.set(si, list.map((m) => (m.key === from ? { ...m, key: into } : m)));
    for (const [k, r] of [...this.relationships]) {
      if (r.from !== from && r.to !== from) continue;
      this.deleteRel(k);
      const f = r.from === from ? into : r.from;
      const t = r.to === from ? into : r.to;
      if (f !== t) this.setRel({ ...r, key: `${r.type}:${f}->${t}`, from: f, to: t });
    }
  }

  /** Drops a candidate and its mentions and relationships. */
  remove(key: string) {
    this.nodes.delete(key);
    for (const [si, list] of this.bySentence) this.bySentence.set(si, list.filter((m) => m.key !== key));
    for (const [k, r] of [...this.relationships]) if (r.from === key || r.to === key) this.deleteRel(k);
  }

  /** Candidates with a mention spanning [start, end) (mentions are indexed by sentence). */
  covering(start: number, end: number): NodeCandidate[] {
    const list = this.bySentence.get(this.sentenceAt(start)) ?? [];
    return list.filter((m) => m.start <= start && m.end >= end && this.nodes.has(m.key)).map((m) => this.nodes.get(m.key)!);
  }

  /** Node key by label and normalised alias, so that a name seen before under another form is found without a scan. */
  aliasIndex = new Map<string, string>();
  indexAliases(n: NodeCandidate) {
    for (const a of n.aliases) if (!this.aliasIndex.has(`${n.label}:${nameKey(a)}`)) this.aliasIndex.set(`${n.label}:${nameKey(a)}`, n.key);
  }

  noteMention(key: string, m: { start: number; end: number }) {
    const i = this.sentenceAt(m.start);
    const list = this.bySentence.get(i) ?? [];
    if (!list.some((x) => x.key === key && x.start === m.start)) list.push({ key, start: m.start, end: m.end });
    this.bySentence.set(i, list);
  }

  addRelationship(type: RelationshipType, from: string, to: string, at: { start: number }, confidence: number, rule: string, role?: string) {
    if (from === to) return;
    const a = this.nodes.get(from)!;
    const b = this.nodes.get(to)!;
    const rule2 = RELATIONSHIP_ENDPOINTS[type];
    if (!rule2.from.includes(a.label) || !rule2.to.includes(b.label)) return;
    const key = `${type}:${from}->${to}`;
    const reverse = this.relationships.get(`${type}:${to}->${from}`);
    if (type === 'COLLABORATES_WITH' && reverse) return;
    const old = this.relationships.get(key);
    if (old && old.confidence >= confidence) return;
    // A cue-based link replaces a co-occurrence guess between the same ends.
    const sameEnds = [...(this.byPair.get(pairOf(from, to)) ?? [])];
    for (const k of sameEnds) {
      const r = this.relationships.get(k)!;
      if (r.rule === 'co-occurrence' && confidence > r.confidence) this.deleteRel(k);
    }
    if (rule === 'co-occurrence' && (this.byPair.get(pairOf(from, to))?.size ?? 0) > 0) return;
    const s = this.sents[this.sentenceAt(at.start)];
    this.setRel({ key, type, from, to, ...(role ? { role } : {}), quote: s.text, quoteStart: s.start, quoteEnd: s.end, confidence, rule });
  }

  /** Relationship keys by their two ends (in either direction), so that a link between two candidates is found without a scan. */
  byPair = new Map<string, Set<string>>();
  /** Relationship keys by the start of their quote (the sentence they were read in). */
  byQuote = new Map<number, Set<string>>();
  setRel(r: RelationshipCandidate) {
    this.relationships.set(r.key, r);
    this.byQuote.set(r.quoteStart, (this.byQuote.get(r.quoteStart) ?? new Set()).add(r.key));
    const p = pairOf(r.from, r.to);
    this.byPair.set(p, (this.byPair.get(p) ?? new Set()).add(r.key));
  }
  deleteRel(key: string) {
    const r = this.relationships.get(key);
    if (!r) return;
    this.relationships.delete(key);
    this.byPair.get(pairOf(r.from, r.to))?.delete(key);
    this.byQuote.get(r.quoteStart)?.delete(key);
  }
}

const COLLECTIVE_KINDS: Array<[RegExp, string]> = [
  [/^(startups|start-ups|empresas emergentes)$/iu, 'startup'],
  [/^(universities|universidades|universitats)$/iu, 'university'],
  [/^(research centres|research centers|centros de investigaci[oó]n|centres de recerca)$/iu, 'research_centre'],
  [/^(companies|empresas|empreses|smes|pymes)$/iu, 'company'],
  [/^(ngos|ong|ongs|foundations|fundaciones|fundacions)$/iu, 'ngo'],
];
const COLLECTIVE = /(?<![\p{L}])(startups|start-ups|empresas emergentes|universities|universidades|universitats|research centres|research centers|centros de investigaci[oó]n|centres de recerca|companies|empresas|empreses|SMEs|pymes|NGOs|ONGs?|foundations|fundaciones|fundacions)(?![\p{L}])/gu;

const ROMANCE_COUNCIL = /^(ayuntamiento|ajuntament|concello)$/;

function councilName(placeName: string, lang: 'ca' | 'es' | 'en'): string {
  if (lang === 'en') return `${placeName} City Council`;
  if (lang === 'ca') return /^[aeiouàèéíòóú]/iu.test(placeName) ? `Ajuntament d’${placeName}` : `Ajuntament de ${placeName}`;
  return `Ayuntamiento de ${placeName}`;
}

function guessLanguage(text: string): 'ca' | 'es' | 'en' {
  const words = foldText(text).split(/[^\p{L}]+/u);
  let ca = 0;
  let es = 0;
  let en = 0;
  for (const w of words) {
    if (/^(els|amb|aquest|aquesta|seua|dels|per|fer|perque|tambe|mes|sobre|i)$/.test(w)) ca++;
    if (/^(los|las|con|este|esta|por|para|del|y|que|una|su)$/.test(w)) es++;
    if (/^(the|and|of|with|for|this|is|are|to|from)$/.test(w)) en++;
  }
  return ca >= es && ca >= en ? 'ca' : es >= en ? 'es' : 'en';
}

export interface ExtractOptions {
  /** Language for names the extractor composes (councils from bare municipality names); guessed when absent. */
  language?: 'ca' | 'es' | 'en';
}

/** Finds candidate actors, places, projects/programmes/events and relationships in a plain text. */
export function extract(text: string, options: ExtractOptions = {}): Extraction {
  const sents = sentences(text);
  const b = new Builder(text, sents);
  const lang = options.language ?? guessLanguage(text);
  const sentTokens = sents.map(tokenize);

  const councilPlaces: Array<{ council: string; place: string; start: number }> = [];
  // 1. Names with a head word (organisation types, programmes, events), legal forms, acronyms, codes.
  sents.forEach((s, si) => {
    const tokens = sentTokens[si];
    const spans = spansIn(text, tokens);
    for (const span of spans) {
      if (isGeneric(span)) continue;
      let name = spanText(text, span.tokens);
      let label = span.head.label as CandidateLabel;
      let kind = span.head.kind;
      const aliases: string[] = [];
      let rule = `${ROMANCE_HEADS.has(span.tokens[0].fold) ? 'head-first' : 'head-last'}:${span.headFold}`;
      // "el programa Barrios en Red": the lower-case head before the name says what it is, not the name's own last word.
      const said = tokens[tokens.indexOf(span.tokens[0]) - 1];
      if (said && /^\p{Ll}/u.test(said.text) && HEADS_BEFORE_NAME.has(said.fold) && !ROMANCE_HEADS.has(span.tokens[0].fold)) {
        const head = EXTRA_HEADS[said.fold] ?? HEADS[said.fold];
        label = head.label as CandidateLabel;
        kind = head.kind;
        rule = `head-before-name:${said.fold}`;
        aliases.push(text.slice(said.start, span.end));
      }
      if (label === 'Actor' && ROMANCE_COUNCIL.test(span.tokens[0].fold)) {
        const placeName = spanText(text, span.tokens.slice(span.tokens[1] && (span.tokens[1].fold === 'de' || span.tokens[1].fold === 'd') ? (span.tokens[1].fold === 'd' ? 3 : 2) : 1));
        const m = findMunicipalityByName(placeName).municipality;
        if (m) {
          rule = `council+gazetteer:${span.tokens[0].fold}`;
          const at = span.end - placeName.length;
          const placeKey = b.addNode({ label: 'Place', kind: 'municipality', name: m.name, aliases: [placeName], start: at, end: span.end, confidence: 0.7, rule: 'gazetteer:council-name', ineCode: m.ineCode });
          councilPlaces.push({ council: `Actor:${nameKey(name.replace(/\s+/g, ' '))}`, place: placeKey, start: span.start });
        }
      }
      if (span.headFold === 'city council') kind = 'municipality';
      // "CERISS Centro Estatal …" / "… (CERISS)": the acronym is an alias.
      const firstIdx = tokens.indexOf(span.tokens[0]);
      const lastIdx = tokens.indexOf(span.tokens[span.tokens.length - 1]);
      const before = tokens[firstIdx - 1];
      if (before && isAcronym(before)) aliases.push(before.text);
      if (tokens[lastIdx + 1]?.text === '(' && tokens[lastIdx + 2] && isAcronym(tokens[lastIdx + 2]) && tokens[lastIdx + 3]?.text === ')') aliases.push(tokens[lastIdx + 2].text);
      if (span.properTail) aliases.push(span.properTail);
      if (span.gluedAcronym) aliases.push(span.gluedAcronym);
      if (span.ownerPrefix) {
        aliases.push(name);
        name = `${span.ownerPrefix} ${name}`;
      }
      // Legal form right after a name.
      const confidence = span.tokens.length >= 3 ? 0.8 : 0.7;
      name = name.replace(/\s+/g, ' ');
      const key = b.addNode({ label, kind, name, aliases, start: span.start, end: span.end, confidence, rule });
      if (span.owner && !isGeneric(span.owner)) {
        const ownerKey = b.addNode({ label: 'Actor', kind: span.owner.head.kind, name: spanText(text, span.owner.tokens), start: span.owner.start, end: span.owner.end, confidence: 0.7, rule: `possessive-owner:${span.owner.headFold}` });
        if (span.owner.head.label === 'Actor') {
          if (label === 'Actor') b.addRelationship('PART_OF', key, ownerKey, span, 0.6, 'possessive');
          else b.addRelationship('PARTICIPATES_IN', ownerKey, key, span, 0.6, 'possessive', 'lead');
        }
      }
    }
    // Legal forms: "Crearqcio coop. v.", "Innova Social S.L."
    for (let k = 1; k < tokens.length; k++) {
      const rest = text.slice(tokens[k].start, Math.min(s.end, tokens[k].start + 14));
      const lf = LEGAL_FORM.exec(rest);
      if (!lf || !(isCap(tokens[k - 1]) && isWord(tokens[k - 1]))) continue;
      if (!/^(S|coop|Coop|SLU|SAU|SLL|Ltd|GmbH)/.test(tokens[k].text)) continue;
      let from = k - 1;
      while (from > 0 && isCap(tokens[from - 1]) && isWord(tokens[from - 1]) && !headOf(tokens[from - 1]) && k - from < 5) from--;
      const start = tokens[from].start;
      const end = tokens[k].start + lf[0].length;
      const bare = text.slice(start, tokens[k - 1].end);
      b.addNode({ label: 'Actor', kind: 'company', name: text.slice(start, end).trim(), aliases: [bare], start, end, confidence: 0.85, rule: 'legal-form' });
    }
    // "THIVIC is Madrid's social innovation laboratory": an acronym defined as an organisation.
    const def = /\b([\p{Lu}]{3,8})\s+(?:is|es|és|was|era)\s+(?:the|a|an|el|la|un|una)?\s*(?:[\p{L}'’]+\s+){0,5}?(laboratory|lab|laboratorio|laboratori|centre|center|centro|network|red|xarxa|foundation|fundación|fundació|association|asociación|associació|cooperative|cooperativa|agency|agencia|agència|university|universidad|universitat|institute|instituto|institut)\b/u.exec(s.text);
    if (def) {
      const head = HEADS[foldText(def[2])];
      const start = s.start + def.index;
      b.addNode({ label: 'Actor', kind: head.kind, name: def[1], start, end: start + def[1].length, confidence: 0.75, rule: 'acronym-definition' });
    }
    // Commitment and project codes: "(ESMD0008)", "(ES0085)".
    for (const m of s.text.matchAll(/\(([A-Z]{2,6}\d{2,6})\)/g)) {
      const start = s.start + m.index + 1;
      const lineStart = text.lastIndexOf('\n', start) + 1;
      const title = text.slice(lineStart, start - 1).trim();
      b.addNode({ label: 'Project', kind: 'commitment', name: m[1], aliases: title ? [title] : [], start, end: start + m[1].length, confidence: 0.8, rule: 'code' });
    }
    // Quoted names after programa/proyecto/red/premio/jornada/initiative/strategy.
    for (const m of s.text.matchAll(/[‘'"“«]([\p{Lu}][^‘'"“”’«»\n]{2,80})[’'"”»]/gu)) {
      const pre = foldText(s.text.slice(Math.max(0, m.index - 60), m.index));
      const cue = /(programa|programme|program|proyecto|projecte|project|red|xarxa|network|premio|premi|prize|award|jornadas?|jornades|iniciativa|initiative|strategy|estrategia|plan|mission|missions|conference|congreso)\W*(\p{L}+\W*){0,3}$/u.exec(pre);
      if (!cue) continue;
      const head = HEADS[cue[1]] ?? HEADS.programa;
      const start = s.start + m.index + 1;
      const label = (head.label === 'Actor' ? 'Actor' : head.label) as CandidateLabel;
      b.addNode({ label, kind: head.kind, name: m[1].trim(), start, end: start + m[1].length, confidence: 0.7, rule: `quoted-after:${cue[1]}` });
    }
    // Lists of municipalities: "Els municipis seleccionats … són: Algemesí, Elx, Gata de Gorgos …".
    const cue = MUNICIPALITY_LIST_CUE.exec(s.text);
    if (cue) {
      const listStart = s.text.indexOf(':', cue.index);
      const from = listStart >= 0 ? listStart + 1 : cue.index + cue[0].length;
      const list = s.text.slice(from);
      const re = /\s*([^,;:.()]+?)\s*(?:,|;|\.|$|\s+(?:i|y|e|and)\s+)/gu;
      for (const m of list.matchAll(re)) {
        const item = m[1].trim();
        if (!item || !/^[\p{Lu}]/u.test(item) || item.split(/\s+/).length > 5) continue;
        const found = findMunicipalityByName(item).municipality;
        if (!found) continue;
        const start = s.start + from + m.index + m[0].indexOf(item);
        b.addNode({ label: 'Actor', kind: 'municipality', name: councilName(item, lang), aliases: [item], start, end: start + item.length, confidence: 0.7, rule: 'municipality-list+gazetteer', ineCode: found.ineCode });
      }
    }
  });

  // One organisation under several names that share an acronym ("CERISS Centro Estatal…", "Centre of Reference… (CERISS)").
  {
    const byAcronym = new Map<string, string>();
    for (const n of [...b.nodes.values()].sort((x, y) => x.mentions[0].start - y.mentions[0].start)) {
      if (n.label !== 'Actor') continue;
      for (const form of [n.name, ...n.aliases]) {
        if (!/^[\p{Lu}]{3,8}$/u.test(form)) continue;
        const first = byAcronym.get(form);
        if (first && b.nodes.has(first)) b.merge(n.key, first);
        else byAcronym.set(form, n.key);
        break;
      }
    }
  }

  // A title line naming a phase or edition ("Municipis innovadors Fase 1") is the project the sheet is about.
  const titleLine = /^\s*(.+?)\s*$/mu.exec(text);
  if (titleLine && titleLine[1].length <= 120) {
    const phase = /^(.{3,100}?)\s+(fase|phase|edici[oó]n?|edition|convocat[oò]ria|convocatoria)\s+(\d{1,4}|[IVX]{1,5})$/iu.exec(titleLine[1]);
    if (phase) {
      const start = titleLine.index + titleLine[0].indexOf(titleLine[1]);
      const key = b.addNode({ label: 'Project', kind: 'programme', name: titleLine[1], start, end: start + titleLine[1].length, confidence: 0.75, rule: 'title:phase' });
      // The phase is part of the programme named in the text ("Programa Municipis Innovadors").
      const parent = [...b.nodes.values()].find((n) => n.key !== key && n.label === 'Project' && [n.name, ...n.aliases].some((f) => nameKey(f).endsWith(nameKey(phase[1]))));
      if (parent) b.addRelationship('PART_OF', key, parent.key, { start }, 0.7, 'title:phase-of');
    }
  }

  // 1a. Proper names flanked by a lower-case head word: "el programa Barrios en Red", "la cooperativa Som
  // Energia", "the Code for All network", "Govtech4All initiatives".
  const coveredBy = (start: number, end: number) => b.covering(start, end).some((n) => n.label !== 'Place');
  sents.forEach((s, si) => {
    const tokens = sentTokens[si];
    const phraseStarts = new Set(lowerCasePhrases(tokens).map((p) => p.from));
    for (const run of nameRuns(tokens)) {
      let from = run.from;
      while (from < run.to && DETERMINERS.has(tokens[from].fold)) from++;
      const t = tokens.slice(from, run.to + 1);
      const start = t[0].start;
      const end = t[t.length - 1].end;
      if (DETERMINERS.has(t[0].fold) || coveredBy(start, end)) continue;
      // A bare place name is not a proper name of its own ("the Madrid programme").
      const runText = text.slice(start, end);
      if (t.length === 1 && (findMunicipalityByName(runText).municipality || findRegionByName(runText) || findProvinceByName(runText))) continue;
      // One ordinary word is capitalised because it opens the sentence ("Action plan: …"), not because it is a name;
      // "Govtech4All" (digits, inner capitals) is a name wherever it stands.
      const distinctive = t.length > 1 || /\p{N}|\p{Ll}\p{Lu}/u.test(runText);
      if (!distinctive && (from === 0 || GENERIC.has(t[0].fold))) continue;
      const isLowerWord = (x: Token | undefined) => x !== undefined && /^\p{Ll}/u.test(x.text);
      // Romance order: head, optionally one adjective ("laboratorio ciudadano"), then the name.
      const b1 = tokens[from - 1];
      const b2 = tokens[from - 2];
      const before = isLowerWord(b1) && HEADS_BEFORE_NAME.has(b1.fold) ? b1 : isLowerWord(b1) && !CONNECTORS.has(b1.fold) && isLowerWord(b2) && HEADS_BEFORE_NAME.has(b2.fold) ? b2 : undefined;
      if (before) {
        const head = EXTRA_HEADS[before.fold] ?? HEADS[before.fold];
        b.addNode({ label: head.label as CandidateLabel, kind: head.kind, name: runText, aliases: [text.slice(before.start, end)], start, end, confidence: 0.65, rule: `head-before-name:${before.fold}` });
        continue;
      }
      const after = tokens[run.to + 1];
      if (isLowerWord(after) && Object.prototype.hasOwnProperty.call(HEADS_AFTER_NAME, after.fold) && !phraseStarts.has(run.to + 1)) {
        const head = HEADS_AFTER_NAME[after.fold];
        b.addNode({ label: head.label as CandidateLabel, kind: head.kind, name: text.slice(start, after.end), aliases: distinctive ? [runText] : [], start, end: after.end, confidence: 0.65, rule: `head-after-name:${after.fold}` });
      }
    }
  });
  // "Els projectes seleccionats són: A, B i C": projects of the call the document is about.
  const selectedProjects: string[] = [];
  sents.forEach((s, si) => {
    const cue = SELECTED_LIST_CUE.exec(s.text);
    if (!cue) return;
    const tokens = sentTokens[si];
    const listStart = s.start + cue.index + cue[0].length;
    let itemStart = listStart;
    for (const part of s.text.slice(cue.index + cue[0].length).split(/(;|,|\s(?:i|y|and)\s)/u)) {
      const offset = itemStart;
      itemStart += part.length;
      const lead = /^\s*(?:(?:i|y|and)\s+)?/u.exec(part)![0].length;
      const at = offset + lead;
      const run = nameRuns(tokens).find((r) => tokens[r.from].start === at);
      if (!run) continue;
      const end = tokens[run.to].end;
      if (coveredBy(at, end)) continue;
      selectedProjects.push(b.addNode({ label: 'Project', kind: 'project', name: text.slice(at, end), start: at, end, confidence: 0.6, rule: 'selected-list' }));
    }
  });

  // 1b. Activities and plans named by a lower-case phrase (phrases.ts). A plan phrase that begins a
  // proper name found above ("digital modernisation plan" / "Digital Modernisation Plan of Extremadura")
  // is another mention of it. An actor named only inside "a roadmap for a X" is the plan's subject, not an actor.
  const phraseOwners: Array<{ key: string; ownerStart: number; start: number }> = [];
  const insidePlans: Array<[number, number]> = [];
  // Proper names of projects and events by the first word of their normalised forms.
  const namedByFirstWord = new Map<string, Array<{ node: NodeCandidate; key: string }>>();
  for (const n of b.nodes.values()) {
    if (n.label !== 'Project' && n.label !== 'Event') continue;
    for (const f of [n.name, ...n.aliases]) {
      const key = nameKey(f);
      const first = key.split(' ')[0];
      namedByFirstWord.set(first, [...(namedByFirstWord.get(first) ?? []), { node: n, key }]);
    }
  }
  sents.forEach((s, si) => {
    const tokens = sentTokens[si];
    for (const ph of lowerCasePhrases(tokens)) {
      const start = tokens[ph.from].start;
      const end = tokens[ph.to].end;
      const name = text.slice(start, end).replace(/\s+/g, ' ');
      const words = nameKey(name);
      const named = (namedByFirstWord.get(words.split(' ')[0]) ?? []).find((x) => x.node.label === ph.head.label && b.nodes.has(x.node.key) && `${x.key} `.startsWith(`${words} `))?.node;
      let key: string;
      if (named) {
        key = named.key;
        if (!named.mentions.some((m) => m.start === start)) named.mentions.push({ start, end, text: text.slice(start, end) });
        b.noteMention(key, { start, end });
      } else key = b.addNode({ label: ph.head.label as CandidateLabel, kind: ph.head.kind, name, start, end, confidence: 0.55, rule: ph.rule });
      if (ph.ownerAt !== undefined) phraseOwners.push({ key, ownerStart: tokens[ph.ownerAt].start, start });
      if (ph.namedAt !== undefined) insidePlans.push([start, end]);
    }
  });
  for (const n of [...b.nodes.values()]) {
    if (n.label === 'Actor' && n.mentions.every((m) => insidePlans.some(([a, z]) => a <= m.start && z >= m.end))) b.remove(n.key);
  }

  // 2. Places: capitalised names the gazetteer knows (not already part of a candidate).
  sents.forEach((s, si) => {
    const tokens = sentTokens[si];
    for (const run of nameRuns(tokens)) {
      const t = tokens.slice(run.from, run.to + 1);
      if (t.length > 5) continue;
      const name = spanText(text, t);
      if (name.length < 4) continue;
      const start = t[0].start;
      const covered = b.covering(start, t[t.length - 1].end).some((n) => n.label !== 'Place' && n.rule !== 'municipality-list+gazetteer');
      const muni = findMunicipalityByName(name).municipality;
      const region = muni ? undefined : findRegionByName(name);
      const province = muni || region ? undefined : findProvinceByName(name);
      if (!region && !province && !muni) continue;
      if (covered && !muni) continue;
      const kind = region ? 'region' : province ? 'province' : 'municipality';
      b.addNode({ label: 'Place', kind, name: region?.name ?? province?.name ?? muni!.name, aliases: [name], start, end: t[t.length - 1].end, confidence: 0.6, rule: `gazetteer:${kind}`, ...(muni ? { ineCode: muni.ineCode } : {}) });
    }
  });

  // 3. Later mentions of a candidate's name or aliases (THIVIC, Las Naves, CERISS…). The forms are indexed
  // by their first two words and the text is read once, so the cost grows with the text, not text × names.
  {
    const wordsOf = (f: string) => f.match(/[\p{L}\p{N}]+/gu) ?? [];
    const index = new Map<string, Array<{ node: NodeCandidate; form: string }>>();
    for (const node of b.nodes.values()) {
      if (node.label === 'Place') continue;
      // A code's title line is a description, not another name to look for.
      for (const form of new Set(node.rule === 'code' ? [node.name] : [node.name, ...node.aliases])) {
        const ws = wordsOf(form);
        if (form.length < 3 || !ws.length || !/^[\p{L}\p{N}]/u.test(form)) continue;
        const key = ws.length === 1 ? ws[0] : `${ws[0]} ${ws[1]}`;
        index.set(key, [...(index.get(key) ?? []), { node, form }]);
      }
    }
    const known = new Map<string, Mention[]>();
    for (const node of b.nodes.values()) known.set(node.key, [...node.mentions].sort((x, y) => x.start - y.start));
    // Whether [start, end) lies inside a mention the node had before this pass (binary search on starts).
    const inside = (list: Mention[], start: number, end: number) => {
      let lo = 0;
      let hi = list.length - 1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        if (list[mid].start <= start) lo = mid + 1;
        else hi = mid - 1;
      }
      for (let i = hi; i >= 0 && i >= hi - 3; i--) if (list[i].end >= end) return true;
      return false;
    };
    const textWords = [...text.matchAll(/[\p{L}\p{N}]+/gu)];
    const touched = new Set<NodeCandidate>();
    for (let i = 0; i < textWords.length; i++) {
      const w = textWords[i];
      const keys = [w[0], textWords[i + 1] ? `${w[0]} ${textWords[i + 1][0]}` : ''];
      for (const key of keys) {
        for (const { node, form } of index.get(key) ?? []) {
          if (!text.startsWith(form, w.index) || /[\p{L}\p{N}]/u.test(text[w.index + form.length] ?? '')) continue;
          const mention = { start: w.index, end: w.index + form.length, text: form };
          if (!inside(known.get(node.key)!, mention.start, mention.end)) node.mentions.push(mention);
          b.noteMention(node.key, mention);
          touched.add(node);
        }
      }
    }
    for (const node of touched) node.mentions.sort((x, y) => x.start - y.start);
  }
  // A mention inside a longer mention of another candidate is not a mention of its own.
  for (const [si, list] of b.bySentence) {
    b.bySentence.set(
      si,
      list
        .filter((m) => !list.some((o) => o !== m && o.key !== m.key && o.start <= m.start && o.end >= m.end && o.end - o.start > m.end - m.start))
        .sort((x, y) => x.start - y.start),
    );
  }

  // The item the document is about: a phase named by the title line, else the first named project or
  // event, else the first plan named by a lower-case phrase ("a roadmap for …").
  const mainProject = () => {
    const byFirst = [...b.nodes.values()].filter((n) => n.label === 'Project' || n.label === 'Event').sort((x, y) => x.mentions[0].start - y.mentions[0].start);
    return [...b.nodes.values()].find((n) => n.rule === 'title:phase') ?? byFirst.find((n) => !n.rule.startsWith('phrase:')) ?? byFirst.find((n) => n.label === 'Project');
  };

  // 3b. "the programme", "this larger plan": the document's programme, or the last plan/strategy named before.
  {
    const main = mainProject();
    // Project mentions by start, to find the one named last before a sentence in log time.
    const mentionsOf = (keep: (n: NodeCandidate) => boolean) =>
      [...b.nodes.values()].filter(keep).flatMap((n) => n.mentions.map((x) => ({ n, start: x.start, end: x.end }))).sort((x, y) => x.start - y.start);
    const projectMentions = mentionsOf((n) => n.label === 'Project');
    const planMentions = mentionsOf((n) => n.label === 'Project' && /\b(plan|strategy|estrategia)\b/.test(foldText(n.name)));
    const lastBefore = (list: Array<{ n: NodeCandidate; start: number; end: number }>, before: number) => {
      let lo = 0;
      let hi = list.length - 1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        if (list[mid].start < before) lo = mid + 1;
        else hi = mid - 1;
      }
      for (let i = hi; i >= 0; i--) if (list[i].end <= before) return list[i].n;
      return undefined;
    };
    // Not "el programa Vilawatt": a head followed by a name is that name.
    for (const m of text.matchAll(/\b(?:the|this|that|el|este|aquest|la|esta|aquesta|dicho|dicha)\s+(?:larger\s+|overarching\s+|mismo\s+|same\s+)?(programme|program|programa|plan|strategy|estrategia|estratègia|project|proyecto|projecte|initiative|iniciativa|summit|conference|conferencia|congreso|congrés|jornadas|jornades|forum|foro|festival|event|evento)\b/giu)) {
      if (/^\s*[\p{Lu}'"‘“«]/u.test(text.slice(m.index + m[0].length, m.index + m[0].length + 3))) continue;
      const word = foldText(m[1]);
      let target = word.startsWith('program') ? main : undefined;
      // "The summit …": the document's event or project when its name has that word.
      if (!target && main && foldText(main.name).split(/[^\p{L}]+/u).includes(word)) target = main;
      if (!target && /^(project|proyecto|projecte|initiative|iniciativa)$/.test(word)) target = lastBefore(projectMentions, sents[b.sentenceAt(m.index)].start);
      if (!target && /^(plan|strategy|estrategia)$/.test(word)) target = lastBefore(planMentions, sents[b.sentenceAt(m.index)].start);
      if (target) b.noteMention(target.key, { start: m.index, end: m.index + m[0].length });
    }
    // "(8) It is conceived as …": a sentence whose subject is "It" speaks of the document's project.
    if (main?.label === 'Project') {
      for (const s of sents) {
        const it = /^(?:\(?\d{1,2}[.)]\s*)?(It|Its)\b/u.exec(s.text);
        if (it) b.noteMention(main.key, { start: s.start + it.index + it[0].length - it[1].length, end: s.start + it.index + it[0].length });
      }
    }
  }

  // 3c. Collective actors named by category in a list ("startups, universities, research centres and the public").
  {
    const main = mainProject();
    for (const s of sents) {
      const found = [...s.text.matchAll(COLLECTIVE)];
      if (found.length < 2) continue;
      const itemHere = (b.bySentence.get(b.sentenceAt(s.start)) ?? []).map((x) => b.nodes.get(x.key)!).find((n) => n.label === 'Project' || n.label === 'Event');
      const project = itemHere ?? main;
      for (const m of found) {
        const cat = COLLECTIVE_KINDS.find(([re]) => re.test(m[0]))!;
        const start = s.start + m.index;
        const label = m[0].charAt(0).toUpperCase() + m[0].slice(1);
        // One collective per category and document, named after the programme the document is about.
        const owner = main ?? project;
        const key = b.addNode({ label: 'Actor', kind: cat[1], name: owner ? `${label} in the ${owner.name}` : label, start, end: start + m[0].length, confidence: 0.5, rule: `collective:${cat[1]}` });
        if (project) b.addRelationship('PARTICIPATES_IN', key, project.key, { start }, 0.5, 'collective', 'participant');
      }
    }
  }

  // 4. Relationships: field lines, then sentence cues, then co-occurrence.
  const main = mainProject();
  const allMentions = [...b.bySentence.values()].flat().sort((x, y) => x.start - y.start);
  for (const line of text.matchAll(/^.*$/gmu)) {
    for (const f of FIELD_LINES) {
      const fm = f.pattern.exec(line[0]);
      if (!fm || !main) continue;
      const after = line.index + fm[0].length;
      const window = f.rule === 'field:involved' ? 220 : 140;
      const actors = allMentions.filter((m) => m.start >= after && m.start <= after + window && b.nodes.get(m.key)!.label === 'Actor');
      for (const m of f.rule === 'field:involved' ? actors : actors.slice(0, 1)) {
        const type = main.label === 'Event' && f.rule === 'field:lead' ? 'ORGANISED' : f.type;
        b.addRelationship(type, m.key, main.key, { start: m.start }, 0.75, f.rule, type === 'PARTICIPATES_IN' ? f.role : undefined);
      }
    }
  }
  // Municipalities listed as selected/participating take part in the document's programme.
  for (const n of b.nodes.values()) {
    if (n.rule === 'municipality-list+gazetteer' && main) b.addRelationship('PARTICIPATES_IN', n.key, main.key, n.mentions[0], 0.6, 'municipality-list', 'participant');
  }
  // "Las Naves (Ajuntament de València)": the organisation in brackets is the one it belongs to.
  for (const list of b.bySentence.values()) {
    for (let i = 0; i + 1 < list.length; i++) {
      const x = list[i];
      const y = list[i + 1];
      const between = text.slice(x.end, y.start);
      if (/^\s*\(\s*$/.test(between) && text[y.end] === ')' && /\s/.test(text.slice(y.start, y.end)) && b.nodes.get(x.key)!.label === 'Actor' && b.nodes.get(y.key)!.label === 'Actor') b.addRelationship('PART_OF', x.key, y.key, x, 0.6, 'bracketed-parent');
    }
  }
  // "Action Plan: Spain Action Plan 2020-2024": the commitment belongs to the plan named on the line.
  for (const line of text.matchAll(/^\s*(action\s+plan|plan\s+de\s+acci[oó]n|pla\s+d['’]acci[oó]|programa|programme|part\s+of)\s*:(.*)$/gimu)) {
    if (!main) break;
    const lineStart = line.index;
    const lineEnd = line.index + line[0].length;
    const named = allMentions.find((m) => m.start > lineStart + line[1].length && m.end <= lineEnd && b.nodes.get(m.key)!.label === 'Project' && m.key !== main.key);
    if (named) b.addRelationship('PART_OF', main.key, named.key, { start: named.start }, 0.7, 'field:part-of');
    else if (/plan|pla\b/i.test(line[1])) {
      // The value names the plan without a head word of its own ("Action Plan: Action plan – Madrid, Spain, 2024 – 2027").
      const value = line[2].trim();
      if (value.length < 4 || value.length > 160 || !/\p{L}/u.test(value) || /^(not available|no data|n\/a|pending)/i.test(value)) continue;
      const start = line.index + line[0].length - line[2].length + line[2].indexOf(value);
      const key = b.addNode({ label: 'Project', kind: 'programme', name: value, start, end: start + value.length, confidence: 0.65, rule: 'field:action-plan' });
      b.addRelationship('PART_OF', main.key, key, { start }, 0.7, 'field:part-of');
    }
  }
  // "Milestones / 1 / Regular meeting places / 2 / …": numbered milestones of the document's project.
  if (main) {
    const heading = /^\s*(?:\d+\s+)?(milestones|hitos|fites)\s*$/imu.exec(text);
    if (heading) {
      const word = lang === 'es' ? 'hito' : lang === 'ca' ? 'fita' : 'milestone';
      const after = heading.index + heading[0].length;
      let count = 0;
      for (const m of text.slice(after).matchAll(/^[ \t]*(\d{1,2})[ \t]*\n(?:[ \t]*\n)*[ \t]*(\p{L}[^\n]{2,160}?)[ \t]*$/gmu)) {
        if (/^(start|end)\s+date|^fecha|^data/i.test(m[2]) || ++count > 12) continue;
        const start = after + m.index + m[0].length - m[2].length - (m[0].length - m[0].trimEnd().length);
        const key = b.addNode({ label: 'Project', kind: 'milestone', name: `${main.name} ${word} ${m[1]}: ${m[2].trim()}`, aliases: [m[2].trim()], start, end: start + m[2].trim().length, confidence: 0.7, rule: 'milestones-list' });
        b.addRelationship('PART_OF', key, main.key, { start }, 0.7, 'milestones-list');
      }
    }
  }
  // "the digital modernisation plan of the Extremadura Regional Government": the owner leads the plan.
  for (const o of phraseOwners) {
    const owner = allMentions.find((m) => m.start === o.ownerStart && b.nodes.get(m.key)?.label === 'Actor');
    if (owner && b.nodes.has(o.key)) b.addRelationship('PARTICIPATES_IN', owner.key, o.key, { start: o.start }, 0.6, 'phrase-owner', 'lead');
  }
  type At = { key: string; start: number; end: number };
  /** Words that join the names of a list: commas, and/y/i/e, with determiners. */
  const LIST_GLUE = /^\s*(?:,|;)?\s*(?:(?:y|i|e|and|&|as well as|així com|así como|together with|along with|junto con|junto a|juntament amb)\s+)?(?:(?:the|el|la|los|las|els|les|l['’])\s*)?$/iu;
  const listBefore = (left: At[], at: number): At[] => {
    if (!left.length) return [];
    let i = left.length - 1;
    // "X, financed by Y, …": Y sits between commas, so the agent is X.
    const gap = text.slice(left[i].end, at);
    if (i > 0 && /^\s*,\s*$/.test(gap) && text.slice(left[i - 1].end, left[i].start).includes(',') && !LIST_GLUE.test(text.slice(left[i - 1].end, left[i].start))) i--;
    const out = [left[i]];
    while (i > 0 && LIST_GLUE.test(text.slice(left[i - 1].end, left[i].start)) && b.nodes.get(left[i - 1].key)!.label === b.nodes.get(left[i].key)!.label) out.unshift(left[--i]);
    return out;
  };
  const listAfter = (right: At[]): At[] => {
    if (!right.length) return [];
    const out = [right[0]];
    for (let i = 1; i < right.length && LIST_GLUE.test(text.slice(right[i - 1].end, right[i].start)) && b.nodes.get(right[i].key)!.label === b.nodes.get(right[0].key)!.label; i++) out.push(right[i]);
    // "… by the City Council of Madrid’s Digital Transformation Strategy": the owned name is an agent too.
    const last = out[out.length - 1];
    const next = right[right.indexOf(last) + 1];
    if (next && /^['’]s\s+$/u.test(text.slice(last.end, next.start))) out.push(next);
    return out;
  };
  for (const [si, list] of b.bySentence) {
    const s = sents[si];
    const items = list.filter((m) => b.nodes.get(m.key)!.label !== 'Place').sort((x, y) => x.start - y.start);
    if (items.length < 1) continue;
    const used: Array<[number, number]> = [];
    for (const cue of CUES) {
      cue.pattern.lastIndex = 0;
      for (const m of s.text.matchAll(cue.pattern)) {
        const at = s.start + m.index;
        const end = at + m[0].length;
        if (used.some(([a, z]) => at < z && end > a)) continue;
        used.push([at, end]);
        // A semicolon closes a clause: the names a cue joins are in its clause.
        const clauseStart = s.start + Math.max(0, s.text.lastIndexOf(';', m.index) + 1);
        const semi = s.text.indexOf(';', m.index + m[0].length);
        const clauseEnd = semi < 0 ? s.end : s.start + semi;
        let left = items.filter((x) => x.end <= at && x.start >= clauseStart);
        const right = items.filter((x) => x.start >= end && x.end <= clauseEnd);
        // "… implementing them within the framework of X" with nothing named before: the document's project is the subject.
        if (!left.length && cue.toItem === 'PART_OF' && main?.label === 'Project' && right.some((x) => x.key !== main.key)) left = [{ key: main.key, start: s.start, end: s.start }];
        if (!left.length || !right.length) continue;
        // The nearest name before the cue, and the sentence's subject (its first name) when that is another one.
        // Agent-first: the names listed right before the cue ("A, B y C participan") — skipping a name in an
        // apposition or relative clause ("El proyecto, financiado por la Junta, se inspira en …") — and the
        // sentence's subject (its first name). Target-first: the names listed right after the cue.
        const agents = cue.order === 'agent-first' ? [...new Set([...listBefore(left, at), left[0]])] : listAfter(right);
        const targets = cue.order === 'agent-first' ? listAfter(right) : listBefore(left, at);
        for (const agent of agents) {
          for (const target of targets) {
            const a = b.nodes.get(agent.key)!;
            const t = b.nodes.get(target.key)!;
            if (cue.toItem === 'INSPIRED_BY' || cue.toItem === 'PART_OF') {
              if (a.label !== 'Actor' && t.label === 'Actor') continue;
              if (a.label !== 'Actor') b.addRelationship(cue.toItem, agent.key, target.key, { start: at }, cue.confidence, cue.rule);
              else if (t.label !== 'Actor') b.addRelationship('PARTICIPATES_IN', agent.key, target.key, { start: at }, cue.confidence - 0.1, cue.rule);
              else if (cue.toActor) b.addRelationship(cue.toActor, agent.key, target.key, { start: at }, cue.confidence, cue.rule);
              continue;
            }
            if (a.label === 'Actor' && t.label !== 'Actor') b.addRelationship(cue.toItem, agent.key, target.key, { start: at }, cue.confidence, cue.rule, cue.toItem === 'PARTICIPATES_IN' ? cue.role : undefined);
            else if (a.label === 'Actor' && t.label === 'Actor') {
              if (cue.toActor) b.addRelationship(cue.toActor, agent.key, target.key, { start: at }, cue.confidence, cue.rule);
            }
            else if (a.label !== 'Actor' && t.label === 'Actor') {
              // "the programme is driven by X" read the other way round.
              const type = cue.toItem === 'FUNDS' || cue.toItem === 'ORGANISED' || cue.toItem === 'DEVELOPED' ? cue.toItem : 'PARTICIPATES_IN';
              b.addRelationship(type, target.key, agent.key, { start: at }, cue.confidence - 0.05, cue.rule, type === 'PARTICIPATES_IN' ? cue.role : undefined);
            } else if (a.label === 'Project' && t.label === 'Project' && cue.rule !== 'cue:funds') {
              // "A takes part in / is a member of B": A is part of B; "A drives B", "B, led by A": B is part of A.
              const inward = cue.rule === 'cue:participates' || cue.rule === 'cue:member-of';
              b.addRelationship('PART_OF', inward ? agent.key : target.key, inward ? target.key : agent.key, { start: at }, 0.4, cue.rule);
            }
          }
        }
      }
    }
    // Co-occurrence: actors and the items named in the same clause.
    const semicolons = [...s.text.matchAll(/;/g)].map((x) => s.start + x.index);
    const clauseOf = (m: At) => semicolons.filter((p) => p < m.start).length;
    // A long enumeration in one sentence is a list, not a set of collaborations: no guesses there.
    const guess = new Set(items.map((x) => x.key)).size <= 12;
    // An actor a cue already placed in this sentence is not guessed into its other items.
    const placed = new Set([...(b.byQuote.get(s.start) ?? [])].map((k) => b.relationships.get(k)!).filter((r) => r.rule.startsWith('cue:')).flatMap((r) => [r.from, r.to]));
    for (const x of guess ? items : []) {
      for (const y of items) {
        if (x.key === y.key || clauseOf(x) !== clauseOf(y)) continue;
        const a = b.nodes.get(x.key)!;
        const t = b.nodes.get(y.key)!;
        // Lower-case phrases are linked by cues only: a description is too vague to guess from.
        if (a.key === t.key || a.label !== 'Actor' || t.rule.startsWith('phrase:')) continue;
        if ((t.label === 'Project' || t.label === 'Event') && !placed.has(a.key)) b.addRelationship('PARTICIPATES_IN', a.key, t.key, { start: s.start }, 0.35, 'co-occurrence');
        else if (t.label === 'Actor' && x.start < y.start && !(a.rule.startsWith('municipality-list') && t.rule.startsWith('municipality-list')) && !(a.rule.startsWith('collective') && t.rule.startsWith('collective'))) b.addRelationship('COLLABORATES_WITH', a.key, t.key, { start: s.start }, 0.3, 'co-occurrence');
      }
    }
  }

  // Projects a call selected belong to the programme the document is about.
  for (const key of selectedProjects) if (main && b.nodes.has(key) && main.key !== key) b.addRelationship('PART_OF', key, main.key, b.nodes.get(key)!.mentions[0], 0.6, 'selected-list');
  // "This budget supports technical assistance, contracts for Govtech challenges and Govtech4All initiatives".
  for (const [si, list] of b.bySentence) {
    const s = sents[si];
    const cue = BUDGET_CUE.exec(s.text);
    if (!cue) continue;
    const at = s.start + cue.index + cue[0].length;
    // The programme whose budget it is: the last project named in an earlier sentence speaking of a budget, else the document's.
    const owner =
      [...b.bySentence.entries()]
        .filter(([i]) => i < si && /\b(budget|presupuesto|pressupost)\b/iu.test(sents[i].text))
        .flatMap(([, l]) => l)
        .filter((m) => b.nodes.get(m.key)?.label === 'Project')
        .sort((x, y) => y.start - x.start)[0]?.key ?? main?.key;
    if (!owner) continue;
    for (const m of list) if (m.start >= at && b.nodes.get(m.key)!.label !== 'Actor' && b.nodes.get(m.key)!.label !== 'Place') b.addRelationship('PART_OF', m.key, owner, { start: m.start }, 0.5, 'cue:budget-covers');
  }
  // Activities described by a lower-case phrase belong to the milestone they share words with, or else
  // to the document's project; its provider runs them; "entre els municipis" names the listed municipalities.
  {
    const milestones = [...b.nodes.values()].filter((n) => n.rule === 'milestones-list');
    const contentWords = (name: string) => new Set(nameKey(name).split(' ').filter((w) => w.length > 3 && !CONNECTORS.has(w)));
    const providers = [...b.relationships.values()].filter((r) => main && r.to === main.key && r.role === 'provider' && r.rule.startsWith('field:'));
    const listed = [...b.nodes.values()].filter((n) => n.rule === 'municipality-list+gazetteer');
    // Each milestone takes the activities sharing most of its title's words (each activity its best milestone).
    const activities = [...b.nodes.values()].filter((n) => n.label === 'Event' && n.rule.startsWith('phrase:'));
    const shared = (ev: NodeCandidate, m: NodeCandidate) => {
      const words = contentWords(ev.name);
      return [...contentWords(m.aliases[0] ?? m.name)].filter((w) => words.has(w)).length;
    };
    const bestMilestone = new Map<string, NodeCandidate>();
    for (const ev of activities) {
      const m = [...milestones].sort((x, y) => shared(ev, y) - shared(ev, x))[0];
      if (m && shared(ev, m) > 0 && activities.every((o) => shared(o, m) <= shared(ev, m))) bestMilestone.set(ev.key, m);
    }
    const partOfAlready = new Set([...b.relationships.values()].filter((r) => r.type === 'PART_OF').map((r) => r.from));
    for (const ev of activities) {
      if (partOfAlready.has(ev.key)) continue;
      const best = bestMilestone.get(ev.key);
      const whole = best ?? (milestones.length === 0 && main?.label === 'Project' ? main : undefined);
      if (!whole) continue;
      b.addRelationship('PART_OF', ev.key, whole.key, ev.mentions[0], 0.45, best ? 'inferred:activity-of-milestone' : 'inferred:activity-of-programme');
      if (whole === main) for (const p of providers) b.addRelationship('ORGANISED', p.from, ev.key, ev.mentions[0], 0.45, 'inferred:provider-runs-activity');
      if (/\b(els|los|the|les|las)\s+(municipis|municipios|municipalities|ajuntaments|ayuntamientos)\b/u.test(foldText(ev.name))) {
        for (const m of listed) b.addRelationship('PARTICIPATES_IN', m.key, ev.key, ev.mentions[0], 0.45, 'inferred:listed-municipalities', 'participant');
      }
    }
  }
  // A project named after a place ("Missions València 2030") involves that place's government (council, regional government).
  {
    const governments = [...b.nodes.values()].filter((n) => n.label === 'Actor' && (n.kind === 'municipality' || /\b(regional government|autonomous community|gobierno|govern|generalitat|junta|xunta|diputaci|provincial council|comunidad autonoma|comunitat autonoma)\b/u.test(foldText(n.name))));
    const placeOf = new Map<string, string[]>();
    for (const g of governments) {
      const places = new Set<string>();
      for (const form of [g.name, ...g.aliases]) {
        for (const run of form.matchAll(/\p{Lu}[\p{L}·'’-]*(?:\s+(?:de\s+la\s+|de\s+|del\s+)?\p{Lu}[\p{L}·'’-]*)*/gu)) {
          for (const cand of [run[0], ...run[0].split(/\s+/)]) {
            if (cand.length < 4) continue;
            if (findMunicipalityByName(cand).municipality || findRegionByName(cand) || findProvinceByName(cand)) places.add(foldText(cand));
          }
        }
      }
      placeOf.set(g.key, [...places]);
    }
    for (const item of b.nodes.values()) {
      if (item.label !== 'Project' && item.label !== 'Event') continue;
      const name = ` ${foldText(item.name).replace(/[^\p{L}\p{N}]+/gu, ' ')} `;
      for (const g of governments) {
        if (placeOf.get(g.key)!.some((p) => name.includes(` ${p.replace(/[^\p{L}\p{N}]+/gu, ' ')} `))) b.addRelationship('PARTICIPATES_IN', g.key, item.key, item.mentions[0], 0.4, 'inferred:named-after-place', 'participant');
      }
    }
  }

  // The lead of a project part of a larger one takes part in the larger one too (lower confidence).
  const partOfByFrom = new Map<string, RelationshipCandidate[]>();
  for (const r of b.relationships.values()) if (r.type === 'PART_OF') partOfByFrom.set(r.from, [...(partOfByFrom.get(r.from) ?? []), r]);
  for (const lead of [...b.relationships.values()]) {
    if (lead.type !== 'PARTICIPATES_IN' || lead.role !== 'lead') continue;
    for (const part of partOfByFrom.get(lead.to) ?? []) {
      if (b.nodes.get(part.to)!.label === 'Actor') continue;
      b.addRelationship('PARTICIPATES_IN', lead.from, part.to, { start: part.quoteStart }, 0.45, 'inferred:lead-of-part', 'partner');
    }
  }

  // A phase or part of a programme follows the programme's model: it shares what the programme is inspired by.
  const inspiredByFrom = new Map<string, RelationshipCandidate[]>();
  for (const r of b.relationships.values()) if (r.type === 'INSPIRED_BY') inspiredByFrom.set(r.from, [...(inspiredByFrom.get(r.from) ?? []), r]);
  for (const part of [...b.relationships.values()]) {
    if (part.type !== 'PART_OF' || b.nodes.get(part.from)!.label !== 'Project') continue;
    for (const insp of inspiredByFrom.get(part.to) ?? []) {
      if (insp.to !== part.from) b.addRelationship('INSPIRED_BY', part.from, insp.to, { start: insp.quoteStart }, 0.4, 'inferred:part-shares-model');
    }
  }

  // Places: a council is in its municipality; "ubicado en / based in X".
  for (const c of councilPlaces) if (b.nodes.has(c.council) && b.nodes.has(c.place)) b.addRelationship('LOCATED_IN', c.council, c.place, { start: c.start }, 0.8, 'council-of-place');
  for (const [si, list] of b.bySentence) {
    const s = sents[si];
    for (const m of s.text.matchAll(/\b(?:ubicad[oa]s?|situad[oa]s?|situats?|situades|located|based|con\s+sede|amb\s+seu|headquartered)\s+(?:en|a|al|in|at)\b/giu)) {
      const at = s.start + m.index;
      const sorted = [...list].sort((x, y) => x.start - y.start);
      const agent = sorted.filter((x) => x.end <= at && b.nodes.get(x.key)?.label !== 'Place').pop();
      const place = sorted.find((x) => x.start >= at + m[0].length && b.nodes.get(x.key)?.label === 'Place');
      if (agent && place) b.addRelationship('LOCATED_IN', agent.key, place.key, { start: at }, 0.6, 'cue:located-in');
    }
  }

  // Topics of the vocabulary: what an item is about, what an actor works on.
  const topics = new Map<string, TopicCandidate>();
  const topicRels = new Map<string, RelationshipCandidate>();
  const topicNames = new Map(TOPIC_VOCABULARY.map((t) => [t.id, t.name]));
  const topicOf = (id: string, m: { start: number; end: number }) => {
    const key = `Topic:${id}`;
    const s = sents[b.sentenceAt(m.start)];
    const t = topics.get(key) ?? { key, id, name: topicNames.get(id)!, mentions: [], quote: s.text, quoteStart: s.start, quoteEnd: s.end, confidence: 0.7, rule: 'topic-vocabulary' };
    if (!t.mentions.some((x) => x.start === m.start)) t.mentions.push({ start: m.start, end: m.end, text: text.slice(m.start, m.end) });
    topics.set(key, t);
    return key;
  };
  const linkTopic = (from: string, topicKey: string, at: number, confidence: number, rule: string) => {
    const n = b.nodes.get(from);
    if (!n || n.label === 'Place') return;
    const type = n.label === 'Actor' ? 'WORKS_ON' : 'ABOUT';
    const key = `${type}:${from}->${topicKey}`;
    if ((topicRels.get(key)?.confidence ?? 0) >= confidence) return;
    const s = sents[b.sentenceAt(at)];
    topicRels.set(key, { key, type, from, to: topicKey, quote: s.text, quoteStart: s.start, quoteEnd: s.end, confidence, rule });
  };
  const topicMentions = findTopicMentions(text);
  for (const tm of topicMentions) topicOf(tm.id, tm);
  // An item named after a topic is about it ("Social Innovation Hub", "Centre d’innovació social … Las Naves").
  for (const n of b.nodes.values()) {
    if (n.label === 'Place') continue;
    for (const tm of findTopicMentions(n.name)) linkTopic(n.key, topicOf(tm.id, n.mentions[0]), n.mentions[0].start, 0.55, 'topic-in-name');
  }
  // "talleres sobre X", "works on X", "dedicated to X": the item named last before the cue.
  for (const tm of topicMentions) {
    const si = b.sentenceAt(tm.start);
    const s = sents[si];
    const before = text.slice(Math.max(s.start, tm.start - 40), tm.start);
    // A name that contains the topic ("panel on participatory budgeting") already says so.
    if ((b.bySentence.get(si) ?? []).some((x) => x.start <= tm.start && x.end >= tm.end && b.nodes.get(x.key)?.label !== 'Place')) continue;
    const cue = /\b(sobre|about|on|dedicad[oa]s?\s+a|dedicats?\s+a|dedicated\s+to|centrad[oa]s?\s+en|focused\s+on|en\s+materia\s+de|en\s+mat[eè]ria\s+de|al\s+voltant\s+de|en\s+torno\s+a|trabaja\s+en|treballa\s+en|works?\s+on|working\s+on)\s+(?:(?:el|la|els|les|los|las|the|l['’])\s*)?$/iu.exec(before);
    if (!cue) continue;
    const at = tm.start - before.length + cue.index;
    const agent = (b.bySentence.get(si) ?? []).filter((x) => x.end <= at && b.nodes.get(x.key)?.label !== 'Place').sort((x, y) => x.start - y.start).pop();
    if (agent) linkTopic(agent.key, `Topic:${tm.id}`, at, 0.6, 'cue:about');
  }

  const nodes = [...b.nodes.values()].sort((x, y) => x.mentions[0].start - y.mentions[0].start);
  const relationships = [...b.relationships.values()].sort((x, y) => x.quoteStart - y.quoteStart || x.key.localeCompare(y.key));
  return {
    text,
    nodes,
    relationships,
    topics: [...topics.values()].sort((x, y) => x.mentions[0].start - y.mentions[0].start),
    topicRelationships: [...topicRels.values()].sort((x, y) => x.quoteStart - y.quoteStart || x.key.localeCompare(y.key)),
  };
}
