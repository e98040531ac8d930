// Types of the suggestions / review / registration API as the web app sees them.
// The queue's own types come from the core (type-only import: no code reaches the bundle).
import type { GraphNode, GraphRelationship } from '@atlas/graph/model/schemas.ts';
import type { ReviewItem, ReviewMatch, ReviewOrigin, ReviewSource, ReviewStatus } from '@atlas/graph/review/model.ts';

export type { ReviewItem, ReviewMatch, ReviewOrigin, ReviewSource, ReviewStatus };

export interface SuggestionRequest {
  text: string;
  format: 'text' | 'markdown' | 'html';
  title: string;
  url?: string;
  date?: string;
  dryRun?: boolean;
}

export interface CandidateMention {
  start: number;
  end: number;
  text: string;
}

/** A candidate node of POST /api/suggestions (places have no review item: they only geocode actors). */
export interface NodeCandidate {
  key: string;
  label: 'Actor' | 'Project' | 'Event' | 'Place';
  kind: string;
  name: string;
  mentions: CandidateMention[];
  confidence: number;
  rule: string;
  reviewItem?: string;
  match: ReviewMatch | null;
}

export interface SuggestionAnswer {
  source: ReviewSource;
  /** The document as plain text: every offset points into it. */
  text: string;
  queued: boolean;
  batch?: string;
  nodes: NodeCandidate[];
  items: ReviewItem[];
}

export interface AcceptResult {
  item: ReviewItem;
  node?: GraphNode;
  relationship?: GraphRelationship;
}

export interface RegistrationRequest {
  name: string;
  kind: string;
  municipality?: string;
  website?: string;
  topics: string[];
  collaborations: string[];
  description?: string;
  contact?: { name?: string; email?: string };
  consent: boolean;
  /** Honeypot: people leave it empty. */
  homepage?: string;
}

export interface PlaceHit {
  ineCode: string;
  name: string;
  province: string;
  region: string;
}
