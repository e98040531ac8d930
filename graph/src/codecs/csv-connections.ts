import { slugify } from '../model/text.ts';
import { parseJson, parseNumber } from './cells.ts';
import { cleanCell } from './coerce.ts';
import { mapColumns, type ColumnOverrides } from './column-mapping.ts';
import { normaliseRelationshipType } from './kumu.ts';
import { roleFromTerm } from './terms.ts';
import { dayCell, termCell, type RowPlan } from './csv-elements.ts';

/** Kumu connections name their ends (`From`/`To` = element labels) instead of giving ids. */
export function isKumuConnections(header: string[]): boolean {
  return header.includes('From') && header.includes('To') && !header.includes('from');
}

type Cell = (rel: Record<string, unknown>, value: string, problem: (message: string) => void, coerced: (rule: string, detail: string) => void) => void;

function properties(rel: Record<string, unknown>): Record<string, unknown> {
  return (rel.properties ??= {}) as Record<string, unknown>;
}

const weightCell: Cell = (r, v, problem) => {
  const x = parseNumber(v);
  if (x === undefined) problem(`"${v}" is not a number`);
  else properties(r).weight = x;
};

const roleCell: Cell = termCell(roleFromTerm, 'role-synonym', (r, role) => (properties(r).role = role));

const keep = (column: string): Cell => (r, v) => (properties(r)[column] = v);

function ourCell(column: string): Cell {
  switch (column) {
    case 'from':
    case 'to':
    case 'id':
      return (r, v) => (r[column] = v);
    case 'type':
      return (r, v, problem, coerced) => {
        const type = normaliseRelationshipType(v);
        if (type && type !== v) coerced('type-synonym', `"${v}" → ${type}`);
        if (type) r.type = type;
        else problem(`"${v}" is not a relationship type`);
      };
    case 'since':
    case 'validFrom':
      return dayCell('validFrom', false);
    case 'until':
    case 'validTo':
      return dayCell('validTo', true);
    case 'role':
      return roleCell;
    case 'weight':
      return weightCell;
    case 'amount':
      return (r, v, problem) => {
        const x = parseNumber(v);
        if (x === undefined) problem(`"${v}" is not a number`);
        else properties(r).amount = x;
      };
    case 'source':
      return (r, v) => (r.$source = v);
    case 'provenance':
    case 'properties':
      return (r, v, problem) => {
        const parsed = parseJson(v);
        if (!parsed.ok) return problem('is not valid JSON');
        if (column === 'properties') Object.assign(properties(r), parsed.value);
        else r.provenance = parsed.value;
      };
    default:
      return (r, v) => (properties(r)[column] = v);
  }
}

function kumuCell(column: string): Cell {
  switch (column.toLowerCase()) {
    case 'from':
    case 'to':
      return (r, v) => (r[column.toLowerCase()] = slugify(v));
    case 'type':
      return (r, v) => {
        const type = normaliseRelationshipType(v);
        if (type) r.type = type;
        properties(r).kumuType = v;
      };
    case 'weight':
    case 'strength':
      return weightCell;
    case 'role':
      return (r, v) => (properties(r).role = v);
    default:
      return (r, v) => (properties(r)[column] = v);
  }
}

const COLUMN_OF_FIELD: Record<string, string> = { validFrom: 'since', validTo: 'until' };

export function connectionsPlan(header: string[], fileName: string, overrides?: ColumnOverrides): RowPlan {
  const kumu = isKumuConnections(header);
  const mapping = mapColumns('connections', header, overrides);
  const fields = mapping.columns.map((c) => c.field);
  const cells = header.map((column, i) => (kumu ? kumuCell(column) : fields[i] ? ourCell(fields[i]!) : keep(column)));
  const columnOfField = new Map<string, string>();
  fields.forEach((f, i) => f && !columnOfField.has(f) && columnOfField.set(f, header[i]));
  const has = { has: (field: string) => columnOfField.has(field) };
  // One provenance array per distinct source: a million rows usually share one or two.
  const provenanceBySource = new Map<string, unknown[]>();

  const columnOf = (path: string): string | undefined => {
    const [head, sub] = path.split('.');
    if (head === 'properties') return (sub && header.find((h) => h === sub)) || 'properties';
    if (head === 'provenance') return columnOfField.get('provenance') ?? columnOfField.get('source') ?? 'source';
    if (kumu) return header.find((h) => h.toLowerCase() === head) ?? head;
    const field = COLUMN_OF_FIELD[head] && !has.has(head) ? COLUMN_OF_FIELD[head] : head;
    return columnOfField.get(field) ?? field;
  };

  return {
    kumu,
    mapping,
    columnOf,
    map(row, report) {
      const rel: Record<string, unknown> = {};
      for (let i = 0; i < header.length; i++) {
        const value = cleanCell(row[i] ?? '');
        if (value === '') continue;
        cells[i](rel, value, (message) => report.problem(header[i], message), (rule, detail) => report.coerced(header[i], rule, detail));
      }
      const source = (rel.$source as string | undefined) ?? fileName;
      delete rel.$source;
      if (!rel.provenance) {
        let shared = provenanceBySource.get(source);
        if (!shared) provenanceBySource.set(source, (shared = [{ source, confidence: 1 }]));
        rel.provenance = shared;
      }
      return rel;
    },
  };
}
