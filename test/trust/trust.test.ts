import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { EmbeddedStore } from '@atlas/graph/store/embedded/index.ts';
import { describeTrust } from './trust-suite.ts';

describeTrust('embedded', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'atlas-trust-'));
  const store = new EmbeddedStore({ dataDir: dir, logger: { warn: () => {} } });
  await store.init();
  return {
    store,
    close: async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});
