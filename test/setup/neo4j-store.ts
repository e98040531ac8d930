import neo4j from 'neo4j-driver';
import { inject } from 'vitest';
import { Neo4jStore, type Neo4jStoreOptions } from '../../graph/src/store/neo4j/index.ts';
import type { GraphStore } from '../../graph/src/store/port.ts';

// For *.neo4j.test.ts files: a Neo4jStore on the run's Neo4j (see
// neo4j.global.ts), on an emptied database. Community Neo4j has a single user
// database, so Neo4j test files run one at a time (vitest.config.ts).

/** Deletes every node and relationship (the _Meta revision and _Change log included), in batches. */
export async function clearNeo4j(uri: string): Promise<void> {
  const driver = neo4j.driver(uri);
  try {
    const session = driver.session();
    try {
      await session.run('MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS');
    } finally {
      await session.close();
    }
  } finally {
    await driver.close();
  }
}

export async function openTestNeo4jStore(options: Partial<Neo4jStoreOptions> = {}): Promise<{ store: Neo4jStore & GraphStore; cleanup: () => Promise<void> }> {
  const uri = inject('neo4jUri');
  await clearNeo4j(uri);
  const store = new Neo4jStore({ uri, ...options });
  await store.init();
  return { store, cleanup: () => store.close() };
}
