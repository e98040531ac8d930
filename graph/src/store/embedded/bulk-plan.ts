import { ValidationError, type FieldError } from '../../errors.ts';
import { endpointProblem, type GraphNode, type GraphRelationship, type Provenance } from '../../model/schemas.ts';
import type { NodeLabel } from '../../model/vocabulary.ts';
import type { BulkBatch, BulkCounts, BulkOptions, Origin, WriteContext } from '../port.ts';
import { mergeImportedNode, mergeImportedRelationship, nodeFromInput, relationshipFromInput } from '../records.ts';
import type { MemoryGraph } from './memory-graph.ts';

// Works out what a bulk upsert would do, without touching the store: every
// row validated (all errors collected, with file/row/column), endpoints
// checked against the batch and the store, and the list of changes in the
// order they must be applied (relationship deletions, node deletions, node
// writes, relationship writes).

export interface PlannedChange {
  entity: 'node' | 'relationship';
  op: 'create' | 'update' | 'delete';
  id: string;
  before: GraphNode | GraphRelationship | null;
  after: GraphNode | GraphRelationship | null;
}

export interface BulkPlan {
  errors: FieldError[];
  changes: PlannedChange[];
  nodes: BulkCounts;
  relationships: BulkCounts;
}

interface Row<T> {
  record: T;
  index: number;
}

const counts = (): BulkCounts => ({ created: 0, updated: 0, unchanged: 0, deleted: 0 });

export function planBulk(graph: MemoryGraph, batch: BulkBatch, options: BulkOptions, ctx: WriteContext, now: string): BulkPlan {
  if (!batch || !Array.isArray(batch.nodes) || !Array.isArray(batch.relationships)) {
    throw new ValidationError('a bulk batch needs `nodes` and `relationships` arrays', [{ path: 'batch', message: 'expected {nodes: [], relationships: []}' }]);
  }
  if (options?.mode !== 'merge' && options?.mode !== 'replace') {
    throw new ValidationError('invalid bulk mode', [{ path: 'mode', message: 'must be merge or replace' }]);
  }
  const errors: FieldError[] = [];
  // Rows of an import mostly carry the same provenance: one array for all of
  // them instead of a million equal copies (records are never mutated in place).
  const provenances = new Map<string, Provenance[]>();
  const sharedProvenance = (provenance: Provenance[]): Provenance[] => {
    const key = JSON.stringify(provenance);
    const known = provenances.get(key);
    if (known) return known;
    if (provenances.size < 10_000) provenances.set(key, provenance);
    return provenance;
  };
  // Per kept row: its record by id, and the batch index it came from (the origin is read back from the batch).
  const nodeRows = new Map<string, Row<GraphNode>>();
  batch.nodes.forEach((raw, index) => {
    const origin = raw?.origin;
    const record = attempt(() => nodeFromInput(withoutOrigin(raw), ctx, now), 'node', index, origin, errors);
    if (!record) return;
    record.provenance = sharedProvenance(record.provenance);
    const twin = nodeRows.get(record.id);
    if (twin) errors.push(rowError('node', index, origin, 'id', `duplicate id "${record.id}" (first at ${where('nodes', twin, batch.nodes)})`));
    else nodeRows.set(record.id, { record, index });
  });

  const relRows = new Map<string, Row<GraphRelationship>>();
  const labelOf = (id: string): NodeLabel | undefined =>
    nodeRows.get(id)?.record.label ?? (options.mode === 'merge' ? graph.nodes.get(id)?.label : undefined);
  batch.relationships.forEach((raw, index) => {
    const origin = raw?.origin;
    const record = attempt(() => relationshipFromInput(withoutOrigin(raw), ctx, now), 'relationship', index, origin, errors);
    if (!record) return;
    record.provenance = sharedProvenance(record.provenance);
    const twin = relRows.get(record.id);
    if (twin) {
      errors.push(rowError('relationship', index, origin, 'id', `duplicate relationship "${record.id}" (first at ${where('relationships', twin, batch.relationships)})`));
      return;
    }
    const fromLabel = labelOf(record.from);
    const toLabel = labelOf(record.to);
    if (!fromLabel) errors.push(rowError('relationship', index, origin, 'from', `unknown node "${record.from}"`));
    if (!toLabel) errors.push(rowError('relationship', index, origin, 'to', `unknown node "${record.to}"`));
    const problem = fromLabel && toLabel ? endpointProblem(record.type, fromLabel, toLabel) : null;
    if (problem) errors.push(rowError('relationship', index, origin, 'type', problem));
    relRows.set(record.id, { record, index });
  });

  const plan: BulkPlan = { errors, changes: [], nodes: counts(), relationships: counts() };
  if (errors.length) return plan;

  if (options.mode === 'replace') {
    for (const rel of graph.relationships.values()) {
      if (!relRows.has(rel.id)) {
        plan.changes.push({ entity: 'relationship', op: 'delete', id: rel.id, before: rel, after: null });
        plan.relationships.deleted++;
      }
    }
    for (const node of graph.nodes.values()) {
      if (!nodeRows.has(node.id)) {
        plan.changes.push({ entity: 'node', op: 'delete', id: node.id, before: node, after: null });
        plan.nodes.deleted++;
      }
    }
  }
  for (const row of nodeRows.values()) {
    const existing = graph.nodes.get(row.record.id);
    if (!existing) {
      plan.changes.push({ entity: 'node', op: 'create', id: row.record.id, before: null, after: row.record });
      plan.nodes.created++;
      continue;
    }
    const merged = attempt(() => mergeImportedNode(existing, row.record, now), 'node', row.index, batch.nodes[row.index]?.origin, errors);
    if (!merged) continue;
    if (merged.changed) {
      plan.changes.push({ entity: 'node', op: 'update', id: existing.id, before: existing, after: merged.node });
      plan.nodes.updated++;
    } else plan.nodes.unchanged++;
  }
  for (const row of relRows.values()) {
    const existing = graph.relationships.get(row.record.id);
    if (!existing) {
      plan.changes.push({ entity: 'relationship', op: 'create', id: row.record.id, before: null, after: row.record });
      plan.relationships.created++;
      continue;
    }
    const merged = mergeImportedRelationship(existing, row.record, now);
    if (merged.changed) {
      plan.changes.push({ entity: 'relationship', op: 'update', id: existing.id, before: existing, after: merged.relationship });
      plan.relationships.updated++;
    } else plan.relationships.unchanged++;
  }
  if (errors.length) plan.changes = [];
  return plan;
}

function attempt<T>(make: () => T, entity: 'node' | 'relationship', index: number, origin: Origin | undefined, errors: FieldError[]): T | null {
  try {
    return make();
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    for (const e of error.errors ?? [{ path: '(root)', message: error.message }]) errors.push(rowError(entity, index, origin, e.path, e.message));
    return null;
  }
}

function where(list: string, row: Row<unknown>, rows: ReadonlyArray<{ origin?: Origin }>): string {
  const origin = rows[row.index]?.origin;
  return origin?.row !== undefined ? `row ${origin.row}` : `${list}[${row.index}]`;
}

/** The row without its `origin` (not a record field); a plain row without one is used as it is, not copied. */
function withoutOrigin<T extends { origin?: Origin }>(raw: T): Omit<T, 'origin'> {
  if (isPlainObject(raw) && !('origin' in raw)) return raw;
  const { origin: _origin, ...input } = raw ?? ({} as T);
  return input;
}

function isPlainObject(value: unknown): value is object {
  return typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype;
}

function rowError(entity: 'node' | 'relationship', index: number, origin: Origin | undefined, path: string, message: string): FieldError {
  const error: FieldError = { path: `${entity === 'node' ? 'nodes' : 'relationships'}.${index}.${path}`, message };
  if (origin?.file !== undefined) error.file = origin.file;
  if (origin?.row !== undefined) error.row = origin.row;
  const column = columnFor(entity, path);
  if (column) error.column = column;
  return error;
}

const NODE_COLUMNS: Record<string, string> = { 'place.municipality': 'city', 'place.region': 'region', 'place.country': 'country', provenance: 'source' };
const RELATIONSHIP_COLUMNS: Record<string, string> = { validFrom: 'since', validTo: 'until', provenance: 'source' };

/** The import column a field path most likely came from (elements.csv / connections.csv names). */
export function columnFor(entity: 'node' | 'relationship', path: string): string | undefined {
  if (path === '(root)') return undefined;
  const parts = path.split('.');
  const table = entity === 'node' ? NODE_COLUMNS : RELATIONSHIP_COLUMNS;
  if (table[parts.slice(0, 2).join('.')]) return table[parts.slice(0, 2).join('.')];
  if (table[parts[0]]) return table[parts[0]];
  if (parts[0] === 'properties' && parts[1]) return parts[1];
  return parts[0];
}
