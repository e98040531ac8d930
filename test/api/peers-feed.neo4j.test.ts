import { openTestNeo4jStore } from '../setup/neo4j-store.ts';
import { describePeersFeed } from './peers-feed-suite.ts';

// On the run's real Neo4j 5 (test/setup/neo4j.global.ts), database emptied first.
describePeersFeed('neo4j', () => openTestNeo4jStore());
