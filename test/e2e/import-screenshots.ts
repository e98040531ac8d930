// Screenshots of an imported real ecosystem (not the seed) for docs/screenshots/:
// the H2020 Spanish participations (test/fixtures/h2020-spain) imported as they
// are through the import dialog, then the map, the rings and an actor placed
// from its name. Not a test: `npx tsx test/e2e/import-screenshots.ts`.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { ROOT, createToken, ensureWebBuilt, launchBrowser, newPage, startServer } from './harness.ts';

const OUT = path.join(ROOT, 'docs', 'screenshots');
mkdirSync(OUT, { recursive: true });
const FIXTURE = path.join(ROOT, 'test', 'fixtures', 'h2020-spain');

await ensureWebBuilt();
const server = await startServer({ SEED_ON_START: 'false' });
const browser = await launchBrowser();
try {
  const token = await createToken(server, 'editor');
  await new Promise((r) => setTimeout(r, 1500)); // the server re-reads its tokens file within a second
  const shoot = async (file: string, url: string, act: (page: Page) => Promise<void>) => {
    const { context, page, errors } = await newPage(browser, { width: 1440, height: 900, locale: 'en-GB' });
    await context.addInitScript((t) => (globalThis as unknown as { sessionStorage: { setItem(k: string, v: string): void } }).sessionStorage.setItem('atlas.token', t), token);
    await page.goto(server.url + url);
    await act(page);
    await page.waitForTimeout(800);
    await page.screenshot({ path: path.join(OUT, file) });
    const unexpected = errors.filter((e) => !/Failed to load resource: the server responded with a status of 40[013]/.test(e));
    console.log(`${file}${unexpected.length ? `  errors: ${unexpected.join(' | ')}` : ''}`);
    await context.close();
  };
  // A council's spreadsheet as Excel saves it in Spain: Windows-1252, `;`, Spanish headers; checked, not applied.
  const council = path.join(mkdtempSync(path.join(tmpdir(), 'atlas-shots-')), 'entidades.csv');
  writeFileSync(
    council,
    Buffer.from(
      [
        'Identificador;Nombre;Tipo;Ámbito;Municipio;Provincia;CP;Sitio web;Fecha de alta;Observaciones;Webb',
        'naves;Las Naves;Laboratorio ciudadano;Local;València;Valencia;46024;"http://www.lasnaves.com ; www.valencia.es";15/03/2019;Centro de innovación;',
        'vinaros;Ajuntament de Vinaròs;Ayuntamiento;;Vinaròs;Castelló;12500;www.vinaros.es;2022;;',
        'upv;Universitat Politècnica de València;Universidad;Autonómico;València;;;https://www.upv.es;;;',
      ].join('\r\n') + '\r\n',
      'latin1',
    ),
  );
  await shoot('import-mapping-es.png', '/?lang=es&tool=import', async (page) => {
    await page.getByTestId('import-file').setInputFiles(council);
    await page.getByTestId('import-check').click();
    await page.getByTestId('import-coverage').waitFor({ timeout: 60_000 });
    await page.getByTestId('import-mapping').first().scrollIntoViewIfNeeded();
  });
  await shoot('import-h2020-en.png', '/?lang=en&tool=import', async (page) => {
    await page.getByTestId('import-file').setInputFiles([path.join(FIXTURE, 'elements.csv'), path.join(FIXTURE, 'connections.csv')]);
    await page.getByTestId('import-check').click();
    await page.getByTestId('import-coverage').waitFor({ timeout: 60_000 });
    await page.getByTestId('import-apply').click();
    await page.getByText('Import applied').waitFor({ timeout: 60_000 });
    await page.getByTestId('import-coverage').scrollIntoViewIfNeeded();
  });
  await shoot('map-h2020-en.png', '/?v=map&lang=en', async (page) => {
    await page.getByTestId('map-view').waitFor({ timeout: 30_000 });
    await page.waitForTimeout(3000);
  });
  await shoot('rings-h2020-en.png', '/?v=rings&lang=en&colour=level', async (page) => {
    await page.getByTestId('rings-view').waitFor({ timeout: 30_000 });
    await page.waitForTimeout(3000);
  });
  const hits = (await (await fetch(`${server.url}/api/search?q=universidad%20de%20sevilla`)).json()) as { hits?: Array<{ id: string }>; items?: Array<{ id: string }> } | Array<{ id: string }>;
  const list = Array.isArray(hits) ? hits : (hits.hits ?? hits.items ?? []);
  if (list[0]) {
    await shoot('panel-geocoded-h2020-en.png', `/?v=map&lang=en&sel=${encodeURIComponent(list[0].id)}`, async (page) => {
      await page.getByTestId('map-view').waitFor({ timeout: 30_000 });
      await page.waitForTimeout(3000);
    });
  }
} finally {
  await browser.close();
  await server.stop();
}
