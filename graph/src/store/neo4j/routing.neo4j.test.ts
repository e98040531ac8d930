import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { clearNeo4j } from '../../../../test/setup/neo4j-store.ts';
import { Neo4jStore } from './neo4j-store.ts';

// The code paths a cluster or Aura uses, run against the local Neo4j: the
// routing scheme (neo4j://, as neo4j+s:// for Aura), reads routed to READ
// members, and bookmarks that make a read wait for this process's last write.

const ctx = { actor: 'tester', via: 'test' };
let store: Neo4jStore;

beforeAll(async () => {
  const uri = inject('neo4jUri');
  await clearNeo4j(uri);
  // bolt://host:port → neo4j://host:port: the routing driver (routing table, READ/WRITE members).
  store = new Neo4jStore({ uri: uri.replace(/^bolt:/, 'neo4j:') });
  await store.init();
});
afterAll(async () => {
  await store?.close();
});

describe('Neo4jStore behind a routing URI', () => {
  it('writes, then reads its writes through the routed READ path', async () => {
    await store.createNode({ id: 'routed-a', label: 'Actor', name: 'Routed A', provenance: [{ source: 'test' }] }, ctx);
    // search and getNode go through executeQuery with routing READ.
    expect((await store.getNode('routed-a')).name).toBe('Routed A');
    expect((await store.search('Routed A', { limit: 1 }))[0]?.id).toBe('routed-a');
  });

  it('every committed write leaves a new bookmark that the next read waits for', async () => {
    const before = await store.lastBookmarks();
    expect(before.length).toBeGreaterThan(0);
    await store.createNode({ id: 'routed-b', label: 'Actor', name: 'Routed B', provenance: [{ source: 'test' }] }, ctx);
    const afterWrite = await store.lastBookmarks();
    expect(afterWrite).not.toEqual(before);
    await store.bulkUpsert({ nodes: [{ id: 'routed-c', label: 'Actor', name: 'Routed C', provenance: [{ source: 'test' }] }], relationships: [] }, { mode: 'merge' }, ctx);
    const afterImport = await store.lastBookmarks();
    expect(afterImport).not.toEqual(afterWrite);
    expect((await store.getNodes(['routed-b', 'routed-c'])).map((n) => n.id).sort()).toEqual(['routed-b', 'routed-c']);
  });

  it('a rolled-back write (dry run) leaves the bookmarks as they were', async () => {
    const before = await store.lastBookmarks();
    await store.bulkUpsert({ nodes: [{ id: 'routed-d', label: 'Actor', name: 'Routed D', provenance: [{ source: 'test' }] }], relationships: [] }, { mode: 'merge', dryRun: true }, ctx);
    expect(await store.lastBookmarks()).toEqual(before);
  });
});
