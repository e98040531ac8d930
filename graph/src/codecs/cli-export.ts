import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { parseArgs } from 'node:util';
import { openStore } from '../store/open-store.ts';
import { exportGraph } from './export.ts';
import { EXPORT_FORMATS, isExportFormat } from './formats.ts';

// npm run export -- --format json|csv|gexf|graphml|cypher [--out file]   (stdout without --out)

const { values } = parseArgs({ options: { format: { type: 'string' }, out: { type: 'string' } } });
if (!isExportFormat(values.format)) {
  console.error(`usage: npm run export -- --format ${EXPORT_FORMATS.join('|')} [--out file]`);
  process.exit(2);
}
if (values.format === 'csv' && !values.out && process.stdout.isTTY) {
  console.error('the csv export is a zip: give --out file.zip or redirect stdout');
  process.exit(2);
}

const store = openStore(process.env, { logger: { warn: (m) => console.error(`warning: ${m}`) } });
await store.init();
let exitCode = 0;
try {
  const out = values.out ? createWriteStream(values.out) : process.stdout;
  const started = Date.now();
  const summary = await exportGraph(store, values.format, out);
  if (values.out) {
    out.end();
    await once(out, 'finish');
  }
  console.error(
    `exported ${summary.nodes.toLocaleString('en')} nodes and ${summary.relationships.toLocaleString('en')} relationships as ${summary.format} (${summary.bytes.toLocaleString('en')} bytes) in ${((Date.now() - started) / 1000).toFixed(1)} s${values.out ? ` to ${values.out}` : ''}`,
  );
} catch (error) {
  console.error((error as Error).message);
  exitCode = 1;
} finally {
  await store.close();
}
process.exit(exitCode);
