// The import dialog on real files, in Debian's Chromium: a council-style
// spreadsheet (Windows-1252, `;`, Spanish headers, two URLs in a cell, dates
// as dd/mm/yyyy) is checked, its column mapping shown and changed, then
// applied; the H2020 data set (test/fixtures/h2020-spain, 3,162 elements)
// imports as it is through the same dialog, with its coverage stated.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { createToken, ensureWebBuilt, launchBrowser, newPage, ROOT, startServer, type AtlasServer } from './harness.ts';

let server: AtlasServer;
let browser: Browser;
let token: string;

beforeAll(async () => {
  await ensureWebBuilt();
  // No seed: the imported ecosystem is all there is.
  server = await startServer({ SEED_ON_START: 'false' });
  browser = await launchBrowser();
  token = await createToken(server, 'editor');
  await new Promise((r) => setTimeout(r, 1500)); // the server re-reads its tokens file within a second
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function open(url: string): Promise<{ page: Page; errors: string[]; close(): Promise<void> }> {
  const { context, page, errors } = await newPage(browser, { locale: 'en-GB' });
  await context.addInitScript((t) => (globalThis as unknown as { sessionStorage: { setItem(k: string, v: string): void } }).sessionStorage.setItem('atlas.token', t), token);
  await page.goto(server.url + url);
  return { page, errors, close: () => context.close() };
}

const unexpected = (errors: string[]) => errors.filter((e) => !/Failed to load resource: the server responded with a status of 40[013]/.test(e));

async function api<T>(route: string): Promise<T> {
  const res = await fetch(`${server.url}/api${route}`, { headers: { authorization: `Bearer ${token}` } });
  return (await res.json()) as T;
}

const report = (page: Page) => page.getByTestId('import-report').textContent();

describe('import dialog on real-world files (e2e, Chromium)', () => {
  it('shows how a Spanish council spreadsheet is read, lets the user change a column, then imports it', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'atlas-e2e-import-'));
    const file = path.join(dir, 'entidades.csv');
    const rows = [
      'Identificador;Nombre;Tipo;Municipio;Provincia;Web;Fecha de inicio;Notas',
      'naves;Las Naves;Laboratorio ciudadano;València;Valencia;"http://www.lasnaves.com ; www.valencia.es";15/03/2019;Centro de innovación',
      'vinaros;Ajuntament de Vinaròs;Ayuntamiento;Vinaròs;Castelló;www.vinaros.es;2022;',
      'upv;Universitat Politècnica de València;Universidad;València;;https://www.upv.es;;Universidad pública',
    ];
    writeFileSync(file, Buffer.from(rows.join('\r\n') + '\r\n', 'latin1'));
    const { page, errors, close } = await open('/?tool=import&lang=en');
    try {
      await page.getByTestId('import-file').setInputFiles(file);
      await page.getByTestId('import-check').click();
      await expect.poll(() => report(page), { timeout: 20_000 }).toContain('The check passed');
      expect(await page.getByTestId('import-read-as').first().textContent()).toMatch(/entidades\.csv: 3 rows, elements, windows-1252, separator “;”/);
      const mapping = page.getByTestId('import-mapping');
      expect(await mapping.locator('select[data-header="Municipio"]').inputValue()).toBe('city');
      expect(await mapping.locator('select[data-header="Nombre"]').inputValue()).toBe('name');
      expect(await mapping.locator('select[data-header="Notas"]').inputValue()).toBe('description');
      expect(await page.getByTestId('import-coverage').textContent()).toMatch(/Places of 3 actors: 3 in their municipality/);
      expect(await report(page)).toMatch(/several URLs in one cell/);

      // Keep "Notas" as a property instead: the check must run again before Apply.
      await mapping.locator('select[data-header="Notas"]').selectOption('');
      expect(await page.getByTestId('import-apply').isDisabled()).toBe(true);
      await page.getByTestId('import-check').click();
      await expect.poll(() => report(page), { timeout: 20_000 }).toContain('The check passed');
      await page.getByTestId('import-apply').click();
      await expect.poll(() => report(page), { timeout: 20_000 }).toContain('Import applied');

      const naves = await api<{ name: string; website: string; startDate: string; kind: string; description?: string; properties: Record<string, unknown>; place: { ineCode: string } }>('/nodes/naves');
      expect(naves).toMatchObject({ name: 'Las Naves', kind: 'lab', website: 'http://www.lasnaves.com', startDate: '2019-03-15', place: { ineCode: '46250' } });
      expect(naves.properties).toMatchObject({ Notas: 'Centro de innovación', websites: ['http://www.lasnaves.com', 'https://www.valencia.es'] });
      expect(naves.description).toBeUndefined();
      const vinaros = await api<{ level: string; place: { ineCode: string } }>('/nodes/vinaros');
      expect(vinaros).toMatchObject({ level: 'local', place: { ineCode: '12138' } });
      expect(unexpected(errors)).toEqual([]);
    } finally {
      await close();
    }
  });

  it('imports the H2020 data set as it is, with its coverage, and nothing is lost', async () => {
    const before = await api<{ nodes: number; relationships: number }>('/health');
    const { page, errors, close } = await open('/?tool=import&lang=en');
    try {
      const fixture = path.join(ROOT, 'test/fixtures/h2020-spain');
      await page.getByTestId('import-file').setInputFiles([path.join(fixture, 'elements.csv'), path.join(fixture, 'connections.csv')]);
      await page.getByTestId('import-check').click();
      await expect.poll(() => report(page), { timeout: 60_000 }).toContain('The check passed');
      expect(await page.getByTestId('import-coverage').textContent()).toMatch(/Places of 1,330 actors/);
      await page.getByTestId('import-apply').click();
      await expect.poll(() => report(page), { timeout: 60_000 }).toContain('Import applied');
      const after = await api<{ nodes: number; relationships: number }>('/health');
      expect(after.nodes - before.nodes).toBe(3162);
      expect(after.relationships - before.relationships).toBe(3212);
      expect(unexpected(errors)).toEqual([]);
    } finally {
      await close();
    }
  });
});
