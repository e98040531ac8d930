import type { FieldError } from '../errors.ts';

// What every decoder hands to the import pipeline. Decoders turn rows or XML
// elements into plain node / relationship inputs; the pipeline validates them,
// finds duplicates and dangling ends, and writes nothing if anything failed.

/** Maps a field path of the model (`validFrom`, `place.municipality`) to the column or attribute the user wrote. */
export type ColumnResolver = (path: string) => string | undefined;

export interface ElementOrigin {
  file: string;
  /** 1-based row as a spreadsheet shows it (header = row 1), or element position in JSON/XML. */
  row?: number;
  columnOf?: ColumnResolver;
  /** Kumu connections without a recognised type: the pipeline infers it from the end labels. */
  inferType?: boolean;
}

export interface DecodeSink {
  node(value: Record<string, unknown>, origin: ElementOrigin): void;
  relationship(value: Record<string, unknown>, origin: ElementOrigin): void;
  error(error: FieldError): void;
  /** A row that had errors: its id (or ends) let later errors name their cause. */
  rowRejected?(kind: 'elements' | 'connections', value: Record<string, unknown>, origin: ElementOrigin): void;
  warn(message: string): void;
  /** Rows/elements read so far in this file and bytes consumed (when known). */
  progress(file: string, rows: number): void;
}
