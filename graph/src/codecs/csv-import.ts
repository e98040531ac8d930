import { CsvSyntaxError, openCsv } from './csv-read.ts';
import { canonicalColumn, type ColumnMapping, type ColumnOverrides } from './column-mapping.ts';
import { connectionsPlan, isKumuConnections } from './csv-connections.ts';
import { elementsPlan, isKumuElements, type RowPlan } from './csv-elements.ts';
import { detectEncoding } from './encoding.ts';
import type { DecodeSink } from './sink.ts';
import { SourceError, type PreparedFile } from './source.ts';

export interface CsvFileSummary {
  name: string;
  kind: 'elements' | 'connections' | 'unknown';
  encoding: string;
  delimiter: string;
  rows: number;
  kumu: boolean;
  /** Which field each column filled (null: kept in `properties`), as guessed or as overridden. */
  columns?: ColumnMapping['columns'];
}

/** A file is connections when its columns name both ends, elements when they name an id or a name. */
function fileKind(header: string[]): 'elements' | 'connections' | 'unknown' {
  if (isKumuConnections(header)) return 'connections';
  if (isKumuElements(header)) return 'elements';
  const connection = new Set(header.map((h) => canonicalColumn('connections', h)));
  if (connection.has('from') && connection.has('to')) return 'connections';
  const element = new Set(header.map((h) => canonicalColumn('elements', h)));
  if (element.has('id') || element.has('name')) return 'elements';
  return 'unknown';
}

/** Coercions of one file, grouped by column and rule so that 10,000 fixed dates are one warning line. */
class Coercions {
  private readonly groups = new Map<string, { column: string; rule: string; count: number; examples: string[] }>();
  add(column: string, rule: string, row: number, detail: string): void {
    const key = `${column}\u0000${rule}`;
    let g = this.groups.get(key);
    if (!g) this.groups.set(key, (g = { column, rule, count: 0, examples: [] }));
    g.count++;
    const short = detail.replace(/\s+/g, ' ');
    if (g.examples.length < 3) g.examples.push(`row ${row}: ${short.length > 160 ? `${short.slice(0, 157)}…` : short}`);
  }
  warnings(file: string): string[] {
    return [...this.groups.values()].map(
      (g) => `${file}, column "${g.column}": ${g.count} value(s) understood and changed (${RULE_TEXT[g.rule] ?? g.rule}), e.g. ${g.examples.join('; ')}`,
    );
  }
}

const RULE_TEXT: Record<string, string> = {
  'several-urls': 'several URLs in one cell: the first is the website, all are kept in properties.websites',
  'scheme-added': 'https:// added to a bare address',
  'date-day-month-year': 'dd/mm/yyyy read as a day',
  'date-month-day-year': 'mm/dd/yyyy read as a day (the first number cannot be a month)',
  'date-year': 'a year alone: its first day (its last for an end date)',
  'date-year-month': 'a month alone: its first day (its last for an end date)',
  'date-date-time': 'a date-time: its day',
  'kind-synonym': 'kind written in other words',
  'kind-names-label': 'the kind names what the row is',
  'label-synonym': 'label written in other words',
  'level-synonym': 'level written in other words',
  'type-synonym': 'relationship type written in other words',
  'role-synonym': 'role written in other words',
  'postcode-leading-zero-restored': 'postcode lost its leading zero',
  'ineCode-leading-zero-restored': 'INE code lost its leading zero',
  'ineCode-check-digit-dropped': "INE code with its check digit: the digit dropped",
  'provinceCode-leading-zero-restored': 'province code lost its leading zero',
  'regionCode-leading-zero-restored': 'region code lost its leading zero',
};

const PROGRESS_EVERY = 10_000;

/**
 * Reads one elements.csv or connections.csv (which one is told by its header)
 * row by row into the sink. Never throws for bad content: everything becomes
 * an error with file, row and column.
 */
export async function decodeCsvFile(file: PreparedFile, sink: DecodeSink, overrides?: ColumnOverrides): Promise<CsvFileSummary> {
  const summary: CsvFileSummary = { name: file.name, kind: 'unknown', encoding: '', delimiter: '', rows: 0, kumu: false };
  const fail = (message: string, row?: number, column?: string) =>
    sink.error({ path: column ?? '(file)', message, file: file.name, ...(row !== undefined && { row }), ...(column && { column }) });
  try {
    const detected = await detectEncoding(file);
    summary.encoding = detected.encoding + (detected.bom ? ' (BOM)' : '') + (detected.doubleEncoded ? ', encoded twice (repaired)' : '');
    if (detected.warning) sink.warn(detected.warning);
    const table = await openCsv(file, detected);
    summary.delimiter = table.delimiter;
    const header = table.header;
    if (!header.length || header.every((h) => h === '')) return (fail('the file is empty: no header row', 1), summary);

    const seen = new Set<string>();
    for (const h of header) {
      if (h === '') fail('a column has no name', 1);
      else if (seen.has(h)) fail(`column "${h}" appears twice`, 1, h);
      seen.add(h);
    }

    let plan: RowPlan;
    summary.kind = fileKind(header);
    if (summary.kind === 'connections') {
      plan = connectionsPlan(header, file.name, overrides);
      if (!plan.kumu && !plan.mapping.columns.some((c) => c.field === 'type'))
        return (fail('connections need a "type" column (from,to,type,…; or tipo/tipus/relation)', 1, 'type'), summary);
    } else if (summary.kind === 'elements') {
      plan = elementsPlan(header, file.name, overrides);
    } else if (header.some((h) => canonicalColumn('elements', h))) {
      return (fail('elements need an "id" or a "name" column (id,label,kind,level,…,name; or nombre/nom/denominación)', 1, 'id'), summary);
    } else {
      fail(
        `the header (${header.slice(0, 6).join(', ')}…) is neither elements (a column "id" or "name"/nombre/nom) nor connections ("from" and "to"); no column names an id, a name or both ends`,
        1,
      );
      return summary;
    }
    summary.columns = plan.mapping.columns;
    const unknown = plan.mapping.columns.filter((c) => c.field === null);
    if (unknown.length)
      sink.warn(
        `${file.name}: column(s) kept as they are in properties: ${unknown.map((c) => `"${c.header}"${c.suggestion ? ` (did you mean "${c.suggestion}"?)` : ''}`).join(', ')}`,
      );
    summary.kumu = plan.kumu;

    const emit = summary.kind === 'elements' ? sink.node.bind(sink) : sink.relationship.bind(sink);
    const coercions = new Coercions();
    for await (const record of table.records) {
      summary.rows++;
      const origin = { file: file.name, row: record.row, columnOf: plan.columnOf, ...(plan.kumu && summary.kind === 'connections' && { inferType: true }) };
      if (record.cells.length > header.length && record.cells.slice(header.length).some((c) => c.trim() !== '')) {
        fail(`the row has ${record.cells.length} values but the header has ${header.length} columns`, record.row);
        sink.rowRejected?.(summary.kind, plan.map(record.cells.slice(0, header.length), { problem() {}, coerced() {} }), origin);
        continue;
      }
      let bad = false;
      const value = plan.map(record.cells, {
        problem(column, message) {
          bad = true;
          fail(message, record.row, column);
        },
        coerced: (column, rule, detail) => coercions.add(column, rule, record.row, detail),
      });
      if (!bad) emit(value, origin);
      else sink.rowRejected?.(summary.kind, value, origin);
      if (summary.rows % PROGRESS_EVERY === 0) sink.progress(file.name, summary.rows);
    }
    for (const warning of coercions.warnings(file.name)) sink.warn(warning);
    sink.progress(file.name, summary.rows);
  } catch (error) {
    if (error instanceof CsvSyntaxError) fail(error.message, error.row);
    else if (error instanceof SourceError) fail(error.message);
    else throw error;
  }
  return summary;
}
