import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { importGraph } from '../../graph/src/codecs/index.ts';
import { writeEcosystemCsv } from '../../seeds/src/generator/index.ts';
import { openTempStore } from './helpers.ts';

it('a generated ecosystem imports with exactly the generated counts', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'atlas-gen-import-'));
  const { store, cleanup } = await openTempStore();
  try {
    const written = await writeEcosystemCsv({ actors: 1000, links: 8000, seed: 'import' }, dir);
    const report = await importGraph(store, [
      { name: 'elements.csv', path: written.elements },
      { name: 'connections.csv', path: written.connections },
    ]);
    expect(report.errors).toEqual([]);
    expect(report.nodes.created).toBe(written.nodes);
    expect(report.relationships.created).toBe(8000);
    expect(await store.stats()).toMatchObject({ nodes: written.nodes, relationships: 8000 });
  } finally {
    await cleanup();
    rmSync(dir, { recursive: true, force: true });
  }
});
