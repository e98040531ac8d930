export { Neo4jStore, type Neo4jStoreOptions } from './neo4j-store.ts';
