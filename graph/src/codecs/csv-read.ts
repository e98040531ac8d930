import { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import { decodeText, type DetectedEncoding } from './encoding.ts';
import type { PreparedFile } from './source.ts';

export interface CsvRecord {
  /** Spreadsheet row: header = 1; a quoted newline does not start a new row. */
  row: number;
  cells: string[];
}

export interface CsvTable {
  header: string[];
  delimiter: string;
  records: AsyncGenerator<CsvRecord>;
}

export class CsvSyntaxError extends Error {
  constructor(
    message: string,
    readonly row: number,
  ) {
    super(message);
  }
}

const DELIMITERS = [',', ';', '\t', '|'];

/** Counts candidate delimiters outside quotes on the header line; `,` wins ties. */
export function detectDelimiter(firstLine: string): string {
  const counts = new Map<string, number>(DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  for (const ch of firstLine) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1);
  }
  let best = ',';
  for (const d of DELIMITERS) if (counts.get(d)! > counts.get(best)!) best = d;
  return best;
}

/**
 * Streams a CSV file: decodes it, detects the delimiter from the header line,
 * and yields records with their spreadsheet row numbers. Entirely empty rows
 * (trailing `,,,` lines included) are skipped but still counted.
 */
export async function openCsv(file: PreparedFile, detected: DetectedEncoding): Promise<CsvTable> {
  const text = decodeText(file, detected);
  let first = '';
  while (!/\r|\n/.test(first)) {
    const next = await text.next();
    if (next.done) break;
    first += next.value;
  }
  const headerLine = first.split(/\r\n|\n|\r/)[0] ?? '';
  const delimiter = detectDelimiter(headerLine);

  async function* all(): AsyncGenerator<string> {
    if (first) yield first;
    for (;;) {
      const next = await text.next();
      if (next.done) return;
      yield next.value;
    }
  }
  const parser = parse({ delimiter, relax_column_count: true, skip_empty_lines: false, bom: true });
  const source = Readable.from(all(), { objectMode: false });
  source.on('error', (error) => parser.destroy(error));
  source.pipe(parser);
  const iterator = parser[Symbol.asyncIterator]() as AsyncIterator<string[]>;
  // The parser runs ahead of the consumer: the failing record is the one after
  // those it had emitted (header and empty rows included) when it failed.
  let failedAt: number | undefined;
  parser.on('error', () => (failedAt ??= parser.info.records + 1));

  let row = 0;
  const nextRecord = async (): Promise<string[] | undefined> => {
    try {
      const next = await iterator.next();
      row++;
      return next.done ? undefined : next.value;
    } catch (error) {
      const e = error as Error & { code?: string };
      throw new CsvSyntaxError(csvMessage(e), failedAt ?? row + 1);
    }
  };

  const headerCells = (await nextRecord()) ?? [];
  const header = headerCells.map((h) => h.replace(/^\uFEFF/, '').trim());

  async function* records(): AsyncGenerator<CsvRecord> {
    try {
      for (;;) {
        const cells = await nextRecord();
        if (!cells) return;
        if (cells.every((c) => c.trim() === '')) continue;
        yield { row, cells };
      }
    } finally {
      source.destroy();
      parser.destroy();
    }
  }
  return { header, delimiter, records: records() };
}

function csvMessage(e: Error & { code?: string }): string {
  switch (e.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return 'a quoted value is never closed (missing ")';
    case 'CSV_INVALID_CLOSING_QUOTE':
    case 'CSV_INVALID_OPENING_QUOTE':
    case 'INVALID_OPENING_QUOTE':
    case 'CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE':
      return 'a quote " appears inside a value that is not quoted as RFC 4180 requires (write "" for a quote inside a quoted value)';
    default:
      return e.message;
  }
}
