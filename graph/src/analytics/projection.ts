// Projection of the store's topology into a CSR graph: the whole graph
// (`full`) or the actor–actor collaboration graph (`collaboration`, SPEC
// "collaboration graph"), filtered by level, kind, relationship type and date.

import { isValidAt } from '../model/dates.ts';
import {
  KINDS_BY_LABEL,
  LEVELS,
  NODE_LABELS,
  SHARED_ITEM_TYPES,
  type Level,
  type NodeLabel,
  type RelationshipType,
} from '../model/vocabulary.ts';
import type { TopologyChunk, TopologyNode } from '../store/port.ts';
import { EdgeAccumulator, type CsrTopology } from './csr.ts';

export type ProjectionKind = 'collaboration' | 'full';

export interface ProjectionOptions {
  /** Default `collaboration`. */
  projection?: ProjectionKind;
  /** Keeps nodes whose level is listed; nodes without a level (projects, events…) are kept. */
  levels?: Level[];
  /**
   * Keeps nodes whose kind is listed, for the labels that have one of the listed
   * kinds in their vocabulary: `kinds=[university]` filters actors and leaves
   * projects alone; `kinds=[university, conference]` also filters events.
   */
  kinds?: string[];
  /** Relationship types taken into account (default: all for `full`; shared items + COLLABORATES_WITH for `collaboration`). */
  types?: RelationshipType[];
  /** YYYY-MM-DD: only nodes and relationships valid that day. */
  at?: string;
}

/** Labels of the items that link two actors when both take part in them. */
const SHARED_ITEM_LABELS: ReadonlySet<NodeLabel> = new Set<NodeLabel>(['Project', 'Event', 'Practice']);
const LABEL_CODE = new Map<NodeLabel, number>(NODE_LABELS.map((label, i) => [label, i]));
const LEVEL_CODE = new Map<Level, number>(LEVELS.map((level, i) => [level, i]));

/** A projection: the CSR arrays plus the id ↔ index maps and per-node attributes. */
export class CsrGraph implements CsrTopology {
  readonly n: number;
  readonly m: number;
  readonly offsets: Int32Array;
  readonly targets: Int32Array;
  readonly weights: Float64Array;
  /** Node ids by index, sorted (so the same store content always gives the same CSR). */
  readonly ids: string[];
  /** NODE_LABELS index per node. */
  readonly labelCodes: Uint8Array;
  /** LEVELS index per node, -1 when the node has no level. */
  readonly levelCodes: Int8Array;
  /** Index into `kindNames` per node. */
  readonly kindCodes: Uint16Array;
  readonly kindNames: string[];
  /**
   * How the graph was built: its projection kind and, for a collaboration graph,
   * what its shared items carry (whether any has a level, which labels occur).
   * `filterByMask` needs it to know when a node mask gives the same graph as a
   * fresh build; absent on derived graphs.
   */
  readonly provenance?: ProjectionProvenance;
  private readonly index: Map<string, number>;

  constructor(
    topology: CsrTopology,
    nodes: { ids: string[]; index: Map<string, number>; labelCodes: Uint8Array; levelCodes: Int8Array; kindCodes: Uint16Array; kindNames: string[] },
    provenance?: ProjectionProvenance,
  ) {
    this.provenance = provenance;
    this.n = topology.n;
    this.m = topology.m;
    this.offsets = topology.offsets;
    this.targets = topology.targets;
    this.weights = topology.weights;
    this.ids = nodes.ids;
    this.index = nodes.index;
    this.labelCodes = nodes.labelCodes;
    this.levelCodes = nodes.levelCodes;
    this.kindCodes = nodes.kindCodes;
    this.kindNames = nodes.kindNames;
  }

  /** Index of a node id, -1 when it is not in the projection. */
  indexOf(id: string): number {
    return this.index.get(id) ?? -1;
  }
  labelOf(i: number): NodeLabel {
    return NODE_LABELS[this.labelCodes[i]];
  }
  kindOf(i: number): string {
    return this.kindNames[this.kindCodes[i]];
  }
  levelOf(i: number): Level | undefined {
    const code = this.levelCodes[i];
    return code < 0 ? undefined : LEVELS[code];
  }
  degree(i: number): number {
    return this.offsets[i + 1] - this.offsets[i];
  }
  /** The numeric arrays alone, as a plain object (what is posted to a worker). */
  topology(): CsrTopology {
    return { n: this.n, m: this.m, offsets: this.offsets, targets: this.targets, weights: this.weights };
  }
}

/** What `filterByMask` needs to know about an unfiltered projection. */
export interface ProjectionProvenance {
  projection: ProjectionKind;
  /** Built with no level/kind/type/date filter. */
  unfiltered: boolean;
  /** Collaboration: shared items (kept, linked or not) that carry a level. */
  itemsWithLevel: number;
  /** Collaboration: labels of the shared items. */
  itemLabels: NodeLabel[];
}

/**
 * A level/kind filter applied to an unfiltered projection as a node mask: the
 * kept nodes' rows are compacted into a new CSR in one O(n + m) pass over the
 * typed arrays, with no store read and no re-projection. Returns null when the
 * mask would not give what a fresh build with `options` gives: a relationship
 * type or date filter, a different projection kind, or (collaboration) a filter
 * that would also drop shared items (an item with a level under a level filter,
 * an item label whose vocabulary has a listed kind), which changes edge weights.
 */
export function filterByMask(base: CsrGraph, options: ProjectionOptions): CsrGraph | null {
  const p = base.provenance;
  if (!p?.unfiltered || (options.projection ?? 'collaboration') !== p.projection) return null;
  if (options.types?.length || options.at !== undefined) return null;
  const levels = options.levels?.length ? new Set<string>(options.levels) : null;
  const kinds = options.kinds?.length ? new Set(options.kinds) : null;
  if (!levels && !kinds) return base;
  const filteredLabel = (label: NodeLabel) => !!kinds && (KINDS_BY_LABEL[label] ?? []).some((kind) => kinds.has(kind));
  if (p.projection === 'collaboration' && ((levels && p.itemsWithLevel > 0) || p.itemLabels.some(filteredLabel))) return null;
  const n = base.n;
  const keep = new Uint8Array(n);
  const labelFiltered = NODE_LABELS.map(filteredLabel);
  const levelKept = LEVELS.map((level) => !levels || levels.has(level));
  const kindKept = base.kindNames.map((kind) => !kinds || kinds.has(kind));
  for (let i = 0; i < n; i++) {
    const level = base.levelCodes[i];
    keep[i] = (level < 0 || levelKept[level]) && (!labelFiltered[base.labelCodes[i]] || kindKept[base.kindCodes[i]]) ? 1 : 0;
  }
  return inducedSubgraph(base, keep);
}

/** The subgraph on the nodes with keep[i] = 1 (ids stay sorted; arrays shared like the base's). */
export function inducedSubgraph(base: CsrGraph, keep: Uint8Array): CsrGraph {
  const { n, offsets, targets, weights } = base;
  const newIndex = new Int32Array(n).fill(-1);
  let count = 0;
  for (let i = 0; i < n; i++) if (keep[i]) newIndex[i] = count++;
  const shared = targets.buffer instanceof SharedArrayBuffer;
  const newOffsets = shared ? new Int32Array(new SharedArrayBuffer((count + 1) * 4)) : new Int32Array(count + 1);
  let entries = 0;
  for (let u = 0; u < n; u++) {
    if (!keep[u]) continue;
    for (let k = offsets[u], end = offsets[u + 1]; k < end; k++) if (keep[targets[k]]) entries++;
  }
  const newTargets = shared ? new Int32Array(new SharedArrayBuffer(entries * 4)) : new Int32Array(entries);
  const newWeights = shared ? new Float64Array(new SharedArrayBuffer(entries * 8)) : new Float64Array(entries);
  const ids: string[] = new Array(count);
  const index = new Map<string, number>();
  const labelCodes = new Uint8Array(count);
  const levelCodes = new Int8Array(count);
  const kindCodes = new Uint16Array(count);
  let out = 0;
  for (let u = 0; u < n; u++) {
    const nu = newIndex[u];
    if (nu < 0) continue;
    newOffsets[nu] = out;
    // Rows stay sorted: the renumbering is monotone.
    for (let k = offsets[u], end = offsets[u + 1]; k < end; k++) {
      const v = newIndex[targets[k]];
      if (v < 0) continue;
      newTargets[out] = v;
      newWeights[out] = weights[k];
      out++;
    }
    ids[nu] = base.ids[u];
    index.set(base.ids[u], nu);
    labelCodes[nu] = base.labelCodes[u];
    levelCodes[nu] = base.levelCodes[u];
    kindCodes[nu] = base.kindCodes[u];
  }
  newOffsets[count] = out;
  return new CsrGraph(
    { n: count, m: out / 2, offsets: newOffsets, targets: newTargets, weights: newWeights },
    { ids, index, labelCodes, levelCodes, kindCodes, kindNames: base.kindNames },
  );
}

/** Canonical key of a set of projection options (for caches). */
export function projectionKey(options: ProjectionOptions = {}): string {
  const sorted = (values?: readonly string[]) => (values?.length ? [...new Set(values)].sort().join(',') : '*');
  return [options.projection ?? 'collaboration', sorted(options.levels), sorted(options.kinds), sorted(options.types), options.at ?? '*'].join('|');
}

/**
 * Consumes topology chunks (in any order: relationships may arrive before their
 * nodes) and builds the CsrGraph. Relationships are kept in compact arrays until
 * every node is known.
 */
export class ProjectionBuilder {
  private readonly projection: ProjectionKind;
  private readonly levels: ReadonlySet<string> | null;
  private readonly kinds: ReadonlySet<string> | null;
  private readonly types: ReadonlySet<RelationshipType>;
  private readonly allTypes: boolean;
  private readonly at: string | undefined;
  private readonly kindsByLabelFiltered = new Map<NodeLabel, boolean>();
  private readonly unfiltered: boolean;

  private readonly nodes: TopologyNode[] = [];
  /**
   * Every id met (kept node or relationship end) gets a key at first sight, so
   * relationships are stored as two Int32 keys instead of strings and each id
   * string is hashed once; keys become final indices in finish().
   */
  // A null-prototype object rather than a Map: V8 internalises each looked-up
  // id once and then finds it by pointer, about 3× faster than Map.get over the
  // 2M endpoint lookups of a 1M-link graph.
  private readonly keys: Record<string, number> = Object.create(null) as Record<string, number>;
  private readonly keyIds: string[] = []; // id of each key
  private readonly nodeOfKey = new IntList(); // index in `nodes`, -1 while the node has not been seen
  private readonly relFrom = new IntList();
  private readonly relTo = new IntList();
  private readonly relShared = new IntList(); // 1 = shared-item link (collaboration), 0 = direct link
  private readonly relWeight = new FloatList();

  constructor(options: ProjectionOptions = {}) {
    this.projection = options.projection ?? 'collaboration';
    this.levels = options.levels?.length ? new Set(options.levels) : null;
    this.kinds = options.kinds?.length ? new Set(options.kinds) : null;
    this.at = options.at;
    this.unfiltered = !this.levels && !this.kinds && !options.types?.length && options.at === undefined;
    const requested = options.types?.length ? new Set(options.types) : null;
    if (this.projection === 'collaboration') {
      const linking: RelationshipType[] = [...SHARED_ITEM_TYPES, 'COLLABORATES_WITH'];
      this.types = new Set(linking.filter((t) => !requested || requested.has(t)));
      this.allTypes = false;
    } else {
      this.types = requested ?? new Set();
      this.allTypes = !requested;
    }
  }

  private nodeKept(node: TopologyNode): boolean {
    if (!isValidAt(node, this.at)) return false;
    if (this.levels && node.level && !this.levels.has(node.level)) return false;
    if (this.kinds && this.labelFilteredByKind(node.label) && !this.kinds.has(node.kind)) return false;
    if (this.projection === 'collaboration') return node.label === 'Actor' || SHARED_ITEM_LABELS.has(node.label);
    return true;
  }

  private labelFilteredByKind(label: NodeLabel): boolean {
    let filtered = this.kindsByLabelFiltered.get(label);
    if (filtered === undefined) {
      const vocabulary = KINDS_BY_LABEL[label] ?? [];
      filtered = vocabulary.some((kind) => this.kinds!.has(kind));
      this.kindsByLabelFiltered.set(label, filtered);
    }
    return filtered;
  }

  private keyOf(id: string): number {
    let key = this.keys[id];
    if (key === undefined) {
      key = this.keyIds.length;
      this.keys[id] = key;
      this.keyIds.push(id);
      this.nodeOfKey.push(-1);
    }
    return key;
  }

  add(chunk: TopologyChunk): void {
    for (const node of chunk.nodes) {
      if (!this.nodeKept(node)) continue;
      const key = this.keyOf(node.id);
      if (this.nodeOfKey.data[key] >= 0) continue; // duplicate id: first one wins
      this.nodeOfKey.data[key] = this.nodes.length;
      this.nodes.push(node);
    }
    const collaboration = this.projection === 'collaboration';
    // Stores often stream a node's relationships together: reuse the last `from` key.
    let lastFrom: string | undefined;
    let lastFromKey = -1;
    for (const rel of chunk.relationships) {
      if (!this.allTypes && !this.types.has(rel.type)) continue;
      if (!isValidAt(rel, this.at)) continue;
      if (rel.from !== lastFrom) {
        lastFrom = rel.from;
        lastFromKey = this.keyOf(rel.from);
      }
      this.relFrom.push(lastFromKey);
      this.relTo.push(this.keyOf(rel.to));
      this.relShared.push(collaboration && rel.type !== 'COLLABORATES_WITH' ? 1 : 0);
      this.relWeight.push(typeof rel.weight === 'number' && Number.isFinite(rel.weight) ? rel.weight : 1);
    }
  }

  finish(shared = true): CsrGraph {
    const collaboration = this.projection === 'collaboration';
    const keyIds = this.keyIds;
    const keyCount = keyIds.length;
    const nodeOfKey = this.nodeOfKey.data;
    // Graph nodes: actors (collaboration) or every kept node (full), ordered by id.
    const graphIds: string[] = [];
    const itemOfKey = new Int32Array(keyCount).fill(-1); // shared items, numbered 0..items-1
    let items = 0;
    let itemsWithLevel = 0;
    const itemLabels = new Set<NodeLabel>();
    for (let key = 0; key < keyCount; key++) {
      const a = nodeOfKey[key];
      if (a < 0) continue; // referenced but not (kept) in the graph
      if (collaboration && this.nodes[a].label !== 'Actor') {
        itemOfKey[key] = items++;
        if (this.nodes[a].level) itemsWithLevel++;
        itemLabels.add(this.nodes[a].label);
      } else graphIds.push(keyIds[key]);
    }
    graphIds.sort();
    const n = graphIds.length;
    const indexOfKey = new Int32Array(keyCount).fill(-1);
    const index = new Map<string, number>();
    const labelCodes = new Uint8Array(n);
    const levelCodes = new Int8Array(n);
    const kindCodes = new Uint16Array(n);
    const kindNames: string[] = [];
    const kindCode = new Map<string, number>();
    for (let i = 0; i < n; i++) {
      const key = this.keys[graphIds[i]];
      indexOfKey[key] = i;
      index.set(graphIds[i], i);
      const node = this.nodes[nodeOfKey[key]];
      labelCodes[i] = LABEL_CODE.get(node.label) ?? 0;
      levelCodes[i] = node.level ? (LEVEL_CODE.get(node.level) ?? -1) : -1;
      let code = kindCode.get(node.kind);
      if (code === undefined) {
        code = kindNames.length;
        kindNames.push(node.kind);
        kindCode.set(node.kind, code);
      }
      kindCodes[i] = code;
    }

    const relCount = this.relFrom.length;
    const relFrom = this.relFrom.data;
    const relTo = this.relTo.data;
    const relShared = this.relShared.data;
    const relWeight = this.relWeight.data;
    const acc = new EdgeAccumulator(relCount + 16);
    // Collaboration: (item, actor) participations, grouped by item below.
    const partItem = new IntList();
    const partActor = new IntList();
    for (let r = 0; r < relCount; r++) {
      const u = indexOfKey[relFrom[r]];
      if (u < 0) continue;
      if (relShared[r] === 1) {
        const item = itemOfKey[relTo[r]];
        if (item >= 0) {
          partItem.push(item);
          partActor.push(u);
        }
        continue;
      }
      const v = indexOfKey[relTo[r]];
      if (v >= 0) acc.add(u, v, relWeight[r]);
    }
    if (partItem.length) addSharedItemCliques(acc, items, n, partItem, partActor);
    const topology = acc.toCsr(n, shared);
    return new CsrGraph(
      topology,
      { ids: graphIds, index, labelCodes, levelCodes, kindCodes, kindNames },
      { projection: this.projection, unfiltered: this.unfiltered, itemsWithLevel, itemLabels: [...itemLabels] },
    );
  }
}

/** A growable Int32Array. */
class IntList {
  data = new Int32Array(1024);
  length = 0;
  push(value: number): void {
    if (this.length === this.data.length) {
      const grown = new Int32Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length++] = value;
  }
}

/** A growable Float64Array. */
class FloatList {
  data = new Float64Array(1024);
  length = 0;
  push(value: number): void {
    if (this.length === this.data.length) {
      const grown = new Float64Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length++] = value;
  }
}

/**
 * Each item links every pair of its (distinct) actors with weight 1; the CSR
 * builder then sums the weights of pairs met in several items. Grouping uses a
 * counting sort by item and a stamp array to drop an actor listed twice in the
 * same item (e.g. both PARTICIPATES_IN and FUNDS), so the cost is O(Σ k²) with
 * no per-pair allocation.
 */
function addSharedItemCliques(acc: EdgeAccumulator, items: number, n: number, partItemList: IntList, partActorList: IntList): void {
  const partItem = partItemList.data;
  const partActor = partActorList.data;
  const count = partItemList.length;
  const start = new Int32Array(items + 1);
  for (let p = 0; p < count; p++) start[partItem[p] + 1]++;
  for (let i = 0; i < items; i++) start[i + 1] += start[i];
  const cursor = start.slice(0, items);
  const members = new Int32Array(count);
  for (let p = 0; p < count; p++) members[cursor[partItem[p]]++] = partActor[p];
  const stamp = new Int32Array(n).fill(-1);
  const distinct = new Int32Array(n);
  for (let item = 0; item < items; item++) {
    let k = 0;
    for (let p = start[item]; p < start[item + 1]; p++) {
      const actor = members[p];
      if (stamp[actor] !== item) {
        stamp[actor] = item;
        distinct[k++] = actor;
      }
    }
    for (let a = 0; a < k; a++) for (let b = a + 1; b < k; b++) acc.add(distinct[a], distinct[b], 1);
  }
}

/** Builds a projection from a topology stream (GraphStore.streamTopology or any chunk source). */
export async function buildProjection(
  chunks: AsyncIterable<TopologyChunk> | Iterable<TopologyChunk>,
  options: ProjectionOptions = {},
  shared = true,
): Promise<CsrGraph> {
  const builder = new ProjectionBuilder(options);
  for await (const chunk of chunks) builder.add(chunk);
  return builder.finish(shared);
}
