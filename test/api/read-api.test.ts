import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EmbeddedStore } from '@atlas/graph/store/embedded/index.ts';
import { describeReadApi } from './read-api-suite.ts';

// The read API on the embedded store (temp DATA_DIR).
describeReadApi('embedded', async () => {
  const dataDir = await mkdtemp(join(tmpdir(), 'atlas-api-'));
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
