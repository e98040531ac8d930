import { openTestNeo4jStore } from '../setup/neo4j-store.ts';
import { describeCollaborationApi } from './collaboration-suite.ts';

// GET /api/collaboration on a real Neo4j 5: it reads the store's export stream, so it must answer as on the embedded store.
describeCollaborationApi('neo4j', async () => {
  const { store, cleanup } = await openTestNeo4jStore();
  return { store, close: cleanup };
});
