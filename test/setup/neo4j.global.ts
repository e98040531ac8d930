import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { startLocalNeo4j } from '../../graph/src/neo4j/local-server.ts';

// Vitest globalSetup of the `neo4j` project: ONE real Neo4j 5 for the whole
// run, in a temporary home removed afterwards. Test files get its Bolt URI
// with inject('neo4jUri'). If it cannot start, the run fails with the reason
// (locally and in CI): Neo4j tests are never skipped silently.

declare module 'vitest' {
  export interface ProvidedContext {
    neo4jUri: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const homeDir = mkdtempSync(path.join(tmpdir(), 'atlas-neo4j-test-'));
  try {
    const server = await startLocalNeo4j({ homeDir, heap: '2g', pageCacheMiB: 256 });
    console.log(`[neo4j] test server ${server.uri} ready in ${(server.startupMs / 1000).toFixed(1)} s`);
    project.provide('neo4jUri', server.uri);
    return async () => {
      await server.stop();
      rmSync(homeDir, { recursive: true, force: true });
    };
  } catch (error) {
    rmSync(homeDir, { recursive: true, force: true });
    throw new Error(`the Neo4j tests need a local Neo4j 5 and it could not start: ${(error as Error).message}`);
  }
}
