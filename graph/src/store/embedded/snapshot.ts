import { open, rename, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { GraphNode, GraphRelationship } from '../../model/schemas.ts';
import { readTextLines } from './line-scanner.ts';
import { syncDirectory } from './journal.ts';

// The snapshot: the whole state at one revision, as ndjson (a header line,
// one line per node, one per relationship, an end line with the counts).
// Written to a temporary file, fsync'd, then renamed over the old one, so a
// crash leaves either the old or the new snapshot, never half of one.

export interface SnapshotHeader {
  format: 'atlas-embedded-snapshot';
  version: 1;
  revision: number;
  /** Last change-log seq included. */
  seq: number;
  nodes: number;
  relationships: number;
}

export async function writeSnapshot(
  path: string,
  state: { revision: number; seq: number; nodes: readonly GraphNode[]; relationships: readonly GraphRelationship[] },
): Promise<void> {
  const tmp = `${path}.tmp`;
  const handle = await open(tmp, 'w');
  try {
    const header: SnapshotHeader = {
      format: 'atlas-embedded-snapshot',
      version: 1,
      revision: state.revision,
      seq: state.seq,
      nodes: state.nodes.length,
      relationships: state.relationships.length,
    };
    // Whole lines gathered into ~8 MiB writes, awaiting only between writes.
    let parts: string[] = [`${JSON.stringify(header)}\n`];
    let size = 0;
    const lines = function* () {
      for (const node of state.nodes) yield `{"n":${JSON.stringify(node)}}\n`;
      for (const rel of state.relationships) yield `{"r":${JSON.stringify(rel)}}\n`;
      yield `${JSON.stringify({ end: true, nodes: state.nodes.length, relationships: state.relationships.length })}\n`;
    };
    for (const line of lines()) {
      parts.push(line);
      size += line.length;
      if (size >= 8 * 1024 * 1024) {
        await handle.write(parts.join(''));
        parts = [];
        size = 0;
      }
    }
    if (parts.length) await handle.write(parts.join(''));
    await handle.sync();
  } catch (error) {
    await handle.close();
    await rm(tmp, { force: true });
    throw error;
  }
  await handle.close();
  await rename(tmp, path);
  await syncDirectory(dirname(path));
}

export function readSnapshot(
  path: string,
  onNode: (node: GraphNode) => void,
  onRelationship: (rel: GraphRelationship) => void,
): SnapshotHeader {
  let header: SnapshotHeader | null = null;
  let ended = false;
  let lineNo = 0;
  let nodes = 0;
  let relationships = 0;
  for (const line of readTextLines(path)) {
    lineNo++;
    let value: { n?: GraphNode; r?: GraphRelationship; end?: boolean; nodes?: number; relationships?: number };
    try {
      value = JSON.parse(line);
    } catch {
      throw new Error(`snapshot ${path} is corrupt at line ${lineNo}`);
    }
    if (!header) {
      if ((value as unknown as SnapshotHeader).format !== 'atlas-embedded-snapshot') throw new Error(`${path} is not an embedded-store snapshot`);
      header = value as unknown as SnapshotHeader;
    } else if (value.n) {
      onNode(value.n);
      nodes++;
    } else if (value.r) {
      onRelationship(value.r);
      relationships++;
    } else if (value.end) {
      ended = value.nodes === nodes && value.relationships === relationships;
    }
  }
  if (!header || !ended) throw new Error(`snapshot ${path} is incomplete (no end line or wrong counts)`);
  return header;
}
