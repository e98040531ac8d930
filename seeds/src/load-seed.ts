import { ValidationError, type BulkReport, type GraphStore, type WriteContext } from '@atlas/graph';
import { seedDataset } from './ecosystem/dataset.ts';

// Loads the curated seed into any GraphStore as one merge-mode bulk upsert:
// new elements are created, seed fields of existing ones restored, provenance
// appended without duplicates, so a second run reports everything unchanged.

export const SEED_CONTEXT: WriteContext = { actor: 'seed', via: 'seed' };

export async function loadSeed(store: GraphStore, ctx: WriteContext = SEED_CONTEXT): Promise<BulkReport> {
  const { nodes, relationships } = seedDataset();
  const report = await store.bulkUpsert({ nodes, relationships }, { mode: 'merge' }, ctx);
  if (report.errors.length > 0) {
    // The seed is checked by its tests; an error here means the store disagrees with them.
    throw new ValidationError(`the seed was rejected: ${report.errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`, report.errors);
  }
  return report;
}

/** Loads the seed only into an empty store (what the start command does); returns null when the store had data. */
export async function loadSeedIfEmpty(store: GraphStore, ctx: WriteContext = SEED_CONTEXT): Promise<BulkReport | null> {
  const { nodes } = await store.stats();
  return nodes === 0 ? loadSeed(store, ctx) : null;
}
