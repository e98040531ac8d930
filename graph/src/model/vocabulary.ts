// The controlled vocabulary of the domain (SPEC "Domain model"). Labels and
// relationship types double as the whitelist for anything that reaches Cypher.

export const NODE_LABELS = ['Actor', 'Project', 'Practice', 'Event', 'Topic', 'Person', 'Place'] as const;
export type NodeLabel = (typeof NODE_LABELS)[number];

export const RELATIONSHIP_TYPES = [
  'PARTICIPATES_IN',
  'FUNDS',
  'COLLABORATES_WITH',
  'PART_OF',
  'MEMBER_OF',
  'DEVELOPED',
  'ADOPTED',
  'INSPIRED_BY',
  'ABOUT',
  'WORKS_ON',
  'ORGANISED',
  'SPOKE_AT',
  'AFFILIATED_WITH',
  'LOCATED_IN',
] as const;
export type RelationshipType = (typeof RELATIONSHIP_TYPES)[number];

export const ACTOR_KINDS = [
  'lab',
  'university',
  'research_centre',
  'startup',
  'company',
  'ngo',
  'foundation',
  'public_body',
  'municipality',
  'network',
  'citizen_group',
  'other',
] as const;
export const PROJECT_KINDS = ['project', 'programme', 'commitment', 'pilot', 'challenge', 'mission', 'lab'] as const;
export const EVENT_KINDS = ['conference', 'workshop', 'meeting_place', 'training', 'meeting', 'other'] as const;
export const PLACE_KINDS = ['municipality', 'province', 'region', 'country'] as const;
export const PRACTICE_KINDS = ['practice'] as const;
export const TOPIC_KINDS = ['topic'] as const;
export const PERSON_KINDS = ['person'] as const;

/** Allowed `kind` values per label; the first one is the default when a row has none. */
export const KINDS_BY_LABEL: Record<NodeLabel, readonly string[]> = {
  Actor: ACTOR_KINDS,
  Project: PROJECT_KINDS,
  Practice: PRACTICE_KINDS,
  Event: EVENT_KINDS,
  Topic: TOPIC_KINDS,
  Person: PERSON_KINDS,
  Place: PLACE_KINDS,
};
export const DEFAULT_KIND: Record<NodeLabel, string> = {
  Actor: 'other',
  Project: 'project',
  Practice: 'practice',
  Event: 'other',
  Topic: 'topic',
  Person: 'person',
  Place: 'municipality',
};

export const LEVELS = ['local', 'regional', 'national', 'international'] as const;
export type Level = (typeof LEVELS)[number];

export const PARTICIPATION_ROLES = ['lead', 'partner', 'participant', 'client', 'provider'] as const;

/**
 * Which labels a relationship may join (from → to). Checked by both stores, so
 * an import cannot create, say, an ADOPTED link from a Topic.
 */
export const RELATIONSHIP_ENDPOINTS: Record<RelationshipType, { from: readonly NodeLabel[]; to: readonly NodeLabel[] }> = {
  PARTICIPATES_IN: { from: ['Actor', 'Person'], to: ['Project', 'Event', 'Practice'] },
  FUNDS: { from: ['Actor'], to: ['Project', 'Actor', 'Event', 'Practice'] },
  COLLABORATES_WITH: { from: ['Actor', 'Person'], to: ['Actor', 'Person'] },
  PART_OF: { from: ['Actor', 'Project', 'Place', 'Event', 'Practice'], to: ['Actor', 'Project', 'Place', 'Event'] },
  MEMBER_OF: { from: ['Actor', 'Person'], to: ['Actor'] },
  DEVELOPED: { from: ['Actor', 'Person', 'Project'], to: ['Practice', 'Project'] },
  ADOPTED: { from: ['Actor', 'Project'], to: ['Practice'] },
  INSPIRED_BY: { from: ['Practice', 'Project'], to: ['Practice', 'Project'] },
  ABOUT: { from: ['Project', 'Practice', 'Event'], to: ['Topic'] },
  WORKS_ON: { from: ['Actor', 'Person'], to: ['Topic'] },
  ORGANISED: { from: ['Actor', 'Person'], to: ['Event'] },
  SPOKE_AT: { from: ['Actor', 'Person'], to: ['Event'] },
  AFFILIATED_WITH: { from: ['Person'], to: ['Actor'] },
  LOCATED_IN: { from: ['Actor', 'Project', 'Event', 'Place', 'Practice'], to: ['Place'] },
};

/** Relationship types that link actors through a shared item in the collaboration graph. */
export const SHARED_ITEM_TYPES: readonly RelationshipType[] = ['PARTICIPATES_IN', 'ORGANISED', 'SPOKE_AT', 'FUNDS'];
