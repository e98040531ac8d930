import { isValidAt } from '../../model/dates.ts';
import type { GraphNode, GraphRelationship } from '../../model/schemas.ts';
import { SortedIds } from './sorted-ids.ts';

// The in-memory state of the embedded store: records by id, adjacency (the
// relationship records leaving/entering each node, so a walk needs no
// lookups) and secondary indexes. Records
// are never mutated in place: a write replaces the object, so change entries
// and snapshots can hold references safely.

export class MemoryGraph {
  readonly nodes = new Map<string, GraphNode>();
  readonly relationships = new Map<string, GraphRelationship>();
  private readonly outgoing = new Map<string, Set<GraphRelationship>>();
  private readonly incoming = new Map<string, Set<GraphRelationship>>();
  private readonly byLabel = new Map<string, Set<string>>();
  private readonly byKind = new Map<string, Set<string>>();
  private readonly byLevel = new Map<string, Set<string>>();
  readonly nodeOrder = new SortedIds(() => this.nodes.keys());
  readonly relationshipOrder = new SortedIds(() => this.relationships.keys());

  putNode(node: GraphNode): void {
    const previous = this.nodes.get(node.id);
    if (previous) this.unindexNode(previous);
    else this.nodeOrder.add(node.id);
    this.nodes.set(node.id, node);
    addTo(this.byLabel, node.label, node.id);
    addTo(this.byKind, node.kind, node.id);
    if (node.level) addTo(this.byLevel, node.level, node.id);
  }

  /** Callers remove the node's relationships first. */
  removeNode(id: string): void {
    const node = this.nodes.get(id);
    if (!node) return;
    this.unindexNode(node);
    this.nodes.delete(id);
    this.outgoing.delete(id);
    this.incoming.delete(id);
    this.nodeOrder.remove(id);
  }

  putRelationship(rel: GraphRelationship): void {
    const previous = this.relationships.get(rel.id);
    if (previous) {
      removeFrom(this.outgoing, previous.from, previous);
      removeFrom(this.incoming, previous.to, previous);
    } else this.relationshipOrder.add(rel.id);
    this.relationships.set(rel.id, rel);
    addTo(this.outgoing, rel.from, rel);
    addTo(this.incoming, rel.to, rel);
  }

  removeRelationship(id: string): void {
    const rel = this.relationships.get(id);
    if (!rel) return;
    removeFrom(this.outgoing, rel.from, rel);
    removeFrom(this.incoming, rel.to, rel);
    this.relationships.delete(id);
    this.relationshipOrder.remove(id);
  }

  /** After a bulk change: cheaper to re-sort once than to splice a million times. */
  resetOrder(): void {
    this.nodeOrder.reset();
    this.relationshipOrder.reset();
  }

  outgoingOf(nodeId: string): ReadonlySet<GraphRelationship> {
    return this.outgoing.get(nodeId) ?? NO_RELATIONSHIPS;
  }

  incomingOf(nodeId: string): ReadonlySet<GraphRelationship> {
    return this.incoming.get(nodeId) ?? NO_RELATIONSHIPS;
  }

  /** Ids having one of the values (union), or null when no value is asked for. */
  idsWith(index: 'label' | 'kind' | 'level', values: readonly string[] | undefined): Set<string> | null {
    if (!values?.length) return null;
    const map = index === 'label' ? this.byLabel : index === 'kind' ? this.byKind : this.byLevel;
    if (values.length === 1) return map.get(values[0]) ?? new Set();
    const out = new Set<string>();
    for (const value of values) for (const id of map.get(value) ?? EMPTY) out.add(id);
    return out;
  }

  /** A relationship is visible on day `at` when it and both its ends are. */
  relationshipVisible(rel: GraphRelationship, at: string | undefined): boolean {
    if (!at) return true;
    if (!isValidAt(rel, at)) return false;
    const from = this.nodes.get(rel.from);
    const to = this.nodes.get(rel.to);
    return !!from && !!to && isValidAt(from, at) && isValidAt(to, at);
  }

  clear(): void {
    for (const m of [this.nodes, this.relationships, this.outgoing, this.incoming, this.byLabel, this.byKind, this.byLevel]) m.clear();
    this.resetOrder();
  }

  private unindexNode(node: GraphNode): void {
    removeFrom(this.byLabel, node.label, node.id);
    removeFrom(this.byKind, node.kind, node.id);
    if (node.level) removeFrom(this.byLevel, node.level, node.id);
  }
}

const EMPTY: ReadonlySet<string> = new Set();
const NO_RELATIONSHIPS: ReadonlySet<GraphRelationship> = new Set();

function addTo<T>(map: Map<string, Set<T>>, key: string, value: T): void {
  let set = map.get(key);
  if (!set) map.set(key, (set = new Set()));
  set.add(value);
}

function removeFrom<T>(map: Map<string, Set<T>>, key: string, value: T): void {
  const set = map.get(key);
  if (!set) return;
  set.delete(value);
  if (set.size === 0) map.delete(key);
}
