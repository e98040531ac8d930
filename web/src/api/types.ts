// Response shapes of the HTTP API (SPEC "HTTP API"), as the web app reads them.
// Store-level shapes come from the graph package (type-only imports: nothing of
// the server is bundled).
import type { GraphNode, GraphRelationship } from '@atlas/graph/model/schemas.ts';
import type { Level, NodeLabel, RelationshipType } from '@atlas/graph/model/vocabulary.ts';
import type { BulkReport, ChangeEntry, GraphPath, Page, SearchHit, Subgraph } from '@atlas/graph/store/port.ts';

export type { BulkReport, ChangeEntry, GraphPath, Page, SearchHit, Subgraph };

export interface Health {
  status: string;
  store: 'embedded' | 'neo4j';
  revision: number;
  nodes: number;
  relationships: number;
}

/** The filters every read of the network accepts. */
export interface NetworkQuery {
  at?: string;
  levels?: Level[];
  kinds?: string[];
  types?: RelationshipType[];
  topics?: string[];
}

export interface RankedScore {
  id: string;
  name: string;
  score: number;
  rank: number;
}

export interface CommunitiesResult {
  modularity: number;
  communities: Array<{ id: string | number; size: number; members: string[] }>;
}

export type { Collaborator, CollaboratorsAnswer } from '@atlas/graph/recommendations/collaborators.ts';
export type { PeerAnswer, PeerRecommendation } from '@atlas/graph/recommendations/peers.ts';
export type { SpeakerAnswer } from '@atlas/graph/recommendations/speakers.ts';

export type { GraphDiff as Diff } from '@atlas/graph/history/diff.ts';

export interface Problem {
  type?: string;
  title: string;
  status: number;
  detail?: string;
  errors?: Array<{ path: string; message: string; file?: string; row?: number; column?: number }>;
}

/**
 * GET /api/graph: the whole network in parallel columns (null = absent);
 * relationship ends are indices into the node columns. No descriptions,
 * source quotes or node properties: GET /api/nodes/:id has the full document.
 */
export interface CompactGraph {
  revision: number;
  nodes: {
    id: string[];
    label: NodeLabel[];
    name: string[];
    kind: Array<string | null>;
    level: Array<Level | null>;
    validFrom: Array<string | null>;
    validTo: Array<string | null>;
    lat: Array<number | null>;
    lon: Array<number | null>;
    place: Array<GraphNode['place'] | null>;
    aliases: Array<string[] | null>;
    tags: Array<string[] | null>;
    provenance: Array<GraphNode['provenance']>;
    redacted: Array<1 | null>;
  };
  relationships: {
    id: string[];
    type: RelationshipType[];
    from: number[];
    to: number[];
    validFrom: Array<string | null>;
    validTo: Array<string | null>;
    properties: Array<GraphRelationship['properties'] | null>;
  };
}
