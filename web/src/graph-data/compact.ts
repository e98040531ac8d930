// Turns the columnar GET /api/graph answer into the node and relationship
// objects the views share. They are summaries: no description, no source
// quotes, no node properties and no timestamps (empty strings). The side panel
// fetches the full document of the selected node (GET /api/nodes/:id).
import type { CompactGraph } from '../api/types.ts';
import type { GraphData, GraphNode, GraphRelationship } from '../state/types.ts';

const NO_STRINGS: string[] = [];
const NO_PROPERTIES = {};

export function decodeCompactGraph(g: CompactGraph): GraphData {
  const c = g.nodes;
  const nodes: GraphNode[] = new Array(c.id.length);
  for (let i = 0; i < nodes.length; i++) {
    // Every key on every object (same shape): absent values stay undefined.
    nodes[i] = {
      id: c.id[i],
      label: c.label[i],
      name: c.name[i],
      kind: c.kind[i] ?? '',
      level: c.level[i] ?? undefined,
      validFrom: c.validFrom[i] ?? undefined,
      validTo: c.validTo[i] ?? undefined,
      lat: c.lat[i] ?? undefined,
      lon: c.lon[i] ?? undefined,
      place: c.place[i] ?? undefined,
      aliases: c.aliases[i] ?? NO_STRINGS,
      tags: c.tags[i] ?? NO_STRINGS,
      provenance: c.provenance[i],
      properties: NO_PROPERTIES,
      createdAt: '',
      updatedAt: '',
      ...(c.redacted[i] ? { redacted: true } : null),
    } as GraphNode;
  }
  const r = g.relationships;
  const relationships: GraphRelationship[] = new Array(r.id.length);
  for (let i = 0; i < relationships.length; i++) {
    relationships[i] = {
      id: r.id[i],
      type: r.type[i],
      from: c.id[r.from[i]],
      to: c.id[r.to[i]],
      validFrom: r.validFrom[i] ?? undefined,
      validTo: r.validTo[i] ?? undefined,
      properties: r.properties[i] ?? NO_PROPERTIES,
      provenance: [],
      createdAt: '',
      updatedAt: '',
    } as GraphRelationship;
  }
  return { nodes, relationships };
}
