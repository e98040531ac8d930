import { slugify } from '../model/text.ts';
import {
  NODE_BOOLEAN_FIELDS,
  NODE_JSON_FIELDS,
  NODE_LIST_FIELDS,
  NODE_NUMBER_FIELDS,
  NODE_TEXT_FIELDS,
  PLACE_COLUMNS,
} from './csv-columns.ts';
import { parseBoolean, parseJson, parseList, parseNumber } from './cells.ts';
import { kumuElementType } from './kumu.ts';
import type { ColumnResolver } from './sink.ts';

/** Turns one elements.csv row into a node input; problems are reported by column. */
export interface RowPlan {
  kumu: boolean;
  columnOf: ColumnResolver;
  map(cells: string[], problem: (column: string, message: string) => void): Record<string, unknown>;
}

type Cell = (node: Record<string, unknown>, value: string, problem: (message: string) => void) => void;

const TEXT = new Set<string>(NODE_TEXT_FIELDS);
const LISTS = new Set<string>(NODE_LIST_FIELDS);
const NUMBERS = new Set<string>(NODE_NUMBER_FIELDS);
const BOOLEANS = new Set<string>(NODE_BOOLEAN_FIELDS);
const JSONS = new Set<string>(NODE_JSON_FIELDS);

/** The header makes an elements file when it has `id` or a name column and no `from`/`to`. */
export function isElementsHeader(header: string[]): boolean {
  const lower = header.map((h) => h.toLowerCase());
  return !lower.includes('from') && (lower.includes('id') || lower.includes('name') || lower.includes('label'));
}

/** Kumu: `Label` is the name and there is no id column. */
export function isKumuElements(header: string[]): boolean {
  return header.includes('Label') && !header.includes('id') && !header.includes('name');
}

function place(node: Record<string, unknown>): Record<string, string> {
  return (node.place ??= {}) as Record<string, string>;
}

function properties(node: Record<string, unknown>): Record<string, unknown> {
  return (node.properties ??= {}) as Record<string, unknown>;
}

function ourCell(column: string): Cell {
  if (column === 'id' || column === 'name' || column === 'label' || column === 'kind' || column === 'level')
    return (n, v) => (n[column] = v);
  if (column === 'source') return (n, v) => (n.$source = v);
  if (PLACE_COLUMNS[column]) return (n, v) => (place(n)[PLACE_COLUMNS[column]] = v);
  if (TEXT.has(column)) return (n, v) => (n[column] = v);
  if (LISTS.has(column)) return (n, v) => (n[column] = parseList(v));
  if (NUMBERS.has(column))
    return (n, v, problem) => {
      const x = parseNumber(v);
      if (x === undefined) problem(`"${v}" is not a number`);
      else n[column] = x;
    };
  if (BOOLEANS.has(column))
    return (n, v, problem) => {
      const x = parseBoolean(v);
      if (x === undefined) problem(`"${v}" is not true/false`);
      else n[column] = x;
    };
  if (JSONS.has(column))
    return (n, v, problem) => {
      if (column === 'budget') {
        const amount = parseNumber(v);
        if (amount !== undefined) return void (n.budget = { amount });
      }
      const parsed = parseJson(v);
      if (!parsed.ok) return problem(`is not valid JSON`);
      if (column === 'properties') Object.assign(properties(n), parsed.value);
      else n[column] = parsed.value;
    };
  return (n, v) => (properties(n)[column] = v);
}

function kumuCell(column: string): Cell {
  const lower = column.toLowerCase();
  if (lower === 'label') return (n, v) => ((n.name = v), (n.id = slugify(v)));
  if (lower === 'type')
    return (n, v) => {
      const mapped = kumuElementType(v);
      n.label = mapped.label;
      if (mapped.kind) n.kind = mapped.kind;
      if (mapped.tag) n.$typeTag = mapped.tag;
    };
  if (lower === 'description') return (n, v) => (n.description = v);
  if (lower === 'tags') return (n, v) => (n.tags = parseList(v, /[;|]/));
  if (lower === 'website' || lower === 'url') return (n, v) => (n.website = v);
  if (lower === 'level') return (n, v) => (n.level = v.toLowerCase());
  if (PLACE_COLUMNS[lower]) return (n, v) => (place(n)[PLACE_COLUMNS[lower]] = v);
  return (n, v) => (properties(n)[column] = v);
}

export function elementsPlan(header: string[], fileName: string): RowPlan {
  const kumu = isKumuElements(header);
  const cells = header.map((column) => (kumu ? kumuCell(column) : ourCell(column)));
  const has = new Set(header);
  const nameColumn = kumu ? 'Label' : 'name';

  const columnOf: ColumnResolver = (path) => {
    const [head, sub] = path.split('.');
    if (head === 'place') {
      const col = Object.keys(PLACE_COLUMNS).find((c) => PLACE_COLUMNS[c] === sub && has.has(c));
      return col ?? 'place';
    }
    if (head === 'provenance') return has.has('provenance') ? 'provenance' : 'source';
    if (head === 'properties') return sub && has.has(sub) ? sub : 'properties';
    if (head === 'name') return has.has(nameColumn) ? nameColumn : 'id';
    if (head === 'id') return kumu ? 'Label' : has.has('id') ? 'id' : nameColumn;
    if (kumu && (head === 'label' || head === 'kind')) return 'Type';
    if (kumu) return header.find((h) => h.toLowerCase() === head) ?? head;
    return head;
  };

  return {
    kumu,
    columnOf,
    map(row, problem) {
      const node: Record<string, unknown> = {};
      for (let i = 0; i < header.length; i++) {
        const value = (row[i] ?? '').trim();
        if (value === '') continue;
        cells[i](node, value, (message) => problem(header[i], message));
      }
      // Derived defaults: label empty → Actor; name missing → id; id missing → slug of the name.
      if (!node.label) node.label = 'Actor';
      if (typeof node.id !== 'string' && typeof node.name === 'string') node.id = slugify(node.name);
      if (typeof node.name !== 'string' && typeof node.id === 'string') node.name = node.id;
      const source = node.$source as string | undefined;
      delete node.$source;
      if (!node.provenance) node.provenance = [{ source: source ?? fileName, confidence: 1 }];
      if (node.$typeTag) {
        node.tags = [...((node.tags as string[]) ?? []), node.$typeTag as string];
        delete node.$typeTag;
      }
      return node;
    },
  };
}
