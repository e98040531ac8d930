import { openTestNeo4jStore } from '../setup/neo4j-store.ts';
import { describeStoreContract } from './store-contract.ts';

// The contract against the Neo4j adapter on the run's real Neo4j 5 (started by
// test/setup/neo4j.global.ts); each test gets the database emptied first.
describeStoreContract('neo4j', openTestNeo4jStore);
