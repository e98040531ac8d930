// Screenshots of the core views on the seed data, for docs/screenshots/ (the
// README shows them). Not a test: `npx tsx test/e2e/core-screenshots.ts`.
import path from 'node:path';
import { ROOT, ensureWebBuilt, launchBrowser, newPage, startServer, waitForFirstMap } from './harness.ts';

const OUT = path.join(ROOT, 'docs', 'screenshots');

const shots: Array<{ file: string; url: string; ready: 'map' | 'table'; locale: string }> = [
  { file: 'network.png', url: '/?lang=es', ready: 'map', locale: 'es-ES' },
  { file: 'network-panel-ca.png', url: '/?lang=ca&sel=vinaros', ready: 'map', locale: 'ca-ES' },
  { file: 'network-levels-en.png', url: '/?lang=en&colour=level&tool=filters', ready: 'map', locale: 'en-GB' },
  { file: 'table-nodes.png', url: '/?lang=es&v=table&sel=las-naves', ready: 'table', locale: 'es-ES' },
  { file: 'table-relationships-en.png', url: '/?lang=en&v=table&p.table.tab=relationships&p.table.sort=type', ready: 'table', locale: 'en-GB' },
];

await ensureWebBuilt();
const server = await startServer();
const browser = await launchBrowser();
try {
  for (const shot of shots) {
    const { context, page, errors } = await newPage(browser, { width: 1440, height: 900, locale: shot.locale });
    // Each screenshot starts from the same stored layout, so the map looks alike in all of them.
    await page.goto(server.url + shot.url);
    if (shot.ready === 'map') {
      await waitForFirstMap(page);
      // Let ForceAtlas2 finish (the layout button turns back from "stop").
      await page.waitForFunction(() => !(globalThis as unknown as { document: { querySelector(s: string): unknown } }).document.querySelector('.map-controls button[aria-pressed="true"]'), undefined, { timeout: 60_000 });
      await page.waitForTimeout(500);
    } else {
      await page.locator('table tbody tr').first().waitFor();
    }
    if (shot.url.includes('sel=')) await page.getByTestId('side-panel').locator('.provenance, .muted').first().waitFor({ timeout: 10_000 }).catch(() => undefined);
    await page.waitForTimeout(800);
    await page.screenshot({ path: path.join(OUT, shot.file) });
    if (errors.length) console.error(shot.file, errors);
    console.log('wrote', shot.file);
    await context.close();
  }
} finally {
  await browser.close();
  await server.stop();
}
