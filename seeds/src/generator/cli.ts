import { parseArgs } from 'node:util';
import { writeEcosystemCsv } from './write-csv.ts';

// npm run generate -- --actors 10000 --links 100000 --seed 42 --out data/synthetic-10k

const { values } = parseArgs({
  options: {
    actors: { type: 'string', default: '1000' },
    links: { type: 'string', default: '10000' },
    seed: { type: 'string', default: '1' },
    out: { type: 'string', default: 'data/synthetic' },
  },
});

const actors = Number(values.actors);
const links = Number(values.links);
if (!Number.isInteger(actors) || actors < 1 || !Number.isInteger(links) || links < 0) {
  console.error('usage: npm run generate -- --actors N --links M [--seed S] [--out DIR]');
  process.exit(2);
}
const started = Date.now();
try {
  const written = await writeEcosystemCsv({ actors, links, seed: values.seed! }, values.out!);
  const seconds = (Date.now() - started) / 1000;
  console.log(
    `wrote ${written.nodes.toLocaleString('en')} elements to ${written.elements} and ${written.relationships.toLocaleString('en')} connections to ${written.connections} in ${seconds.toFixed(1)} s (seed ${values.seed})`,
  );
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
