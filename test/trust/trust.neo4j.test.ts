import { openTestNeo4jStore } from '../setup/neo4j-store.ts';
import { describeTrust } from './trust-suite.ts';

describeTrust('neo4j', async () => {
  const { store, cleanup } = await openTestNeo4jStore();
  return { store, close: cleanup };
});
