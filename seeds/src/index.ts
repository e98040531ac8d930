import { countSeed, type SeedCounts } from './ecosystem/counts.ts';
import { seedDataset } from './ecosystem/dataset.ts';

export { seedDataset, type SeedDataset } from './ecosystem/dataset.ts';
export { DOC, DOCUMENTS, type Citation, type DocName, type SeedNode, type SeedRelationship } from './ecosystem/cite.ts';
export { countSeed, type SeedCounts } from './ecosystem/counts.ts';
export { readSource, seedDocumentsDir, sourcePath } from './ecosystem/sources.ts';
export { loadSeed, loadSeedIfEmpty, SEED_CONTEXT } from './load-seed.ts';
export { municipality, province, region, SPAIN_SOURCES, type Municipality, type Province, type Region } from './places/spain.ts';

/** Counts of the seed by label, `Label/kind`, level and relationship type. */
export function seedCounts(): SeedCounts {
  return countSeed(seedDataset());
}
