import type { FieldError } from '../errors.ts';
import { relationshipIdFor } from '../model/identity.ts';
import { NodeInputSchema, RelationshipInputSchema, endpointProblem } from '../model/schemas.ts';
import type { NodeLabel, RelationshipType } from '../model/vocabulary.ts';
import type { BulkBatch } from '../store/port.ts';
import { inferRelationshipType } from './kumu.ts';
import type { DecodeSink, ElementOrigin } from './sink.ts';

/** Imports keep at most this many errors (the total is still counted). */
export const MAX_ERRORS = 10_000;

interface Pending<T> {
  value: T;
  origin: ElementOrigin;
}

/**
 * Receives what the decoders read and checks it as a whole: schema, duplicate
 * ids, relationship ends present (in the files or the store) and allowed by
 * RELATIONSHIP_ENDPOINTS. Every problem becomes a FieldError with file, row
 * and column; nothing is written by it.
 */
export class ImportCollector implements DecodeSink {
  // Values already carry their `origin` ({file, row}) as bulkUpsert wants it.
  readonly nodes: Array<Pending<BulkBatch['nodes'][number]>> = [];
  readonly relationships: Array<Pending<BulkBatch['relationships'][number]>> = [];
  readonly errors: FieldError[] = [];
  readonly warnings: string[] = [];
  errorCount = 0;
  private readonly nodeRows = new Map<string, number>();
  private readonly relationshipRows = new Map<string, number>();
  private readonly deferred: Array<Pending<Record<string, unknown>>> = [];
  private readonly rejected: Array<Pending<Record<string, unknown>>> = [];

  constructor(private readonly onProgress: (file: string, rows: number) => void = () => {}) {}

  error(error: FieldError): void {
    this.errorCount++;
    if (this.errors.length < MAX_ERRORS) this.errors.push(error);
  }

  warn(message: string): void {
    if (!this.warnings.includes(message)) this.warnings.push(message);
  }

  progress(file: string, rows: number): void {
    this.onProgress(file, rows);
  }

  private fieldError(origin: ElementOrigin, path: string, message: string): void {
    const column = origin.columnOf?.(path);
    this.error({ path, message, file: origin.file, ...(origin.row !== undefined && { row: origin.row }), ...(column && { column }) });
  }

  private where(first: ElementOrigin): string {
    return first.row !== undefined ? `row ${first.row} of ${first.file}` : 'an earlier element';
  }

  node(value: Record<string, unknown>, origin: ElementOrigin): void {
    if (value.id === undefined && value.name === undefined) return this.fieldError(origin, 'id', 'an element needs an id or a name');
    const parsed = NodeInputSchema.safeParse(value);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) this.fieldError(origin, issue.path.map(String).join('.') || 'id', issue.message);
      return;
    }
    const id = parsed.data.id;
    if (id === undefined) return this.fieldError(origin, 'id', 'id is required');
    const earlier = this.nodeRows.get(id);
    if (earlier !== undefined) return this.fieldError(origin, 'id', `duplicate id "${id}" (already used at ${this.where(this.nodes[earlier].origin)})`);
    this.nodeRows.set(id, this.nodes.length);
    this.nodes.push({ value: { ...value, origin: { file: origin.file, row: origin.row } } as BulkBatch['nodes'][number], origin });
  }

  relationship(value: Record<string, unknown>, origin: ElementOrigin): void {
    if (value.type === undefined && origin.inferType) {
      this.deferred.push({ value, origin });
      return;
    }
    this.acceptRelationship(value, origin);
  }

  private acceptRelationship(value: Record<string, unknown>, origin: ElementOrigin): void {
    const parsed = RelationshipInputSchema.safeParse(value);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) this.fieldError(origin, issue.path.map(String).join('.') || 'type', issue.message);
      // Its ends are still checked, so that the report lists every problem of the row.
      this.rejected.push({ value, origin });
      return;
    }
    const id = parsed.data.id ?? relationshipIdFor(parsed.data);
    const earlier = this.relationshipRows.get(id);
    if (earlier !== undefined) {
      const at = this.where(this.relationships[earlier].origin);
      return this.fieldError(origin, 'to', `duplicate connection ${parsed.data.type} ${parsed.data.from} → ${parsed.data.to} (already at ${at})`);
    }
    this.relationshipRows.set(id, this.relationships.length);
    this.relationships.push({ value: { ...value, id, origin: { file: origin.file, row: origin.row } } as BulkBatch['relationships'][number], origin });
  }

  /** Ids that relationships point to but no imported node has. */
  missingEnds(): string[] {
    const missing = new Set<string>();
    const check = (id: unknown) => {
      if (typeof id === 'string' && !this.nodeRows.has(id)) missing.add(id);
    };
    for (const r of this.relationships) (check(r.value.from), check(r.value.to));
    for (const r of this.deferred) (check(r.value.from), check(r.value.to));
    for (const r of this.rejected) (check(r.value.from), check(r.value.to));
    return [...missing];
  }

  /**
   * Final checks once every file is read: infer Kumu types, then every
   * relationship end must exist (here or among `known`, labels from the store)
   * with labels its type allows.
   */
  finish(known: Map<string, NodeLabel>): void {
    const labelOf = (id: string): NodeLabel | undefined => {
      const i = this.nodeRows.get(id);
      return i !== undefined ? (this.nodes[i].value.label as NodeLabel) : known.get(id);
    };
    for (const { value, origin } of this.deferred.splice(0)) {
      const from = labelOf(String(value.from ?? ''));
      const to = labelOf(String(value.to ?? ''));
      const type = from && to ? inferRelationshipType(from, to) : undefined;
      if (from && to && !type) {
        this.fieldError(origin, 'type', `no type given and none fits a connection from a ${from} to a ${to}`);
        continue;
      }
      this.acceptRelationship(type ? { ...value, type } : { ...value, type: 'COLLABORATES_WITH' }, origin);
    }
    for (const { value, origin } of this.rejected) {
      for (const end of ['from', 'to'] as const) {
        const id = value[end];
        if (typeof id === 'string' && id !== '' && !labelOf(id)) this.fieldError(origin, end, `"${id}" is neither in the imported elements nor in the store`);
      }
    }
    for (const { value, origin } of this.relationships) {
      const from = labelOf(value.from);
      const to = labelOf(value.to);
      if (!from) this.fieldError(origin, 'from', `"${value.from}" is neither in the imported elements nor in the store`);
      if (!to) this.fieldError(origin, 'to', `"${value.to}" is neither in the imported elements nor in the store`);
      if (from && to) {
        const problem = endpointProblem(value.type as RelationshipType, from, to);
        if (problem) this.fieldError(origin, 'type', problem);
      }
    }
  }

  batch(): BulkBatch {
    return { nodes: this.nodes.map((p) => p.value), relationships: this.relationships.map((p) => p.value) };
  }
}
