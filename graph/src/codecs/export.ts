import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { Zip, ZipDeflate } from 'fflate';
import { ValidationError } from '../errors.ts';
import type { GraphStore } from '../store/port.ts';
import { CONNECTIONS_HEADER, ELEMENTS_HEADER, connectionLine, elementLine } from './csv-export.ts';
import { CYPHER_HEADER, cypherNodeStatements, cypherRelationshipStatements } from './cypher.ts';
import { EXPORT_FORMAT_INFO, EXPORT_FORMATS, isExportFormat, type ExportFormat } from './formats.ts';
import { GEXF_BETWEEN, GEXF_FOOTER, gexfEdge, gexfHeader, gexfNode } from './gexf.ts';
import { GRAPHML_FOOTER, graphmlEdge, graphmlHeader, graphmlNode } from './graphml.ts';
import { jsonLine } from './json-codec.ts';
import { orderedExport } from './ordered-export.ts';

export interface ExportSummary {
  format: ExportFormat;
  nodes: number;
  relationships: number;
  bytes: number;
}

export interface ExportOptions {
  /** Elements per store chunk (default 5000). */
  chunkSize?: number;
  /** Fixed timestamp for the GEXF meta (tests); default now. */
  now?: string;
}

const encoder = new TextEncoder();

/**
 * The export of the whole store in `format`, as a stream of byte chunks
 * (never one giant string). `counts` is filled in as it goes.
 */
export async function* exportChunks(
  store: GraphStore,
  format: ExportFormat,
  options: ExportOptions = {},
  counts: { nodes: number; relationships: number } = { nodes: 0, relationships: 0 },
): AsyncGenerator<Uint8Array> {
  if (!isExportFormat(format)) {
    throw new ValidationError(`unknown export format "${String(format)}"`, [
      { path: 'format', message: `must be one of ${EXPORT_FORMATS.join(', ')}` },
    ]);
  }
  const { nodes, relationships } = orderedExport(store, options.chunkSize);
  if (format === 'csv') {
    yield* csvZip(nodes, relationships, counts);
    return;
  }
  const text = (s: string) => encoder.encode(s);
  const parts = textParts(format, options.now ?? new Date().toISOString());
  yield text(parts.header);
  let first = true;
  for await (const chunk of nodes) {
    let out = '';
    if (format === 'cypher') out = cypherNodeStatements(chunk);
    else
      for (const n of chunk) {
        if (format === 'json') out += `${first ? '' : ',\n'}${jsonLine(n)}`;
        else out += format === 'gexf' ? gexfNode(n) : graphmlNode(n);
        first = false;
      }
    counts.nodes += chunk.length;
    yield text(out);
  }
  yield text(parts.between);
  first = true;
  for await (const chunk of relationships()) {
    let out = '';
    if (format === 'cypher') out = cypherRelationshipStatements(chunk);
    else
      for (const r of chunk) {
        if (format === 'json') out += `${first ? '' : ',\n'}${jsonLine(r)}`;
        else out += format === 'gexf' ? gexfEdge(r) : graphmlEdge(r);
        first = false;
      }
    counts.relationships += chunk.length;
    yield text(out);
  }
  yield text(parts.footer);
}

function textParts(format: Exclude<ExportFormat, 'csv'>, now: string): { header: string; between: string; footer: string } {
  switch (format) {
    case 'json':
      return { header: '{"nodes":[\n', between: '\n],"relationships":[\n', footer: '\n]}\n' };
    case 'gexf':
      return { header: gexfHeader(now), between: GEXF_BETWEEN, footer: GEXF_FOOTER };
    case 'graphml':
      return { header: graphmlHeader(), between: '', footer: GRAPHML_FOOTER };
    case 'cypher':
      return { header: CYPHER_HEADER, between: '', footer: '' };
  }
}

/** elements.csv then connections.csv, deflated into one zip as rows arrive. */
async function* csvZip(
  nodes: ReturnType<typeof orderedExport>['nodes'],
  relationships: ReturnType<typeof orderedExport>['relationships'],
  counts: { nodes: number; relationships: number },
): AsyncGenerator<Uint8Array> {
  const out: Uint8Array[] = [];
  let failure: Error | null = null;
  const zip = new Zip((error, data) => {
    if (error) failure = error;
    else out.push(data);
  });
  const drain = function* () {
    if (failure) throw failure;
    yield* out.splice(0);
  };
  const elements = new ZipDeflate('elements.csv', { level: 6 });
  zip.add(elements);
  elements.push(encoder.encode(ELEMENTS_HEADER));
  for await (const chunk of nodes) {
    elements.push(encoder.encode(chunk.map(elementLine).join('')));
    counts.nodes += chunk.length;
    yield* drain();
  }
  elements.push(new Uint8Array(0), true);
  const connections = new ZipDeflate('connections.csv', { level: 6 });
  zip.add(connections);
  connections.push(encoder.encode(CONNECTIONS_HEADER));
  for await (const chunk of relationships()) {
    connections.push(encoder.encode(chunk.map(connectionLine).join('')));
    counts.relationships += chunk.length;
    yield* drain();
  }
  connections.push(new Uint8Array(0), true);
  zip.end();
  yield* drain();
}

/** Writes the export to a writable (an HTTP response, a file), respecting backpressure. */
export async function exportGraph(store: GraphStore, format: ExportFormat, out: Writable, options: ExportOptions = {}): Promise<ExportSummary> {
  const counts = { nodes: 0, relationships: 0 };
  let bytes = 0;
  for await (const chunk of exportChunks(store, format, options, counts)) {
    if (!chunk.byteLength) continue;
    if (out.destroyed) break; // the client went away: stop reading the store
    bytes += chunk.byteLength;
    if (!out.write(chunk)) await Promise.race([once(out, 'drain'), once(out, 'close')]);
  }
  return { format, ...counts, bytes };
}

export { EXPORT_FORMAT_INFO };
