import { openTestNeo4jStore } from '../setup/neo4j-store.ts';
import { describeLayoutApi } from './layout-suite.ts';

// GET /api/layout on a real Neo4j 5: the layout only reads the topology stream, so it must behave as on the embedded store.
describeLayoutApi('neo4j', async () => {
  const { store, cleanup } = await openTestNeo4jStore();
  return { store, close: cleanup };
});
