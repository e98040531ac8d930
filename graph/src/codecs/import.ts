import { AtlasError, type FieldError } from '../errors.ts';
import type { NodeLabel } from '../model/vocabulary.ts';
import { enrichImport, type ImportCoverage } from '../places/enrich.ts';
import type { BulkProgress, BulkReport, GraphStore, WriteContext } from '../store/port.ts';
import { ImportCollector } from './collector.ts';
import { overrideProblems, type ColumnMapping, type ColumnOverrides } from './column-mapping.ts';
import { decodeCsvFile } from './csv-import.ts';
import { detectFormat, IMPORT_FORMATS, isImportFormat, type ImportFormat } from './formats.ts';
import { decodeGexfFile } from './gexf.ts';
import { decodeGraphmlFile } from './graphml.ts';
import { decodeJsonFile } from './json-codec.ts';
import { SourceError, prepareFile, zipEntries, type ImportFile, type PreparedFile } from './source.ts';

export type { ImportFile } from './source.ts';

export interface ImportProgress {
  phase: 'read' | 'check' | 'write' | 'done';
  file?: string;
  /** Rows or elements read so far in `file`. */
  rows?: number;
  /** Elements read so far in all files. */
  elements: number;
  /** Bytes of all files, when known, and bytes read so far (progress bars). */
  totalBytes?: number;
  bytesRead: number;
  /** While writing: the store's batches written so far (stores that write an import in several, e.g. Neo4j). */
  batch?: BulkProgress;
}

export interface ImportOptions {
  /** Forces the format of every file; default: detected per file from its name and first bytes. */
  format?: ImportFormat;
  mode?: 'merge' | 'replace';
  dryRun?: boolean;
  ctx?: WriteContext;
  onProgress?: (progress: ImportProgress) => void;
  /**
   * reject (default): any row with an error fails the whole import, nothing is written.
   * skip: rows with errors (and the connections that needed them) are left out and listed; the rest is written.
   */
  onError?: 'reject' | 'skip';
  /** CSV header (as written in the file) → column of our format, or null to keep it in `properties`; overrides the guess. */
  columns?: ColumnOverrides;
  /** Geocode places and infer missing levels (default true); false imports the files exactly as they are. */
  enrich?: boolean;
}

export const ON_ERROR = ['reject', 'skip'] as const;

export interface ImportedFileSummary {
  name: string;
  format: ImportFormat;
  /** csv: elements/connections; encoding and delimiter as detected. */
  kind?: string;
  encoding?: string;
  delimiter?: string;
  rows: number;
  /** csv: the field each column filled (null: kept in properties), with a suggestion for near misses. */
  columns?: ColumnMapping['columns'];
}

export interface ImportReport extends BulkReport {
  format: ImportFormat | 'mixed';
  mode: 'merge' | 'replace';
  files: ImportedFileSummary[];
  warnings: string[];
  /** All errors found; `errors` keeps the first MAX_ERRORS of them. */
  errorCount: number;
  onError: 'reject' | 'skip';
  /** onError=skip: the rows left out, each with its problems (at most MAX_ERRORS), and how many in all. */
  skipped?: Array<{ file?: string; row: number; problems: string[] }>;
  skippedCount?: number;
  /** How precisely actors were placed (gazetteer) and how many levels were inferred; absent when the import failed. */
  coverage?: ImportCoverage;
}

const ZERO = { created: 0, updated: 0, unchanged: 0, deleted: 0 };

/**
 * Imports files into the store, all or nothing: the files are read (streamed
 * for CSV), every row is checked (schema, duplicate ids, relationship ends in
 * the files or the store, allowed endpoint labels), and only when nothing is
 * wrong is the batch handed to `store.bulkUpsert` (itself all-or-nothing).
 * With errors the report lists them all with file, row and column and the
 * store is untouched. `dryRun` reports what would change.
 */
export async function importGraph(store: GraphStore, files: ImportFile[], options: ImportOptions = {}): Promise<ImportReport> {
  const mode = options.mode ?? 'merge';
  const dryRun = options.dryRun ?? false;
  const ctx = options.ctx ?? { actor: 'system', via: 'import' };
  if (options.format !== undefined && !isImportFormat(options.format)) {
    throw new AtlasError('validation', `unknown import format "${String(options.format)}"`, [
      { path: 'format', message: `must be one of ${IMPORT_FORMATS.join(', ')}` },
    ]);
  }
  if (mode !== 'merge' && mode !== 'replace') {
    throw new AtlasError('validation', `unknown mode "${String(mode)}"`, [{ path: 'mode', message: 'must be merge or replace' }]);
  }
  const onError = options.onError ?? 'reject';
  if (onError !== 'reject' && onError !== 'skip') {
    throw new AtlasError('validation', `unknown onError "${String(onError)}"`, [{ path: 'onError', message: 'must be reject or skip' }]);
  }
  const columnProblems = overrideProblems(options.columns ?? {});
  if (columnProblems.length) throw new AtlasError('validation', 'the column mapping names unknown columns', columnProblems.map((message) => ({ path: 'columns', message })));
  if (!files.length) throw new AtlasError('validation', 'no file to import', [{ path: 'files', message: 'at least one file is required' }]);

  let elements = 0;
  let totalBytes: number | undefined = 0;
  let bytesDone = 0;
  let current: PreparedFile | undefined;
  const progress = (p: Omit<ImportProgress, 'elements' | 'totalBytes' | 'bytesRead'>) =>
    options.onProgress?.({ ...p, elements, totalBytes, bytesRead: bytesDone + (current?.bytesRead ?? 0) });
  const lastRows = new Map<string, number>();
  const collector = new ImportCollector((file, rows) => {
    elements += rows - (lastRows.get(file) ?? 0);
    lastRows.set(file, rows);
    progress({ phase: 'read', file, rows });
  });

  const summaries: ImportedFileSummary[] = [];
  const formats = new Set<ImportFormat>();
  const prepared: Array<{ file: PreparedFile; format: ImportFormat }> = [];
  for (const input of files) {
    try {
      const file = await prepareFile(input);
      totalBytes = totalBytes !== undefined && file.size !== undefined ? totalBytes + file.size : undefined;
      const format = options.format ?? detectFormat(file.name, file.head);
      const entries = format === 'csv' ? await zipEntries(file) : [file];
      for (const entry of entries) prepared.push({ file: entry, format });
    } catch (error) {
      if (!(error instanceof SourceError)) throw error;
      collector.error({ path: '(file)', message: error.message, file: input.name });
    }
  }
  // Elements before connections whatever order the files came in.
  for (const { file, format } of prepared) {
    formats.add(format);
    current = file;
    if (format === 'csv') {
      const s = await decodeCsvFile(file, collector, options.columns);
      summaries.push({ name: file.name, format, kind: s.kind, encoding: s.encoding, delimiter: s.delimiter, rows: s.rows, ...(s.columns && { columns: s.columns }) });
    } else {
      const decode = format === 'json' ? decodeJsonFile : format === 'gexf' ? decodeGexfFile : decodeGraphmlFile;
      const s = await decode(file, collector);
      summaries.push({ name: file.name, format, rows: s.nodes + s.relationships });
    }
    bytesDone += file.bytesRead ?? 0;
    current = undefined;
  }

  progress({ phase: 'check' });
  const known = new Map<string, NodeLabel>();
  if (mode === 'merge') {
    const missing = collector.missingEnds();
    for (let i = 0; i < missing.length; i += 1000) {
      for (const node of await store.getNodes(missing.slice(i, i + 1000))) known.set(node.id, node.label);
    }
  }
  collector.finish(known);

  const base = {
    format: formats.size === 1 ? [...formats][0] : ('mixed' as const),
    mode,
    files: summaries,
    warnings: collector.warnings,
    onError,
  };
  const skipping = onError === 'skip' && collector.errorCount > 0 && collector.fatalErrors().length === 0;
  const skipped = skipping ? collector.skippedRows() : undefined;
  if (skipped) collector.warn(`${collector.badRowCount} row(s) with errors were skipped (onError=skip); the report lists each with its problems`);
  if (collector.errorCount > 0 && !skipping) {
    const order = new Map(prepared.map((p, i) => [p.file.name, i]));
    const errors = [...collector.errors].sort(
      (a, b) => (order.get(a.file ?? '') ?? -1) - (order.get(b.file ?? '') ?? -1) || (a.row ?? 0) - (b.row ?? 0),
    );
    return failed(base, errors, collector.errorCount, dryRun, await store.revision());
  }

  // Places geocoded from the gazetteer, levels inferred where the files have none (graph/src/places/enrich.ts).
  const batch = collector.batch(skipping);
  const enrichment =
    options.enrich === false ? undefined : await enrichImport(batch, { lookupExisting: mode === 'merge' ? (ids) => store.getNodes(ids) : undefined });
  for (const warning of enrichment?.warnings ?? []) collector.warn(warning);

  progress({ phase: 'write' });
  let report: BulkReport;
  try {
    report = await store.bulkUpsert(batch, { mode, dryRun, onProgress: (written) => progress({ phase: 'write', batch: written }) }, ctx);
  } catch (error) {
    if (error instanceof AtlasError && error.code === 'validation') {
      const errors = error.errors ?? [{ path: '(import)', message: error.message }];
      return failed(base, errors, errors.length, dryRun, await store.revision());
    }
    throw error;
  }
  progress({ phase: 'done' });
  return {
    ...report,
    ...base,
    ...(skipped && { skipped, skippedCount: collector.badRowCount }),
    ...(enrichment && { coverage: enrichment.coverage }),
    errorCount: report.errors.length,
  };
}

function failed(
  base: Omit<ImportReport, keyof BulkReport | 'errorCount'>,
  errors: FieldError[],
  errorCount: number,
  dryRun: boolean,
  revision: number,
): ImportReport {
  return {
    ...base,
    nodes: { ...ZERO },
    relationships: { ...ZERO },
    ...ZERO,
    errors,
    errorCount,
    dryRun,
    revision,
  };
}
