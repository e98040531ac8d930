import { AtlasError } from '../errors.ts';
import type { GraphNode, GraphRelationship } from '../model/schemas.ts';
import type { GraphStore } from '../store/port.ts';

export interface OrderedExport {
  nodes: AsyncGenerator<GraphNode[]>;
  /** Only valid after `nodes` is exhausted. */
  relationships: () => AsyncGenerator<GraphRelationship[]>;
}

/**
 * The store's export chunks as all nodes, then all relationships (GEXF and
 * the Cypher script need that order) in one pass. Relationships that come in
 * chunks mixed with nodes are held back; once a chunk without nodes arrives
 * the rest streams straight through (stores yield nodes first in practice).
 */
export function orderedExport(store: GraphStore, chunkSize = 5000): OrderedExport {
  const held: GraphRelationship[][] = [];
  const iterator = store.exportAll({ chunkSize })[Symbol.asyncIterator]();
  let firstRelationshipOnly: GraphRelationship[] | undefined;
  let done = false;

  async function* nodes(): AsyncGenerator<GraphNode[]> {
    for (;;) {
      const next = await iterator.next();
      if (next.done) {
        done = true;
        return;
      }
      const chunk = next.value;
      if (chunk.nodes.length === 0 && chunk.relationships.length > 0) {
        firstRelationshipOnly = chunk.relationships;
        return;
      }
      if (chunk.nodes.length) yield chunk.nodes;
      if (chunk.relationships.length) held.push(chunk.relationships);
    }
  }

  async function* relationships(): AsyncGenerator<GraphRelationship[]> {
    for (const chunk of held.splice(0)) yield chunk;
    if (done) return;
    if (firstRelationshipOnly) yield firstRelationshipOnly;
    for (;;) {
      const next = await iterator.next();
      if (next.done) return;
      if (next.value.nodes.length) throw new AtlasError('unavailable', 'the store yielded nodes after relationships during export');
      if (next.value.relationships.length) yield next.value.relationships;
    }
  }
  return { nodes: nodes(), relationships };
}
