// The analyst's one-screen summary of the network: what is in it (counts by
// label, kind, level; relationships by type) and how it hangs together on the
// collaboration graph (density, components, isolated actors, links between
// levels: local–local, local–regional, …).

import type { AnalyticsService } from '../analytics/service.ts';
import type { ProjectionOptions } from '../analytics/projection.ts';
import { isValidAt } from '../model/dates.ts';
import { LEVELS, type Level } from '../model/vocabulary.ts';
import type { GraphStore } from '../store/port.ts';

export interface LevelLink {
  from: Level | 'unknown';
  to: Level | 'unknown';
  /** Actor pairs linked across these two levels. */
  links: number;
  /** Sum of their collaboration weights (shared items + explicit weight). */
  weight: number;
}

export interface NetworkSummary {
  revision: number;
  at?: string;
  nodes: { total: number; byLabel: Record<string, number>; byKind: Record<string, Record<string, number>>; byLevel: Record<string, number> };
  relationships: { total: number; byType: Record<string, number> };
  collaboration: {
    actors: number;
    links: number;
    density: number;
    isolated: number;
    components: number;
    largestComponent: number;
    /** Share of actors in the largest component. */
    largestShare: number;
    levelLinks: LevelLink[];
  };
}

export async function summariseNetwork(store: GraphStore, analytics: AnalyticsService, options: Omit<ProjectionOptions, 'projection'> = {}): Promise<NetworkSummary> {
  const revision = await store.revision();
  const byLabel: Record<string, number> = {};
  const byKind: Record<string, Record<string, number>> = {};
  const byLevel: Record<string, number> = {};
  const byType: Record<string, number> = {};
  const levels = options.levels?.length ? new Set<string>(options.levels) : null;
  const kinds = options.kinds?.length ? new Set(options.kinds) : null;
  const types = options.types?.length ? new Set<string>(options.types) : null;
  const visible = new Set<string>();
  const relationships: Array<{ type: string; from: string; to: string }> = [];
  let nodes = 0;
  for await (const chunk of store.streamTopology({ chunkSize: 10_000 })) {
    for (const node of chunk.nodes) {
      if (!isValidAt(node, options.at)) continue;
      if (levels && node.level && !levels.has(node.level)) continue;
      if (kinds && !kinds.has(node.kind) && node.label === 'Actor') continue;
      visible.add(node.id);
      nodes++;
      byLabel[node.label] = (byLabel[node.label] ?? 0) + 1;
      (byKind[node.label] ??= {})[node.kind] = (byKind[node.label][node.kind] ?? 0) + 1;
      if (node.level) byLevel[node.level] = (byLevel[node.level] ?? 0) + 1;
    }
    for (const rel of chunk.relationships) {
      if (isValidAt(rel, options.at) && (!types || types.has(rel.type))) relationships.push({ type: rel.type, from: rel.from, to: rel.to });
    }
  }
  let relationshipCount = 0;
  for (const rel of relationships) {
    if (!visible.has(rel.from) || !visible.has(rel.to)) continue;
    relationshipCount++;
    byType[rel.type] = (byType[rel.type] ?? 0) + 1;
  }

  const projection = { ...options, projection: 'collaboration' as const };
  const [graph, components] = await Promise.all([analytics.projection(projection), analytics.components(projection)]);
  const levelLinks = new Map<string, LevelLink>();
  let isolated = 0;
  for (let u = 0; u < graph.n; u++) {
    if (graph.degree(u) === 0) isolated++;
    for (let k = graph.offsets[u]; k < graph.offsets[u + 1]; k++) {
      const v = graph.targets[k];
      if (v < u) continue; // each undirected edge once
      const a: Level | 'unknown' = graph.levelOf(u) ?? 'unknown';
      const b: Level | 'unknown' = graph.levelOf(v) ?? 'unknown';
      const [from, to] = levelOrder(a) <= levelOrder(b) ? [a, b] : [b, a];
      const key = `${from}|${to}`;
      const entry: LevelLink = levelLinks.get(key) ?? { from, to, links: 0, weight: 0 };
      entry.links++;
      entry.weight += graph.weights[k];
      levelLinks.set(key, entry);
    }
  }
  const n = graph.n;
  return {
    revision,
    ...(options.at ? { at: options.at } : {}),
    nodes: { total: nodes, byLabel, byKind, byLevel },
    relationships: { total: relationshipCount, byType },
    collaboration: {
      actors: n,
      links: graph.m,
      density: n > 1 ? (2 * graph.m) / (n * (n - 1)) : 0,
      isolated,
      components: components.count,
      largestComponent: components.largest,
      largestShare: n ? components.largest / n : 0,
      levelLinks: [...levelLinks.values()].sort((x, y) => levelOrder(x.from) - levelOrder(y.from) || levelOrder(x.to) - levelOrder(y.to)),
    },
  };
}

function levelOrder(level: Level | 'unknown'): number {
  const i = LEVELS.indexOf(level as Level);
  return i < 0 ? LEVELS.length : i;
}
