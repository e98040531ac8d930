import { openTestNeo4jStore } from '../setup/neo4j-store.ts';
import { describeBadInput } from './runner.ts';

describeBadInput('neo4j', async () => {
  const { store, cleanup } = await openTestNeo4jStore();
  return { store, close: cleanup };
});
