import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EmbeddedStore } from '@atlas/graph/store/embedded/index.ts';
import { describePeersFeed } from './peers-feed-suite.ts';

describePeersFeed('embedded', async () => {
  const dataDir = await mkdtemp(join(tmpdir(), 'atlas-peers-feed-'));
  const store = new EmbeddedStore({ dataDir, logger: { warn: () => undefined } });
  await store.init();
  return {
    store,
    cleanup: async () => {
      await store.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
});
