import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EmbeddedStore } from '@atlas/graph/store/embedded/index.ts';
import { loadSeed } from '@atlas/seeds/load-seed.ts';
import { openTestNeo4jStore } from '../setup/neo4j-store.ts';
import { describeReadApi } from './read-api-suite.ts';

// The read API on a real Neo4j 5, with an embedded store holding the same seed
// as the reference: centrality and communities must come out identical.
describeReadApi('neo4j', async () => {
  const { store, cleanup } = await openTestNeo4jStore();
  const dataDir = await mkdtemp(join(tmpdir(), 'atlas-api-ref-'));
  const reference = new EmbeddedStore({ dataDir, logger: { warn: () => undefined } });
  await reference.init();
  await loadSeed(reference);
  return {
    store,
    reference,
    close: async () => {
      await cleanup();
      await reference.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
});
