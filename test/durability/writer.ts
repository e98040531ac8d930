// Child process for the durability test: writes through an EmbeddedStore as
// fast as it can from several concurrent loops and prints each id as soon as
// its write is acknowledged. The test kills it with SIGKILL at some point.
import { writeSync } from 'node:fs';
import { EmbeddedStore } from '@atlas/graph/store/embedded/index.ts';

const [dataDir, prefix, compactEvery] = process.argv.slice(2);
const store = new EmbeddedStore({ dataDir, compactEvery: Number(compactEvery), logger: { warn: (m) => writeSync(2, `${m}\n`) } });
await store.init();
writeSync(1, 'READY\n');

let next = 0;
async function loop(): Promise<void> {
  for (;;) {
    const i = next++;
    const id = `${prefix}-${i}`;
    if (i % 5 === 4) {
      // Some relationships too, so replay has to rebuild adjacency.
      await store.createRelationship({ id, type: 'COLLABORATES_WITH', from: `${prefix}-${i - 1}`, to: `${prefix}-${i - 2}` }, { actor: 'writer' });
    } else {
      await store.createNode({ id, label: 'Actor', name: `Writer node ${i}`, description: 'x'.repeat(i % 300) }, { actor: 'writer' });
    }
    writeSync(1, `${id}\n`);
  }
}
// The store applies writes in call order, so a relationship may join nodes
// whose creation was issued just before it by another loop.
await Promise.all(Array.from({ length: 6 }, loop));
