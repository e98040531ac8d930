import neo4j from 'neo4j-driver';
import { inject } from 'vitest';
import { Neo4jReviewQueue } from '@atlas/graph/review/index.ts';
import { openTestNeo4jStore } from '../setup/neo4j-store.ts';
import { describeReview } from './review-suite.ts';

// The same suite with the queue as `_Suggestion` nodes in the run's Neo4j, chosen
// by the app from the store kind and NEO4J_URI (routes/review.ts defaultReviewQueue).
describeReview('neo4j', {
  open: openTestNeo4jStore,
  overrides: () => ({ NEO4J_URI: inject('neo4jUri') }),
  persisted: countSuggestions,
});

async function countSuggestions(): Promise<number> {
  const driver = neo4j.driver(inject('neo4jUri'));
  try {
    const r = await driver.executeQuery('MATCH (s:_Suggestion) RETURN count(s) AS n');
    return Number(r.records[0].get('n'));
  } finally {
    await driver.close();
  }
}

// And a queue given explicitly.
describeReview('neo4j, explicit queue', {
  open: openTestNeo4jStore,
  queue: () => new Neo4jReviewQueue({ uri: inject('neo4jUri') }),
  persisted: countSuggestions,
});
