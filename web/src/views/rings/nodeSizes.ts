import type { GraphNode, Metrics } from '../../state/types.ts';
import type { ActorLink } from './actorLinks.ts';

/** Radius per node: by the chosen centrality when loaded, else by weighted degree in the actor links. */
export function nodeRadius(nodes: GraphNode[], links: ActorLink[], metrics: Metrics, min = 4, span = 9): (id: string) => number {
  let values: ReadonlyMap<string, number> | null = metrics.centrality;
  if (!values) {
    const degree = new Map<string, number>();
    for (const l of links) {
      degree.set(l.source, (degree.get(l.source) ?? 0) + l.weight);
      degree.set(l.target, (degree.get(l.target) ?? 0) + l.weight);
    }
    values = degree;
  }
  let max = 0;
  for (const n of nodes) max = Math.max(max, values.get(n.id) ?? 0);
  const v = values;
  return (id: string) => min + span * Math.sqrt((v.get(id) ?? 0) / (max || 1));
}

/** Ids of the nodes linked to `id` (itself included), or null. */
export function neighbourSet(id: string | null, links: ActorLink[]): Set<string> | null {
  if (!id) return null;
  const set = new Set([id]);
  for (const l of links) {
    if (l.source === id) set.add(l.target);
    if (l.target === id) set.add(l.source);
  }
  return set;
}
