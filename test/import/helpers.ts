import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportChunks, type ExportFormat } from '../../graph/src/codecs/index.ts';
import type { GraphNode, GraphRelationship } from '../../graph/src/model/schemas.ts';
import { EmbeddedStore } from '../../graph/src/store/embedded/index.ts';
import type { GraphStore } from '../../graph/src/store/port.ts';
import { sameContent } from '../../graph/src/store/records.ts';

export async function openTempStore(): Promise<{ store: EmbeddedStore; cleanup: () => Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'atlas-import-'));
  const store = new EmbeddedStore({ dataDir: dir });
  await store.init();
  return {
    store,
    cleanup: async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function exportBuffer(store: GraphStore, format: ExportFormat): Promise<Buffer> {
  const parts: Uint8Array[] = [];
  for await (const chunk of exportChunks(store, format, { chunkSize: 97 })) parts.push(chunk);
  return Buffer.concat(parts);
}

export async function wholeGraph(store: GraphStore): Promise<{ nodes: Map<string, GraphNode>; relationships: Map<string, GraphRelationship> }> {
  const nodes = new Map<string, GraphNode>();
  const relationships = new Map<string, GraphRelationship>();
  for await (const chunk of store.exportAll()) {
    for (const n of chunk.nodes) nodes.set(n.id, n);
    for (const r of chunk.relationships) relationships.set(r.id, r);
  }
  return { nodes, relationships };
}

/** The ids whose records differ between two stores (createdAt/updatedAt ignored), at most 5 of each. */
export async function graphDifferences(a: GraphStore, b: GraphStore): Promise<string[]> {
  const [x, y] = [await wholeGraph(a), await wholeGraph(b)];
  const out: string[] = [];
  if (x.nodes.size !== y.nodes.size) out.push(`node count ${x.nodes.size} ≠ ${y.nodes.size}`);
  if (x.relationships.size !== y.relationships.size) out.push(`relationship count ${x.relationships.size} ≠ ${y.relationships.size}`);
  for (const [id, n] of x.nodes) {
    const m = y.nodes.get(id);
    if (!m || !sameContent(n, m)) out.push(`node ${id}: ${JSON.stringify(n)} ≠ ${JSON.stringify(m)}`);
    if (out.length > 5) return out;
  }
  for (const [id, r] of x.relationships) {
    const s = y.relationships.get(id);
    if (!s || !sameContent(r, s)) out.push(`relationship ${id}: ${JSON.stringify(r)} ≠ ${JSON.stringify(s)}`);
    if (out.length > 10) return out;
  }
  return out;
}
