// End-to-end tests of the web app's core (shell, search, side panel, network,
// table, languages, permalinks, accessibility) against the real API server
// with the seed, in Debian's Chromium.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import {
  createToken, describeViolations, ensureWebBuilt, launchBrowser, newPage, pixelStats, seriousAxeViolations, startServer, waitForFirstMap, type AtlasServer,
} from './harness.ts';

let server: AtlasServer;
let browser: Browser;

beforeAll(async () => {
  await ensureWebBuilt();
  server = await startServer();
  browser = await launchBrowser();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function open(path: string, locale = 'es-ES'): Promise<{ page: Page; errors: string[]; close(): Promise<void> }> {
  const { context, page, errors } = await newPage(browser, { locale });
  await page.goto(server.url + path);
  return { page, errors, close: () => context.close() };
}

/** Presses Tab until the focused element matches, like a keyboard user would (fails after `max` presses). */
async function tabTo(page: Page, matches: (el: { tag: string; text: string; label: string | null }) => boolean, max = 120): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const el = await page.evaluate(() => {
      const a = (globalThis as unknown as { document: { activeElement: { tagName: string; textContent: string | null; getAttribute(n: string): string | null } | null } }).document.activeElement;
      return { tag: a?.tagName ?? '', text: (a?.textContent ?? '').trim(), label: a?.getAttribute('aria-label') ?? null };
    });
    if (matches(el)) return;
  }
  throw new Error('focus never reached the wanted element with Tab');
}

describe('web app core (e2e, Chromium)', () => {
  it('finds "vinaros" with the type-ahead and opens Vinaròs with its provenance from the Municipis Innovadors document', async () => {
    const { page, errors, close } = await open('/?lang=es');
    try {
      await page.getByTestId('search-input').fill('vinaros');
      const option = page.getByRole('option', { name: /Vinaròs/ }).first();
      await option.waitFor({ timeout: 15_000 });
      await page.keyboard.press('Enter');
      const panel = page.getByTestId('side-panel');
      await expect.poll(() => panel.locator('h2').first().textContent(), { timeout: 15_000 }).toMatch(/Vinaròs/);
      const provenance = panel.getByTestId('provenance');
      await expect.poll(() => provenance.textContent()).toContain('004_348a7f73a4a5dfa2.txt');
      // The quoted source text itself is shown, not only the document name.
      expect(((await provenance.locator('blockquote').first().textContent()) ?? '').length).toBeGreaterThan(20);
      expect(page.url()).toMatch(/sel=vinaros/);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  it('draws the network map (pixels, not a blank canvas) and the table (rows)', async () => {
    const { page, errors, close } = await open('/?lang=en');
    try {
      await waitForFirstMap(page);
      await page.waitForTimeout(1500);
      const stats = await pixelStats(page, page.getByTestId('network-canvas'));
      expect(stats.stddev).toBeGreaterThan(10);
      expect(stats.inked).toBeGreaterThan(0.01);
      const legend = page.locator('.legend li');
      expect(await legend.count()).toBeGreaterThan(3);

      await page.getByRole('button', { name: 'Table', exact: true }).click();
      const rows = page.locator('table tbody tr');
      await expect.poll(() => rows.count()).toBeGreaterThan(20);
      expect(await page.locator('table caption').textContent()).toBe('Nodes of the network');
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  it('switches the whole UI to Catalan/Valencian', async () => {
    const { page, close } = await open('/?lang=es&v=table');
    try {
      await page.getByRole('button', { name: 'Tabla', exact: true }).waitFor();
      await page.getByTestId('language').selectOption('ca');
      await page.getByRole('button', { name: 'Taula', exact: true }).waitFor({ timeout: 5000 });
      expect(await page.getByRole('button', { name: 'Xarxa', exact: true }).count()).toBe(1);
      expect(await page.locator('table caption').textContent()).toBe('Nodes de la xarxa');
      expect(await page.getByRole('button', { name: 'Tabla', exact: true }).count()).toBe(0);
      expect(await page.evaluate(() => (globalThis as unknown as { document: { documentElement: { lang: string } } }).document.documentElement.lang)).toBe('ca');
      expect(await page.title()).toBe("Atles de l'ecosistema");
      expect(page.url()).toContain('lang=ca');
    } finally {
      await close();
    }
  });

  it('restores view, filters, sort, selection, language and camera from the URL after a reload', async () => {
    const { page, close } = await open('/?lang=en');
    try {
      await waitForFirstMap(page);
      // Change the camera with the map controls; it reaches the URL after a short debounce.
      // Each zoom of 1.5 animates; a second click during the first animation would zoom from a
      // ratio in between. So each step waits until its animation and the URL debounce are over.
      const camRatio = () => Number(new URL(page.url()).searchParams.get('cam')?.split(',')[2]);
      await page.getByRole('button', { name: 'Zoom in' }).click();
      await expect.poll(camRatio, { timeout: 5000 }).toBeCloseTo(1 / 1.5, 2);
      await page.getByRole('button', { name: 'Zoom in' }).click();
      await expect.poll(camRatio, { timeout: 5000 }).toBeCloseTo(1 / 2.25, 2);
      await page.getByRole('button', { name: 'Filters and dates' }).click();
      await page.getByRole('checkbox', { name: 'Local', exact: true }).check();
      await page.getByRole('button', { name: 'Table', exact: true }).click();
      await page.getByRole('button', { name: /^Name/ }).click(); // name ascending is the default: this makes it descending
      await page.locator('table tbody tr th button').first().click();
      const selected = new URL(page.url()).searchParams.get('sel');
      expect(selected).toBeTruthy();
      const countsBefore = await page.getByTestId('counts').textContent();
      const firstRowBefore = await page.locator('table tbody tr th').first().textContent();

      const cam = new URL(page.url()).searchParams.get('cam')!;
      await page.reload();
      await page.locator('table tbody tr').first().waitFor();
      expect(await page.getByRole('button', { name: 'Table', exact: true }).getAttribute('aria-pressed')).toBe('true');
      expect(await page.getByRole('checkbox', { name: 'Local', exact: true }).isChecked()).toBe(true);
      expect(await page.locator('th[aria-sort="descending"]').textContent()).toMatch(/^Name/);
      expect(await page.locator('table tbody tr th').first().textContent()).toBe(firstRowBefore);
      expect(await page.getByTestId('counts').textContent()).toBe(countsBefore);
      expect(new URL(page.url()).searchParams.get('sel')).toBe(selected);
      await page.getByTestId('side-panel').waitFor();

      // Back on the map, the camera is where it was left.
      await page.getByRole('button', { name: 'Network', exact: true }).click();
      await waitForFirstMap(page);
      const ratio = await page.evaluate(() => (globalThis as unknown as { __atlasSigma: { getCamera(): { getState(): { ratio: number } } } }).__atlasSigma.getCamera().getState().ratio);
      expect(ratio).toBeCloseTo(Number(cam.split(',')[2]), 3);
      expect(ratio).toBeLessThan(0.5);
    } finally {
      await close();
    }
  });

  it('works by keyboard alone in the table: reach it, sort, open a row, page', async () => {
    const { page, close } = await open('/?lang=en');
    try {
      await page.getByRole('button', { name: 'Table', exact: true }).waitFor();
      await tabTo(page, (el) => el.tag === 'BUTTON' && el.text === 'Table');
      await page.keyboard.press('Enter');
      await page.locator('table tbody tr').first().waitFor();
      await tabTo(page, (el) => el.tag === 'BUTTON' && /^Kind/.test(el.text));
      await page.keyboard.press('Enter');
      expect(await page.locator('th[aria-sort="ascending"]').textContent()).toMatch(/^Kind/);
      await page.keyboard.press('Enter');
      expect(await page.locator('th[aria-sort="descending"]').textContent()).toMatch(/^Kind/);
      // The first row's name is a button: Tab to it and open the side panel.
      const firstName = (await page.locator('table tbody tr th button').first().textContent())!.trim();
      await tabTo(page, (el) => el.tag === 'BUTTON' && el.text === firstName);
      await page.keyboard.press('Enter');
      await expect.poll(() => page.getByTestId('side-panel').locator('h2').first().textContent()).toBe(firstName);
      const range = page.locator('.pager span');
      const before = await range.textContent();
      await tabTo(page, (el) => el.tag === 'BUTTON' && el.text === 'Next');
      await page.keyboard.press('Enter');
      await expect.poll(() => range.textContent()).not.toBe(before);
      expect(await range.textContent()).toMatch(/^51–/);
    } finally {
      await close();
    }
  });

  it('has no serious or critical axe-core violations on the network, the table and the side panel', async () => {
    const { page, close } = await open('/?lang=es&sel=vinaros');
    try {
      await waitForFirstMap(page);
      await page.getByTestId('side-panel').waitFor();
      const onNetwork = await seriousAxeViolations(page);
      expect(onNetwork, describeViolations(onNetwork)).toEqual([]);
      await page.getByRole('button', { name: 'Tabla', exact: true }).click();
      await page.locator('table tbody tr').first().waitFor();
      await page.getByRole('button', { name: 'Filtros y fechas' }).click();
      const onTable = await seriousAxeViolations(page);
      expect(onTable, describeViolations(onTable)).toEqual([]);
      // The check itself can fail: an image without alternative text is reported.
      await page.evaluate(() => {
        const d = (globalThis as unknown as { document: { createElement(t: string): { src: string }; body: { append(e: unknown): void } } }).document;
        const img = d.createElement('img');
        img.src = '/favicon-missing.png';
        d.body.append(img);
      });
      expect((await seriousAxeViolations(page)).map((v) => v.id)).toContain('image-alt');
    } finally {
      await close();
    }
  });

  it('signs an editor in with a token and creates a node with its provenance through the form', async () => {
    const token = await createToken(server, 'editor');
    await new Promise((r) => setTimeout(r, 1500)); // the server re-reads the tokens file within a second
    const { page, errors, close } = await open('/?lang=en');
    try {
      expect(await page.getByRole('button', { name: 'Edit', exact: true }).count()).toBe(0);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByLabel('Access token').fill('not-a-real-token');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('alert').filter({ hasText: 'Unknown, expired or revoked token.' }).waitFor();
      await page.getByLabel('Access token').fill(token);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.locator('.role-badge', { hasText: 'Editor' }).waitFor();
      await page.getByRole('button', { name: 'Edit', exact: true }).click();
      const form = page.locator('#tool-panel form');
      await form.getByLabel('Name').fill('Laboratorio E2E de Morella');
      await form.getByLabel('Kind').selectOption('lab');
      await form.getByLabel('Level', { exact: true }).selectOption('local');
      await form.getByLabel('Source document').fill('e2e-test.txt');
      await form.getByLabel('Quote').fill('Morella abre un laboratorio ciudadano.');
      await form.getByRole('button', { name: 'Create' }).click();
      await page.locator('#tool-panel').getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
      const panel = page.getByTestId('side-panel');
      await expect.poll(() => panel.locator('h2').first().textContent()).toBe('Laboratorio E2E de Morella');
      await expect.poll(() => panel.getByTestId('provenance').textContent()).toContain('Morella abre un laboratorio ciudadano.');
      // The history comes from the audit log and names the editor's token.
      await expect.poll(() => panel.locator('.history').textContent(), { timeout: 10_000 }).toContain('e2e editor');
      // Sign-in learns the role from refused requests (401 bad token, 400/403 role probes); the browser logs those.
      expect(errors.filter((e) => !/status of (400|401|403)/.test(e))).toEqual([]);
    } finally {
      await close();
    }
  });

  it('serves /embed read-only: same state, no sign-in and no editing', async () => {
    const { page, close } = await open('/embed?v=table&lang=en&sel=vinaros');
    try {
      await page.locator('table tbody tr').first().waitFor();
      await page.getByTestId('side-panel').waitFor();
      expect(await page.getByRole('button', { name: 'Sign in' }).count()).toBe(0);
      expect(await page.getByRole('button', { name: 'Edit' }).count()).toBe(0);
      expect(await page.getByRole('button', { name: 'Find path' }).count()).toBe(0);
      expect(await page.locator('.brand a').getAttribute('href')).toMatch(/^\/\?/);
    } finally {
      await close();
    }
  });
});
