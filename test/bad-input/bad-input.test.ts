import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { EmbeddedStore } from '@atlas/graph/store/embedded/index.ts';
import { describeBadInput } from './runner.ts';

describeBadInput('embedded', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'atlas-bad-input-'));
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
