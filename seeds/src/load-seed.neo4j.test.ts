import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphStore } from '@atlas/graph';
import { openTestNeo4jStore } from '../../test/setup/neo4j-store.ts';
import { seedDataset } from './ecosystem/dataset.ts';
import { loadSeed } from './load-seed.ts';

// The same seed into a real Neo4j 5: created once, unchanged the second time.

let store: GraphStore;
let cleanup: () => Promise<void>;
const { nodes, relationships } = seedDataset();

beforeAll(async () => {
  ({ store, cleanup } = await openTestNeo4jStore());
});
afterAll(async () => {
  await cleanup?.();
});

describe('loadSeed into Neo4j', () => {
  it('creates the seed, then changes nothing on a second load', async () => {
    const first = await loadSeed(store);
    expect(first.nodes.created).toBe(nodes.length);
    expect(first.relationships.created).toBe(relationships.length);
    const revision = await store.revision();
    const second = await loadSeed(store);
    expect(second).toMatchObject({ created: 0, updated: 0, unchanged: nodes.length + relationships.length });
    expect(await store.revision()).toBe(revision);
  });

  it('stores provenance, places and budgets as the seed has them', async () => {
    const govtech = await store.getNode('madrid-govtech');
    expect(govtech.budget).toEqual({ amount: 155000, currency: 'EUR', period: 'year' });
    const vinaros = await store.getNode('vinaros');
    expect(vinaros.place).toMatchObject({ ineCode: '12138', municipality: 'Vinaròs' });
    const client = (await store.relationshipsOf('las-naves', { types: ['PARTICIPATES_IN'] })).find((r) => r.to === 'municipis-innovadors-fase-1');
    expect(client?.properties.role).toBe('client');
    expect(client?.provenance[0].quote).toBe('Client → Las Naves (Ajuntament de València)');
    const hits = await store.search('vinaros', { limit: 5 });
    expect(hits.map((h) => h.id)).toContain('place-vinaros');
  });
});
