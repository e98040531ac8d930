// Screenshot of the one-file atlas for docs/screenshots/static-atlas.png: the
// H2020 Spain fixture imported into a fresh data directory, published with
// `npm run export -- --format html`, opened from file:// with every other
// request blocked, an actor found by search and its side panel open.
// Not a test: `npx tsx test/e2e/publish-screenshots.ts`.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT, launchBrowser, newPage } from './harness.ts';

const OUT = path.join(ROOT, 'docs', 'screenshots');
mkdirSync(OUT, { recursive: true });
const FIXTURE = path.join(ROOT, 'test', 'fixtures', 'h2020-spain');
const work = mkdtempSync(path.join(tmpdir(), 'atlas-publish-shot-'));
const env = { ...process.env, DATA_DIR: path.join(work, 'data') };
const run = (args: string[]) => {
  const res = spawnSync(process.execPath, ['--import', 'tsx', ...args], { cwd: ROOT, env, encoding: 'utf8' });
  if (res.status !== 0) throw new Error(`${args.join(' ')} failed:\n${res.stderr}`);
  process.stderr.write(res.stderr);
};
const browser = await launchBrowser();
try {
  run(['graph/src/codecs/cli-import.ts', path.join(FIXTURE, 'elements.csv'), path.join(FIXTURE, 'connections.csv')]);
  const file = path.join(work, 'atlas.html');
  run(['api/src/cli/export.ts', '--format', 'html', '--lang', 'en', '--out', file, '--title', 'H2020 · Spanish participations', '--source', 'CORDIS H2020 projects with Spanish participants', '--attribution', 'Data: CORDIS © European Union (Decision 2011/833/EU) via spaghetti-open-data/eu-research-funding-network (MIT)']);
  const { context, page } = await newPage(browser, { width: 1400, height: 860, locale: 'en-GB' });
  const url = pathToFileURL(file).href;
  await context.route('**', (route) => (route.request().url() === url ? route.continue() : route.abort()));
  await page.goto(url);
  await page.waitForSelector('body[data-drawn="true"]', { state: 'attached' });
  await page.locator('#atlas-search').fill('universitat de val');
  await page.locator('#atlas-results button').first().click();
  await page.waitForSelector('#atlas-panel h2', { state: 'attached' });
  // Let the camera animation land.
  await page.waitForFunction(() => !(globalThis as unknown as { __atlasSigma: { getCamera(): { isAnimated(): boolean } } }).__atlasSigma.getCamera().isAnimated());
  await page.screenshot({ path: path.join(OUT, 'static-atlas.png') });
  await context.close();
  console.log(`wrote ${path.join(OUT, 'static-atlas.png')}`);
} finally {
  await browser.close();
  rmSync(work, { recursive: true, force: true });
}
