import type { RelationshipType } from '../model/vocabulary.ts';

// The review queue (issue 16.3): suggestions from documents and submissions
// from actors wait here, outside the graph, until an editor accepts or
// rejects them. Accepted items enter the graph through the normal store
// writes, with provenance, so the audit log records them.

export type ReviewStatus = 'pending' | 'accepted' | 'rejected';
export const REVIEW_STATUSES: readonly ReviewStatus[] = ['pending', 'accepted', 'rejected'];
export type ReviewOrigin = 'suggestion' | 'submission';

export interface ReviewSource {
  /** Document title (or "self-registration"). */
  title: string;
  url?: string;
  /** YYYY-MM-DD of the document. */
  date?: string;
}

/** A relationship end: another item of the queue, or a node already in the graph. */
export type EndRef = { item: string } | { node: string };

export interface NodeProposal {
  label: 'Actor' | 'Project' | 'Event' | 'Place';
  kind: string;
  name: string;
  aliases: string[];
  ineCode?: string;
  website?: string;
  /** What the organisation says it does (self-registration). */
  description?: string;
  /** Topic names or ids the organisation works on (kept as tags). */
  tags?: string[];
  /** Contact person, kept only with consent (self-registration). */
  contact?: { name?: string; email?: string; consent: true };
}

export interface RelationshipProposal {
  type: RelationshipType;
  from: EndRef;
  to: EndRef;
  role?: string;
}

export interface ReviewMatch {
  id: string;
  name: string;
  score: number;
  how: 'exact' | 'fuzzy';
}

export interface ReviewItem {
  id: string;
  /** Items suggested from one document share a batch id. */
  batch: string;
  origin: ReviewOrigin;
  status: ReviewStatus;
  source: ReviewSource;
  node?: NodeProposal;
  relationship?: RelationshipProposal;
  quote: string;
  /** Character offsets of the mentions (node) or of the quote (relationship) in the document text. */
  offsets: Array<{ start: number; end: number }>;
  confidence: number;
  rule: string;
  /** An existing node this candidate appears to be (it will be linked, not duplicated). */
  match?: ReviewMatch;
  createdAt: string;
  createdBy: string;
  decidedAt?: string;
  decidedBy?: string;
  /** What accepting did: the node created or merged into, the relationship created; or why it was rejected. */
  result?: { nodeId?: string; relationshipId?: string; merged?: boolean; reason?: string };
}

export interface ReviewFilter {
  status?: ReviewStatus[];
  /** Substring of the source title or URL (case-insensitive). */
  source?: string;
  origin?: ReviewOrigin;
  batch?: string;
  limit?: number;
}

/** Where the queue is kept: a file next to the embedded store, `_Suggestion` nodes in Neo4j. */
export interface ReviewQueue {
  init(): Promise<void>;
  close(): Promise<void>;
  add(items: ReviewItem[]): Promise<void>;
  get(id: string): Promise<ReviewItem | undefined>;
  /** Oldest first. */
  list(filter?: ReviewFilter): Promise<ReviewItem[]>;
  /** Replaces a stored item (same id). */
  save(item: ReviewItem): Promise<void>;
}

export function matchesFilter(item: ReviewItem, f: ReviewFilter): boolean {
  if (f.status?.length && !f.status.includes(item.status)) return false;
  if (f.origin && item.origin !== f.origin) return false;
  if (f.batch && item.batch !== f.batch) return false;
  if (f.source) {
    const q = f.source.toLowerCase();
    if (!item.source.title.toLowerCase().includes(q) && !(item.source.url ?? '').toLowerCase().includes(q)) return false;
  }
  return true;
}
