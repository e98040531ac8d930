// The graphs a layout is computed for, from the store's topology stream:
// `network` = the nodes and relationships GET /api/graph draws under the same
// filters (same rules as api/src/routes/graph.ts), `collaboration` = the
// actor–actor projection (analytics/projection.ts, kind 'collaboration': two
// actors linked when they share a project, programme, event or practice,
// weight = number shared), every actor that passes the filters included,
// isolated ones too.

import { isValidAt } from '../model/dates.ts';
import type { Level, NodeLabel, RelationshipType } from '../model/vocabulary.ts';
import type { TopologyChunk } from '../store/port.ts';
import { EdgeAccumulator, type CsrTopology } from '../analytics/csr.ts';
import { buildProjection, type CsrGraph, type ProjectionOptions } from '../analytics/projection.ts';

export const LAYOUT_VIEWS = ['network', 'collaboration'] as const;
export type LayoutView = (typeof LAYOUT_VIEWS)[number];

/** The filters of GET /api/graph. */
export interface LayoutFilters {
  at?: string;
  labels?: NodeLabel[];
  levels?: Level[];
  kinds?: string[];
  types?: RelationshipType[];
  topics?: string[];
}

/** What a layout runs on: node ids (sorted) and the undirected weighted topology over them. */
export interface LayoutGraph {
  ids: string[];
  topology: CsrTopology;
}

/** Canonical key of a view + filters (for caches). */
export function layoutKey(view: LayoutView, filters: LayoutFilters): string {
  const sorted = (values?: readonly string[]) => (values?.length ? [...new Set(values)].sort().join(',') : '*');
  // Labels do not apply to the collaboration view (its nodes are actors): not part of its key.
  const labels = view === 'collaboration' ? '*' : sorted(filters.labels);
  return [view, filters.at ?? '*', labels, sorted(filters.levels), sorted(filters.kinds), sorted(filters.types), sorted(filters.topics)].join('|');
}

const TOPIC_LINKS = new Set<RelationshipType>(['ABOUT', 'WORKS_ON']);

/** Topic filter as GET /api/graph applies it: the topics themselves and whatever is ABOUT or WORKS_ON one of them (valid at `at`). */
function topicMembers(chunks: TopologyChunk[], filters: LayoutFilters): Set<string> | null {
  if (!filters.topics?.length) return null;
  const wanted = new Set(filters.topics);
  const members = new Set(filters.topics);
  for (const chunk of chunks)
    for (const r of chunk.relationships) if (TOPIC_LINKS.has(r.type) && wanted.has(r.to) && isValidAt(r, filters.at)) members.add(r.from);
  return members;
}

async function collect(chunks: AsyncIterable<TopologyChunk> | Iterable<TopologyChunk>): Promise<TopologyChunk[]> {
  const all: TopologyChunk[] = [];
  for await (const chunk of chunks) all.push(chunk);
  return all;
}

/** The network view: relationships of the same pair merged, weight = how many. */
export async function networkGraph(source: AsyncIterable<TopologyChunk> | Iterable<TopologyChunk>, filters: LayoutFilters = {}): Promise<LayoutGraph> {
  const chunks = await collect(source);
  const members = topicMembers(chunks, filters);
  const { at, labels, levels, kinds, types } = filters;
  const ids: string[] = [];
  const seen = new Set<string>();
  for (const chunk of chunks) {
    for (const node of chunk.nodes) {
      if (seen.has(node.id)) continue;
      if (!isValidAt(node, at)) continue;
      if (labels?.length && !labels.includes(node.label)) continue;
      if (levels?.length && !(node.level !== undefined && levels.includes(node.level))) continue;
      if (kinds?.length && !(node.kind && kinds.includes(node.kind))) continue;
      if (members && !members.has(node.id)) continue;
      seen.add(node.id);
      ids.push(node.id);
    }
  }
  ids.sort();
  const index = new Map<string, number>();
  ids.forEach((id, i) => index.set(id, i));
  const acc = new EdgeAccumulator(1024);
  for (const chunk of chunks) {
    for (const r of chunk.relationships) {
      if (types?.length && !types.includes(r.type)) continue;
      const u = index.get(r.from);
      const v = index.get(r.to);
      if (u === undefined || v === undefined || !isValidAt(r, at)) continue;
      acc.add(u, v, 1);
    }
  }
  return { ids, topology: acc.toCsr(ids.length, true) };
}

/** The collaboration view's projection options for a set of filters (labels do not apply: its nodes are actors). */
export function collaborationOptions(filters: LayoutFilters): ProjectionOptions {
  return { projection: 'collaboration', at: filters.at, levels: filters.levels, kinds: filters.kinds, types: filters.types };
}

/**
 * The collaboration view. `projection` is the analytics service's cached
 * projection when there is one (so this view and GET /api/collaboration share
 * one definition and one build); topics, which the projection does not know,
 * keep the actors linked to them.
 */
export async function collaborationGraph(
  stream: () => AsyncIterable<TopologyChunk> | Iterable<TopologyChunk>,
  filters: LayoutFilters = {},
  projection: (options: ProjectionOptions) => Promise<CsrGraph> = (options) => buildProjection(stream(), options),
): Promise<LayoutGraph> {
  const graph = await projection(collaborationOptions(filters));
  if (!filters.topics?.length) return { ids: graph.ids, topology: graph.topology() };
  const members = topicMembers(await collect(stream()), filters)!;
  const keep: number[] = [];
  for (let i = 0; i < graph.n; i++) if (members.has(graph.ids[i])) keep.push(i);
  return induced(graph, keep);
}

/** The subgraph on `keep` (ascending indices), ids kept in order. */
function induced(graph: CsrGraph, keep: number[]): LayoutGraph {
  const newIndex = new Int32Array(graph.n).fill(-1);
  keep.forEach((old, i) => (newIndex[old] = i));
  const acc = new EdgeAccumulator(1024);
  for (const u of keep) {
    for (let k = graph.offsets[u]; k < graph.offsets[u + 1]; k++) {
      const v = graph.targets[k];
      if (v > u && newIndex[v] >= 0) acc.add(newIndex[u], newIndex[v], graph.weights[k]);
    }
  }
  return { ids: keep.map((i) => graph.ids[i]), topology: acc.toCsr(keep.length, true) };
}
