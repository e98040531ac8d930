// End-to-end tests of growing the atlas in the web app (issue 16): "Add from a
// document" (paste → candidates highlighted → accept → on the map with the
// quote as provenance), the public /register page (accessible, errors
// announced, honeypot hidden) and the review queue (editors only; an approved
// registration reaches the map). Real API server with the seed, Debian's Chromium.
// REVIEW_SCREENSHOTS=1 also writes docs/screenshots/review-*.png and register.png.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { ROOT, createToken, describeViolations, ensureWebBuilt, launchBrowser, newPage, seriousAxeViolations, startServer, type AtlasServer } from './harness.ts';

let server: AtlasServer;
let browser: Browser;
const SHOTS = process.env.REVIEW_SCREENSHOTS === '1';
const VIEWER_BADGE = 'Lector';

beforeAll(async () => {
  await ensureWebBuilt();
  server = await startServer();
  browser = await launchBrowser();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** A token of `role`, once the server has re-read its tokens file (polls GET /api/me). */
async function tokenFor(role: 'editor' | 'viewer'): Promise<string> {
  const token = await createToken(server, role);
  await expect
    .poll(async () => ((await (await fetch(`${server.url}/api/me`, { headers: { authorization: `Bearer ${token}` } })).json()) as { role: string }).role, { timeout: 15_000, interval: 500 })
    .toBe(role);
  return token;
}

async function open(url: string, options: { locale?: string; token?: string; width?: number; height?: number } = {}): Promise<{ page: Page; errors: string[]; close(): Promise<void> }> {
  const { context, page, errors } = await newPage(browser, { locale: options.locale ?? 'es-ES', width: options.width, height: options.height });
  if (options.token) {
    // The app keeps the signed-in token in sessionStorage (web/src/auth/session.ts).
    await context.addInitScript((token) => (globalThis as unknown as { sessionStorage: { setItem(k: string, v: string): void } }).sessionStorage.setItem('atlas.token', token), options.token);
  }
  await page.goto(server.url + url);
  return { page, errors, close: () => context.close() };
}

/** Refused requests (role probes, a 409 duplicate) are logged by the browser; they are expected. */
function unexpected(errors: string[]): string[] {
  return errors.filter((e) => !/Failed to load resource: the server responded with a status of (40[01349])/.test(e));
}

async function shot(page: Page, file: string, fullPage = false): Promise<void> {
  if (!SHOTS) return;
  // The network behind the tool settles first (its layout runs after each reload).
  await page.getByTestId('layout-progress').waitFor({ state: 'detached', timeout: 60_000 });
  await page.screenshot({ path: path.join(ROOT, 'docs', 'screenshots', file), fullPage });
}

/** Nodes and links on the map, as the status bar counts them. */
async function counts(page: Page): Promise<number[]> {
  return (((await page.getByTestId('counts').textContent()) ?? '').match(/\d[\d.,]*/g) ?? []).map((n) => Number(n.replace(/[.,]/g, '')));
}

/** In the page: is this element the focused one? */
function hasFocus(el: unknown): boolean {
  return el === (el as { ownerDocument: { activeElement: unknown } }).ownerDocument.activeElement;
}

/** The review card whose title is exactly `name`. */
function card(page: Page, name: string) {
  return page.getByTestId('review-item').filter({ has: page.getByRole('heading', { name, exact: true }) });
}

const PARAGRAPH =
  'El Ayuntamiento de Zaragoza y la Universidad de Zaragoza colaboran en el programa "Ciudad Abierta", que impulsa la participación ciudadana en los barrios desde 2024. ' +
  'Las personas interesadas pueden inscribirse en la web municipal.';

describe('growing the atlas in the web app (e2e, Chromium)', () => {
  it('a pasted Spanish paragraph: candidates highlighted, accepted, then on the map with the quote as provenance', async () => {
    const token = await tokenFor('editor');
    const { page, errors, close } = await open('/?tool=documents&lang=es', { token, width: 1500, height: 1000 });
    try {
      const tool = page.getByTestId('document-tool');
      await tool.waitFor({ timeout: 30_000 });
      await page.getByLabel('Título del documento').fill('Nota de prensa: Ciudad Abierta');
      await page.getByLabel('Texto (pega aquí el documento)').fill(PARAGRAPH);
      await page.getByLabel('Fecha').fill('2024-03-01');
      await expect.poll(async () => (await counts(page))[0] ?? 0, { timeout: 30_000 }).toBeGreaterThan(0); // the map has loaded
      const [nodesBefore, linksBefore] = await counts(page);
      await page.getByTestId('document-submit').click();

      // The text comes back with the council, the university and the programme marked, coloured by type.
      const marks = page.getByTestId('candidate-mark');
      await marks.first().waitFor({ timeout: 30_000 });
      const council = marks.filter({ hasText: 'Ayuntamiento de Zaragoza' });
      const university = marks.filter({ hasText: 'Universidad de Zaragoza' });
      const programme = marks.filter({ hasText: 'Ciudad Abierta' });
      expect(await council.getAttribute('data-label')).toBe('Actor');
      expect(await university.getAttribute('data-label')).toBe('Actor');
      expect(await programme.getAttribute('data-label')).toBe('Project');
      const colour = (l: typeof council) => l.evaluate((el) => (globalThis as unknown as { getComputedStyle(e: unknown): { backgroundColor: string } }).getComputedStyle(el).backgroundColor);
      expect(await colour(council)).not.toBe(await colour(programme));
      // The marked text is exactly the document's text at the candidate's offsets.
      const documentText = await page.getByTestId('document-text').evaluate((el) => {
        // Runs in the page (the root tsconfig has no DOM lib, hence the loose typing).
        type Node = { cloneNode(deep: boolean): Node; querySelectorAll(s: string): Array<{ remove(): void }>; textContent: string | null };
        const clone = (el as unknown as Node).cloneNode(true);
        for (const hidden of clone.querySelectorAll('.sr-only')) hidden.remove();
        return clone.textContent;
      });
      expect(documentText).toBe(PARAGRAPH);

      // Keyboard: a mark is focusable and Enter moves to its candidate card.
      await university.focus();
      await page.keyboard.press('Enter');
      const universityCard = card(page, 'Universidad de Zaragoza');
      await expect.poll(() => universityCard.evaluate(hasFocus)).toBe(true);
      // Each candidate shows its confidence and rule.
      expect(await universityCard.textContent()).toMatch(/Confianza\s*\d+\s*%/);
      expect(await universityCard.locator('code').textContent()).toBeTruthy();
      let violations = await seriousAxeViolations(page, '[data-testid="document-tool"]');
      expect(violations, describeViolations(violations)).toEqual([]);
      await shot(page, 'review-document.png');

      // A relationship cannot be accepted before its ends.
      const relationships = page.getByTestId('review-item').filter({ hasText: '→' });
      expect(await relationships.count()).toBeGreaterThan(0);
      expect(await relationships.first().getByTestId('review-accept').isDisabled()).toBe(true);

      const named = ['Ayuntamiento de Zaragoza', 'Universidad de Zaragoza', 'Ciudad Abierta'];
      for (const name of named) {
        await card(page, name).getByTestId('review-accept').click();
        await expect.poll(() => card(page, name).getAttribute('data-status')).toBe('accepted');
      }
      // The relationships between them can now be accepted (the card's title is "from → to").
      const acceptedPairs: Array<[string, string, string]> = [];
      for (let i = 0; i < (await relationships.count()); i++) {
        const rel = relationships.nth(i);
        const [from, to] = ((await rel.getByRole('heading').textContent()) ?? '').split(' → ');
        if (!named.includes(from) || !named.includes(to)) continue;
        await rel.getByTestId('review-accept').click();
        await expect.poll(() => rel.getAttribute('data-status')).toBe('accepted');
        acceptedPairs.push([from, to, (await rel.getAttribute('data-item'))!]);
      }
      expect(acceptedPairs.length).toBeGreaterThan(0);
      // The map reloads with the three new nodes and their links.
      await expect.poll(() => counts(page), { timeout: 20_000 }).toEqual([nodesBefore + 3, linksBefore + acceptedPairs.length]);
      expect(await university.getAttribute('class')).toContain('is-accepted');
      violations = await seriousAxeViolations(page, '[data-testid="document-tool"]');
      expect(violations, describeViolations(violations)).toEqual([]);
      await shot(page, 'review-document-accepted.png');

      // "See them on the map": the network view with a new node selected; its side panel quotes the document.
      await page.getByTestId('document-show').click();
      await expect.poll(() => page.url()).toMatch(/sel=[^&]+/);
      const panel = page.getByTestId('side-panel');
      await expect.poll(() => panel.locator('#side-panel-title').textContent(), { timeout: 20_000 }).toBe('Ayuntamiento de Zaragoza');
      await expect.poll(() => panel.getByTestId('provenance').textContent(), { timeout: 20_000 }).toContain('colaboran en el programa "Ciudad Abierta"');
      expect(await panel.getByTestId('provenance').textContent()).toContain('Nota de prensa: Ciudad Abierta');
      // Its relationships are in the graph, with the quote, and listed among its neighbours.
      const councilNeighbours = acceptedPairs.filter(([f, t]) => f === 'Ayuntamiento de Zaragoza' || t === 'Ayuntamiento de Zaragoza').map(([f, t]) => (f === 'Ayuntamiento de Zaragoza' ? t : f));
      expect(councilNeighbours.length).toBeGreaterThan(0);
      for (const other of councilNeighbours) await expect.poll(() => panel.locator('ul.neighbours').first().textContent(), { timeout: 20_000 }).toContain(other);
      const selected = decodeURIComponent(/sel=([^&]+)/.exec(page.url())![1]);
      const node = (await (await fetch(`${server.url}/api/nodes/${encodeURIComponent(selected)}`)).json()) as { provenance: Array<{ quote: string; source: string; note?: string }> };
      expect(node.provenance[0].quote).toContain('Ayuntamiento de Zaragoza y la Universidad de Zaragoza colaboran');
      expect(node.provenance[0].note).toMatch(/offsets \d+-\d+/);
      const queue = (await (await fetch(`${server.url}/api/review?source=${encodeURIComponent('Nota de prensa')}&status=accepted`, { headers: { authorization: `Bearer ${token}` } })).json()) as { items: Array<{ id: string; result?: { relationshipId?: string } }> };
      for (const [, , itemId] of acceptedPairs) {
        const relationshipId = queue.items.find((i) => i.id === itemId)?.result?.relationshipId;
        expect(relationshipId).toBeTruthy();
        const rel = (await (await fetch(`${server.url}/api/relationships/${encodeURIComponent(relationshipId!)}`)).json()) as { provenance: Array<{ quote: string; source: string }> };
        expect(rel.provenance.map((p) => [p.source, p.quote.includes('colaboran en el programa')])).toContainEqual(['Nota de prensa: Ciudad Abierta', true]);
      }
      await shot(page, 'review-on-map.png');
      expect(unexpected(errors)).toEqual([]);
    } finally {
      await close();
    }
  }, 180_000);

  it('/register: accessible, errors announced; the submission is reviewed by an editor (never shown to a viewer) and then on the map', async () => {
    const name = 'Laboratorio Ciudadano de Teruel';
    const anon = await open('/register?lang=es');
    try {
      const page = anon.page;
      await page.getByTestId('register-page').waitFor({ timeout: 30_000 });
      expect(await page.evaluate(() => (globalThis as unknown as { document: { documentElement: { lang: string } } }).document.documentElement.lang)).toBe('es-ES');
      let violations = await seriousAxeViolations(page);
      expect(violations, describeViolations(violations)).toEqual([]);
      // The honeypot is not in the accessibility tree nor in the tab order.
      expect(await page.getByRole('textbox', { name: 'No rellenes este campo' }).count()).toBe(0);
      expect(await page.getByTestId('register-trap').getAttribute('tabindex')).toBe('-1');

      // Nothing filled in: the error summary takes focus and names the fields; the fields are marked invalid.
      await page.getByTestId('register-submit').click();
      const summary = page.getByTestId('register-errors');
      await summary.waitFor();
      expect(await summary.getAttribute('role')).toBe('alert');
      await expect.poll(() => summary.evaluate(hasFocus)).toBe(true);
      expect(await summary.textContent()).toContain('Escribe el nombre de la organización');
      expect(await page.getByLabel('Nombre *').getAttribute('aria-invalid')).toBe('true');
      violations = await seriousAxeViolations(page);
      expect(violations, describeViolations(violations)).toEqual([]);

      // Filled in with the keyboard-usable comboboxes.
      await page.getByLabel('Nombre *').fill(name);
      await page.getByLabel('Tipo de organización *').selectOption('lab');
      await page.getByTestId('register-municipality').fill('Terue');
      await page.getByRole('option', { name: /^Teruel/ }).first().waitFor();
      await page.getByTestId('register-municipality').press('Enter');
      await expect.poll(() => page.getByTestId('register-municipality').inputValue()).toMatch(/^Teruel/);
      await page.getByLabel('Sitio web').fill('www.labciudadanoteruel.example.org');
      await page.getByLabel('Temas').fill('participación ciudadana, innovación rural');
      await page.getByLabel('Qué hace (breve)').fill('Laboratorio ciudadano de innovación rural.');
      await page.getByTestId('register-collaborations').fill('THIVIC');
      await page.getByRole('option', { name: /THIVIC/ }).first().click();
      await expect.poll(() => page.getByTestId('register-chip').count()).toBe(1);
      // Contact details without consent are refused before anything is sent.
      await page.getByLabel('Correo electrónico de contacto').fill('hola@labteruel.example.org');
      await page.getByTestId('register-submit').click();
      await expect.poll(() => summary.textContent()).toContain('Marca el consentimiento');
      await page.getByRole('checkbox').check();
      await shot(page, 'register.png', true);
      await page.getByTestId('register-submit').click();
      const result = page.getByTestId('register-result');
      await expect.poll(() => result.getAttribute('data-outcome'), { timeout: 15_000 }).toBe('queued');
      expect(await result.textContent()).toContain(name);

      // The same organisation again: a duplicate warning, not a second submission.
      await page.getByLabel('Nombre *').fill(name);
      await page.getByLabel('Tipo de organización *').selectOption('lab');
      await page.getByTestId('register-submit').click();
      await expect.poll(() => result.getAttribute('data-outcome'), { timeout: 15_000 }).toBe('duplicate');
      // In Valencian: the page, its language tag and the URL follow the switch.
      await page.getByTestId('register-language').selectOption('ca');
      await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Proposa la teua organització per a l’atles');
      expect(await page.evaluate(() => (globalThis as unknown as { document: { documentElement: { lang: string } } }).document.documentElement.lang)).toBe('ca-ES-valencia');
      expect(page.url()).toContain('lang=ca');
      violations = await seriousAxeViolations(page);
      expect(violations, describeViolations(violations)).toEqual([]);
      expect(unexpected(anon.errors)).toEqual([]);
    } finally {
      await anon.close();
    }

    // A viewer is not offered the queue, and the API refuses it.
    const viewerToken = await tokenFor('viewer');
    const viewer = await open('/?tool=review&lang=es', { token: viewerToken });
    try {
      // Signed in as a viewer (the badge shows once the token's role is known).
      await viewer.page.locator('.role-badge').waitFor({ timeout: 30_000 });
      expect(await viewer.page.locator('.role-badge').textContent()).toBe(VIEWER_BADGE);
      await viewer.page.getByRole('button', { name: 'Registrar una organización' }).waitFor();
      expect(await viewer.page.getByRole('button', { name: 'Cola de revisión' }).count()).toBe(0);
      expect(await viewer.page.getByTestId('review-tool').count()).toBe(0);
      expect(await viewer.page.getByText(name).count()).toBe(0);
      const refused = await fetch(`${server.url}/api/review`, { headers: { authorization: `Bearer ${viewerToken}` } });
      expect(refused.status).toBe(403);
      const before = (await fetch(`${server.url}/api/search?q=${encodeURIComponent(name)}`).then((r) => r.json())) as { items: Array<{ name: string }> };
      expect(before.items.map((h) => h.name)).not.toContain(name);
    } finally {
      await viewer.close();
    }

    // An editor finds it in the queue (filter: self-registrations), accepts it and its collaboration, and sees it on the map.
    const editorToken = await tokenFor('editor');
    const editor = await open('/?tool=review&lang=es', { token: editorToken, width: 1500, height: 1000 });
    try {
      const page = editor.page;
      await page.getByTestId('review-tool').waitFor({ timeout: 30_000 });
      await page.getByTestId('review-filter-origin').selectOption('submission');
      await page.getByRole('button', { name: 'Mostrar' }).click();
      const submission = card(page, name);
      await submission.waitFor({ timeout: 20_000 });
      expect(await submission.textContent()).toContain('Teruel');
      expect(await submission.textContent()).toContain('participación ciudadana');
      expect(await submission.textContent()).toContain('Laboratorio ciudadano de innovación rural.');
      const collaboration = page.getByTestId('review-item').filter({ hasText: `${name} → THIVIC` });
      expect(await collaboration.getByTestId('review-accept').isDisabled()).toBe(true);
      if (SHOTS) await page.locator('#tool-panel h2').evaluate((el) => (el as unknown as { scrollIntoView(o: unknown): void }).scrollIntoView({ block: 'start' }));
      const queueViolations = await seriousAxeViolations(page, '[data-testid="review-tool"]');
      expect(queueViolations, describeViolations(queueViolations)).toEqual([]);
      await shot(page, 'review-queue.png');
      // The map's counts (status bar) before approval.
      await expect.poll(async () => (await counts(page))[0] ?? 0, { timeout: 30_000 }).toBeGreaterThan(0); // the map has loaded
      const [nodesBefore, linksBefore] = await counts(page);
      await submission.getByTestId('review-accept').click();
      await expect.poll(() => submission.getAttribute('data-status')).toBe('accepted');
      await collaboration.getByTestId('review-accept').click();
      await expect.poll(() => collaboration.getAttribute('data-status')).toBe('accepted');
      // The map reloads with one more actor and one more link.
      await expect.poll(() => counts(page), { timeout: 20_000 }).toEqual([nodesBefore + 1, linksBefore + 1]);
      await submission.getByRole('button', { name: 'Ver en el mapa' }).click();
      const panel = page.getByTestId('side-panel');
      await expect.poll(() => panel.locator('#side-panel-title').textContent(), { timeout: 20_000 }).toBe(name);
      await expect.poll(() => panel.textContent(), { timeout: 20_000 }).toContain('THIVIC');
      expect(await panel.getByTestId('provenance').textContent()).toContain('self-registration');
      // Now public: found by anyone.
      const hits = (await fetch(`${server.url}/api/search?q=${encodeURIComponent(name)}`).then((r) => r.json())) as { items: Array<{ name: string }> };
      expect(hits.items.map((h) => h.name)).toContain(name);
      expect(unexpected(editor.errors)).toEqual([]);
    } finally {
      await editor.close();
    }
  }, 240_000);
  it('an uploaded HTML file (in English): tags stripped, a known actor linked not duplicated, merge into an existing node, reject', async () => {
    const token = await tokenFor('editor');
    const events = (await (await fetch(`${server.url}/api/nodes?label=Event&limit=1`)).json()) as { items: Array<{ id: string; name: string }> };
    const target = events.items[0];
    const before = (await (await fetch(`${server.url}/api/health`)).json()) as { nodes: number };
    const { page, errors, close } = await open('/?tool=documents&lang=en', { token, locale: 'en-GB', width: 1500, height: 1000 });
    try {
      await page.getByTestId('document-tool').waitFor({ timeout: 30_000 });
      const html = '<h2>Agenda</h2><p>El <strong>Ayuntamiento de Madrid</strong> y la Fundación Cotec organizan la jornada "Ciudades que Aprenden" con el laboratorio ciudadano THIVIC.</p>';
      await page.getByTestId('document-file').setInputFiles({ name: 'agenda-jornada.html', mimeType: 'text/html', buffer: Buffer.from(html) });
      await expect.poll(() => page.getByLabel('Document title').inputValue()).toBe('agenda-jornada');
      expect(await page.getByLabel('Format').inputValue()).toBe('html');
      await page.getByTestId('document-submit').click();
      const marks = page.getByTestId('candidate-mark');
      await marks.first().waitFor({ timeout: 30_000 });
      const text = (await page.getByTestId('document-text').textContent()) ?? '';
      expect(text).not.toContain('<strong>');
      expect(await marks.filter({ hasText: 'Ciudades que Aprenden' }).getAttribute('data-label')).toBe('Event');

      // The council is already on the map: the card names it and accepting links to it.
      const council = card(page, 'Ayuntamiento de Madrid');
      expect(await council.getByTestId('review-match').textContent()).toContain('Madrid City Council');
      await council.getByRole('button', { name: 'Accept as “Madrid City Council”' }).click();
      await expect.poll(() => council.getAttribute('data-status')).toBe('accepted');
      expect(await council.textContent()).toContain('Merged into the existing node.');
      // The event is merged into an existing event picked by name.
      const event = card(page, 'Ciudades que Aprenden');
      await event.getByRole('button', { name: 'Merge into an existing node…' }).click();
      await event.getByTestId('review-merge-target').fill(target.name);
      await event.getByRole('option').filter({ hasText: target.name }).first().click();
      await expect.poll(() => event.getByTestId('review-merge-target').inputValue()).toBe(target.name);
      await event.getByRole('button', { name: 'Merge', exact: true }).click();
      await expect.poll(() => event.getAttribute('data-status')).toBe('accepted');
      // The foundation is rejected: its mark is struck through.
      const foundation = card(page, 'Fundación Cotec');
      await foundation.getByTestId('review-reject').click();
      await expect.poll(() => foundation.getAttribute('data-status')).toBe('rejected');
      expect(await marks.filter({ hasText: 'Fundación Cotec' }).getAttribute('class')).toContain('is-rejected');

      // Nothing was duplicated: merging wrote provenance onto the existing nodes.
      const after = (await (await fetch(`${server.url}/api/health`)).json()) as { nodes: number };
      expect(after.nodes).toBe(before.nodes);

      // "Accept everything pending": the rest of the candidates and every relationship whose ends are
      // accepted; a relationship to the rejected foundation stays pending.
      await page.getByTestId('document-accept-all').click();
      const cards = page.getByTestId('review-item');
      await expect.poll(async () => (await cards.evaluateAll((els) => els.map((e) => (e as unknown as { dataset: { status: string } }).dataset.status))).filter((s) => s === 'pending').length, { timeout: 30_000 }).toBe(
        await cards.filter({ hasText: 'Fundación Cotec →' }).or(cards.filter({ hasText: '→ Fundación Cotec' })).count(),
      );
      for (const rel of await cards.filter({ hasText: '→' }).all()) {
        const title = (await rel.getByRole('heading').textContent()) ?? '';
        expect(await rel.getAttribute('data-status')).toBe(title.includes('Fundación Cotec') ? 'pending' : 'accepted');
      }
      for (const id of ['madrid-city-council', target.id]) {
        const node = (await (await fetch(`${server.url}/api/nodes/${id}`)).json()) as { provenance: Array<{ source: string; quote?: string }> };
        expect(node.provenance.map((p) => [p.source, p.quote?.includes('organizan la jornada')])).toContainEqual(['agenda-jornada', true]);
      }
      // The review queue, filtered by source and status, holds the rejected candidate.
      await page.getByRole('button', { name: 'Review queue' }).click();
      const tool = page.getByTestId('review-tool');
      await tool.waitFor();
      await page.getByTestId('review-filter-status').selectOption('rejected');
      await tool.getByLabel('Source (title or URL)').fill('agenda-jornada');
      await tool.getByRole('button', { name: 'Show' }).click();
      const listed = () => tool.getByTestId('review-item').evaluateAll((els) => els.map((e) => `${(e as unknown as { dataset: { status: string } }).dataset.status} ${(e as unknown as { querySelector(s: string): { textContent: string } }).querySelector('h3').textContent}`));
      await expect.poll(listed, { timeout: 20_000 }).toEqual(['rejected Fundación Cotec']);
      expect(unexpected(errors)).toEqual([]);
    } finally {
      await close();
    }
  }, 180_000);
});
