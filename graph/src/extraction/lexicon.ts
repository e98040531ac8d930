import type { NodeLabel, RelationshipType } from '../model/vocabulary.ts';

// The words the extractor recognises, in Spanish, Catalan and English, folded
// (lower case, no accents). A head word says what a name is: "Ayuntamiento de
// X" is a municipality, "X Programme" a programme.

export interface Head {
  label: NodeLabel;
  kind: string;
}

const A = (kind: string): Head => ({ label: 'Actor', kind });
const P = (kind: string): Head => ({ label: 'Project', kind });
const E = (kind: string): Head => ({ label: 'Event', kind });

/** Single-word heads. */
export const HEADS: Record<string, Head> = {
  ayuntamiento: A('municipality'), ajuntament: A('municipality'), concello: A('municipality'), udala: A('municipality'), cabildo: A('public_body'),
  diputacion: A('public_body'), diputacio: A('public_body'), consejeria: A('public_body'), conselleria: A('public_body'),
  ministerio: A('public_body'), ministeri: A('public_body'), ministry: A('public_body'), secretaria: A('public_body'), secretariat: A('public_body'),
  secretary: A('public_body'), direccion: A('public_body'), direccio: A('public_body'), directorate: A('public_body'), junta: A('public_body'),
  generalitat: A('public_body'), gobierno: A('public_body'), govern: A('public_body'), government: A('public_body'), consejo: A('public_body'),
  consell: A('public_body'), council: A('public_body'), oficina: A('public_body'), office: A('public_body'), agencia: A('public_body'),
  agency: A('public_body'), department: A('public_body'), departamento: A('public_body'), departament: A('public_body'), community: A('public_body'),
  universidad: A('university'), universitat: A('university'), university: A('university'), universidade: A('university'),
  fundacion: A('foundation'), fundacio: A('foundation'), foundation: A('foundation'),
  asociacion: A('ngo'), associacio: A('ngo'), association: A('ngo'), federacion: A('ngo'), federacio: A('ngo'), federation: A('ngo'),
  laboratorio: A('lab'), laboratori: A('lab'), laboratory: A('lab'), lab: A('lab'), medialab: A('lab'), living: A('lab'),
  instituto: A('research_centre'), institut: A('research_centre'), institute: A('research_centre'),
  centro: A('other'), centre: A('other'), center: A('other'),
  red: A('network'), xarxa: A('network'), network: A('network'), partnership: A('network'), alliance: A('network'), alianza: A('network'), alianca: A('network'),
  cooperativa: A('company'), cooperative: A('company'), empresa: A('company'), company: A('company'),
  programa: P('programme'), programme: P('programme'), program: P('programme'), plan: P('programme'), strategy: P('programme'),
  estrategia: P('programme'), proyecto: P('project'), project: P('project'), projecte: P('project'), roadmap: P('project'),
  mission: P('mission'), hub: P('project'), missions: P('mission'), mision: P('mission'), misiones: P('mission'), missio: P('mission'), missions_ca: P('mission'),
  platform: P('project'), plataforma: P('project'), initiative: P('project'), iniciativa: P('project'), commitment: P('commitment'),
  compromiso: P('commitment'), premio: P('programme'), premi: P('programme'), prize: P('programme'), award: P('programme'), awards: P('programme'),
  premios: P('programme'), challenge: P('challenge'), reto: P('challenge'), repte: P('challenge'),
  jornada: E('conference'), jornadas: E('conference'), jornades: E('conference'), conferencia: E('conference'), conference: E('conference'),
  congreso: E('conference'), congres: E('conference'), congress: E('conference'), workshop: E('workshop'), taller: E('workshop'),
  seminario: E('workshop'), seminar: E('workshop'), foro: E('conference'), forum: E('conference'), summit: E('conference'), cumbre: E('conference'),
  encuentro: E('meeting'), trobada: E('meeting'), hackathon: E('workshop'), festival: E('conference'),
};

/** Heads that come first in Spanish/Catalan names ("Centro de innovación … Las Naves", "Programa Municipis Innovadors"). */
export const ROMANCE_HEADS = new Set([
  'ayuntamiento', 'ajuntament', 'concello', 'diputacion', 'diputacio', 'consejeria', 'conselleria', 'ministerio', 'ministeri', 'secretaria',
  'direccion', 'direccio', 'junta', 'generalitat', 'gobierno', 'govern', 'consejo', 'consell', 'oficina', 'agencia', 'departamento', 'departament',
  'universidad', 'universitat', 'universidade', 'fundacion', 'fundacio', 'asociacion', 'associacio', 'federacion', 'federacio', 'laboratorio',
  'laboratori', 'instituto', 'institut', 'centro', 'centre', 'red', 'xarxa', 'cooperativa', 'programa', 'proyecto', 'projecte', 'plan',
  'estrategia', 'plataforma', 'premio', 'premi', 'premios', 'jornada', 'jornadas', 'jornades', 'congreso', 'congres', 'taller', 'foro',
  'encuentro', 'trobada', 'iniciativa', 'mision', 'missio', 'reto', 'repte', 'seminario', 'conferencia',
]);

/** Heads whose names list several capitalised words with commas (Conselleria d’Innovació, Universitats, Ciència i Societat Digital). */
export const LIST_HEADS = new Set(['conselleria', 'consejeria', 'ministerio', 'ministeri', 'ministry', 'departament', 'departamento']);

/** Lower-case words that may join the capitalised words of one name. */
export const CONNECTORS = new Set([
  'de', 'del', 'la', 'las', 'los', 'el', 'els', 'les', 'i', 'y', 'e', 'en', 'of', 'for', 'the', 'and', 'in', 'per', 'a', 'al', 'para', 'por', 'on', 'da', 'do', 'dos', 'das', '&',
]);

/** Words that open a sentence or a noun phrase and are not part of a name. */
export const DETERMINERS = new Set(['the', 'a', 'an', 'this', 'that', 'el', 'la', 'los', 'las', 'els', 'les', 'un', 'una', 'aquest', 'aquesta', 'este', 'esta', 'our', 'its', 'their', 'su', 'seu', 'seua']);

/** Legal forms written after a company name. */
export const LEGAL_FORM = /^(?:S\.?\s?L\.?(?:\s?U\.?)?|S\.?\s?A\.?(?:\s?U\.?)?|S\.?\s?Coop\.?(?:\s?V\.?)?|[Cc]oop\.?\s?[Vv]\.?|SLU|SAU|SLL|Ltd\.?|GmbH|S\.?\s?C\.?\s?C\.?\s?L\.?)/u;

/** Words after which a list names municipalities ("Els municipis seleccionats … són: A, B i C"). */
export const MUNICIPALITY_LIST_CUE = /\b(municipis|municipios|municipalities|ayuntamientos|ajuntaments|localidades|localitats|towns|cities|ciudades|ciutats)\b/iu;

export interface Cue {
  rule: string;
  pattern: RegExp;
  /** agent-first: the actor is named before the cue ("X finances Y"); target-first: after ("Y, financed by X"). */
  order: 'agent-first' | 'target-first';
  /** Actor → Project/Event type; actor → actor type. */
  toItem: RelationshipType;
  /** Actor → actor type; none when the cue never joins two actors ("X presents Y"). */
  toActor: RelationshipType | undefined;
  role?: 'lead' | 'partner' | 'participant' | 'client' | 'provider';
  confidence: number;
}

const c = (rule: string, pattern: RegExp, order: Cue['order'], toItem: RelationshipType, toActor: RelationshipType | undefined, confidence: number, role?: Cue['role']): Cue => ({
  rule,
  pattern,
  order,
  toItem,
  toActor,
  confidence,
  ...(role ? { role } : {}),
});

/** Sentence-level relationship cues (order matters: the first that matches a stretch wins). */
export const CUES: Cue[] = [
  c('cue:developed-by', /\b(desarrollad[oa]s?|elaborad[oa]s?|elaborats?|desenvolupad[oa]s?|desenvolupats?|developed|drafted|drawn\s+up|designed|dise[nñ]ad[oa]s?|dissenyats?|presentad[oa]s?|presentats?|presented|created|cread[oa]s?|creats?)\s+(por|per|by)\b/giu, 'target-first', 'DEVELOPED', undefined, 0.7),
  c('cue:held-at', /\b(celebrad[oa]s?|celebrats?|celebrades|held|hosted|taking\s+place|tendr[aá]\s+lugar|tindr[aà]\s+lloc|acollits?|acogid[oa]s?)\s+(a|al|als|a\s+la|en|en\s+el|en\s+la|at|in)\b/giu, 'target-first', 'PARTICIPATES_IN', undefined, 0.6, 'provider'),
  c('cue:funded-by', /\b(financiad[oa]s?|financiats?|finan[cç]ad[oa]s?|cofinanciad[oa]s?|funded|financed|sponsored|subvencionad[oa]s?|patrocinad[oa]s?)\s+(por|per|by)\b/giu, 'target-first', 'FUNDS', 'FUNDS', 0.8),
  c('cue:funds', /\b(financia|financian|finança|finançen|cofinancia|cofinancian|cofinança|cofinancen|financiar[aá]n?|finan[cç]ar[aà]|finan[cç]aran|co-funds|co-finances|funds|fund|finances|finance|sponsors|subvenciona|patrocina|(?:ha|han|has|have|had)\s+(?:financiado|cofinanciado|finan[cç]at|cofinan[cç]at|funded|co-funded|financed))(?!\p{L})/giu, 'agent-first', 'FUNDS', 'FUNDS', 0.75),
  c('cue:led-by', /\b(impulsad[oa]s?|impulsats?|liderad[oa]s?|liderats?|promovid[oa]s?|promoguts?|driven|led|promoted|spearheaded|launched|coordinad[oa]s?|coordinats?|coordinated|managed|gestionad[oa]s?)\s+(por|per|by)\b/giu, 'target-first', 'PARTICIPATES_IN', 'COLLABORATES_WITH', 0.75, 'lead'),
  c('cue:organised-by', /\b(organizad[oa]s?|organitzad[oa]s?|organitzats?|organised|organized|hosted|convocad[oa]s?)\s+(por|per|by)\b/giu, 'target-first', 'ORGANISED', 'COLLABORATES_WITH', 0.75),
  c('cue:organises', /\b(organiza|organizan|organitza|organitzen|organises|organizes|organise|organize|hosts|convoca|celebra|organizar[aá]n?|organitzar[aà]|organitzaran|will\s+organi[sz]e|will\s+host|(?:ha|han)\s+(?:organizado|organitzat)|(?:has|have)\s+organi[sz]ed)(?!\p{L})/giu, 'agent-first', 'ORGANISED', 'COLLABORATES_WITH', 0.7),
  c('cue:leads', /\b(impulsa|impulsan|impulsen|lidera|lideran|lideren|promueve|promueven|promou|leads|lead|drives|spearheads|launches|launched|coordina|coordinan|coordinen|coordinates|coordinating|manages|gestiona|impulsar[aá]n?|impulsar[aà]|impulsaran|coordinar[aá]n?|coordinar[aà]|coordinaran|liderar[aá]n?|liderar[aà]|pone\s+en\s+marcha|posa\s+en\s+marxa|resuelve|resol|(?:ha|han)\s+(?:resuelto|resolt)|(?:ha|han)\s+(?:impulsado|impulsat|liderado|liderat|coordinado|coordinat|lanzado|llan[cç]at|puesto\s+en\s+marcha|posat\s+en\s+marxa)|(?:has|have)\s+(?:led|launched|coordinated))(?!\p{L})/giu, 'agent-first', 'PARTICIPATES_IN', 'COLLABORATES_WITH', 0.7, 'lead'),
  c('cue:collaborates', /\b(colabora|colaboran|col·labora|col·laboren|collabora|collaboren|collaborates|collaborate|collaborating|collaboration|colaboración|col·laboració|partners?\s+with|together\s+with|junto\s+(con|a)|juntament\s+amb|alianza|aliança|coopera|cooperates|colaborar[aá]n?|col·laborar[aà]|col·laboraran|with\s+the\s+support\s+of|con\s+el\s+apoyo\s+de|amb\s+el\s+suport\s+de)(?!\p{L})/giu, 'agent-first', 'PARTICIPATES_IN', 'COLLABORATES_WITH', 0.65, 'partner'),
  c('cue:member-of', /\b(miembros?\s+de|membres?\s+de|members?\s+of|forma\s+parte\s+de|forman\s+parte\s+de|formen\s+part\s+de|fa\s+part\s+de|belongs?\s+to|pertenece\s+a|pertany\s+a|joined|joins?|se\s+suma\s+a|se\s+suman\s+a|s['’]adhereix\s+a|adherid[oa]s?\s+a|adherits?\s+a)\b/giu, 'agent-first', 'PARTICIPATES_IN', 'MEMBER_OF', 0.65, 'participant'),
  c('cue:participates', /\b(participa|participan|participen|participates|participate|participating|participants?|participantes?|involved|involucrad[oa]s?|implicad[oa]s?|takes?\s+part|taking\s+part|selected|seleccionad[oa]s?|seleccionats?|beneficiari[oa]s?|beneficiaries|participar[aá]n?|participar[aà]|participaran|will\s+take\s+part|will\s+participate|took\s+part|participated|(?:ha|han)\s+(?:participado|participat))(?!\p{L})/giu, 'agent-first', 'PARTICIPATES_IN', 'COLLABORATES_WITH', 0.65, 'participant'),
  c('cue:develops', /\b(presenta|presentan|presenten|presents|desarrolla|desarrollan|desenvolupa|desenvolupen|develops|develop|elabora|elaboran|elaboren|drafts|designs|dise[nñ]a|dise[nñ]an|dissenya|dissenyen|presented|developed|(?:ha|han)\s+(?:presentado|elaborado|desarrollado|dise[nñ]ado|presentat|elaborat|desenvolupat|dissenyat)|(?:has|have)\s+(?:presented|developed|drafted|designed))(?!\p{L})/giu, 'agent-first', 'DEVELOPED', undefined, 0.65),
  c('cue:adopts', /\b(adopta|adoptan|adopten|adopts|adopted|applies|aplica|implementa|implements)\b/giu, 'agent-first', 'PARTICIPATES_IN', 'COLLABORATES_WITH', 0.55),
  c('cue:inspired-by', /\b(se\s+inspira\s+en|se\s+inspiran\s+en|s['’]inspira\s+en|s['’]inspiren\s+en|inspirad[oa]s?\s+por|inspirad[oa]s?\s+en|inspirats?\s+en|inspired\s+by|prenent\s+com\s+a\s+refer[eè]ncia|tomando\s+como\s+referencia|taking\s+as\s+(a\s+)?reference|based\s+on|basad[oa]\s+en|basat\s+en)\b/giu, 'agent-first', 'INSPIRED_BY', 'COLLABORATES_WITH', 0.7),
  c('cue:part-of', /\b(nested\s+within|part\s+of|within\s+the\s+framework\s+of|en\s+el\s+marco\s+de|dins\s+(de|del)|dentro\s+de|depende\s+de|depèn\s+de|under)\b/giu, 'agent-first', 'PART_OF', 'PART_OF', 0.6),
];

/** Field lines of programme sheets and commitment pages: "Client → X", "Lead Institution: X". */
export const FIELD_LINES: Array<{ pattern: RegExp; type: RelationshipType; role?: Cue['role']; rule: string }> = [
  { pattern: /^\s*(client|cliente|clienta)\s*(→|->|:)/iu, type: 'PARTICIPATES_IN', role: 'client', rule: 'field:client' },
  { pattern: /^\s*(finança|financia|financiado\s+por|funded\s+by|funder|financiaci[oó]n|financiador)\s*(→|->|:)/iu, type: 'FUNDS', rule: 'field:funder' },
  { pattern: /^\s*(equip|equipo|team|proveedor|provider)\s*(→|->|:)/iu, type: 'PARTICIPATES_IN', role: 'provider', rule: 'field:team' },
  { pattern: /^\s*(socis?|socios?|partners?)\s*(→|->|:)/iu, type: 'PARTICIPATES_IN', role: 'partner', rule: 'field:partners' },
  { pattern: /^\s*(lead\s+institution|instituci[oó]n\s+responsable|organisation\s+name|organization\s+name|entidad\s+responsable|organitza|organiza)\s*(→|->|:)?/iu, type: 'PARTICIPATES_IN', role: 'lead', rule: 'field:lead' },
  { pattern: /^\s*(institutions\s+involved|support\s+institution\(s\)|support\s+institutions?|instituciones\s+participantes)\s*(→|->|:)/iu, type: 'PARTICIPATES_IN', role: 'partner', rule: 'field:involved' },
];

/** Head of a lower-case noun phrase (phrases.ts): English heads take modifiers before them and a complement only through a preposition. */
export interface PhraseHead extends Head {
  english?: boolean;
  headLast?: boolean;
}

const ev = (kind: string, english = false, headLast = false): PhraseHead => ({ label: 'Event', kind, ...(english ? { english } : {}), ...(headLast ? { headLast } : {}) });
const pr = (kind: string): PhraseHead => ({ label: 'Project', kind, english: true });

/** Activities named by a lower-case phrase: "espais d’aprenentatge…", "talleres de…", "conferences on…", "regular meeting spaces". */
export const EVENT_PHRASE_HEADS = new Map<string, PhraseHead>([
  ...['espai', 'espais', 'espacio', 'espacios'].map((w) => [w, ev('meeting')] as const),
  ...['capsula', 'capsules', 'capsulas', 'curs', 'cursos', 'curso', 'formacio', 'formacion'].map((w) => [w, ev('training')] as const),
  ...['taller', 'tallers', 'talleres', 'sessio', 'sessions', 'sesion', 'sesiones', 'seminari', 'seminaris', 'seminario', 'seminarios'].map((w) => [w, ev('workshop')] as const),
  ...['jornada', 'jornades', 'jornadas', 'conferencia', 'conferencias', 'conferencies', 'trobada', 'trobades', 'encuentro', 'encuentros'].map((w) => [w, ev('conference')] as const),
  ...['conference', 'conferences', 'training', 'trainings', 'workshop', 'workshops', 'seminar', 'seminars', 'webinar', 'webinars', 'hackathon', 'hackathons', 'panel', 'panels', 'session', 'roundtable'].map((w) => [w, ev(w.startsWith('conf') ? 'conference' : w.startsWith('train') ? 'training' : 'workshop', true)] as const),
  ...['spaces', 'meetings'].map((w) => [w, ev('meeting', true, true)] as const),
]);

/** Plans named by a lower-case phrase: "digital modernisation plan", "roadmap for a …", "pilot experiences in …". */
export const PROJECT_PHRASE_HEADS = new Map<string, PhraseHead>([
  ...['roadmap', 'plan', 'strategy', 'programme', 'program', 'platform'].map((w) => [w, pr(w === 'platform' ? 'project' : 'programme')] as const),
  ['pilot', pr('pilot')],
  ['pilots', pr('pilot')],
]);

/** Words that end a lower-case phrase: verbs, relative pronouns, prepositions of purpose or company. */
export const PHRASE_STOP = new Set([
  'que', 'qui', 'which', 'who', 'that', 'where', 'to', 'amb', 'con', 'with', 'per', 'para', 'by', 'is', 'are', 'was', 'were', 'es', 'son', 'era', 'fue', 'ha', 'han', 'has', 'have',
  'will', 'can', 'could', 'would', 'should', 'may', 'allows', 'permet', 'permite', 'or', 'o', 'como', 'com', 'as', 'both', 'also', 'tambe', 'tambien', 'via', 'through',
]);
/** Words that may join the words of a lower-case phrase without being content ("entre els municipis", "en cada municipi"). */
export const PHRASE_LINKERS = new Set(['entre', 'between', 'among', 'cada', 'each', 'i', 'y', 'and']);
/** Prepositions that introduce a topic: they end a phrase that already has two content words. */
export const TOPIC_PREPOSITIONS = new Set(['on', 'about', 'sobre', 'voltant', 'entorn', 'torno', 'acerca', 'regarding']);

/** Lower-case head words written right before a proper name ("el programa Barrios en Red", "la cooperativa Som Energia", "el laboratorio ciudadano Sevilla Lab"). */
export const HEADS_BEFORE_NAME = new Set([
  'programa', 'proyecto', 'projecte', 'iniciativa', 'plan', 'pla', 'estrategia', 'plataforma', 'premio', 'premi', 'premios', 'premis', 'red', 'xarxa', 'jornada', 'jornadas', 'jornades',
  'congreso', 'congres', 'foro', 'encuentro', 'trobada', 'festival', 'cooperativa', 'fundacion', 'fundacio', 'asociacion', 'associacio', 'federacion', 'federacio', 'laboratorio',
  'laboratori', 'centro', 'centre', 'empresa', 'entidad', 'entitat', 'startup', 'reto', 'repte', 'hackathon',
]);
/** Entity words ("entidad", "startup") not in HEADS: what they name. */
export const EXTRA_HEADS: Record<string, Head> = { entidad: A('ngo'), entitat: A('ngo'), startup: A('startup'), pla: P('programme'), premis: P('programme') };

/** Lower-case head words written right after a proper name ("the Code for All network", "the Vilawatt programme", "Govtech4All initiatives"). */
export const HEADS_AFTER_NAME: Record<string, Head> = {
  network: A('network'), foundation: A('foundation'), association: A('ngo'), cooperative: A('company'), lab: A('lab'), laboratory: A('lab'), collective: A('ngo'),
  programme: P('programme'), program: P('programme'), project: P('project'), projects: P('project'), initiative: P('project'), initiatives: P('project'),
  platform: P('project'), strategy: P('programme'), plan: P('programme'), challenge: P('challenge'), challenges: P('challenge'), awards: P('programme'), prize: P('programme'),
  conference: E('conference'), summit: E('conference'), festival: E('conference'), hackathon: E('workshop'), workshop: E('workshop'),
};

/** "Els projectes seleccionats són: A, B i C": a list of the projects a call selected. */
export const SELECTED_LIST_CUE = /\b(projectes|proyectos|projects|iniciatives|iniciativas|initiatives|propuestas|propostes|proposals|candidaturas|candidatures)\s+(seleccionad[oa]s|seleccionats|seleccionades|selected|premiad[oa]s|premiats|premiades|guanyadors|guanyadores|ganador[ae]s|winning|awarded|beneficiari[oa]s|beneficiaris|funded|financiad[oa]s|finan[cç]ats)\b[^:.]{0,80}:/iu;

/** "This budget supports X and Y": what a programme's budget pays for is part of the programme. */
export const BUDGET_CUE = /\b(?:this|the|its|el|este|su|aquest|el\s+seu|dicho)\s+(?:annual\s+|anual\s+)?(?:budget|presupuesto|pressupost|funding|financiaci[oó]n?)\s+(?:supports|funds|finances|covers|pays\s+for|financia|cubre|cobreix|sufraga|incluye|inclou|includes)\b/iu;
