import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { EmbeddedStore } from '@atlas/graph/store/embedded/index.ts';
import { describeReview } from './review-suite.ts';

describeReview('embedded', {
  async open() {
    const dir = mkdtempSync(path.join(tmpdir(), 'atlas-review-'));
    const store = new EmbeddedStore({ dataDir: dir });
    await store.init();
    return { store, cleanup: async () => { await store.close(); rmSync(dir, { recursive: true, force: true }); } };
  },
  // The queue file next to the app's data (trustApp's DATA_DIR).
  persisted: async (dataDir) => (JSON.parse(readFileSync(path.join(dataDir, 'review.json'), 'utf8')) as { items: unknown[] }).items.length,

});
