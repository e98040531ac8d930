import type { GraphNode, GraphRelationship } from '../model/schemas.ts';
import { decodeText, detectEncoding, readText } from './encoding.ts';
import { textLines } from './lines.ts';
import type { DecodeSink } from './sink.ts';
import { SourceError, type PreparedFile } from './source.ts';

// Native JSON: `{"nodes": [...], "relationships": [...]}` with the stored
// records. The export writes one element per line so that the import can
// stream it back; any other layout of the same JSON is parsed whole.

const STORED_ONLY = ['createdAt', 'updatedAt'];

function asInput(record: unknown): Record<string, unknown> {
  if (!record || typeof record !== 'object' || Array.isArray(record)) return { $notObject: true };
  const out: Record<string, unknown> = { ...(record as Record<string, unknown>) };
  for (const key of STORED_ONLY) delete out[key];
  return out;
}

function emit(sink: DecodeSink, file: string, kind: 'nodes' | 'relationships', index: number, record: unknown) {
  const value = asInput(record);
  const origin = { file, row: index + 1, columnOf: (path: string) => `${kind}[${index}].${path}` };
  if (value.$notObject) return sink.error({ path: `${kind}[${index}]`, message: 'must be an object', file, row: index + 1 });
  if (kind === 'nodes') sink.node(value, origin);
  else sink.relationship(value, origin);
}

export async function decodeJsonFile(file: PreparedFile, sink: DecodeSink): Promise<{ nodes: number; relationships: number }> {
  const counts = { nodes: 0, relationships: 0 };
  try {
    if (file.reopenable && (await decodeLineLayout(file, sink, counts, true))) {
      await decodeLineLayout(file, sink, counts, false);
      return counts;
    }
    const { text } = await readText(file);
    let doc: unknown;
    try {
      doc = JSON.parse(text);
    } catch (error) {
      sink.error({ path: '(file)', message: `not valid JSON: ${(error as Error).message}`, file: file.name });
      return counts;
    }
    const body = (doc ?? {}) as Record<string, unknown>;
    const nodes = body.nodes;
    const relationships = body.relationships ?? body.edges ?? body.links;
    if (!Array.isArray(nodes) && !Array.isArray(relationships)) {
      sink.error({ path: 'nodes', message: 'expected {"nodes": [...], "relationships": [...]}', file: file.name });
      return counts;
    }
    (Array.isArray(nodes) ? nodes : []).forEach((n, i) => emit(sink, file.name, 'nodes', i, n));
    (Array.isArray(relationships) ? relationships : []).forEach((r, i) => emit(sink, file.name, 'relationships', i, r));
    counts.nodes = Array.isArray(nodes) ? nodes.length : 0;
    counts.relationships = Array.isArray(relationships) ? relationships.length : 0;
    sink.progress(file.name, counts.nodes + counts.relationships);
  } catch (error) {
    if (error instanceof SourceError) sink.error({ path: '(file)', message: error.message, file: file.name });
    else throw error;
  }
  return counts;
}

/**
 * The export's layout: `{"nodes":[` / one element per line / `],"relationships":[` /
 * one per line / `]}`. With `check` it only says whether the file has it.
 */
async function decodeLineLayout(
  file: PreparedFile,
  sink: DecodeSink,
  counts: { nodes: number; relationships: number },
  check: boolean,
): Promise<boolean> {
  let state: 'start' | 'nodes' | 'relationships' | 'end' = 'start';
  const detected = await detectEncoding(file);
  for await (const raw of textLines(decodeText(file, detected))) {
    const line = raw.trim();
    if (line === '') continue;
    if (state === 'start') {
      if (line !== '{"nodes":[') return false;
      state = 'nodes';
    } else if (line === '],"relationships":[' && state === 'nodes') state = 'relationships';
    else if (line === ']}' && state === 'relationships') state = 'end';
    else if (state === 'end') return false;
    else if (check) {
      if (!line.startsWith('{')) return false;
    } else {
      let record: unknown;
      try {
        record = JSON.parse(line.endsWith(',') ? line.slice(0, -1) : line);
      } catch (error) {
        const index = state === 'nodes' ? counts.nodes : counts.relationships;
        sink.error({ path: `${state}[${index}]`, message: `not valid JSON: ${(error as Error).message}`, file: file.name, row: index + 1 });
        return true;
      }
      if (state === 'nodes') emit(sink, file.name, 'nodes', counts.nodes++, record);
      else emit(sink, file.name, 'relationships', counts.relationships++, record);
      if ((counts.nodes + counts.relationships) % 10_000 === 0) sink.progress(file.name, counts.nodes + counts.relationships);
    }
  }
  if (!check) sink.progress(file.name, counts.nodes + counts.relationships);
  return state === 'end';
}

/** One node or relationship as a line of the export. */
export function jsonLine(record: GraphNode | GraphRelationship): string {
  return JSON.stringify(record);
}
