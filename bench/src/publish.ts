// Publish section: the one-file atlas of a real data set (the H2020 Spain
// fixture, 3,162 elements / 3,212 links, or --publish-data=DIR with
// elements.csv + connections.csv) — export time and file size (goal ≤ 3 MB),
// and time to a drawn map when the file is opened from file:// in headless
// Chromium with every other request blocked (goal ≤ 2 s; the `atlas:drawn`
// mark the viewer sets after its first sigma frame, measured from navigation
// start, median of the opens). Baseline in the same process: the same viewer
// opening its template without data (what the page costs before the map). Also
// the server-side map images (SVG, PNG 1× and 2×).

import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { copyFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { importGraph } from '@atlas/graph/codecs/index.ts';
import { EmbeddedStore } from '@atlas/graph/store/embedded/index.ts';
import { LayoutService } from '@atlas/graph/layout/service.ts';
import { atlasTemplatePath } from '@atlas/api/publish/atlas-html.ts';
import { publish, type PublishRequest } from '@atlas/api/publish/publish.ts';
import { launchBrowser, newPage } from '@atlas/test/e2e/harness.ts';
import { time } from './lib/measure.ts';
import type { BenchRow } from './lib/report.ts';
import type { BenchSection } from './lib/section.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(here, '../..');
const FIXTURE = path.join(ROOT, 'test/fixtures/h2020-spain');
const TEMPLATE = atlasTemplatePath(path.join(ROOT, 'web/dist'));
const MAX_BYTES = 3 * 1024 * 1024;
const MAX_DRAWN_MS = 2000;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** Opens `file` from file:// with every other request aborted; ms from navigation start to the viewer's first drawn map. */
async function openToDrawn(browser: Browser, file: string, drawn: boolean): Promise<{ drawnMs: number; wallMs: number; blocked: number }> {
  const { context, page, errors } = await newPage(browser, { width: 1400, height: 900, locale: 'en-GB' });
  const url = pathToFileURL(file).href;
  let blocked = 0;
  await context.route('**', (route) => (route.request().url() === url ? route.continue() : (blocked++, route.abort())));
  try {
    const started = performance.now();
    await page.goto(url);
    if (drawn) await page.waitForSelector('body[data-drawn="true"]', { state: 'attached', timeout: 60_000 });
    else await page.waitForSelector('.atlas-empty', { state: 'attached', timeout: 60_000 });
    const wallMs = performance.now() - started;
    const drawnMs = drawn
      ? await page.evaluate(() => performance.getEntriesByName('atlas:drawn')[0].startTime)
      : await page.evaluate(() => performance.now());
    if (errors.length) throw new Error(`page errors: ${errors.join('\n')}`);
    return { drawnMs, wallMs, blocked };
  } finally {
    await context.close();
  }
}

export const publishSection: BenchSection = {
  name: 'publish',
  async run({ quick, log }) {
    const dataArg = process.argv.find((a) => a.startsWith('--publish-data='))?.slice('--publish-data='.length);
    const dir = dataArg ? path.resolve(dataArg) : FIXTURE;
    const opens = quick ? 3 : 7;
    if (!existsSync(TEMPLATE)) {
      log('building the atlas viewer template (npm run build:atlas --workspace web)');
      const built = spawnSync('npm', ['run', 'build:atlas', '--workspace', 'web'], { cwd: ROOT, encoding: 'utf8' });
      if (built.status !== 0) throw new Error(`atlas build failed:\n${built.stderr}`);
    }
    const work = await mkdtemp(path.join(tmpdir(), 'atlas-bench-publish-'));
    const store = new EmbeddedStore({ dataDir: path.join(work, 'data'), logger: { warn: () => {} } });
    await store.init();
    const layouts = new LayoutService(store);
    let browser: Browser | null = null;
    const rows: BenchRow[] = [];
    try {
      log(`importing ${dir}`);
      const report = await importGraph(store, [
        { name: 'elements.csv', path: path.join(dir, 'elements.csv') },
        { name: 'connections.csv', path: path.join(dir, 'connections.csv') },
      ]);
      if (report.errors.length) throw new Error(`import failed: ${JSON.stringify(report.errors.slice(0, 3))}`);
      const graph = path.basename(dir);
      const context = { layouts, atlasTemplate: TEMPLATE, source: `bench import of ${graph}` };
      const request = (format: PublishRequest['format'], extra: Partial<PublishRequest> = {}): PublishRequest => ({ format, view: 'network', lang: 'en', scale: 1, ...extra });

      // The layout is computed once and cached, as on the server: the export rows time the file itself.
      const layout = await time(() => layouts.result('network', {}));
      log(`layout ${layout.value.iterations} iterations, converged ${layout.value.converged}`);
      rows.push({ task: 'server layout (network, first request)', graph, ours: layout, details: { iterations: layout.value.iterations, converged: String(layout.value.converged) } });

      const html = await time(() => publish(store, request('html'), context));
      const file = path.join(work, 'atlas.html');
      await writeFile(file, html.value.body);
      const bytes = statSync(file).size;
      rows.push({
        task: 'one-file atlas export (html)',
        graph,
        ours: html,
        target: '≤ 3 MB',
        met: bytes <= MAX_BYTES,
        details: { bytes, mb: bytes / 2 ** 20, nodes: html.value.nodes, links: html.value.edges },
      });

      browser = await launchBrowser();
      // Baseline: the viewer page without data (its own parse and start-up).
      const empty = path.join(work, 'empty.html');
      await copyFile(TEMPLATE, empty);
      await openToDrawn(browser, file, true); // warm-up (Chromium's first context)
      const baseline: number[] = [];
      const drawn: number[] = [];
      const walls: number[] = [];
      let blocked = 0;
      for (let i = 0; i < opens; i++) {
        baseline.push((await openToDrawn(browser, empty, false)).drawnMs);
        const run = await openToDrawn(browser, file, true);
        drawn.push(run.drawnMs);
        walls.push(run.wallMs);
        blocked += run.blocked;
      }
      const drawnMs = median(drawn);
      const baselineMs = median(baseline);
      log(`drawn after ${drawn.map((v) => v.toFixed(0)).join(', ')} ms (baseline ${baseline.map((v) => v.toFixed(0)).join(', ')})`);
      rows.push({
        task: 'open from file:// to drawn map (Chromium, requests blocked)',
        graph,
        ours: { wallMs: drawnMs, cpuMs: Number.NaN },
        baseline: { name: 'viewer without data', wallMs: baselineMs, cpuMs: Number.NaN },
        ratio: baselineMs / drawnMs,
        target: '≤ 2 s',
        met: drawnMs <= MAX_DRAWN_MS,
        details: { opens, maxMs: Math.max(...drawn), gotoToDrawnMs: median(walls), requestsAttempted: blocked },
      });

      const svg = await time(() => publish(store, request('svg'), context));
      rows.push({ task: 'map image svg (1600 px)', graph, ours: svg, details: { bytes: Buffer.byteLength(svg.value.body) } });
      const png = await time(() => publish(store, request('png'), context));
      rows.push({ task: 'map image png 1× (1600 px)', graph, ours: png, details: { bytes: Buffer.byteLength(png.value.body) } });
      const png2 = await time(() => publish(store, request('png', { scale: 2 }), context));
      rows.push({ task: 'map image png 2× (3200 px)', graph, ours: png2, details: { bytes: Buffer.byteLength(png2.value.body) } });
    } finally {
      await browser?.close();
      await layouts.close();
      await store.close();
      await rm(work, { recursive: true, force: true });
    }
    return {
      section: 'publish',
      rows,
      notes: [
        'drawn map = the `atlas:drawn` performance mark (after sigma\'s first frame), from navigation start; median of the opens, a fresh browser context each; Chromium with software WebGL (SwiftShader).',
        'baseline = the same viewer page opened without data; requestsAttempted counts requests other than the file itself (all blocked; must be 0).',
      ],
    };
  },
};
