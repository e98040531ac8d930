import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EmbeddedStore } from '@atlas/graph/store/embedded/index.ts';
import { describeStoreContract } from './store-contract.ts';

// The contract against the embedded store, each test in a fresh data directory.
describeStoreContract('embedded', async () => {
  const dataDir = await mkdtemp(join(tmpdir(), 'atlas-contract-'));
  const store = new EmbeddedStore({ dataDir, compactEvery: 25, logger: { warn: () => undefined } });
  await store.init();
  return {
    store,
    cleanup: async () => {
      await store.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
});
