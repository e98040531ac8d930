import { defineConfig } from 'vitest/config';

// One runner for every suite: unit tests next to their code, cross-cutting
// suites under test/. The Neo4j global setup starts a real Neo4j 5 for the run.
export default defineConfig({
  test: {
    include: ['graph/src/**/*.test.ts', 'seeds/src/**/*.test.ts', 'api/src/**/*.test.ts', 'test/**/*.test.ts'],
    exclude: ['**/node_modules/**', '**/dist/**'],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    pool: 'forks',
  },
});
