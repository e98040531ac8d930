import { foldText } from '../model/text.ts';

// Topic mentions. The vocabulary is the curated topic list of the seed
// (copied from seeds/src/ecosystem/topics.ts: names in English, Spanish and
// Catalan forms as aliases, plus a few common spellings), so that core code
// does not depend on the seed package.

export interface TopicTerm {
  id: string;
  name: string;
  forms: string[];
}

export const TOPIC_VOCABULARY: TopicTerm[] = [
  { id: 'social-innovation', name: 'Social innovation', forms: ['social innovation', 'innovación social', 'innovació social'] },
  { id: 'unwanted-loneliness', name: 'Unwanted loneliness', forms: ['unwanted loneliness', 'soledad no deseada', 'soledat no desitjada'] },
  { id: 'open-government', name: 'Open government', forms: ['open government', 'gobierno abierto', 'govern obert'] },
  { id: 'citizen-participation', name: 'Citizen participation', forms: ['citizen participation', 'civic participation', 'participación ciudadana', 'participació ciutadana', 'participatory budgeting', 'presupuestos participativos', 'pressupostos participatius'] },
  { id: 'public-innovation', name: 'Public innovation and intrapreneurship', forms: ['public innovation', 'innovación pública', 'innovació pública', 'intrapreneurship', 'intraemprendimiento'] },
  { id: 'govtech', name: 'Govtech', forms: ['govtech', 'government technology'] },
  { id: 'open-innovation', name: 'Open innovation', forms: ['open innovation', 'innovación abierta', 'innovació oberta'] },
  { id: 'digital-transformation', name: 'Digital transformation', forms: ['digital transformation', 'transformación digital', 'transformació digital', 'digital modernisation', 'modernización digital'] },
  { id: 'public-services', name: 'Public services improvement', forms: ['public services', 'servicios públicos', 'serveis públics'] },
  { id: 'public-procurement', name: 'Public procurement of innovation', forms: ['public procurement', 'contratación pública', 'contractació pública', 'compra pública de innovación'] },
  { id: 'social-services', name: 'Social services', forms: ['social services', 'servicios sociales', 'serveis socials', 'social care'] },
  { id: 'deinstitutionalisation', name: 'Deinstitutionalisation', forms: ['deinstitutionalisation', 'deinstitutionalization', 'desinstitucionalización', 'desinstitucionalització'] },
  { id: 'mission-oriented-innovation', name: 'Mission-oriented innovation', forms: ['mission-oriented innovation', 'innovació orientada a missions', 'innovación orientada a misiones'] },
  { id: 'urban-innovation', name: 'Urban innovation', forms: ['urban innovation', 'innovación urbana', 'innovació urbana'] },
  { id: 'sustainable-development-goals', name: 'Sustainable Development Goals', forms: ['sustainable development goals', 'objetivos de desarrollo sostenible', 'agenda 2030'] },
  { id: 'peer-learning', name: 'Peer learning', forms: ['peer learning', 'aprendizaje entre pares', 'aprenentatge entre iguals', 'knowledge transfer'] },
];

export interface TopicMention {
  id: string;
  start: number;
  end: number;
}

/** Text folded character by character (lower case, no accents) with the offset in the original of each folded character. */
function foldWithOffsets(text: string): { folded: string; at: number[] } {
  let folded = '';
  const at: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const f = c < 128 ? text[i].toLowerCase() : foldText(text[i]);
    for (let k = 0; k < f.length; k++) at.push(i);
    folded += f;
  }
  at.push(text.length);
  return { folded, at };
}

const isWordChar = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c);

/** Every mention of a vocabulary topic in the text (whole words, accent- and case-insensitive), in text order. */
export function findTopicMentions(text: string, vocabulary: TopicTerm[] = TOPIC_VOCABULARY): TopicMention[] {
  const { folded, at } = foldWithOffsets(text);
  const out: TopicMention[] = [];
  const taken = new Set<number>();
  for (const term of vocabulary) {
    for (const form of term.forms.map(foldText)) {
      for (let i = folded.indexOf(form); i >= 0; i = folded.indexOf(form, i + form.length)) {
        if (isWordChar(folded[i - 1]) || isWordChar(folded[i + form.length])) continue;
        const start = at[i];
        const end = at[i + form.length - 1] + 1;
        if (taken.has(start)) continue;
        taken.add(start);
        out.push({ id: term.id, start, end });
      }
    }
  }
  return out.sort((x, y) => x.start - y.start);
}
