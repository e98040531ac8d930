import type { GraphData } from '../state/types.ts';

/** Ids within `depth` hops of `centre` (breadth-first, direction ignored). */
export function neighbourhoodIds(data: GraphData, centre: string, depth: number): Set<string> {
  const adj = new Map<string, string[]>();
  const link = (a: string, b: string) => {
    const list = adj.get(a);
    if (list) list.push(b);
    else adj.set(a, [b]);
  };
  for (const r of data.relationships) {
    link(r.from, r.to);
    link(r.to, r.from);
  }
  const seen = new Set([centre]);
  let frontier = [centre];
  for (let d = 0; d < depth && frontier.length; d++) {
    const next: string[] = [];
    for (const id of frontier) {
      for (const m of adj.get(id) ?? []) {
        if (!seen.has(m)) {
          seen.add(m);
          next.push(m);
        }
      }
    }
    frontier = next;
  }
  return seen;
}

/** Keeps only the given nodes and the relationships between them. */
export function subgraph(data: GraphData, ids: ReadonlySet<string>): GraphData {
  return {
    nodes: data.nodes.filter((n) => ids.has(n.id)),
    relationships: data.relationships.filter((r) => ids.has(r.from) && ids.has(r.to)),
  };
}
