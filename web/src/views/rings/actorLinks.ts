// Actor–actor links of the current data, as the rings and the Spain map draw
// them: the SPEC's collaboration graph (shared projects/events/practices and
// COLLABORATES_WITH — built by the same ProjectionBuilder the API's analytics
// use) plus direct actor→actor relationships of other types (PART_OF,
// MEMBER_OF, FUNDS…), which the projection leaves out.
import { ProjectionBuilder } from '@atlas/graph/analytics/projection.ts';
import type { GraphNode, GraphRelationship } from '@atlas/graph/model/schemas.ts';

/** The nodes and relationships shown (state/types.ts GraphData; named here so this module stays free of the app's types). */
type GraphData = { nodes: GraphNode[]; relationships: GraphRelationship[] };

export interface ActorLink {
  source: string;
  target: string;
  /** Shared items + explicit weights + direct relationships. */
  weight: number;
}

export function actorLinks(data: GraphData): ActorLink[] {
  const builder = new ProjectionBuilder({ projection: 'collaboration' });
  builder.add({
    nodes: data.nodes.map((n) => ({ id: n.id, label: n.label, kind: n.kind ?? '', level: n.level })),
    relationships: data.relationships.map((r) => ({
      id: r.id,
      type: r.type,
      from: r.from,
      to: r.to,
      weight: typeof r.properties?.weight === 'number' ? r.properties.weight : undefined,
    })),
  });
  const csr = builder.finish(false);
  const links = new Map<string, ActorLink>();
  const key = (a: string, b: string) => (a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`);
  for (let u = 0; u < csr.n; u++) {
    for (let k = csr.offsets[u]; k < csr.offsets[u + 1]; k++) {
      const v = csr.targets[k];
      if (v <= u) continue;
      links.set(key(csr.ids[u], csr.ids[v]), { source: csr.ids[u], target: csr.ids[v], weight: csr.weights[k] });
    }
  }
  const actors = new Set(data.nodes.filter((n) => n.label === 'Actor').map((n) => n.id));
  for (const r of data.relationships) {
    if (r.type === 'COLLABORATES_WITH' || r.from === r.to || !actors.has(r.from) || !actors.has(r.to)) continue;
    const k = key(r.from, r.to);
    const link = links.get(k);
    if (link) link.weight += 1;
    else links.set(k, { source: r.from, target: r.to, weight: 1 });
  }
  return [...links.values()];
}
