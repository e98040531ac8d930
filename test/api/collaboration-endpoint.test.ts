import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EmbeddedStore } from '@atlas/graph/store/embedded/index.ts';
import { describeCollaborationApi } from './collaboration-suite.ts';

// GET /api/collaboration on the embedded store (the same suite runs on Neo4j in collaboration-endpoint.neo4j.test.ts).
describeCollaborationApi('embedded', async () => {
  const dataDir = await mkdtemp(join(tmpdir(), 'atlas-collaboration-endpoint-'));
  const store = new EmbeddedStore({ dataDir, logger: { warn: () => undefined } });
  await store.init();
  return {
    store,
    close: async () => {
      await store.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
});
