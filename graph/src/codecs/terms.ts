import { foldText } from '../model/text.ts';
import {
  ACTOR_KINDS,
  EVENT_KINDS,
  KINDS_BY_LABEL,
  LEVELS,
  NODE_LABELS,
  PARTICIPATION_ROLES,
  PROJECT_KINDS,
  RELATIONSHIP_TYPES,
  type Level,
  type NodeLabel,
  type RelationshipType,
} from '../model/vocabulary.ts';

// The vocabulary as people write it in spreadsheets: labels, kinds, levels and
// relationship types in Spanish, Catalan or English, any case, with or without
// accents, spaces, hyphens or underscores. One table per dimension, shared by
// the CSV import (our columns and Kumu's free-text types).

/** `Centro de Investigación` → `centro_de_investigacion`. */
export function termKey(value: string): string {
  return foldText(value)
    .trim()
    .replace(/['’`]/g, ' ')
    .replace(/[\s\-./]+/g, '_')
    .replace(/^_+|_+$/g, '');
}

const LABEL_TERMS: Record<string, NodeLabel> = {
  organization: 'Actor', organisation: 'Actor', organizacion: 'Actor', organitzacio: 'Actor', entidad: 'Actor', entitat: 'Actor',
  actor: 'Actor', agente: 'Actor', agent: 'Actor', institucion: 'Actor', institucio: 'Actor', institution: 'Actor',
  people: 'Person', persona: 'Person', individual: 'Person', person: 'Person',
  good_practice: 'Practice', buena_practica: 'Practice', bona_practica: 'Practice', practica: 'Practice', practice: 'Practice',
  theme: 'Topic', issue: 'Topic', tema: 'Topic', tematica: 'Topic', topic: 'Topic', ambito_tematico: 'Topic',
  proyecto: 'Project', projecte: 'Project', project: 'Project', programme: 'Project', program: 'Project', programa: 'Project',
  evento: 'Event', esdeveniment: 'Event', event: 'Event', jornada: 'Event', congreso: 'Event', congres: 'Event',
  location: 'Place', lugar: 'Place', lloc: 'Place', place: 'Place',
};

/** Actor kinds by the words people use for them. */
const ACTOR_KIND_TERMS: Record<string, string> = {
  research_center: 'research_centre', research_institute: 'research_centre', centro_de_investigacion: 'research_centre',
  centro_investigacion: 'research_centre', centre_de_recerca: 'research_centre', centre_recerca: 'research_centre',
  instituto_de_investigacion: 'research_centre', research_organisation: 'research_centre', research_organization: 'research_centre',
  rec: 'research_centre', centro_tecnologico: 'research_centre', centre_tecnologic: 'research_centre',
  government: 'public_body', public_administration: 'public_body', administracion: 'public_body', administracion_publica: 'public_body',
  administracio: 'public_body', administracio_publica: 'public_body', agency: 'public_body', agencia: 'public_body',
  organismo_publico: 'public_body', organisme_public: 'public_body', public_body: 'public_body', pub: 'public_body',
  diputacion: 'public_body', diputacio: 'public_body', ministerio: 'public_body', consejeria: 'public_body', conselleria: 'public_body',
  nonprofit: 'ngo', non_profit: 'ngo', association: 'ngo', asociacion: 'ngo', associacio: 'ngo', ong: 'ngo', ongd: 'ngo',
  tercer_sector: 'ngo', third_sector: 'ngo', entidad_sin_animo_de_lucro: 'ngo', entitat_sense_anim_de_lucre: 'ngo',
  city: 'municipality', city_council: 'municipality', ayuntamiento: 'municipality', ajuntament: 'municipality', municipio: 'municipality',
  municipi: 'municipality', concello: 'municipality', local_government: 'municipality', council: 'municipality', municipality: 'municipality',
  business: 'company', empresa: 'company', company: 'company', sme: 'company', pyme: 'company', prc: 'company', private_company: 'company',
  sociedad_limitada: 'company', cooperativa: 'company', cooperative: 'company',
  universidad: 'university', universitat: 'university', university: 'university', hes: 'university', higher_education: 'university',
  fundacion: 'foundation', fundacio: 'foundation', foundation: 'foundation',
  laboratorio: 'lab', laboratori: 'lab', laboratory: 'lab', lab: 'lab', laboratorio_ciudadano: 'lab', citizen_lab: 'lab', living_lab: 'lab',
  startup: 'startup', start_up: 'startup', emprendimiento: 'startup',
  red: 'network', xarxa: 'network', network: 'network', plataforma: 'network', platform: 'network', cluster: 'network',
  colectivo: 'citizen_group', col_lectiu: 'citizen_group', collectiu: 'citizen_group', grupo_ciudadano: 'citizen_group',
  citizen_group: 'citizen_group', community: 'citizen_group', comunidad: 'citizen_group', vecinos: 'citizen_group',
  otro: 'other', otros: 'other', altre: 'other', altres: 'other', other: 'other', oth: 'other',
};

const PROJECT_KIND_TERMS: Record<string, string> = {
  proyecto: 'project', projecte: 'project', programa: 'programme', program: 'programme', compromiso: 'commitment', compromis: 'commitment',
  piloto: 'pilot', pilot: 'pilot', reto: 'challenge', repte: 'challenge', desafio: 'challenge', mision: 'mission', missio: 'mission',
  laboratorio: 'lab', laboratori: 'lab',
};

const EVENT_KIND_TERMS: Record<string, string> = {
  congreso: 'conference', congres: 'conference', conferencia: 'conference', jornada: 'conference', jornadas: 'conference',
  taller: 'workshop', workshop: 'workshop', formacion: 'training', formacio: 'training', curso: 'training', curs: 'training',
  reunion: 'meeting', reunio: 'meeting', encuentro: 'meeting_place', trobada: 'meeting_place', otro: 'other', altre: 'other',
};

const KIND_TERMS: Partial<Record<NodeLabel, Record<string, string>>> = { Actor: ACTOR_KIND_TERMS, Project: PROJECT_KIND_TERMS, Event: EVENT_KIND_TERMS };

const LEVEL_TERMS: Record<string, Level> = {
  local: 'local', municipal: 'local', ciudad: 'local', city: 'local', comarcal: 'local', insular: 'local',
  regional: 'regional', autonomico: 'regional', autonomic: 'regional', autonomica: 'regional',
  comunidad_autonoma: 'regional', comunitat_autonoma: 'regional', provincial: 'regional', region: 'regional',
  national: 'national', nacional: 'national', estatal: 'national', state: 'national', estado: 'national', estat: 'national', country: 'national',
  international: 'international', internacional: 'international', europeo: 'international', europeu: 'international', european: 'international',
  europea: 'international', eu: 'international', ue: 'international', global: 'international', mundial: 'international',
};

const TYPE_TERMS: Record<string, RelationshipType> = {
  collaboration: 'COLLABORATES_WITH', collaborates: 'COLLABORATES_WITH', partnership: 'COLLABORATES_WITH', partner: 'COLLABORATES_WITH',
  colaboracion: 'COLLABORATES_WITH', colabora: 'COLLABORATES_WITH', colabora_con: 'COLLABORATES_WITH', col_labora: 'COLLABORATES_WITH',
  col_labora_amb: 'COLLABORATES_WITH', col_laboracio: 'COLLABORATES_WITH', collabora_amb: 'COLLABORATES_WITH',
  participation: 'PARTICIPATES_IN', participates: 'PARTICIPATES_IN', participa: 'PARTICIPATES_IN', participa_en: 'PARTICIPATES_IN',
  participacion: 'PARTICIPATES_IN', participacio: 'PARTICIPATES_IN', participant: 'PARTICIPATES_IN', coordinator: 'PARTICIPATES_IN',
  funding: 'FUNDS', funds: 'FUNDS', financia: 'FUNDS', financiacion: 'FUNDS', financament: 'FUNDS', financa: 'FUNDS',
  membership: 'MEMBER_OF', member: 'MEMBER_OF', miembro: 'MEMBER_OF', miembro_de: 'MEMBER_OF', membre: 'MEMBER_OF', membre_de: 'MEMBER_OF',
  part: 'PART_OF', parte_de: 'PART_OF', forma_parte_de: 'PART_OF', part_de: 'PART_OF',
  located: 'LOCATED_IN', ubicado_en: 'LOCATED_IN', situado_en: 'LOCATED_IN',
  about: 'ABOUT', topic: 'ABOUT', sobre: 'ABOUT', tema: 'ABOUT',
  organiza: 'ORGANISED', organizes: 'ORGANISED', organised: 'ORGANISED', organized: 'ORGANISED', organitza: 'ORGANISED',
  ponente: 'SPOKE_AT', ponent: 'SPOKE_AT', speaker: 'SPOKE_AT', speaks: 'SPOKE_AT',
  adopta: 'ADOPTED', adopts: 'ADOPTED', adopted: 'ADOPTED', desarrolla: 'DEVELOPED', develops: 'DEVELOPED', desenvolupa: 'DEVELOPED',
  inspirado_en: 'INSPIRED_BY', se_inspira_en: 'INSPIRED_BY', inspired: 'INSPIRED_BY', s_inspira_en: 'INSPIRED_BY',
  trabaja_en: 'WORKS_ON', works: 'WORKS_ON', treballa_en: 'WORKS_ON', afiliado_a: 'AFFILIATED_WITH', affiliated: 'AFFILIATED_WITH',
};

const ROLE_TERMS: Record<string, string> = {
  lead: 'lead', leader: 'lead', lider: 'lead', coordinator: 'lead', coordinador: 'lead', coordinadora: 'lead', coordinador_a: 'lead', coo: 'lead',
  jefe_de_fila: 'lead', cap_de_fila: 'lead', promotor: 'lead', impulsor: 'lead',
  partner: 'partner', socio: 'partner', soci: 'partner', socia: 'partner', beneficiary: 'partner', beneficiario: 'partner', ben: 'partner',
  participant: 'participant', participante: 'participant', participa: 'participant', member: 'participant', miembro: 'participant', membre: 'participant',
  third_party: 'participant', thirdparty: 'participant', tercero: 'participant',
  client: 'client', cliente: 'client', clienta: 'client', usuario: 'client', user: 'client',
  provider: 'provider', proveedor: 'provider', proveidor: 'provider', supplier: 'provider', contratista: 'provider', contractor: 'provider',
};

/** A participation role written loosely (`socio`, `Coordinator`) → the vocabulary, or undefined. */
export function roleFromTerm(value: string): string | undefined {
  const k = termKey(value);
  return (PARTICIPATION_ROLES as readonly string[]).includes(k) ? k : ROLE_TERMS[k];
}

/** A label written loosely (`proyecto`, `Organisation`) → the vocabulary, or undefined. */
export function labelFromTerm(value: string): NodeLabel | undefined {
  const k = termKey(value);
  return NODE_LABELS.find((l) => l.toLowerCase() === k) ?? LABEL_TERMS[k];
}

/** A kind of `label` written loosely (`Universidad`, `centro de investigación`) → the vocabulary, or undefined. */
export function kindFromTerm(label: NodeLabel, value: string): string | undefined {
  const k = termKey(value);
  const allowed = KINDS_BY_LABEL[label];
  if (allowed.includes(k)) return k;
  const mapped = KIND_TERMS[label]?.[k];
  return mapped && allowed.includes(mapped) ? mapped : undefined;
}

/** Any kind of any label: used when a `type` cell is the only thing that tells what a row is. */
export function labelAndKindFromTerm(value: string): { label: NodeLabel; kind?: string } | undefined {
  const label = labelFromTerm(value);
  if (label) {
    const kind = kindFromTerm(label, value);
    return kind ? { label, kind } : { label };
  }
  const k = termKey(value);
  const actorKind = (ACTOR_KINDS as readonly string[]).includes(k) ? k : ACTOR_KIND_TERMS[k];
  if (actorKind) return { label: 'Actor', kind: actorKind };
  const projectKind = (PROJECT_KINDS as readonly string[]).includes(k) ? k : PROJECT_KIND_TERMS[k];
  if (projectKind) return { label: 'Project', kind: projectKind };
  const eventKind = (EVENT_KINDS as readonly string[]).includes(k) ? k : EVENT_KIND_TERMS[k];
  if (eventKind) return { label: 'Event', kind: eventKind };
  return undefined;
}

/** A level written loosely (`Autonómico`, `europeu`) → the vocabulary, or undefined. */
export function levelFromTerm(value: string): Level | undefined {
  const k = termKey(value);
  return (LEVELS as readonly string[]).includes(k) ? (k as Level) : LEVEL_TERMS[k];
}

/** A relationship type written loosely (`participates in`, `colabora con`) → the vocabulary, or undefined. */
export function relationshipTypeFromTerm(value: string): RelationshipType | undefined {
  const k = termKey(value);
  const upper = k.toUpperCase();
  if ((RELATIONSHIP_TYPES as readonly string[]).includes(upper)) return upper as RelationshipType;
  return TYPE_TERMS[k] ?? TYPE_TERMS[k.split('_')[0]];
}
