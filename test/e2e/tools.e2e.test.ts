// End-to-end tests of the web app's analysis views and tools (level rings,
// Spain map, path finder, peer-partner finder, speaker finder, centrality,
// communities, import dry run, export) against the real API server with the
// seed, in Debian's Chromium.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import {
  createToken, describeViolations, ensureWebBuilt, launchBrowser, newPage, pixelStats, seriousAxeViolations, startServer, type AtlasServer,
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

async function open(url: string, options: { locale?: string; token?: string } = {}): Promise<{ page: Page; errors: string[]; close(): Promise<void> }> {
  const { context, page, errors } = await newPage(browser, { locale: options.locale ?? 'es-ES' });
  if (options.token) {
    // The app keeps the signed-in token in sessionStorage (web/src/auth/session.ts).
    await context.addInitScript((token) => (globalThis as unknown as { sessionStorage: { setItem(k: string, v: string): void } }).sessionStorage.setItem('atlas.token', token), options.token);
  }
  await page.goto(server.url + url);
  return { page, errors, close: () => context.close() };
}

/** Signing in probes the role with requests that are refused (web/src/auth/session.ts); the browser logs those. */
function unexpected(errors: string[]): string[] {
  return errors.filter((e) => !/Failed to load resource: the server responded with a status of 40[013]/.test(e));
}

async function health(): Promise<{ nodes: number; relationships: number; revision: number }> {
  const res = await fetch(`${server.url}/api/health`);
  return (await res.json()) as { nodes: number; relationships: number; revision: number };
}

/** Types into a NodePicker and picks the first option whose text matches. */
async function pick(page: Page, testId: string, text: string, option: RegExp): Promise<void> {
  const input = page.getByTestId(testId);
  await input.fill(text);
  await page.getByRole('option', { name: option }).first().click();
}

describe('web app tools (e2e, Chromium)', () => {
  it('draws the level rings: every actor on a ring, links across levels, the level connectors listed', async () => {
    const { page, errors, close } = await open('/?v=rings&lang=en');
    try {
      const view = page.getByTestId('rings-view');
      await view.locator('.ring-node').first().waitFor({ timeout: 30_000 });
      const actors = (await (await fetch(`${server.url}/api/nodes?label=Actor&limit=1000`)).json()) as { items: unknown[] };
      expect(await view.locator('.ring-node').count()).toBe(actors.items.length);
      // Four level rings, labelled, local first (innermost).
      const title = (await view.locator('svg title').first().textContent()) ?? '';
      const cross = Number(/(\d+) across levels/.exec(title)?.[1]);
      expect(cross).toBeGreaterThan(0);
      expect(await page.getByRole('heading', { name: 'Who connects levels' }).isVisible()).toBe(true);
      expect(await view.locator('.ranked-list li').count()).toBeGreaterThan(0);
      const stats = await pixelStats(page, view.locator('.chart-box'));
      expect(stats.stddev).toBeGreaterThan(10);
      expect(stats.inked).toBeGreaterThan(0.03);
      // Grouping by region redraws the wedges with the region names.
      await page.getByRole('button', { name: 'Region', exact: true }).click();
      await expect.poll(() => view.locator('svg.sigma-overlay').textContent()).toContain('Comunitat Valenciana');
      expect(page.url()).toContain('p.rings.group=region');
      // A node is a button: Enter opens the side panel.
      await view.locator('.ring-node[data-id="las-naves"]').focus();
      await page.keyboard.press('Enter');
      await expect.poll(() => page.url()).toContain('sel=las-naves');
      const violations = await seriousAxeViolations(page);
      expect(violations, describeViolations(violations)).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  it('draws the Spain map: provinces, actors at their places, abroad/unplaced actors listed, links', async () => {
    const { page, errors, close } = await open('/?v=map&lang=es');
    try {
      const view = page.getByTestId('map-view');
      await view.locator('.map-node').first().waitFor({ timeout: 30_000 });
      // 52 provinces + 19 communities under the WebGL layer; the links are sigma edges.
      expect(await view.locator('svg.sigma-background path').count()).toBeGreaterThanOrEqual(71);
      const drawn = () =>
        page.evaluate(() => {
          // eslint-disable-next-line @typescript-eslint/no-explicit-any
          const sigma = (globalThis as any).__atlasSigma;
          const at = (id: string) => sigma.graphToViewport(sigma.getGraph().getNodeAttributes(id));
          return { edges: sigma.getGraph().size as number, v: at('vinaros') as { x: number; y: number }, m: at('madrid-city-council') as { x: number; y: number } };
        });
      await expect.poll(async () => (await drawn()).edges).toBeGreaterThan(0);
      const { v, m } = await drawn();
      // Vinaròs (0.47° E, 40.47° N) is east of Madrid (3.69° W) and at about the same latitude.
      expect(v.x).toBeGreaterThan(m.x + 50);
      expect(Math.abs(v.y - m.y)).toBeLessThan(60);
      expect(await view.locator('.map-node[data-id="vinaros"]').getAttribute('aria-label')).toMatch(/en su municipio/);
      expect(await view.getByTestId('map-outside').locator('[data-id="open-government-partnership"] button').getAttribute('aria-label')).toMatch(/fuera del mapa/);
      const stats = await pixelStats(page, view.locator('.chart-box'));
      expect(stats.stddev).toBeGreaterThan(10);
      expect(stats.inked).toBeGreaterThan(0.03);
      const violations = await seriousAxeViolations(page);
      expect(violations, describeViolations(violations)).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  it('finds a path from THIVIC to Las Naves (or says there is none) and highlights it', async () => {
    const { page, errors, close } = await open('/?tool=paths&lang=en');
    try {
      await pick(page, 'path-from', 'thivic', /^THIVIC/);
      await pick(page, 'path-to', 'las naves', /^Las Naves/);
      await page.getByRole('button', { name: 'Find', exact: true }).click();
      const result = page.getByTestId('path-result').or(page.getByTestId('path-none')).first();
      await result.waitFor({ timeout: 15_000 });
      if (await page.getByTestId('path-result').count()) {
        const steps = page.getByTestId('path-result').first().locator('li');
        expect((await steps.first().textContent()) ?? '').toContain('THIVIC');
        expect((await steps.last().textContent()) ?? '').toContain('Las Naves');
        await expect.poll(() => page.url()).toMatch(/hl=[^&]*thivic/);
      } else {
        expect(await page.getByTestId('path-none').textContent()).toMatch(/no path/);
      }
      // The ends are in the URL: a reload finds the path again.
      await page.reload();
      await page.getByTestId('path-result').or(page.getByTestId('path-none')).first().waitFor({ timeout: 15_000 });
      const violations = await seriousAxeViolations(page);
      expect(violations, describeViolations(violations)).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  it('lists peer partners for an actor with their reasons as sentences, in Spanish and in Catalan', async () => {
    const { page, errors, close } = await open('/?tool=partners&lang=es');
    try {
      await pick(page, 'partners-actor', 'vinaros', /Vinaròs/);
      const results = page.getByTestId('partner-results');
      await results.locator('li').first().waitFor({ timeout: 15_000 });
      const first = results.locator(':scope > li').first();
      const reasons = await first.locator('.reasons li').allTextContents();
      expect(reasons.length).toBeGreaterThan(0);
      // Structured reasons become sentences: no raw type names, the UI language.
      for (const r of reasons) expect(r).not.toMatch(/shared_topic|practice_to_learn|common_partner|same_level_elsewhere/);
      expect(reasons.join(' ')).toMatch(/trabajan en|socio|pasos|nivel|práctica/);
      // The partners are highlighted in the views.
      await expect.poll(() => page.url()).toMatch(/hl=vinaros,/);
      await page.getByRole('button', { name: 'Ver en el mapa' }).click();
      await page.getByTestId('map-view').locator('.map-node').first().waitFor();
      const violations = await seriousAxeViolations(page);
      expect(violations, describeViolations(violations)).toEqual([]);

      await page.goto(server.url + '/?tool=partners&lang=ca&p.partners.actor=vinaros');
      await page.getByTestId('partner-results').locator('li').first().waitFor({ timeout: 15_000 });
      const catalan = (await page.getByTestId('partner-results').locator('.reasons').first().textContent()) ?? '';
      expect(catalan).toMatch(/treballen en|soci|passos|nivell|pràctica/);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  it('shortlists speakers on a topic with their evidence and offers the CSV download', async () => {
    const { page, errors, close } = await open('/?tool=speakers&lang=en');
    try {
      await pick(page, 'speakers-topic', 'social innovation', /Social innovation/);
      const list = page.getByTestId('speaker-results');
      await list.locator('li').first().waitFor({ timeout: 15_000 });
      expect((await list.locator('.reasons li').first().textContent()) ?? '').not.toBe('');
      const href = await page.getByTestId('speakers-csv').getAttribute('href');
      expect(href).toMatch(/format=csv/);
      const csv = await fetch(server.url + href!);
      expect(csv.status).toBe(200);
      expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
      expect((await csv.text()).split('\n').length).toBeGreaterThan(1);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  it('draws the centrality ranking and lists Louvain communities', async () => {
    const { page, errors, close } = await open('/?tool=centrality&lang=en');
    try {
      const chart = page.getByTestId('centrality-chart');
      await chart.locator('rect').first().waitFor({ timeout: 20_000 });
      const widths = await chart.locator('rect').evaluateAll((rects) => rects.map((r) => Number((r as unknown as { getAttribute(n: string): string }).getAttribute('width'))));
      expect(widths.length).toBeGreaterThan(3);
      // Ranked: bars never grow down the list.
      for (let i = 1; i < widths.length; i++) expect(widths[i]).toBeLessThanOrEqual(widths[i - 1] + 1e-6);
      const violations = await seriousAxeViolations(page);
      expect(violations, describeViolations(violations)).toEqual([]);

      await page.goto(server.url + '/?tool=communities&lang=en');
      await page.getByTestId('communities-run').click();
      await page.getByTestId('community-list').locator(':scope > li').first().waitFor({ timeout: 20_000 });
      expect(await page.getByTestId('community-list').locator(':scope > li').count()).toBeGreaterThan(1);
      await expect.poll(() => page.url()).toContain('colour=community');
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  it('shows row-level errors of a broken CSV in the dry run and writes nothing', async () => {
    const token = await createToken(server, 'editor');
    await new Promise((r) => setTimeout(r, 1500)); // the server re-reads its tokens file within a second
    const dir = mkdtempSync(path.join(tmpdir(), 'atlas-e2e-import-'));
    const broken = path.join(dir, 'elements.csv');
    writeFileSync(
      broken,
      'id,label,kind,level,name\n' +
        'ok-lab,Actor,lab,local,A fine lab\n' +
        'bad-level,Actor,lab,galactic,Level out of the vocabulary\n' +
        'bad-kind,Actor,spaceship,local,Kind out of the vocabulary\n',
    );
    const before = await health();
    const { page, errors, close } = await open('/?tool=import&lang=en', { token });
    try {
      await page.getByTestId('import-file').setInputFiles(broken);
      await page.getByTestId('import-check').click();
      const table = page.getByTestId('import-errors');
      await table.waitFor({ timeout: 20_000 });
      const rows = await table.locator('tbody tr').allTextContents();
      expect(rows.length).toBeGreaterThanOrEqual(2);
      const text = rows.join('\n');
      expect(text).toContain('elements.csv');
      // Rows 3 and 4 of the file (the header is row 1) are the broken ones.
      expect(text).toMatch(/3/);
      expect(text).toMatch(/4/);
      expect(await page.getByTestId('import-apply').isDisabled()).toBe(true);
      const violations = await seriousAxeViolations(page);
      expect(violations, describeViolations(violations)).toEqual([]);
      expect(await health()).toMatchObject({ nodes: before.nodes, relationships: before.relationships });
      expect(unexpected(errors)).toEqual([]);
    } finally {
      await close();
    }
  });

  it('imports a correct file after a clean dry run, with the counts shown', async () => {
    const token = await createToken(server, 'editor');
    await new Promise((r) => setTimeout(r, 1500)); // the server re-reads its tokens file within a second
    const dir = mkdtempSync(path.join(tmpdir(), 'atlas-e2e-import-'));
    const good = path.join(dir, 'elements.csv');
    writeFileSync(good, 'id,label,kind,level,name\ne2e-tools-lab,Actor,lab,local,E2E tools lab\n');
    const before = await health();
    const { page, errors, close } = await open('/?tool=import&lang=en', { token });
    try {
      await page.getByTestId('import-file').setInputFiles(good);
      await page.getByTestId('import-check').click();
      await expect.poll(() => page.getByTestId('import-report').textContent(), { timeout: 20_000 }).toContain('The check passed');
      expect(await health()).toMatchObject({ nodes: before.nodes });
      await page.getByTestId('import-apply').click();
      await expect.poll(() => page.getByTestId('import-report').textContent(), { timeout: 20_000 }).toContain('Import applied');
      expect((await health()).nodes).toBe(before.nodes + 1);
      expect(unexpected(errors)).toEqual([]);
    } finally {
      await close();
    }
  });

  it('exports the rings as SVG and PNG and the shown selection as GEXF', async () => {
    const { page, errors, close } = await open('/?v=rings&tool=export&lang=en');
    try {
      await page.getByTestId('rings-view').locator('.ring-node').first().waitFor({ timeout: 30_000 });
      const [svg] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-svg').click()]);
      const svgText = readFileSync((await svg.path())!, 'utf8');
      expect(svgText).toContain('<svg');
      expect((svgText.match(/<circle/g) ?? []).length).toBeGreaterThan(20);
      const [png] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-png').click()]);
      const bytes = readFileSync((await png.path())!);
      expect(bytes.subarray(1, 4).toString()).toBe('PNG');
      expect(bytes.length).toBeGreaterThan(20_000);
      const [gexf] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-gexf').click()]);
      const gexfText = readFileSync((await gexf.path())!, 'utf8');
      // Everything the view shows (no filter set): the whole seed.
      expect((gexfText.match(/<node /g) ?? []).length).toBeGreaterThan(90);
      expect(gexfText).toContain('id="thivic"');
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });
});
