import { foldText } from '../model/text.ts';
import {
  ACTOR_KINDS,
  EVENT_KINDS,
  NODE_LABELS,
  PROJECT_KINDS,
  RELATIONSHIP_TYPES,
  type NodeLabel,
  type RelationshipType,
} from '../model/vocabulary.ts';

// Kumu's free-text element and connection types mapped onto the vocabulary.

function key(value: string): string {
  return foldText(value).trim().replace(/[\s-]+/g, '_');
}

const LABEL_SYNONYMS: Record<string, NodeLabel> = {
  organization: 'Actor',
  organisation: 'Actor',
  organizacion: 'Actor',
  entidad: 'Actor',
  actor: 'Actor',
  people: 'Person',
  persona: 'Person',
  individual: 'Person',
  good_practice: 'Practice',
  buena_practica: 'Practice',
  theme: 'Topic',
  issue: 'Topic',
  tema: 'Topic',
  proyecto: 'Project',
  programme: 'Project',
  program: 'Project',
  evento: 'Event',
  location: 'Place',
  lugar: 'Place',
};

const ACTOR_KIND_SYNONYMS: Record<string, string> = {
  research_center: 'research_centre',
  research_institute: 'research_centre',
  government: 'public_body',
  public_administration: 'public_body',
  administracion: 'public_body',
  agency: 'public_body',
  nonprofit: 'ngo',
  non_profit: 'ngo',
  association: 'ngo',
  asociacion: 'ngo',
  city: 'municipality',
  city_council: 'municipality',
  ayuntamiento: 'municipality',
  business: 'company',
  empresa: 'company',
  universidad: 'university',
  fundacion: 'foundation',
};

/** Kumu element Type → label (+ kind), or Actor with the type kept as a tag. */
export function kumuElementType(type: string): { label: NodeLabel; kind?: string; tag?: string } {
  const k = key(type);
  if (!k) return { label: 'Actor' };
  const label = NODE_LABELS.find((l) => l.toLowerCase() === k) ?? LABEL_SYNONYMS[k];
  if (label) return { label };
  const actorKind = (ACTOR_KINDS as readonly string[]).includes(k) ? k : ACTOR_KIND_SYNONYMS[k];
  if (actorKind) return { label: 'Actor', kind: actorKind };
  if ((PROJECT_KINDS as readonly string[]).includes(k)) return { label: 'Project', kind: k };
  if ((EVENT_KINDS as readonly string[]).includes(k)) return { label: 'Event', kind: k };
  return { label: 'Actor', tag: type.trim() };
}

const TYPE_SYNONYMS: Record<string, RelationshipType> = {
  collaboration: 'COLLABORATES_WITH',
  collaborates: 'COLLABORATES_WITH',
  partnership: 'COLLABORATES_WITH',
  partner: 'COLLABORATES_WITH',
  colaboracion: 'COLLABORATES_WITH',
  participation: 'PARTICIPATES_IN',
  participates: 'PARTICIPATES_IN',
  participa: 'PARTICIPATES_IN',
  funding: 'FUNDS',
  funds: 'FUNDS',
  financia: 'FUNDS',
  membership: 'MEMBER_OF',
  member: 'MEMBER_OF',
  part: 'PART_OF',
  located: 'LOCATED_IN',
  about: 'ABOUT',
  topic: 'ABOUT',
};

const typeCache = new Map<string, RelationshipType | undefined>();

/** A relationship type written loosely (`participates in`, `Collaboration`) → the vocabulary, or undefined. */
export function normaliseRelationshipType(value: string): RelationshipType | undefined {
  if (typeCache.has(value)) return typeCache.get(value);
  const type = normalise(value);
  if (typeCache.size < 1000) typeCache.set(value, type);
  return type;
}

function normalise(value: string): RelationshipType | undefined {
  const upper = key(value).toUpperCase();
  if ((RELATIONSHIP_TYPES as readonly string[]).includes(upper)) return upper as RelationshipType;
  return TYPE_SYNONYMS[upper.toLowerCase()] ?? TYPE_SYNONYMS[upper.toLowerCase().split('_')[0]];
}

/** For a Kumu connection without a usable type: the natural type between two labels, if any. */
export function inferRelationshipType(from: NodeLabel, to: NodeLabel): RelationshipType | undefined {
  const actorish = (l: NodeLabel) => l === 'Actor' || l === 'Person';
  if (actorish(from) && actorish(to)) return 'COLLABORATES_WITH';
  if (actorish(from) && (to === 'Project' || to === 'Event')) return 'PARTICIPATES_IN';
  if (actorish(from) && to === 'Topic') return 'WORKS_ON';
  if (actorish(from) && to === 'Practice') return 'ADOPTED';
  if (to === 'Topic') return 'ABOUT';
  if (to === 'Place') return 'LOCATED_IN';
  if ((from === 'Practice' || from === 'Project') && (to === 'Practice' || to === 'Project')) return 'INSPIRED_BY';
  return undefined;
}
