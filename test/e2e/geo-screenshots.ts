// Screenshots of the WebGL level rings and Spain map on an imported real
// ecosystem (the H2020 Spanish participations, test/fixtures/h2020-spain,
// imported with the CLI), for docs/screenshots/: the rings coloured by level,
// the map zoomed out (province bubbles) and zoomed in on the biggest bubble.
// Not a test: `npx tsx test/e2e/geo-screenshots.ts`.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { ROOT, biggestProvinceBubble, ensureWebBuilt, launchBrowser, newPage, startServer } from './harness.ts';

const OUT = path.join(ROOT, 'docs', 'screenshots');
mkdirSync(OUT, { recursive: true });
const FIXTURE = path.join(ROOT, 'test', 'fixtures', 'h2020-spain');

await ensureWebBuilt();
const dataDir = mkdtempSync(path.join(tmpdir(), 'atlas-geo-shots-'));
const imported = spawnSync(process.execPath, ['--import', 'tsx', 'graph/src/codecs/cli-import.ts', path.join(FIXTURE, 'elements.csv'), path.join(FIXTURE, 'connections.csv')], {
  cwd: ROOT,
  env: { ...process.env, DATA_DIR: dataDir },
  encoding: 'utf8',
});
if (imported.status !== 0) throw new Error(`import failed: ${imported.stderr}`);
const server = await startServer({ DATA_DIR: dataDir, SEED_ON_START: 'false' });
const browser = await launchBrowser();
try {
  const shoot = async (file: string, url: string, act?: (page: Page) => Promise<void>) => {
    const { context, page, errors } = await newPage(browser, { width: 1440, height: 900, locale: 'en-GB' });
    await page.goto(server.url + url);
    await page.waitForFunction(() => !!(globalThis as unknown as { __atlasSigma?: unknown }).__atlasSigma, undefined, { timeout: 60_000 });
    await act?.(page);
    // Let the last camera animation and label pass settle.
    await page.waitForTimeout(800);
    await page.screenshot({ path: path.join(OUT, file) });
    console.log(`${file}${errors.length ? `  errors: ${errors.join(' | ')}` : ''}`);
    await context.close();
  };
  await shoot('rings-h2020-en.png', '/?v=rings&lang=en&colour=level');
  await shoot('map-h2020-en.png', '/?v=map&lang=en');
  await shoot('map-h2020-zoom-en.png', '/?v=map&lang=en', async (page) => {
    // Click the biggest province bubble: the camera zooms in to its municipalities.
    const target = await biggestProvinceBubble(page);
    await page.mouse.click(target.x, target.y);
    await page.waitForFunction(() => (globalThis as unknown as { __atlasMap: { tier: string } }).__atlasMap.tier !== 'province', undefined, { timeout: 10_000 });
  });
} finally {
  await browser.close();
  await server.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
