import { openStore } from '@atlas/graph/store/open-store.ts';
import { countSeed } from './ecosystem/counts.ts';
import { seedDataset } from './ecosystem/dataset.ts';
import { loadSeed } from './load-seed.ts';

// `npm run seed`: loads the seed ecosystem into the configured store (NEO4J_URI
// → Neo4j, else the embedded store in DATA_DIR). Running it twice changes nothing.

function table(title: string, counts: Record<string, number>): string {
  return [`${title}:`, ...Object.entries(counts).map(([k, v]) => `  ${k.padEnd(28)} ${v}`)].join('\n');
}

async function main(): Promise<void> {
  const store = openStore(process.env);
  await store.init();
  try {
    const report = await loadSeed(store);
    const counts = countSeed(seedDataset());
    console.log(`Seed loaded into the ${store.kind} store (revision ${report.revision}).`);
    console.log(`  nodes:         ${report.nodes.created} created, ${report.nodes.updated} updated, ${report.nodes.unchanged} unchanged`);
    console.log(`  relationships: ${report.relationships.created} created, ${report.relationships.updated} updated, ${report.relationships.unchanged} unchanged`);
    console.log(`Seed: ${counts.nodes} nodes, ${counts.relationships} relationships`);
    console.log(table('by label', counts.byLabel));
    console.log(table('by kind', counts.byKind));
    console.log(table('by level', counts.byLevel));
    console.log(table('by relationship type', counts.byType));
  } finally {
    await store.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
