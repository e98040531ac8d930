// `npm run bench [-- --quick] [-- --only=<section>]`: runs the benchmark
// sections, prints a table per section and writes bench/results/<section>[-quick].json.
// A section is a module exporting a BenchSection (bench/src/lib/section.ts: sections
// never import this file, which runs on import) registered below; other
// benchmarks (API latency, import throughput…) plug in the same way.

import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem, loadavg } from 'node:os';
import { analyticsSection } from './analytics/section.ts';
import { apiLatencySection, importSection, linkPredictionSection } from './service-sections.ts';
import { layoutSection } from './layout.ts';
import { publishSection } from './publish.ts';
import { extractionSection } from './extraction.ts';
import { formatTable } from './lib/report.ts';
import type { BenchSection } from './lib/section.ts';

const SECTIONS: BenchSection[] = [analyticsSection, apiLatencySection, importSection, linkPredictionSection, layoutSection, publishSection, extractionSection];

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const quick = args.includes('--quick');
  const only = args.find((a) => a.startsWith('--only='))?.slice('--only='.length);
  const selected = SECTIONS.filter((s) => !only || s.name === only);
  if (!selected.length) throw new Error(`unknown section "${only}"; known: ${SECTIONS.map((s) => s.name).join(', ')}`);
  const resultsDir = new URL('../results/', import.meta.url);
  mkdirSync(resultsDir, { recursive: true });
  const machine = {
    node: process.version,
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model,
    memoryGb: +(totalmem() / 2 ** 30).toFixed(1),
    loadAverageAtStart: loadavg().map((l) => +l.toFixed(2)),
  };
  for (const section of selected) {
    const started = Date.now();
    const log = (message: string) => console.error(`[${section.name} ${((Date.now() - started) / 1000).toFixed(0)}s] ${message}`);
    const result = await section.run({ quick, log });
    console.log(`\n${formatTable(result)}\n`);
    const file = new URL(`${section.name}${quick ? '-quick' : ''}.json`, resultsDir);
    const payload = { ...result, quick, date: new Date().toISOString(), durationS: (Date.now() - started) / 1000, machine: { ...machine, loadAverageAtEnd: loadavg().map((l) => +l.toFixed(2)) } };
    // Measurements carry the computed result (`value`) for the checks; the file keeps only figures.
    writeFileSync(file, JSON.stringify(payload, (key, value) => (key === 'value' ? undefined : value), 2) + '\n');
    console.error(`wrote ${file.pathname}`);
  }
}

await main();
