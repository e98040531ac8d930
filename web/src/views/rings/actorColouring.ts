import { colouring, type Colouring } from '../../graph-data/palette.ts';
import type { ColourBy, GraphNode, Metrics } from '../../state/types.ts';

/**
 * Colours decided over every node of the data (so an actor has the same colour
 * — and community number — as in the network view and the communities tool),
 * with the legend restricted to, and counted over, the actors drawn here.
 */
export function actorColouring(all: GraphNode[], actors: GraphNode[], by: ColourBy, metrics: Metrics): Colouring {
  const full = colouring(all, by, metrics);
  const counts = new Map<string, number>();
  for (const a of actors) {
    const c = full.colourOf(a);
    counts.set(c, (counts.get(c) ?? 0) + 1);
  }
  return { colourOf: full.colourOf, legend: full.legend.filter((e) => counts.has(e.colour)).map((e) => ({ ...e, count: counts.get(e.colour)! })) };
}
