import { slugify } from '../model/text.ts';
import { parseJson, parseNumber } from './cells.ts';
import { normaliseRelationshipType } from './kumu.ts';
import type { RowPlan } from './csv-elements.ts';

export function isConnectionsHeader(header: string[]): boolean {
  const lower = header.map((h) => h.toLowerCase());
  return lower.includes('from') && lower.includes('to');
}

/** Kumu connections name their ends (`From`/`To` = element labels) instead of giving ids. */
export function isKumuConnections(header: string[]): boolean {
  return header.includes('From') && header.includes('To') && !header.includes('from');
}

type Cell = (rel: Record<string, unknown>, value: string, problem: (message: string) => void) => void;

function properties(rel: Record<string, unknown>): Record<string, unknown> {
  return (rel.properties ??= {}) as Record<string, unknown>;
}

const weightCell: Cell = (r, v, problem) => {
  const x = parseNumber(v);
  if (x === undefined) problem(`"${v}" is not a number`);
  else properties(r).weight = x;
};

function ourCell(column: string): Cell {
  switch (column) {
    case 'from':
    case 'to':
    case 'id':
      return (r, v) => (r[column] = v);
    case 'type':
      return (r, v, problem) => {
        const type = normaliseRelationshipType(v);
        if (type) r.type = type;
        else problem(`"${v}" is not a relationship type`);
      };
    case 'since':
    case 'validFrom':
      return (r, v) => (r.validFrom = v);
    case 'until':
    case 'validTo':
      return (r, v) => (r.validTo = v);
    case 'role':
      return (r, v) => (properties(r).role = v);
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

export function connectionsPlan(header: string[], fileName: string): RowPlan {
  const kumu = isKumuConnections(header);
  const cells = header.map((column) => (kumu ? kumuCell(column) : ourCell(column)));
  const has = new Set(header);
  // One provenance array per distinct source: a million rows usually share one or two.
  const provenanceBySource = new Map<string, unknown[]>();

  const columnOf = (path: string): string | undefined => {
    const [head, sub] = path.split('.');
    if (head === 'properties') return sub && has.has(sub) ? sub : 'properties';
    if (head === 'provenance') return has.has('provenance') ? 'provenance' : 'source';
    if (COLUMN_OF_FIELD[head] && !has.has(head)) return COLUMN_OF_FIELD[head];
    if (kumu) return header.find((h) => h.toLowerCase() === head) ?? head;
    return head;
  };

  return {
    kumu,
    columnOf,
    map(row, problem) {
      const rel: Record<string, unknown> = {};
      for (let i = 0; i < header.length; i++) {
        const value = (row[i] ?? '').trim();
        if (value === '') continue;
        cells[i](rel, value, (message) => problem(header[i], message));
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
