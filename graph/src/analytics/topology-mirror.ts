// The analytics' copy of a store's topology (lean node and relationship
// records), a FeedMirror: kept current from the change feed, so projections
// are built from this copy in memory, never by re-reading the store.

import type { GraphStore, TopologyChunk, TopologyNode, TopologyRelationship } from '../store/port.ts';
import { topologyNode, topologyRelationship } from '../store/records.ts';
import { FeedMirror, type FeedMirrorOptions, type MirrorRecords } from '../store/feed-mirror.ts';

const TOPOLOGY_RECORDS: MirrorRecords<TopologyNode, TopologyRelationship> = {
  read: (store, chunkSize) => store.streamTopology({ chunkSize }),
  node: topologyNode,
  relationship: topologyRelationship,
};

/** The analytics' topology: lean records, read with streamTopology. */
export class TopologyMirror extends FeedMirror<TopologyNode, TopologyRelationship> {
  constructor(store: GraphStore, options: FeedMirrorOptions = {}) {
    super(store, TOPOLOGY_RECORDS, options);
  }

  /** The current copy as topology chunks (what buildProjection consumes). */
  chunks(): TopologyChunk[] {
    return [{ nodes: [...this.nodes.values()], relationships: [...this.relationships.values()] }];
  }
}
