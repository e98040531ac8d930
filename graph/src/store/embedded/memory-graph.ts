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
  // Compact twin of `outgoing` for hot loops: each node has a small integer
  // slot; per slot, the slots of its outgoing neighbours and the matching
  // relationships. Scanning plain number arrays avoids a cache miss per
  // relationship object (the 2-hop neighbourhood's dominant cost).
  private readonly slots = new Map<string, number>();
  private readonly outSlots: number[][] = [];
  private readonly outRels: GraphRelationship[][] = [];
  private marks = new Int32Array(1024);
  private epoch = 0;
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
      this.unlinkSlots(previous);
    } else this.relationshipOrder.add(rel.id);
    this.relationships.set(rel.id, rel);
    addTo(this.outgoing, rel.from, rel);
    addTo(this.incoming, rel.to, rel);
    const from = this.slotOf(rel.from);
    this.outSlots[from].push(this.slotOf(rel.to));
    this.outRels[from].push(rel);
  }

  removeRelationship(id: string): void {
    const rel = this.relationships.get(id);
    if (!rel) return;
    removeFrom(this.outgoing, rel.from, rel);
    removeFrom(this.incoming, rel.to, rel);
    this.unlinkSlots(rel);
    this.relationships.delete(id);
    this.relationshipOrder.remove(id);
  }

  /**
   * Relationships leaving one of `ids` and arriving at another of them (each
   * once), scanning only integer slots until a match.
   */
  relationshipsAmong(ids: Iterable<string>): GraphRelationship[] {
    const members: number[] = [];
    for (const id of ids) {
      const slot = this.slots.get(id);
      if (slot !== undefined) members.push(slot);
    }
    if (this.marks.length < this.outSlots.length) this.marks = new Int32Array(this.outSlots.length * 2);
    if (++this.epoch === 0x7fffffff) {
      this.marks.fill(0);
      this.epoch = 1;
    }
    const marks = this.marks;
    const epoch = this.epoch;
    for (const slot of members) marks[slot] = epoch;
    const out: GraphRelationship[] = [];
    for (const slot of members) {
      const targets = this.outSlots[slot];
      for (let k = 0; k < targets.length; k++) if (marks[targets[k]] === epoch) out.push(this.outRels[slot][k]);
    }
    return out;
  }

  /** Slots are never reused, so they stay valid while a node is deleted and re-created. */
  private slotOf(id: string): number {
    let slot = this.slots.get(id);
    if (slot === undefined) {
      slot = this.outSlots.length;
      this.slots.set(id, slot);
      this.outSlots.push([]);
      this.outRels.push([]);
    }
    return slot;
  }

  private unlinkSlots(rel: GraphRelationship): void {
    const slot = this.slots.get(rel.from);
    if (slot === undefined) return;
    const at = this.outRels[slot].indexOf(rel);
    if (at === -1) return;
    this.outRels[slot].splice(at, 1);
    this.outSlots[slot].splice(at, 1);
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
