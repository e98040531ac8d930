import { defineConfig } from 'vitest/config';

// One runner for every suite: unit tests next to their code, cross-cutting
// suites under test/.
//
// Neo4j convention: a test file that talks to Neo4j is named `*.neo4j.test.ts`.
// Those files form the `neo4j` project, whose globalSetup starts ONE real
// Neo4j 5 for the run (test/setup/neo4j.global.ts; tests get its URI with
// inject('neo4jUri') or openTestNeo4jStore() from test/setup/neo4j-store.ts).
// Community Neo4j has a single user database and each file empties it first,
// so the `neo4j` project runs its files one at a time; everything else is the
// `unit` project and runs in parallel, without starting Neo4j.
const include = ['graph/src/**/*.test.ts', 'seeds/src/**/*.test.ts', 'api/src/**/*.test.ts', 'test/**/*.test.ts'];
const NEO4J_TESTS = '**/*.neo4j.test.ts';

export default defineConfig({
  test: {
    exclude: ['**/node_modules/**', '**/dist/**'],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    pool: 'forks',
    projects: [
      { extends: true, test: { name: 'unit', include, exclude: ['**/node_modules/**', '**/dist/**', NEO4J_TESTS] } },
      {
        extends: true,
        test: {
          name: 'neo4j',
          include: include.map((glob) => glob.replace(/\*\.test\.ts$/, '*.neo4j.test.ts')),
          globalSetup: ['test/setup/neo4j.global.ts'],
          fileParallelism: false,
        },
      },
    ],
  },
});
