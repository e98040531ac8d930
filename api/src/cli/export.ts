import { createWriteStream } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { once } from 'node:events';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { openStore } from '@atlas/graph/store/open-store.ts';
import { exportGraph } from '@atlas/graph/codecs/export.ts';
import { EXPORT_FORMATS } from '@atlas/graph/codecs/formats.ts';
import { LayoutService } from '@atlas/graph/layout/service.ts';
import { loadConfig } from '../config.ts';
import { ExportQuery } from '../routes/transfer.ts';
import { atlasTemplatePath } from '../publish/atlas-html.ts';
import { PUBLISH_FORMATS, isPublishFormat, publish } from '../publish/publish.ts';

// npm run export -- --format json|csv|gexf|graphml|cypher [--out file]   (stdout without --out)
// npm run export -- --format html|svg|png --out file [--view network|collaboration]
//   [--levels a,b] [--kinds a,b] [--labels A,B] [--types T] [--topics id] [--at YYYY-MM-DD]
//   [--lang es|ca|en] [--width px] [--scale n] [--title text] [--attribution text]
//   [--source text: where the data came from, as the page states it; default the data directory or Neo4j URI]
// The same options, checks and files as GET /api/export (the one-file atlas, the map images).

const FORMATS = [...EXPORT_FORMATS, ...PUBLISH_FORMATS];
const text = { type: 'string' } as const;
const { values } = parseArgs({
  options: {
    format: text, out: text, view: text, levels: text, kinds: text, labels: text, types: text, topics: text,
    at: text, lang: text, width: text, scale: text, title: text, attribution: text, source: text,
  },
});
const usage = () => {
  console.error(`usage: npm run export -- --format ${FORMATS.join('|')} [--out file]\n  html|svg|png: --out file [--view network|collaboration] [--levels …] [--kinds …] [--at YYYY-MM-DD] [--lang es|ca|en] [--width px] [--scale n] [--title …] [--attribution …] [--source …]`);
  process.exit(2);
};
const parsed = ExportQuery.safeParse(Object.fromEntries(Object.entries(values).filter(([k, v]) => k !== 'out' && k !== 'source' && v !== undefined)));
if (!values.format || !parsed.success) {
  if (!parsed.success) for (const issue of parsed.error.issues) console.error(`--${issue.path.join('.')}: ${issue.message}`);
  usage();
}
const q = parsed.data!;
const format = q.format;
if (format === 'csv' && !values.out && process.stdout.isTTY) {
  console.error('the csv export is a zip: give --out file.zip or redirect stdout');
  process.exit(2);
}
if ((format === 'png' || format === 'html') && !values.out && process.stdout.isTTY) {
  console.error(`give --out file.${format} or redirect stdout`);
  process.exit(2);
}

const config = loadConfig(process.env);
const store = openStore(process.env, { logger: { warn: (m) => console.error(`warning: ${m}`) } });
await store.init();
let exitCode = 0;
const layouts = new LayoutService(store);
try {
  const started = Date.now();
  const seconds = () => ((Date.now() - started) / 1000).toFixed(1);
  if (isPublishFormat(format)) {
    const source = values.source ?? (process.env.NEO4J_URI ? `Neo4j ${process.env.NEO4J_URI}` : `data directory ${path.resolve(config.DATA_DIR)}`);
    const file = await publish(store, { ...q, format }, { layouts, atlasTemplate: atlasTemplatePath(config.WEB_DIST), source });
    if (values.out) await writeFile(values.out, file.body);
    else process.stdout.write(file.body);
    const bytes = Buffer.byteLength(file.body);
    console.error(
      `published ${file.nodes.toLocaleString('en')} nodes and ${file.edges.toLocaleString('en')} links of the ${q.view} view as ${format} (${bytes.toLocaleString('en')} bytes${file.converged ? '' : ', layout not settled'}) in ${seconds()} s${values.out ? ` to ${values.out}` : ''}`,
    );
  } else {
    const out = values.out ? createWriteStream(values.out) : process.stdout;
    const summary = await exportGraph(store, format, out);
    if (values.out) {
      out.end();
      await once(out, 'finish');
    }
    console.error(
      `exported ${summary.nodes.toLocaleString('en')} nodes and ${summary.relationships.toLocaleString('en')} relationships as ${summary.format} (${summary.bytes.toLocaleString('en')} bytes) in ${seconds()} s${values.out ? ` to ${values.out}` : ''}`,
    );
  }
} catch (error) {
  console.error((error as Error).message);
  exitCode = 1;
} finally {
  await layouts.close();
  await store.close();
}
process.exit(exitCode);
