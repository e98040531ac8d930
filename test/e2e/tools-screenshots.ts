// Screenshots of the rings, the Spain map and the tools on the seed data, for
// docs/screenshots/ (the README shows them). Not a test:
// `npx tsx test/e2e/tools-screenshots.ts`.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { ROOT, createToken, ensureWebBuilt, launchBrowser, newPage, startServer } from './harness.ts';

const OUT = path.join(ROOT, 'docs', 'screenshots');
mkdirSync(OUT, { recursive: true });

interface Shot {
  file: string;
  url: string;
  locale: string;
  ready: string;
  editor?: boolean;
  act?(page: Page): Promise<void>;
}

const brokenCsv = path.join(mkdtempSync(path.join(tmpdir(), 'atlas-shots-')), 'elements.csv');
writeFileSync(brokenCsv, 'id,label,kind,level,name\nok-lab,Actor,lab,local,A fine lab\nbad-level,Actor,lab,galactic,Level out of the vocabulary\n,Actor,spaceship,local,No id and an unknown kind\n');

const shots: Shot[] = [
  { file: 'rings.png', url: '/?v=rings&lang=es', locale: 'es-ES', ready: '.ring-node' },
  { file: 'rings-region-en.png', url: '/?v=rings&lang=en&colour=level&p.rings.group=region', locale: 'en-GB', ready: '.ring-node' },
  { file: 'map.png', url: '/?v=map&lang=es', locale: 'es-ES', ready: '.map-node' },
  { file: 'map-partners-ca.png', url: '/?v=map&lang=ca&tool=partners&p.partners.actor=vinaros', locale: 'ca-ES', ready: '[data-testid="partner-results"] li' },
  { file: 'tools-paths-en.png', url: '/?v=map&lang=en&tool=paths&p.path.from=thivic&p.path.to=las-naves', locale: 'en-GB', ready: '[data-testid="path-result"], [data-testid="path-none"]' },
  { file: 'tools-speakers.png', url: '/?v=rings&lang=es&tool=speakers&p.speakers.topic=social-innovation', locale: 'es-ES', ready: '[data-testid="speaker-results"] li' },
  { file: 'tools-centrality-en.png', url: '/?v=rings&lang=en&tool=centrality', locale: 'en-GB', ready: '[data-testid="centrality-chart"] rect' },
  {
    file: 'tools-communities.png',
    url: '/?v=rings&lang=es&tool=communities',
    locale: 'es-ES',
    ready: '[data-testid="communities-run"]',
    act: async (page) => {
      await page.getByTestId('communities-run').click();
      await page.getByTestId('community-list').locator('li').first().waitFor();
    },
  },
  {
    file: 'import-errors-en.png',
    url: '/?v=rings&lang=en&tool=import',
    locale: 'en-GB',
    ready: '[data-testid="import-file"]',
    editor: true,
    act: async (page) => {
      await page.getByTestId('import-file').setInputFiles(brokenCsv);
      await page.getByTestId('import-check').click();
      await page.getByTestId('import-errors').waitFor();
      await page.getByTestId('import-errors').scrollIntoViewIfNeeded();
    },
  },
];

await ensureWebBuilt();
const server = await startServer();
const browser = await launchBrowser();
try {
  const token = await createToken(server, 'editor');
  // The server re-reads its tokens file within a second.
  await new Promise((r) => setTimeout(r, 1500));
  for (const shot of shots) {
    const { context, page, errors } = await newPage(browser, { width: 1440, height: 900, locale: shot.locale });
    if (shot.editor) await context.addInitScript((t) => (globalThis as unknown as { sessionStorage: { setItem(k: string, v: string): void } }).sessionStorage.setItem('atlas.token', t), token);
    await page.goto(server.url + shot.url);
    if (shot.editor) {
      // The first requests of a fresh token can be refused while the server reloads its token file: load again.
      await page.waitForTimeout(1500);
      await page.reload();
    }
    await page.locator(shot.ready).first().waitFor({ timeout: 30_000 });
    await shot.act?.(page);
    await page.waitForTimeout(600);
    await page.screenshot({ path: path.join(OUT, shot.file) });
    const unexpected = errors.filter((e) => !/Failed to load resource: the server responded with a status of 40[013]/.test(e));
    console.log(`${shot.file}${unexpected.length ? `  errors: ${unexpected.join(' | ')}` : ''}`);
    await context.close();
  }
} finally {
  await browser.close();
  await server.stop();
}
