// Applies ViewState filters and the date to the loaded network, on the client,
// so moving the date slider or ticking a filter needs no round trip. Same rules
// as the API: isValidAt from the graph package, topics = nodes linked to the
// topic by ABOUT/WORKS_ON (and the topic itself).
import { isValidAt } from '@atlas/graph/model/dates.ts';
import type { Filters, GraphData, GraphNode, GraphRelationship } from '../state/types.ts';

const TOPIC_LINKS = new Set(['ABOUT', 'WORKS_ON']);

export function filterGraph(all: GraphData, filters: Filters, at: string | null, keepIds?: ReadonlySet<string>): GraphData {
  const { labels, levels, kinds, types, topics } = filters;
  let topicMembers: Set<string> | null = null;
  if (topics.length) {
    const wanted = new Set(topics);
    topicMembers = new Set(topics);
    for (const r of all.relationships) {
      if (TOPIC_LINKS.has(r.type) && wanted.has(r.to) && isValidAt(r, at)) topicMembers.add(r.from);
    }
  }
  const nodes: GraphNode[] = [];
  const kept = new Set<string>();
  for (const n of all.nodes) {
    const forced = keepIds?.has(n.id) ?? false;
    if (!forced) {
      if (!isValidAt(n, at)) continue;
      if (labels.length && !labels.includes(n.label)) continue;
      if (levels.length && !(n.level && levels.includes(n.level))) continue;
      if (kinds.length && !kinds.includes(n.kind)) continue;
      if (topicMembers && !topicMembers.has(n.id)) continue;
    }
    nodes.push(n);
    kept.add(n.id);
  }
  const relationships: GraphRelationship[] = [];
  for (const r of all.relationships) {
    if (!kept.has(r.from) || !kept.has(r.to)) continue;
    if (!(keepIds?.has(r.id) ?? false)) {
      if (!isValidAt(r, at)) continue;
      if (types.length && !types.includes(r.type)) continue;
    }
    relationships.push(r);
  }
  return { nodes, relationships };
}

export function hasActiveFilters(filters: Filters): boolean {
  return Object.values(filters).some((list) => list.length > 0);
}
