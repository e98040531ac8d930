// Import/export codecs: CSV (elements + connections, Kumu-style), JSON, GEXF
// 1.3, GraphML; export also Cypher and CSV as a zip.
//
//   importGraph(store, [{ name, path | buffer | stream }], { format?, mode, dryRun, onProgress }) → ImportReport
//   exportGraph(store, format, writable) → { nodes, relationships, bytes }
//   exportChunks(store, format) → AsyncIterable<Uint8Array>   (Readable.from(...) for HTTP)
//   EXPORT_FORMAT_INFO[format] → { contentType, fileName }

export { importGraph, ON_ERROR, type ImportOptions, type ImportProgress, type ImportReport, type ImportedFileSummary, type ImportFile } from './import.ts';
export { ELEMENT_COLUMNS, CONNECTION_COLUMNS, mapColumns, type ColumnMapping, type ColumnOverrides } from './column-mapping.ts';
export { exportGraph, exportChunks, type ExportOptions, type ExportSummary } from './export.ts';
export {
  EXPORT_FORMATS,
  EXPORT_FORMAT_INFO,
  IMPORT_FORMATS,
  detectFormat,
  isExportFormat,
  isImportFormat,
  type ExportFormat,
  type ImportFormat,
} from './formats.ts';
export { MAX_ERRORS } from './collector.ts';
export { cypherString } from './cypher.ts';
export { GEXF_NAMESPACE } from './gexf.ts';
export { GRAPHML_NAMESPACE } from './graphml.ts';
