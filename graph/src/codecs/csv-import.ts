import { CsvSyntaxError, openCsv } from './csv-read.ts';
import { connectionsPlan, isConnectionsHeader } from './csv-connections.ts';
import { elementsPlan, isElementsHeader, type RowPlan } from './csv-elements.ts';
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
}

const PROGRESS_EVERY = 10_000;

/**
 * Reads one elements.csv or connections.csv (which one is told by its header)
 * row by row into the sink. Never throws for bad content: everything becomes
 * an error with file, row and column.
 */
export async function decodeCsvFile(file: PreparedFile, sink: DecodeSink): Promise<CsvFileSummary> {
  const summary: CsvFileSummary = { name: file.name, kind: 'unknown', encoding: '', delimiter: '', rows: 0, kumu: false };
  const fail = (message: string, row?: number, column?: string) =>
    sink.error({ path: column ?? '(file)', message, file: file.name, ...(row !== undefined && { row }), ...(column && { column }) });
  try {
    const detected = await detectEncoding(file);
    summary.encoding = detected.encoding + (detected.bom ? ' (BOM)' : '');
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
    if (isConnectionsHeader(header)) {
      summary.kind = 'connections';
      plan = connectionsPlan(header, file.name);
      if (!plan.kumu && !header.includes('type')) return (fail('connections need a "type" column (from,to,type,…)', 1, 'type'), summary);
    } else if (isElementsHeader(header)) {
      summary.kind = 'elements';
      plan = elementsPlan(header, file.name);
      if (!plan.kumu && !header.includes('id') && !header.includes('name')) {
        return (fail('elements need an "id" or a "name" column (id,label,kind,level,…,name)', 1, 'id'), summary);
      }
    } else {
      fail(
        `the header (${header.slice(0, 6).join(', ')}…) is neither elements (id,label,…,name) nor connections (from,to,type,…); missing column "id" or "from"/"to"`,
        1,
      );
      return summary;
    }
    summary.kumu = plan.kumu;

    const emit = summary.kind === 'elements' ? sink.node.bind(sink) : sink.relationship.bind(sink);
    for await (const record of table.records) {
      summary.rows++;
      const origin = { file: file.name, row: record.row, columnOf: plan.columnOf, ...(plan.kumu && summary.kind === 'connections' && { inferType: true }) };
      if (record.cells.length > header.length && record.cells.slice(header.length).some((c) => c.trim() !== '')) {
        fail(`the row has ${record.cells.length} values but the header has ${header.length} columns`, record.row);
        continue;
      }
      let bad = false;
      const value = plan.map(record.cells, (column, message) => {
        bad = true;
        fail(message, record.row, column);
      });
      if (!bad) emit(value, origin);
      if (summary.rows % PROGRESS_EVERY === 0) sink.progress(file.name, summary.rows);
    }
    sink.progress(file.name, summary.rows);
  } catch (error) {
    if (error instanceof CsvSyntaxError) fail(error.message, error.row);
    else if (error instanceof SourceError) fail(error.message);
    else throw error;
  }
  return summary;
}
