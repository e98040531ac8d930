import neo4j from 'neo4j-driver';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { inject } from 'vitest';
import { Neo4jStore } from '../../graph/src/store/neo4j/index.ts';
import type { EmbeddedStore } from '../../graph/src/store/embedded/index.ts';
import { clearNeo4j } from '../setup/neo4j-store.ts';
import { exportBuffer, graphDifferences, openTempStore } from './helpers.ts';
import { CYPHER_INJECTION, trickyBatch } from './tricky-graph.ts';

// The Cypher export, run statement by statement on a real, empty Neo4j 5,
// recreates the graph exactly as the Neo4j store reads it.

let source: EmbeddedStore;
let cleanup: () => Promise<void>;
beforeAll(async () => {
  ({ store: source, cleanup } = await openTempStore());
  // Small: Neo4j plans every literal-only statement afresh, which is slow on a busy machine.
  const report = await source.bulkUpsert(trickyBatch({ actors: 20, links: 120 }), { mode: 'merge' }, { actor: 'tester' });
  expect(report.errors).toEqual([]);
});
afterAll(() => cleanup());

it('recreates the graph in Neo4j, the injection attempt stored as plain text', async () => {
  const uri = inject('neo4jUri');
  await clearNeo4j(uri);
  const script = (await exportBuffer(source, 'cypher')).toString('utf8');
  const driver = neo4j.driver(uri);
  try {
    const session = driver.session();
    try {
      // Literals never hold a raw newline, so ";\n" ends a statement.
      for (const statement of script.split(/;\n/)) {
        const body = statement.replace(/^\/\/.*$/gm, '').trim();
        if (body) {
          const t = Date.now();
          await session.run(body);
          if (process.env.DEBUG_CYPHER) console.log(Date.now() - t, body.slice(0, 80));
        }
      }
    } finally {
      await session.close();
    }
  } finally {
    await driver.close();
  }
  const store = new Neo4jStore({ uri });
  await store.init();
  try {
    expect((await store.getNode('tricky-1')).name).toBe(CYPHER_INJECTION);
    expect(await graphDifferences(source, store)).toEqual([]);
  } finally {
    await store.close();
  }
}, 400_000);
