import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EmbeddedStore } from '@atlas/graph/store/embedded/index.ts';
import { seedDataset } from './ecosystem/dataset.ts';
import { loadSeed, loadSeedIfEmpty } from './load-seed.ts';

// The seed in a real embedded store on a temp DATA_DIR: loaded once, loaded
// again (nothing changes), searchable across languages, durable on reopen.

const quiet = { warn: () => {} };
let dir: string;
let store: EmbeddedStore;
const { nodes, relationships } = seedDataset();

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'atlas-seed-'));
  store = new EmbeddedStore({ dataDir: dir, logger: quiet });
  await store.init();
});
afterAll(async () => {
  await store?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('loadSeed into the embedded store', () => {
  it('creates every seed node and relationship in one write', async () => {
    const before = await store.revision();
    const report = await loadSeed(store);
    expect(report.errors).toEqual([]);
    expect(report.nodes).toMatchObject({ created: nodes.length, updated: 0, unchanged: 0 });
    expect(report.relationships).toMatchObject({ created: relationships.length, updated: 0, unchanged: 0 });
    expect(await store.revision()).toBe(before + 1);
    expect(await store.stats()).toMatchObject({ nodes: nodes.length, relationships: relationships.length });
  });

  it('changes nothing the second time', async () => {
    const revision = await store.revision();
    const report = await loadSeed(store);
    expect(report).toMatchObject({ created: 0, updated: 0, deleted: 0, unchanged: nodes.length + relationships.length });
    expect(await store.revision()).toBe(revision);
    expect(await loadSeedIfEmpty(store)).toBeNull();
  });

  it('keeps provenance with quotes, stamped by the seed', async () => {
    const c = await store.getNode('esmd0008');
    expect(c.provenance.map((p) => p.quote)).toContain('Commitment Start: Dec 2024 Commitment End: Mar 2027');
    expect(c.provenance.every((p) => p.addedBy === 'seed' && p.source === '000_ccda06195d9218de.txt')).toBe(true);
    expect(c).toMatchObject({ validFrom: '2024-12-01', validTo: '2027-03-31' });
  });

  it('finds places and actors by any of their names, without accents', async () => {
    const top = async (q: string) => (await store.search(q, { limit: 5 })).map((h) => h.id);
    expect(await top('vinaros')).toEqual(expect.arrayContaining(['place-vinaros', 'vinaros']));
    expect(await top('Elche')).toEqual(expect.arrayContaining(['place-elx', 'elx']));
    expect(await top('Oropesa del Mar')).toEqual(expect.arrayContaining(['place-orpesa', 'orpesa']));
    expect(await top('Valencia')).toContain('place-valencia');
    expect(await top('ESMD0008')).toContain('esmd0008');
  });

  it('shows the network as it was on a given day', async () => {
    const in2021 = await store.listNodes({ labels: ['Project'], at: '2021-06-01', limit: 1000 });
    const ids2021 = in2021.items.map((n) => n.id);
    expect(ids2021).toContain('es0085');
    expect(ids2021).not.toContain('esmd0008');
    expect(ids2021).not.toContain('municipis-innovadors-fase-1');
    const in2025 = (await store.listNodes({ labels: ['Project'], at: '2025-06-01', limit: 1000 })).items.map((n) => n.id);
    expect(in2025).toContain('esmd0008');
    expect(in2025).not.toContain('es0085');
  });

  it('survives a reopen of the data directory', async () => {
    await store.close();
    store = new EmbeddedStore({ dataDir: dir, logger: quiet });
    await store.init();
    expect(await store.stats()).toMatchObject({ nodes: nodes.length, relationships: relationships.length });
    const report = await loadSeed(store);
    expect(report).toMatchObject({ created: 0, updated: 0 });
  });
});
