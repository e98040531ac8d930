import type { NodeLabel, RelationshipType } from '../model/vocabulary.ts';
import { labelAndKindFromTerm, relationshipTypeFromTerm } from './terms.ts';

// Kumu's free-text element and connection types mapped onto the vocabulary
// (the synonyms live in terms.ts, shared with our own columns).

/** Kumu element Type → label (+ kind), or Actor with the type kept as a tag. */
export function kumuElementType(type: string): { label: NodeLabel; kind?: string; tag?: string } {
  if (!type.trim()) return { label: 'Actor' };
  return labelAndKindFromTerm(type) ?? { label: 'Actor', tag: type.trim() };
}

const typeCache = new Map<string, RelationshipType | undefined>();

/** A relationship type written loosely (`participates in`, `Collaboration`) → the vocabulary, or undefined. */
export function normaliseRelationshipType(value: string): RelationshipType | undefined {
  if (typeCache.has(value)) return typeCache.get(value);
  const type = relationshipTypeFromTerm(value);
  if (typeCache.size < 1000) typeCache.set(value, type);
  return type;
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
