import { existsSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { openStore } from '../store/open-store.ts';
import { IMPORT_FORMATS, isImportFormat } from './formats.ts';
import { importGraph, ON_ERROR, type ImportReport } from './import.ts';
import type { ColumnOverrides } from './column-mapping.ts';
import { progressBar } from './progress-bar.ts';

// npm run import -- elements.csv connections.csv [--format csv] [--mode merge|replace] [--on-error reject|skip]
//   [--columns '{"Nombre":"name"}' | --columns mapping.json] [--no-enrich] [--dry-run] [--json]
// Imports into the store configured by the environment (NEO4J_URI or DATA_DIR).

const usage = `usage: npm run import -- <files…> [--format ${IMPORT_FORMATS.join('|')}] [--mode merge|replace] [--on-error reject|skip] [--columns JSON|file.json] [--no-enrich] [--dry-run] [--json]`;
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    format: { type: 'string' },
    mode: { type: 'string', default: 'merge' },
    'dry-run': { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
    'on-error': { type: 'string', default: 'reject' },
    columns: { type: 'string' },
    'no-enrich': { type: 'boolean', default: false },
  },
});
if (
  !positionals.length ||
  (values.format && !isImportFormat(values.format)) ||
  (values.mode !== 'merge' && values.mode !== 'replace') ||
  !(ON_ERROR as readonly string[]).includes(values['on-error'] ?? '')
) {
  console.error(usage);
  process.exit(2);
}

/** `--columns` is JSON (`{"Nombre": "name", "Notas": null}`) or the path of a JSON file holding it. */
function columnOverrides(arg: string | undefined): ColumnOverrides | undefined {
  if (arg === undefined) return undefined;
  const text = !arg.trim().startsWith('{') && existsSync(arg) ? readFileSync(arg, 'utf8') : arg;
  try {
    const parsed: unknown = JSON.parse(text);
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed) && Object.values(parsed).every((v) => v === null || typeof v === 'string'))
      return parsed as ColumnOverrides;
  } catch {
    // reported below
  }
  console.error(`--columns must be a JSON object {"header in the file": "column" | null}, or a file holding one`);
  process.exit(2);
}

function printColumns(report: ImportReport): void {
  for (const f of report.files) {
    if (!f.columns) continue;
    const mapped = f.columns.filter((c) => c.field && c.field !== c.header).map((c) => `${c.header} → ${c.field}`);
    if (mapped.length) console.log(`  columns read as: ${mapped.join(', ')}`);
  }
}

function printCoverage(report: ImportReport): void {
  const c = report.coverage;
  if (!c) return;
  const p = c.places;
  const pct = (n: number) => (p.actors ? ` (${((100 * n) / p.actors).toFixed(1)}%)` : '');
  console.log(
    `places of ${p.actors} actors: municipality ${p.municipality}${pct(p.municipality)}, province ${p.province}${pct(p.province)}, region ${p.region}${pct(p.region)}, country ${p.country}${pct(p.country)}, not placed ${p.none}${pct(p.none)}; ambiguous ${p.ambiguous}`,
  );
  const l = c.levels;
  console.log(`levels: ${l.explicit} given, ${l.inferred} inferred, ${l.none} still without; actors ${JSON.stringify(l.actors)}, projects ${JSON.stringify(l.projects)}`);
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
      onError: values['on-error'] as (typeof ON_ERROR)[number],
      columns: columnOverrides(values.columns),
      enrich: !values['no-enrich'],
      ctx: { actor: process.env.USER || 'cli', via: 'npm run import' },
      onProgress: (p) => bar.update(p),
    },
  );
  bar.done();
  if (values.json) console.log(JSON.stringify(report, null, 2));
  else {
    for (const f of report.files) console.log(`${f.name}: ${f.rows.toLocaleString('en')} rows${f.kind ? ` (${f.kind}, ${f.encoding}, "${f.delimiter === '\t' ? 'tab' : f.delimiter}")` : ''}`);
    printColumns(report);
    for (const w of report.warnings) console.log(`warning: ${w}`);
    for (const r of report.skipped?.slice(0, 100) ?? []) console.log(`  skipped ${r.file ?? ''} row ${r.row}: ${r.problems.join('; ')}`);
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
      printCoverage(report);
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
