// End-to-end publishing in Debian's Chromium: the one-file atlas exported by
// the real server (GET /api/export?format=html) is opened from file:// with
// every network request blocked and recorded — the map draws (non-blank WebGL
// canvas), search finds an actor, the side panel shows its provenance quote,
// filters and the language switch work, and no request was attempted; a node
// named with `</script>` stays text. Then the app's Share / embed tool gives a
// permalink and an iframe snippet whose /embed URL keeps the view, filters,
// language and camera.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import type { AtlasDocument } from '@atlas/graph/publish/atlas-format.ts';
import { createToken, describeViolations, ensureWebBuilt, launchBrowser, newPage, pixelStats, ROOT, seriousAxeViolations, startServer, waitForFirstMap, type AtlasServer } from './harness.ts';

const EVIL_NAME = 'Evil </script><script>globalThis.__pwned = 1</script> Lab';
const ATLAS = path.join(ROOT, 'web/dist-atlas/atlas.html');

let server: AtlasServer;
let browser: Browser;
let dir: string;
let file: string;
let doc: AtlasDocument;

function newest(p: string): number {
  const s = statSync(p);
  if (!s.isDirectory()) return s.mtimeMs;
  return Math.max(0, ...readdirSync(p).map((name) => newest(path.join(p, name))));
}

/** The viewer template is built with the app; rebuilt here when only its own sources changed (same lock as the harness). */
async function ensureAtlasBuilt(): Promise<void> {
  const sources = Math.max(newest(path.join(ROOT, 'web/src/publish')), newest(path.join(ROOT, 'web/atlas.html')), newest(path.join(ROOT, 'web/vite.atlas.config.ts')));
  if (existsSync(ATLAS) && statSync(ATLAS).mtimeMs > sources) return;
  const lock = path.join(ROOT, 'web/.e2e-build.lock');
  for (let waited = 0; ; waited += 250) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (waited > 240_000) throw new Error('timed out waiting for another web build');
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  try {
    const res = spawnSync('npm', ['run', 'build:atlas', '--workspace', 'web'], { cwd: ROOT, encoding: 'utf8' });
    if (res.status !== 0) throw new Error(`atlas build failed:\n${res.stdout}\n${res.stderr}`);
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

beforeAll(async () => {
  await ensureWebBuilt();
  await ensureAtlasBuilt();
  server = await startServer();
  browser = await launchBrowser();
  const editor = await createToken(server, 'editor');
  // The server re-reads its tokens file within a second: retry until the token is known.
  for (let i = 0; ; i++) {
    const res = await fetch(`${server.url}/api/nodes`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${editor}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ label: 'Actor', kind: 'lab', name: EVIL_NAME }),
    });
    if (res.status === 201) break;
    if (i > 40) throw new Error(`could not create the test node: ${res.status} ${await res.text()}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  const res = await fetch(`${server.url}/api/export?format=html&lang=en`);
  expect(res.status).toBe(200);
  const html = await res.text();
  doc = JSON.parse(/<script id="atlas-data" type="application\/json">([\s\S]*?)<\/script>/.exec(html)![1]) as AtlasDocument;
  dir = mkdtempSync(path.join(tmpdir(), 'atlas-e2e-publish-'));
  file = path.join(dir, 'atlas.html');
  writeFileSync(file, html);
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** waitForFirstMap, failing with what the page showed and logged instead of a bare timeout. */
async function firstMap(page: Page, errors: string[]): Promise<void> {
  try {
    await waitForFirstMap(page);
  } catch (error) {
    const shown = await page.locator('main').innerText().catch(() => '(no main)');
    throw new Error(`${(error as Error).message}\nurl: ${page.url()}\nmain: ${shown.slice(0, 500)}\nerrors: ${errors.join('\n')}\nserver: ${server.log().slice(-1500)}`);
  }
}

/** A node with a quote in its provenance and a name that search can single out. */
function quotedNode(): { name: string; quote: string } {
  const i = doc.nodes.id.findIndex((_, k) => doc.nodes.label[k] === 'Actor' && doc.nodes.provenance[k].some((p) => p.quote && p.quote.length > 20) && doc.nodes.name[k].length > 12);
  expect(i).toBeGreaterThanOrEqual(0);
  return { name: doc.nodes.name[i], quote: doc.nodes.provenance[i].find((p) => p.quote && p.quote.length > 20)!.quote! };
}

describe('one-file atlas from file://', () => {
  it('draws the map, searches, shows provenance quotes, filters and switches language without any request', async () => {
    const { context, page, errors } = await newPage(browser, { width: 1400, height: 900, locale: 'en-GB' });
    const fileUrl = pathToFileURL(file).href;
    const attempted: string[] = [];
    await context.route('**', (route) => {
      const url = route.request().url();
      if (url === fileUrl) return route.continue();
      attempted.push(url);
      return route.abort();
    });
    page.on('request', (req) => {
      if (req.url() !== fileUrl) attempted.push(req.url());
    });
    try {
      await page.goto(fileUrl);
      await page.waitForSelector('body[data-drawn="true"]', { timeout: 30_000 });
      const map = page.locator('#atlas-map');
      const stats = await pixelStats(page, map);
      expect(stats.stddev).toBeGreaterThan(8);
      expect(stats.inked).toBeGreaterThan(0.005);
      await expect(page.title()).resolves.toMatch(/^Ecosystem atlas · \d{4}-\d{2}-\d{2}$/);
      const about = await page.locator('#atlas-about').innerText();
      expect(about).toContain(`Source: ${server.url}/`);
      expect(about).toMatch(/Generated on \w+ \d{1,2}, \d{4}|Generated on \d{1,2} \w+ \d{4}/);
      expect(about).toContain(doc.attribution);

      // Search finds an actor; choosing it opens the side panel with its provenance quote.
      const { name, quote } = quotedNode();
      await page.locator('#atlas-search').fill(name.slice(0, Math.min(name.length, 18)));
      await page.locator('#atlas-results button', { hasText: name }).first().click();
      const panel = page.locator('#atlas-panel');
      await expect.poll(() => panel.locator('h2').innerText()).toBe(name);
      await expect.poll(() => panel.locator('blockquote').allInnerTexts()).toContain(quote);
      // Its connections are listed; one click moves the selection along a link.
      const neighbour = panel.locator('.atlas-links button').first();
      const neighbourName = await neighbour.innerText();
      await neighbour.click();
      await expect.poll(() => panel.locator('h2').innerText()).toBe(neighbourName);
      await expect.poll(() => panel.locator('.atlas-links button', { hasText: name }).count()).toBeGreaterThan(0);
      // The selection is in the address: opening it again selects the same actor.
      const linkedUrl = page.url();
      expect(linkedUrl).toMatch(/^file:.*#./);
      await page.goto('about:blank');
      await page.goto(linkedUrl);
      await expect.poll(() => panel.locator('h2').innerText()).toBe(neighbourName);
      const violations = await seriousAxeViolations(page);
      expect(violations, describeViolations(violations)).toEqual([]);

      // The `</script>` name is plain text: searchable, shown, never run.
      await page.locator('#atlas-search').fill('Evil </scr');
      await page.locator('#atlas-results button', { hasText: 'Evil' }).first().click();
      await expect.poll(() => panel.locator('h2').innerText()).toBe(EVIL_NAME);
      expect(await page.evaluate(() => (globalThis as { __pwned?: number }).__pwned)).toBeUndefined();

      // Kind filter from the legend: unticking the largest kind hides its nodes.
      const total = doc.nodes.id.length;
      await page.locator('#atlas-legend input[type=checkbox]').first().uncheck();
      const hidden = doc.legend[0].count;
      await expect.poll(() => page.locator('#atlas-status').innerText()).toBe(`${(total - hidden).toLocaleString('en')} of ${total.toLocaleString('en')} nodes shown`);
      await page.locator('#atlas-legend input[type=checkbox]').first().check();
      // Level filter.
      const levels = page.locator('#atlas-levels input[type=checkbox]');
      expect(await levels.count()).toBeGreaterThan(1);
      await levels.first().uncheck();
      await expect.poll(() => page.locator('#atlas-status').innerText()).toMatch(/ of [\d,]+ nodes shown$/);

      // es / ca / en.
      await page.locator('#atlas-lang').selectOption('ca');
      await expect.poll(() => page.locator('#atlas-legend h2').textContent()).toBe('Tipus');
      expect(await page.locator('html').getAttribute('lang')).toBe('ca');
      await page.locator('#atlas-lang').selectOption('es');
      await expect.poll(() => page.locator('#atlas-search-label').innerText()).toBe('Buscar');

      expect(attempted).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

describe('share / embed', () => {
  it('gives a permalink and an iframe snippet whose /embed keeps view, filters, language and camera', async () => {
    const { context, page, errors } = await newPage(browser, { width: 1400, height: 900, locale: 'en-GB' });
    try {
      await page.goto(`${server.url}/?levels=regional,local&lang=en&cam=0.45,0.55,0.6,0&tool=share`);
      await firstMap(page, errors);
      const permalink = await page.getByTestId('share-permalink').inputValue();
      const snippet = await page.getByTestId('share-embed').inputValue();
      expect(permalink).toMatch(new RegExp(`^${server.url}/\\?`));
      expect(permalink).not.toContain('tool=');
      const src = /^<iframe src="([^"]+)" width="\d+" height="\d+" style="border:0" title="[^"]+" loading="lazy" allowfullscreen><\/iframe>$/.exec(snippet)?.[1].replace(/&amp;/g, '&');
      expect(src).toBeDefined();
      const embed = new URL(src!);
      expect(embed.pathname).toBe('/embed');
      expect(embed.searchParams.get('levels')).toBe('regional,local');
      expect(embed.searchParams.get('lang')).toBe('en');
      expect(embed.searchParams.get('cam')?.split(',').slice(0, 3).map(Number)).toEqual([0.45, 0.55, 0.6]);
      expect(embed.searchParams.has('tool')).toBe(false);
      expect(await page.getByTestId('share-atlas').getAttribute('href')).toBe('/api/export?format=html&view=network&lang=en&levels=regional,local');

      // The embed honours its URL: read-only shell, same filters, language and camera.
      const res = await page.goto(embed.href);
      expect(res?.headers()['content-security-policy']).toMatch(/frame-ancestors \*/);
      await firstMap(page, errors);
      expect(await page.locator('.app.embed').count()).toBe(1);
      expect(await page.locator('html').getAttribute('lang')).toMatch(/^en/);
      const camera = await page.evaluate(() => (globalThis as unknown as { __atlasSigma: { getCamera(): { getState(): { x: number; y: number; ratio: number } } } }).__atlasSigma.getCamera().getState());
      expect(camera.x).toBeCloseTo(0.45, 2);
      expect(camera.y).toBeCloseTo(0.55, 2);
      expect(camera.ratio).toBeCloseTo(0.6, 2);
      const url = new URL(page.url());
      expect(url.searchParams.get('levels')).toBe('regional,local');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('links the server-drawn map image of the current view from the Export tool', async () => {
    const { context, page, errors } = await newPage(browser, { width: 1400, height: 900, locale: 'en-GB' });
    try {
      await page.goto(`${server.url}/?v=collaboration&lang=ca&tool=export`);
      const href = await page.getByTestId('export-map-png2').getAttribute('href');
      expect(href).toBe('/api/export?format=png&view=collaboration&lang=ca&width=1600&scale=2');
      await page.locator('#export-width').fill('900');
      await expect.poll(() => page.getByTestId('export-map-svg').getAttribute('href')).toBe('/api/export?format=svg&view=collaboration&lang=ca&width=900');
      const png = Buffer.from(await (await fetch(server.url + href)).arrayBuffer());
      expect(png.toString('ascii', 1, 4)).toBe('PNG');
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([3200, 2240]);
      const svg = await (await fetch(server.url + (await page.getByTestId('export-map-svg').getAttribute('href'))!)).text();
      expect(svg).toContain('width="900"');
      expect(svg).toContain('<g class="legend"');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
