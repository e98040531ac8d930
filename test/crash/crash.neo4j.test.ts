import { inject } from 'vitest';
import { clearNeo4j } from '../setup/neo4j-store.ts';
import { describeCrash } from './crash-suite.ts';

// The API process is killed; Neo4j keeps running and keeps its committed transactions.
describeCrash('neo4j', {
  env: () => ({ NEO4J_URI: inject('neo4jUri') }),
  reset: () => clearNeo4j(inject('neo4jUri')),
  killAfterAcks: 80,
  maxWaitMs: 40_000,
});
