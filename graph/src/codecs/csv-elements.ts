import { slugify } from '../model/text.ts';
import type { NodeLabel } from '../model/vocabulary.ts';
import { cleanCell, cleanName, coerceDay, coerceIneCode, coercePostcode, coerceWebsites } from './coerce.ts';
import { mapColumns, type ColumnMapping, type ColumnOverrides } from './column-mapping.ts';
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
import { kindFromTerm, labelAndKindFromTerm, labelFromTerm, levelFromTerm } from './terms.ts';

/** What a cell's reader reports: a problem (the row is wrong) or a coercion (the value was understood, and changed). */
export interface CellReport {
  problem(column: string, message: string): void;
  /** `rule` groups the warnings ("several-urls"); `detail` is what was written and what it became. */
  coerced(column: string, rule: string, detail: string): void;
}

/** Turns one CSV row into a node or relationship input; problems and coercions are reported by column. */
export interface RowPlan {
  kumu: boolean;
  mapping: ColumnMapping;
  columnOf: ColumnResolver;
  map(cells: string[], report: CellReport): Record<string, unknown>;
}

type Cell = (node: Record<string, unknown>, value: string, problem: (message: string) => void, coerced: (rule: string, detail: string) => void) => void;

const TEXT = new Set<string>(NODE_TEXT_FIELDS);
const LISTS = new Set<string>(NODE_LIST_FIELDS);
const NUMBERS = new Set<string>(NODE_NUMBER_FIELDS);
const BOOLEANS = new Set<string>(NODE_BOOLEAN_FIELDS);
const JSONS = new Set<string>(NODE_JSON_FIELDS);
const DAYS = new Set(['validFrom', 'validTo', 'startDate', 'endDate', 'date']);
const END_DAYS = new Set(['validTo', 'endDate']);

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

/** A day cell (`dd/mm/yyyy`, a year…) as YYYY-MM-DD; what cannot be read stays as written for the schema to refuse. */
export function dayCell(field: string, end: boolean): Cell {
  return (n, v, _problem, coerced) => {
    const { day, rule } = coerceDay(v, end);
    if (day && rule) coerced(`date-${rule}`, `"${v}" → ${day}`);
    n[field] = day ?? v;
  };
}

/**
 * A cell of the vocabulary written in other words: the term it stands for
 * (reported as `rule`), or the value as written for the schema to judge.
 */
export function termCell(read: (value: string) => string | undefined, rule: string, set: (record: Record<string, unknown>, value: string) => void): Cell {
  return (record, v, _problem, coerced) => {
    const term = read(v);
    if (term && term !== v) coerced(rule, `"${v}" → ${term}`);
    set(record, term ?? v);
  };
}

const CODE_DIGITS: Record<string, 2 | 5 | 'any'> = { ineCode: 'any', provinceCode: 2, regionCode: 2 };

function ourCell(column: string): Cell {
  if (column === 'id') return (n, v) => (n.id = v);
  if (column === 'name') return (n, v) => (n.name = cleanName(v));
  if (column === 'label') return termCell(labelFromTerm, 'label-synonym', (n, label) => (n.label = label));
  // Resolved once the row's label is known (see resolveKind).
  if (column === 'kind') return (n, v) => (n.$kind = v);
  if (column === 'level') return termCell(levelFromTerm, 'level-synonym', (n, level) => (n.level = level));
  if (column === 'source') return (n, v) => (n.$source = v);
  if (column === 'website')
    return (n, v, _p, coerced) => {
      const { website, all, rule } = coerceWebsites(v);
      if (!website) return void (n.website = v);
      if (rule === 'several-urls') coerced(rule, `"${v}" → website ${website}, all ${all.length} in properties.websites`);
      else if (rule) coerced(rule, `"${v}" → ${website}`);
      n.website = website;
      if (all.length > 1) properties(n).websites = all;
    };
  if (column === 'postcode')
    return (n, v, _p, coerced) => {
      const { code, rule } = coercePostcode(v);
      if (code && rule) coerced(`postcode-${rule}`, `"${v}" → ${code}`);
      properties(n).postcode = code ?? v;
    };
  if (CODE_DIGITS[column])
    return (n, v, _p, coerced) => {
      const { code, rule } = coerceIneCode(v, CODE_DIGITS[column]);
      if (code && rule) coerced(`${column}-${rule}`, `"${v}" → ${code}`);
      place(n)[PLACE_COLUMNS[column]] = code ?? v;
    };
  if (PLACE_COLUMNS[column]) return (n, v) => (place(n)[PLACE_COLUMNS[column]] = v);
  if (DAYS.has(column)) return dayCell(column, END_DAYS.has(column));
  if (TEXT.has(column)) return (n, v) => (n[column] = v);
  if (LISTS.has(column)) return (n, v) => (n[column] = parseList(v, /[;|]/));
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
        const amount = parseNumber(v.replace(/\s*(€|eur|euros?)$/i, '').replace(/^(\d{1,3})(\.\d{3})+(,\d+)?$/, (m) => m.replace(/\./g, '')));
        if (amount !== undefined) return void (n.budget = { amount });
      }
      const parsed = parseJson(v);
      if (!parsed.ok) return problem(`is not valid JSON`);
      if (column === 'properties') Object.assign(properties(n), parsed.value);
      else n[column] = parsed.value;
    };
  return (n, v) => (properties(n)[column] = v);
}

/** Kumu's own columns; the others are read as ours (`Website`, `City`…). */
function kumuCell(column: string | null, header: string): Cell | undefined {
  const lower = header.toLowerCase();
  if (lower === 'label') return (n, v) => ((n.name = cleanName(v)), (n.id = slugify(v)));
  if (lower === 'type')
    return (n, v) => {
      const mapped = kumuElementType(v);
      n.label = mapped.label;
      if (mapped.kind) n.kind = mapped.kind;
      if (mapped.tag) n.$typeTag = mapped.tag;
    };
  if (lower === 'tags') return (n, v) => (n.tags = parseList(v, /[;|]/));
  return column ? undefined : (n, v) => (properties(n)[header] = v);
}

/** The row's kind, read with its label known; a kind that names a label (`Proyecto`) makes the row that label. */
function resolveKind(node: Record<string, unknown>, labelGiven: boolean, column: string, report: CellReport): void {
  const raw = node.$kind as string | undefined;
  delete node.$kind;
  if (raw === undefined) return;
  const label = (labelFromTerm(String(node.label ?? 'Actor')) ?? 'Actor') as NodeLabel;
  const kind = kindFromTerm(label, raw);
  if (kind) {
    if (kind !== raw) report.coerced(column, 'kind-synonym', `"${raw}" → ${kind}`);
    node.kind = kind;
    return;
  }
  const other = labelGiven ? undefined : labelAndKindFromTerm(raw);
  if (other) {
    report.coerced(column, 'kind-names-label', `"${raw}" → ${other.label}${other.kind ? ` ${other.kind}` : ''}`);
    node.label = other.label;
    if (other.kind) node.kind = other.kind;
    return;
  }
  node.kind = raw;
}

export function elementsPlan(header: string[], fileName: string, overrides?: ColumnOverrides): RowPlan {
  const kumu = isKumuElements(header);
  const mapping = mapColumns('elements', header, overrides);
  if (kumu)
    for (const c of mapping.columns) {
      const lower = c.header.toLowerCase();
      if (lower === 'label' || lower === 'type') Object.assign(c, { field: lower === 'label' ? 'name' : 'kind', by: 'name', suggestion: undefined });
    }
  const fields = mapping.columns.map((c) => c.field);
  const cells = header.map((h, i) => (kumu && kumuCell(fields[i], h)) || (fields[i] ? ourCell(fields[i]!) : (n: Record<string, unknown>, v: string) => (properties(n)[h] = v)));
  const columnOfField = new Map<string, string>();
  fields.forEach((f, i) => f && !columnOfField.has(f) && columnOfField.set(f, header[i]));
  const labelGiven = columnOfField.has('label');
  const kindColumn = columnOfField.get('kind') ?? 'kind';
  const nameColumn = kumu ? 'Label' : (columnOfField.get('name') ?? 'name');

  const columnOf: ColumnResolver = (path) => {
    const [head, sub] = path.split('.');
    if (head === 'place') {
      const col = Object.keys(PLACE_COLUMNS).find((c) => PLACE_COLUMNS[c] === sub && columnOfField.has(c));
      return col ? columnOfField.get(col) : 'place';
    }
    if (head === 'provenance') return columnOfField.get('provenance') ?? columnOfField.get('source') ?? 'source';
    if (head === 'properties') return (sub && header.find((h) => h === sub)) || 'properties';
    if (head === 'name') return columnOfField.has('name') || kumu ? nameColumn : (columnOfField.get('id') ?? 'id');
    if (head === 'id') return kumu ? 'Label' : (columnOfField.get('id') ?? nameColumn);
    if (kumu && (head === 'label' || head === 'kind')) return header.find((h) => h.toLowerCase() === 'type') ?? 'Type';
    return columnOfField.get(head) ?? head;
  };

  return {
    kumu,
    mapping,
    columnOf,
    map(row, report) {
      const node: Record<string, unknown> = {};
      for (let i = 0; i < header.length; i++) {
        const value = cleanCell(row[i] ?? '');
        if (value === '') continue;
        cells[i](node, value, (message) => report.problem(header[i], message), (rule, detail) => report.coerced(header[i], rule, detail));
      }
      resolveKind(node, labelGiven, kindColumn, report);
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
