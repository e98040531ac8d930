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
  /** Elements rows that were rejected, by the id they would have had: later errors name them as their cause. */
  private readonly rejectedIds = new Map<string, ElementOrigin>();
  /** `file\0row` of every row with an error (onError=skip leaves them out). */
  private readonly badRows = new Set<string>();
  private readonly nodeRows = new Map<string, number>();
  private readonly relationshipRows = new Map<string, number>();
  private readonly deferred: Array<Pending<Record<string, unknown>>> = [];
  private readonly rejected: Array<Pending<Record<string, unknown>>> = [];

  constructor(private readonly onProgress: (file: string, rows: number) => void = () => {}) {}

  error(error: FieldError): void {
    if (error.row !== undefined) this.badRows.add(rowKey(error.file, error.row));
    this.errorCount++;
    if (this.errors.length < MAX_ERRORS) this.errors.push(error);
  }

  warn(message: string): void {
    if (!this.warnings.includes(message)) this.warnings.push(message);
  }

  progress(file: string, rows: number): void {
    this.onProgress(file, rows);
  }

  rowRejected(kind: 'elements' | 'connections', value: Record<string, unknown>, origin: ElementOrigin): void {
    if (kind === 'elements' && typeof value.id === 'string' && !this.rejectedIds.has(value.id)) this.rejectedIds.set(value.id, origin);
  }

  /** Why an end is missing: its row was rejected, or it is nowhere. */
  private missingEnd(end: 'from' | 'to', id: string): string {
    const cause = this.rejectedIds.get(id);
    if (cause) return `${end} "${id}" was not imported (${cause.file} row ${cause.row} rejected)`;
    return `"${id}" is neither in the imported elements nor in the store`;
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
      this.rowRejected('elements', value, origin);
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
        if (typeof id === 'string' && id !== '' && !labelOf(id)) this.fieldError(origin, end, this.missingEnd(end, id));
      }
    }
    for (const { value, origin } of this.relationships) {
      const from = labelOf(value.from);
      const to = labelOf(value.to);
      if (!from) this.fieldError(origin, 'from', this.missingEnd('from', value.from));
      if (!to) this.fieldError(origin, 'to', this.missingEnd('to', value.to));
      if (from && to) {
        const problem = endpointProblem(value.type as RelationshipType, from, to);
        if (problem) this.fieldError(origin, 'type', problem);
      }
    }
  }

  get badRowCount(): number {
    return this.badRows.size;
  }

  /** Errors that no skipping can mend: a file that cannot be read, a missing column (no row). */
  fatalErrors(): FieldError[] {
    return this.errors.filter((e) => e.row === undefined);
  }

  /** The rows with errors, each with its messages (onError=skip reports them). */
  skippedRows(): Array<{ file?: string; row: number; problems: string[] }> {
    const rows = new Map<string, { file?: string; row: number; problems: string[] }>();
    for (const e of this.errors) {
      if (e.row === undefined) continue;
      const key = rowKey(e.file, e.row);
      const entry = rows.get(key) ?? rows.set(key, { file: e.file, row: e.row, problems: [] }).get(key)!;
      entry.problems.push(e.column ? `${e.column}: ${e.message}` : e.message);
    }
    return [...rows.values()];
  }

  /** What is written; with `skipBad`, without the rows that had errors. */
  batch(skipBad = false): BulkBatch {
    const keep = (p: { origin: ElementOrigin }) => !skipBad || p.origin.row === undefined || !this.badRows.has(rowKey(p.origin.file, p.origin.row));
    return { nodes: this.nodes.filter(keep).map((p) => p.value), relationships: this.relationships.filter(keep).map((p) => p.value) };
  }
}

function rowKey(file: string | undefined, row: number): string {
  return `${file ?? ''}\u0000${row}`;
}
