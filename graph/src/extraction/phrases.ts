import { CONNECTORS, DETERMINERS, EVENT_PHRASE_HEADS, PHRASE_LINKERS, PHRASE_STOP, PROJECT_PHRASE_HEADS, TOPIC_PREPOSITIONS, type PhraseHead } from './lexicon.ts';

// Things named by a lower-case noun phrase rather than a proper name:
// activities ("espais d’aprenentatge i diàleg entre els municipis", "training
// of city council professionals…", "regular meeting spaces") and plans
// ("the digital modernisation plan of the Extremadura Regional Government",
// "a roadmap for a Competence Centre for Social Innovation"). A phrase
// introduced with a demonstrative ("aquest espai", "this plan") refers back
// to something already named and is not a new candidate.

export interface PhraseToken {
  text: string;
  fold: string;
  start: number;
  end: number;
}

export interface Phrase {
  head: PhraseHead;
  /** Token indexes of the phrase (inclusive). */
  from: number;
  to: number;
  /** "… plan of the X": token index where the owner's name starts. */
  ownerAt?: number;
  /** The phrase ends with a capitalised name ("roadmap for a Competence Centre …"): index of its first token. */
  namedAt?: number;
  rule: string;
}

const DEMONSTRATIVES = new Set(['aquest', 'aquesta', 'aquests', 'aquestes', 'este', 'esta', 'estos', 'estas', 'ese', 'esa', 'this', 'these', 'that', 'those', 'dicho', 'dicha', 'dichos', 'dichas', 'aquell', 'aquella', 'such']);
/** -ing nouns that may modify an English head ("meeting spaces", "training sessions"). */
/** Verbs that come before an object, not modifiers of it ("generate meeting spaces"). */
const ENGLISH_VERBS = new Set(['generate', 'create', 'creates', 'promote', 'promotes', 'develop', 'develops', 'organise', 'organises', 'organize', 'organizes', 'hold', 'holds', 'host', 'hosts', 'run', 'runs', 'launch', 'launches', 'offer', 'offers', 'provide', 'provides', 'support', 'supports', 'set', 'establish', 'build', 'design', 'implement', 'implements', 'define', 'defines', 'present', 'presents', 'proposes', 'propose', 'adopt', 'adopts', 'fund', 'funds', 'finance', 'finances', 'lead', 'leads', 'join', 'joins', 'attend', 'attends', 'coordinate', 'coordinates', 'manage', 'manages']);
const ING_NOUNS = new Set(['meeting', 'training', 'learning', 'networking', 'co-working', 'coworking', 'funding', 'planning', 'listening']);

const isLower = (t: PhraseToken | undefined) => t !== undefined && /^\p{Ll}/u.test(t.text);
const isCap = (t: PhraseToken | undefined) => t !== undefined && /^[\p{Lu}\p{N}]/u.test(t.text) && /[\p{L}\p{N}]/u.test(t.text);
const isWord = (t: PhraseToken | undefined) => t !== undefined && /^[\p{L}\p{N}]/u.test(t.text);
const isApostrophe = (t: PhraseToken | undefined) => t !== undefined && (t.text === "'" || t.text === '’');
/** Participles and finite verbs end a description ("…municipis, destinats a", "…plan was launched"). */
const isParticiple = (fold: string) => fold.length > 5 && /(ats|ades|ados|adas|its|ides|idos|idas|ed)$/.test(fold);

/** Lower-case words after a head: its complement, up to a stop word, punctuation or a capitalised name. */
function complement(tokens: PhraseToken[], k: number, english: boolean): { last: number; content: number } {
  let last = k;
  let content = 1;
  let j = k + 1;
  // English heads take a complement only through a preposition ("conferences on…", "training of…").
  if (english && !['of', 'on', 'in', 'for', 'about', 'with'].includes(tokens[j]?.fold ?? '')) return { last, content };
  while (j < tokens.length && j - k <= 16) {
    const t = tokens[j];
    if (isApostrophe(t)) {
      j++;
      continue;
    }
    if (!isWord(t) || !isLower(t)) break;
    if (PHRASE_STOP.has(t.fold) || isParticiple(t.fold)) break;
    // A topic ("… al voltant del marc europeu", "… sobre X") is not part of a name that already says what it is.
    if (TOPIC_PREPOSITIONS.has(t.fold) && content >= 2) break;
    if (CONNECTORS.has(t.fold) || PHRASE_LINKERS.has(t.fold) || t.fold === 'd' || t.fold === 'l') {
      j++;
      continue;
    }
    content++;
    last = j;
    j++;
  }
  return { last, content };
}

/** End of a capitalised name starting at k (capitalised words joined by at most two connectors). */
function capitalisedRun(tokens: PhraseToken[], k: number): number {
  if (!isCap(tokens[k]) || !isWord(tokens[k])) return -1;
  let end = k;
  let j = k + 1;
  while (j < tokens.length) {
    if (isCap(tokens[j]) && isWord(tokens[j])) {
      end = j++;
      continue;
    }
    let c = j;
    while (c < tokens.length && c - j < 2 && CONNECTORS.has(tokens[c].fold) && isLower(tokens[c])) c++;
    if (c > j && isCap(tokens[c]) && isWord(tokens[c])) {
      end = c;
      j = c + 1;
      continue;
    }
    break;
  }
  return end;
}

export function lowerCasePhrases(tokens: PhraseToken[]): Phrase[] {
  const out: Phrase[] = [];
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k];
    if (!isLower(t)) continue;
    const event = EVENT_PHRASE_HEADS.get(t.fold);
    const project = PROJECT_PHRASE_HEADS.get(t.fold);
    if (!event && !project) continue;
    const head = (event ?? project)!;
    // Modifiers before an English head ("regular meeting spaces", "digital modernisation plan").
    let from = k;
    while (head.english && from > 0 && from > k - 4) {
      const p = tokens[from - 1];
      if (!isLower(p) || !isWord(p) || DETERMINERS.has(p.fold) || DEMONSTRATIVES.has(p.fold) || CONNECTORS.has(p.fold) || PHRASE_STOP.has(p.fold) || PHRASE_LINKERS.has(p.fold)) break;
      if ((p.fold.endsWith('ing') && !ING_NOUNS.has(p.fold)) || ENGLISH_VERBS.has(p.fold)) break;
      if (isParticiple(p.fold)) break;
      from--;
    }
    if (DEMONSTRATIVES.has(tokens[from - 1]?.fold ?? '')) {
      // "Aquest espai de trobada i intercanvi": neither the head nor the words of its complement start a new phrase.
      k = complement(tokens, k, !!head.english).last;
      continue;
    }
    const modifiers = k - from;
    if (project) {
      // "roadmap for a Competence Centre for Social Innovation", "plan of the Extremadura Regional Government".
      let to = k;
      let namedAt: number | undefined;
      let ownerAt: number | undefined;
      const prep = tokens[k + 1]?.fold;
      const detAt = DETERMINERS.has(tokens[k + 2]?.fold ?? '') ? k + 3 : k + 2;
      if ((prep === 'for' || prep === 'para' || prep === 'per') && capitalisedRun(tokens, detAt) >= 0) {
        namedAt = detAt;
        to = capitalisedRun(tokens, detAt);
      } else if ((prep === 'of' || prep === 'de' || prep === 'del') && capitalisedRun(tokens, detAt) >= 0) {
        ownerAt = detAt;
      }
      if (head.kind === 'pilot') {
        const c = complement(tokens, k, false);
        if (modifiers + c.content < 3) continue;
        to = c.last;
      } else if (modifiers + (namedAt !== undefined ? 1 : 0) < 1 || modifiers + (to - k) + 1 < 2) continue;
      out.push({ head, from, to, ownerAt, namedAt, rule: `phrase:${t.fold}` });
      continue;
    }
    const c = head.headLast ? complement(tokens, k, true) : complement(tokens, k, !!head.english);
    if (modifiers + c.content < 2) continue;
    out.push({ head, from, to: c.last, rule: `phrase:${t.fold}` });
    k = c.last;
  }
  return out;
}
