// The exchange formats, what they are called on the wire and how a file's
// format is recognised when the caller does not say.

export const IMPORT_FORMATS = ['csv', 'json', 'gexf', 'graphml'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

export const EXPORT_FORMATS = ['json', 'csv', 'gexf', 'graphml', 'cypher'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportFormatInfo {
  contentType: string;
  /** Suggested download name (Content-Disposition). */
  fileName: string;
}

export const EXPORT_FORMAT_INFO: Record<ExportFormat, ExportFormatInfo> = {
  json: { contentType: 'application/json; charset=utf-8', fileName: 'atlas.json' },
  csv: { contentType: 'application/zip', fileName: 'atlas-csv.zip' },
  gexf: { contentType: 'application/gexf+xml; charset=utf-8', fileName: 'atlas.gexf' },
  graphml: { contentType: 'application/graphml+xml; charset=utf-8', fileName: 'atlas.graphml' },
  cypher: { contentType: 'text/plain; charset=utf-8', fileName: 'atlas.cypher' },
};

export function isImportFormat(value: unknown): value is ImportFormat {
  return typeof value === 'string' && (IMPORT_FORMATS as readonly string[]).includes(value);
}

export function isExportFormat(value: unknown): value is ExportFormat {
  return typeof value === 'string' && (EXPORT_FORMATS as readonly string[]).includes(value);
}

const BY_EXTENSION: Record<string, ImportFormat> = {
  csv: 'csv',
  tsv: 'csv',
  txt: 'csv',
  zip: 'csv',
  json: 'json',
  gexf: 'gexf',
  graphml: 'graphml',
  xml: 'graphml',
};

/**
 * The format of one file from its name, else from its first bytes:
 * `{`/`[` → json, `<gexf` → gexf, `<graphml` → graphml, `PK` → zipped csv,
 * anything else → csv.
 */
export function detectFormat(name: string, head: Uint8Array): ImportFormat {
  const ext = /\.([A-Za-z0-9]+)$/.exec(name)?.[1]?.toLowerCase();
  const text = new TextDecoder('utf-8').decode(head.subarray(0, 2048)).replace(/^\uFEFF/, '').trimStart();
  if (ext && BY_EXTENSION[ext] && ext !== 'xml' && ext !== 'txt') return BY_EXTENSION[ext];
  if (head[0] === 0x50 && head[1] === 0x4b) return 'csv';
  if (text.startsWith('{') || text.startsWith('[')) return 'json';
  if (/<gexf[\s>]/.test(text)) return 'gexf';
  if (/<graphml[\s>]/.test(text)) return 'graphml';
  return ext === 'xml' ? 'graphml' : 'csv';
}

export function isZip(head: Uint8Array): boolean {
  return head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04;
}
