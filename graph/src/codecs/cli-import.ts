import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { openStore } from '../store/open-store.ts';
import { IMPORT_FORMATS, isImportFormat } from './formats.ts';
import { importGraph } from './import.ts';
import { progressBar } from './progress-bar.ts';

// npm run import -- elements.csv connections.csv [--format csv] [--mode merge|replace] [--dry-run] [--json]
// Imports into the store configured by the environment (NEO4J_URI or DATA_DIR).

const usage = `usage: npm run import -- <files…> [--format ${IMPORT_FORMATS.join('|')}] [--mode merge|replace] [--dry-run] [--json]`;
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    format: { type: 'string' },
    mode: { type: 'string', default: 'merge' },
    'dry-run': { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
  },
});
if (!positionals.length || (values.format && !isImportFormat(values.format)) || (values.mode !== 'merge' && values.mode !== 'replace')) {
  console.error(usage);
  process.exit(2);
}

const store = openStore(process.env, { logger: { warn: (m) => console.error(`warning: ${m}`) } });
await store.init();
const bar = progressBar();
let exitCode = 0;
try {
  const report = await importGraph(
    store,
    positionals.map((path) => ({ name: basename(path), path })),
    {
      format: values.format as (typeof IMPORT_FORMATS)[number] | undefined,
      mode: values.mode as 'merge' | 'replace',
      dryRun: values['dry-run'],
      ctx: { actor: process.env.USER || 'cli', via: 'npm run import' },
      onProgress: (p) => bar.update(p),
    },
  );
  bar.done();
  if (values.json) console.log(JSON.stringify(report, null, 2));
  else {
    for (const f of report.files) console.log(`${f.name}: ${f.rows.toLocaleString('en')} rows${f.kind ? ` (${f.kind}, ${f.encoding}, "${f.delimiter}")` : ''}`);
    for (const w of report.warnings) console.log(`warning: ${w}`);
    if (report.errorCount) {
      console.log(`${report.errorCount} error(s); nothing was written:`);
      for (const e of report.errors.slice(0, 100)) {
        console.log(`  ${e.file ?? ''}${e.row !== undefined ? ` row ${e.row}` : ''}${e.column ? `, column ${e.column}` : ''}: ${e.message}`);
      }
      if (report.errorCount > 100) console.log(`  … and ${report.errorCount - 100} more (use --json for all)`);
    } else {
      const verb = report.dryRun ? 'would be' : 'were';
      console.log(
        `nodes: ${report.nodes.created} created, ${report.nodes.updated} updated, ${report.nodes.unchanged} unchanged, ${report.nodes.deleted} deleted (${verb})`,
      );
      console.log(
        `relationships: ${report.relationships.created} created, ${report.relationships.updated} updated, ${report.relationships.unchanged} unchanged, ${report.relationships.deleted} deleted (${verb})`,
      );
      console.log(`store revision ${report.revision}${report.dryRun ? ' (dry run: nothing written)' : ''}`);
    }
  }
  if (report.errorCount) exitCode = 1;
} catch (error) {
  bar.done();
  console.error((error as Error).message);
  exitCode = 1;
} finally {
  await store.close();
}
process.exit(exitCode);
