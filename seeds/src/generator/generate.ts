import type { NodeInput, RelationshipInput } from '@atlas/graph';
import { generateNodes } from './nodes.ts';
import { generateRelationships } from './relationships.ts';
import { buildWorld, type GeneratorOptions } from './world.ts';

export type { GeneratorOptions } from './world.ts';

/**
 * A synthetic ecosystem in memory. For very large sizes prefer
 * `ecosystemStreams` (or `writeEcosystemCsv`), which never hold it all.
 */
export function generateEcosystem(options: GeneratorOptions): { nodes: NodeInput[]; relationships: RelationshipInput[] } {
  const world = buildWorld(options);
  return { nodes: [...generateNodes(world)], relationships: [...generateRelationships(world)] };
}

/** The two lazy streams of one ecosystem (iterate nodes, then relationships; each once). */
export function ecosystemStreams(options: GeneratorOptions): {
  nodeCount: number;
  nodes: Iterable<NodeInput>;
  relationships: Iterable<RelationshipInput>;
} {
  const world = buildWorld(options);
  return { nodeCount: world.totalNodes, nodes: generateNodes(world), relationships: generateRelationships(world) };
}
