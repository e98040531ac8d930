import { isValidAt } from '../../model/dates.ts';
import type { GraphNode, GraphRelationship } from '../../model/schemas.ts';
import type { RelationshipType } from '../../model/vocabulary.ts';
import type { GraphPath, NeighbourhoodOptions, Subgraph } from '../port.ts';
import type { MemoryGraph } from './memory-graph.ts';

// Graph walks over the in-memory state, ignoring relationship direction.
//
// Neighbourhood: breadth-first up to `depth` hops through any node visible on
// `at`, over relationships of the wanted types. Label/kind/level filters pick
// which reached nodes are returned (the centre always is), nearest first, at
// most `limit`. The relationships returned are those joining two returned
// nodes. A centre that is not valid on `at` gives an empty answer.
//
// Paths: Yen's k shortest simple paths, each spur found by a BFS bounded by
// the remaining hop budget, so the work is bounded by k × length × graph.

interface WalkFilter {
  types?: readonly RelationshipType[];
  at?: string;
}

/** The usable relationships of a node, both directions, as a flat list (hot path: no callbacks). */
function steps(graph: MemoryGraph, nodeId: string, filter: WalkFilter): GraphRelationship[] {
  const types = filter.types?.length ? filter.types : null;
  const at = filter.at;
  const out: GraphRelationship[] = [];
  for (const rel of graph.outgoingOf(nodeId)) if ((!types || types.includes(rel.type)) && (!at || graph.relationshipVisible(rel, at))) out.push(rel);
  for (const rel of graph.incomingOf(nodeId)) if ((!types || types.includes(rel.type)) && (!at || graph.relationshipVisible(rel, at))) out.push(rel);
  return out;
}

export function neighbourhood(graph: MemoryGraph, centre: GraphNode, options: NeighbourhoodOptions & { limit: number }): Subgraph & { truncated: boolean } {
  const labels = options.labels?.length ? options.labels : null;
  const kinds = options.kinds?.length ? options.kinds : null;
  const levels = options.levels?.length ? options.levels : null;
  const wanted = (n: GraphNode) =>
    (!labels || labels.includes(n.label)) && (!kinds || kinds.includes(n.kind)) && (!levels || (n.level !== undefined && levels.includes(n.level)));
  if (options.at && !isValidAt(centre, options.at)) return { nodes: [], relationships: [], truncated: false };

  const seen = new Set<string>([centre.id]);
  const returned = new Map<string, GraphNode>([[centre.id, centre]]);
  let truncated = false;
  let frontier = [centre.id];
  walk: for (let hop = 1; hop <= options.depth && frontier.length; hop++) {
    const next: string[] = [];
    for (const id of frontier) {
      for (const rel of steps(graph, id, options)) {
        const other = rel.from === id ? rel.to : rel.from;
        if (seen.has(other)) continue;
        seen.add(other);
        next.push(other);
        const node = graph.nodes.get(other)!;
        if (!wanted(node)) continue;
        if (returned.size >= options.limit) {
          truncated = true;
          break walk;
        }
        returned.set(other, node);
      }
    }
    frontier = next;
  }

  const relationships = graph
    .relationshipsAmong(returned.keys())
    .filter((rel) => (!options.types?.length || options.types.includes(rel.type)) && (!options.at || graph.relationshipVisible(rel, options.at)));
  return { nodes: [...returned.values()], relationships, truncated };
}

interface RawPath {
  nodes: string[];
  rels: string[];
}

/**
 * Shortest path avoiding the given nodes and relationships, at most `maxHops`:
 * a bidirectional BFS growing the smaller side one whole level at a time, so
 * a 4-hop path in a graph of degree 20 touches hundreds of nodes, not 20⁴.
 */
function bfsPath(
  graph: MemoryGraph,
  from: string,
  to: string,
  maxHops: number,
  filter: WalkFilter,
  bannedNodes: ReadonlySet<string>,
  bannedRels: ReadonlySet<string>,
): RawPath | null {
  if (from === to) return { nodes: [from], rels: [] };
  type Side = { parent: Map<string, { node: string; rel: string; depth: number }>; frontier: string[]; depth: number };
  const forward: Side = { parent: new Map([[from, { node: '', rel: '', depth: 0 }]]), frontier: [from], depth: 0 };
  const backward: Side = { parent: new Map([[to, { node: '', rel: '', depth: 0 }]]), frontier: [to], depth: 0 };
  while (forward.frontier.length && backward.frontier.length && forward.depth + backward.depth < maxHops) {
    const side = forward.frontier.length <= backward.frontier.length ? forward : backward;
    const other = side === forward ? backward : forward;
    const next: string[] = [];
    let best: { meet: string; via: string; rel: string; length: number } | null = null;
    for (const id of side.frontier) {
      for (const rel of steps(graph, id, filter)) {
        const neighbour = rel.from === id ? rel.to : rel.from;
        if (bannedNodes.has(neighbour) || bannedRels.has(rel.id)) continue;
        const met = other.parent.get(neighbour);
        if (met) {
          const length = side.depth + 1 + met.depth;
          if (length <= maxHops && (!best || length < best.length)) best = { meet: neighbour, via: id, rel: rel.id, length };
          continue;
        }
        if (side.parent.has(neighbour)) continue;
        side.parent.set(neighbour, { node: id, rel: rel.id, depth: side.depth + 1 });
        next.push(neighbour);
      }
    }
    if (best) {
      // Walk from the meeting point back to each end.
      const sideHalf = trace(side.parent, best.via);
      const otherHalf = trace(other.parent, best.meet);
      const nodes = [...sideHalf.nodes.reverse(), ...otherHalf.nodes];
      const rels = [...sideHalf.rels.reverse(), best.rel, ...otherHalf.rels];
      return side === forward ? { nodes, rels } : { nodes: nodes.reverse(), rels: rels.reverse() };
    }
    side.frontier = next;
    side.depth++;
  }
  return null;
}

/** The chain of parents from `start` back to its side's root: nodes start…root, rels between them. */
function trace(parent: Map<string, { node: string; rel: string }>, start: string): RawPath {
  const nodes = [start];
  const rels: string[] = [];
  for (let p = parent.get(start)!; p.node !== ''; p = parent.get(p.node)!) {
    rels.push(p.rel);
    nodes.push(p.node);
  }
  return { nodes, rels };
}

export function kShortestPaths(graph: MemoryGraph, from: string, to: string, k: number, maxDepth: number, filter: WalkFilter): GraphPath[] {
  const visible = (id: string) => !filter.at || isValidAt(graph.nodes.get(id)!, filter.at);
  if (from === to || !visible(from) || !visible(to)) return [];
  const first = bfsPath(graph, from, to, maxDepth, filter, new Set(), new Set());
  if (!first) return [];
  const found: RawPath[] = [first];
  const candidates: RawPath[] = [];
  const known = new Set<string>([first.rels.join('\u0000')]);
  while (found.length < k) {
    const previous = found[found.length - 1];
    for (let i = 0; i < previous.nodes.length - 1; i++) {
      const spur = previous.nodes[i];
      const rootNodes = previous.nodes.slice(0, i + 1);
      const rootRels = previous.rels.slice(0, i);
      const bannedRels = new Set<string>();
      for (const p of found) {
        if (p.rels.length > i && sameRoot(p, rootNodes, rootRels)) bannedRels.add(p.rels[i]);
      }
      const bannedNodes = new Set(rootNodes.slice(0, -1));
      const tail = bfsPath(graph, spur, to, maxDepth - i, filter, bannedNodes, bannedRels);
      if (!tail) continue;
      const path = { nodes: [...rootNodes, ...tail.nodes.slice(1)], rels: [...rootRels, ...tail.rels] };
      const key = path.rels.join('\u0000');
      if (!known.has(key)) {
        known.add(key);
        candidates.push(path);
      }
    }
    if (!candidates.length) break;
    // Shortest next; ties broken by the relationship ids, for stable answers.
    candidates.sort((a, b) => a.rels.length - b.rels.length || (a.rels.join(',') < b.rels.join(',') ? -1 : 1));
    found.push(candidates.shift()!);
  }
  return found.map((p) => ({
    nodes: p.nodes.map((id) => graph.nodes.get(id)!),
    relationships: p.rels.map((id) => graph.relationships.get(id)!),
    length: p.rels.length,
  }));
}

function sameRoot(path: RawPath, rootNodes: string[], rootRels: string[]): boolean {
  for (let j = 0; j < rootNodes.length; j++) if (path.nodes[j] !== rootNodes[j]) return false;
  for (let j = 0; j < rootRels.length; j++) if (path.rels[j] !== rootRels[j]) return false;
  return true;
}
