// End-to-end tests of the views at real scale, on an imported data set (the
// H2020 Spain fixture: 3,162 elements, 1,330 actors) in Debian's Chromium: the
// network view drawn on the server's converged layout, the collaboration view
// (weighted actor–actor links, communities with a legend of the largest and
// "other", hovering a link lists the shared items, the region filter), the
// legend folding past 8 entries, the top bar on one row at 1280 px, and zoom
// clicks that compound while the camera is still moving.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { ensureWebBuilt, launchBrowser, newPage, ROOT, startServer, waitForFirstMap, type AtlasServer } from './harness.ts';

let server: AtlasServer;
let browser: Browser;
let dataDir: string;

beforeAll(async () => {
  await ensureWebBuilt();
  dataDir = mkdtempSync(path.join(tmpdir(), 'atlas-e2e-scale-'));
  const fixture = path.join(ROOT, 'test/fixtures/h2020-spain');
  const imported = spawnSync(process.execPath, ['--import', 'tsx', 'graph/src/codecs/cli-import.ts', path.join(fixture, 'elements.csv'), path.join(fixture, 'connections.csv')], {
    cwd: ROOT,
    env: { ...process.env, DATA_DIR: dataDir },
    encoding: 'utf8',
    timeout: 240_000,
  });
  if (imported.status !== 0) throw new Error(`import failed: ${imported.stderr}\n${imported.stdout}`);
  server = await startServer({ DATA_DIR: dataDir, SEED_ON_START: 'false' });
  browser = await launchBrowser();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

async function api<T>(p: string): Promise<{ status: number; body: T }> {
  const res = await fetch(server.url + '/api' + p);
  return { status: res.status, body: (await res.json()) as T };
}

/** The finished server layout (polls while it answers 202). */
async function serverLayout(view: string): Promise<Record<string, [number, number]>> {
  for (let i = 0; i < 600; i++) {
    const res = await api<{ converged: boolean; positions: Record<string, [number, number]> }>(`/layout?view=${view}`);
    if (res.status === 200) return res.body.positions;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`no ${view} layout in 120 s`);
}

async function open(p: string): Promise<{ page: Page; errors: string[]; close(): Promise<void> }> {
  const { context, page, errors } = await newPage(browser, { width: 1280, height: 800, locale: 'en-GB' });
  await page.goto(server.url + p);
  return { page, errors, close: () => context.close() };
}

interface Drawn { nodes: Array<{ id: string; x: number; y: number }>; edges: Array<{ s: string; t: string; size: number }> }

/** The graph the sigma renderer of the page draws (node positions in graph coordinates, edge sizes). */
function drawn(page: Page): Promise<Drawn> {
  return page.evaluate(() => {
    type G = { forEachNode(f: (id: string, a: { x: number; y: number }) => void): void; forEachEdge(f: (e: string, a: { size: number }, s: string, t: string) => void): void };
    const graph = (globalThis as unknown as { __atlasSigma: { getGraph(): G } }).__atlasSigma.getGraph();
    const nodes: Drawn['nodes'] = [];
    const edges: Drawn['edges'] = [];
    graph.forEachNode((id, a) => nodes.push({ id, x: a.x, y: a.y }));
    graph.forEachEdge((_, a, s, t) => edges.push({ s, t, size: a.size }));
    return { nodes, edges };
  });
}

/** Mean drawn edge length / mean distance between random pairs of drawn nodes (≈ 1 random, lower is better). */
function edgeLengthRatio(d: Drawn): number {
  const at = new Map(d.nodes.map((n) => [n.id, n]));
  const dist = (a: { x: number; y: number }, b: { x: number; y: number }) => Math.hypot(a.x - b.x, a.y - b.y);
  let edges = 0;
  for (const e of d.edges) edges += dist(at.get(e.s)!, at.get(e.t)!);
  let seed = 7;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  let pairs = 0;
  const samples = 20_000;
  for (let i = 0; i < samples; i++) pairs += dist(d.nodes[Math.floor(rnd() * d.nodes.length)], d.nodes[Math.floor(rnd() * d.nodes.length)]);
  return edges / d.edges.length / (pairs / samples);
}

const unexpected = (errors: string[]) => errors.filter((e) => !/GL Driver|GPU stall/.test(e));

describe('views at scale on the imported H2020 data set (e2e, Chromium)', () => {
  it('draws the network on the server layout, converged, with a short edge-length ratio and a one-row top bar', async () => {
    const positions = await serverLayout('network');
    const { page, errors, close } = await open('/?lang=en');
    try {
      await waitForFirstMap(page);
      await page.waitForFunction(() => (globalThis as unknown as { __atlasLayout?: { source: string } }).__atlasLayout?.source === 'server', undefined, { timeout: 60_000 });
      const status = await page.evaluate(() => (globalThis as unknown as { __atlasLayout: { converged: boolean; view: string } }).__atlasLayout);
      expect(status).toMatchObject({ view: 'network', converged: true });
      const d = await drawn(page);
      expect(d.nodes.length).toBe(3162);
      // Every node sits where the server put it.
      for (const n of d.nodes) {
        expect(positions[n.id]).toBeDefined();
        expect(n.x).toBeCloseTo(positions[n.id][0], 6);
        expect(n.y).toBeCloseTo(positions[n.id][1], 6);
      }
      const ratio = edgeLengthRatio(d);
      expect(ratio).toBeLessThan(0.3); // 0.09 measured (random placement ≈ 1)
      expect(await page.getByTestId('layout-progress').count()).toBe(0);
      // Top bar: one row at 1280 px (a wrapped bar is twice as high as its buttons).
      const bar = await page.locator('header.topbar').boundingBox();
      const button = await page.getByRole('button', { name: 'Network', exact: true }).boundingBox();
      expect(bar!.height).toBeLessThan(button!.height * 1.9);
      expect(bar!.width).toBeLessThanOrEqual(1280);
      const signIn = await page.locator('header.topbar .topbar-options').boundingBox();
      expect(signIn!.x + signIn!.width).toBeLessThanOrEqual(1280);
      expect(unexpected(errors)).toEqual([]);
    } finally {
      await close();
    }
  });

  it('folds a legend of more than 8 entries and compounds quick zoom clicks', async () => {
    const { page, errors, close } = await open('/?lang=en&colour=community');
    try {
      await waitForFirstMap(page);
      const legend = page.getByTestId('legend');
      await expect.poll(() => legend.locator('li .swatch').count(), { timeout: 30_000 }).toBe(8);
      const more = legend.getByRole('button', { name: /^and \d+ more$/ });
      expect(await more.count()).toBe(1);
      await more.click();
      expect(await legend.locator('li .swatch').count()).toBeGreaterThan(8);

      // Two clicks without waiting: the second zooms from where the first is going.
      await page.getByRole('button', { name: 'Zoom to fit' }).click();
      const atRest = () =>
        page.evaluate(() => {
          const camera = (globalThis as unknown as { __atlasSigma: { getCamera(): { isAnimated(): boolean; getState(): { ratio: number } } } }).__atlasSigma.getCamera();
          return camera.isAnimated() ? null : camera.getState().ratio;
        });
      await expect.poll(atRest, { timeout: 5000 }).not.toBeNull();
      const start = (await atRest())!;
      await page.getByRole('button', { name: 'Zoom in' }).click();
      await page.getByRole('button', { name: 'Zoom in' }).click();
      await expect.poll(atRest, { timeout: 5000 }).not.toBeNull();
      expect((await atRest())! / start).toBeCloseTo(1 / 2.25, 4);
      expect(unexpected(errors)).toEqual([]);
    } finally {
      await close();
    }
  });

  it('opens the collaboration view from the hint: weighted actor–actor links on the converged collaboration layout, communities with "other"', async () => {
    const collab = (await api<{ nodes: { id: string[] }; links: { from: number[]; weight: number[] } }>('/collaboration')).body;
    const positions = await serverLayout('collaboration');
    const { page, errors, close } = await open('/?lang=en');
    try {
      await waitForFirstMap(page);
      await page.getByTestId('collaboration-hint').getByRole('button', { name: 'Open Collaboration' }).click();
      await page.getByTestId('collab-counts').waitFor({ timeout: 60_000 });
      await page.waitForFunction(() => !!(globalThis as unknown as { __atlasCollaboration?: unknown }).__atlasCollaboration, undefined, { timeout: 60_000 });
      expect(new URL(page.url()).searchParams.get('v')).toBe('collaboration');
      expect(await page.getByTestId('collab-counts').textContent()).toBe(`${collab.nodes.id.length.toLocaleString('en')} actors · ${collab.links.from.length.toLocaleString('en')} links`);
      const d = await drawn(page);
      expect(d.nodes.length).toBe(collab.nodes.id.length);
      expect(d.edges.length).toBe(collab.links.from.length);
      for (const n of d.nodes) expect([n.x, n.y]).toEqual(positions[n.id]);
      // Thicker for more shared items.
      const sizes = new Set(d.edges.map((e) => e.size.toFixed(3)));
      expect(sizes.size).toBeGreaterThan(3);
      expect(Math.max(...collab.links.weight)).toBeGreaterThan(2);
      expect(edgeLengthRatio(d)).toBeLessThan(0.3); // 0.16 measured
      // Legend: the 7 largest communities and "Other N communities" (8 entries, not folded).
      const legend = page.getByTestId('legend');
      expect(await legend.locator('li .swatch').count()).toBe(8);
      expect(await legend.locator('li').last().textContent()).toMatch(/^Other \d+ communities \([\d,]+\)$/);
      expect(unexpected(errors)).toEqual([]);
    } finally {
      await close();
    }
  });

  it('lists the shared items of a hovered link, and filters by region', async () => {
    const { page, errors, close } = await open('/?lang=en&v=collaboration');
    try {
      await page.waitForFunction(() => !!(globalThis as unknown as { __atlasCollaboration?: unknown }).__atlasCollaboration, undefined, { timeout: 60_000 });
      // Midpoints of the longest links on screen: hover until one shows its tooltip.
      const targets = await page.evaluate(() => {
        type R = {
          getGraph(): { forEachEdge(f: (e: string, a: unknown, s: string, t: string, sa: { x: number; y: number }, ta: { x: number; y: number }) => void): void };
          graphToViewport(p: { x: number; y: number }): { x: number; y: number };
          getContainer(): { getBoundingClientRect(): { left: number; top: number } };
        };
        const r = (globalThis as unknown as { __atlasSigma: R }).__atlasSigma;
        const box = r.getContainer().getBoundingClientRect();
        const out: Array<{ x: number; y: number; len: number }> = [];
        r.getGraph().forEachEdge((_e, _a, _s, _t, sa, ta) => {
          const a = r.graphToViewport(sa);
          const b = r.graphToViewport(ta);
          out.push({ x: box.left + (a.x + b.x) / 2, y: box.top + (a.y + b.y) / 2, len: Math.hypot(a.x - b.x, a.y - b.y) });
        });
        return out.sort((p, q) => q.len - p.len).slice(0, 40);
      });
      const tip = page.getByTestId('link-tip');
      let shown = false;
      for (const p of targets) {
        await page.mouse.move(p.x, p.y);
        if (await tip.isVisible()) {
          shown = true;
          break;
        }
      }
      expect(shown).toBe(true);
      expect(await tip.locator('strong').textContent()).toMatch(/ — /);
      expect(await tip.textContent()).toMatch(/\d+ shared \(weight \d+\)/);
      expect(await tip.locator('li').count()).toBeGreaterThan(0);

      const all = Number((await page.getByTestId('collab-counts').textContent())!.split(' ')[0].replace(/,/g, ''));
      await page.getByLabel('Region').selectOption('Comunidad de Madrid');
      await expect.poll(() => page.getByTestId('collab-counts').textContent(), { timeout: 30_000 }).not.toMatch(new RegExp(`^${all.toLocaleString('en')} actors`));
      const inRegion = (await api<{ nodes: { id: string[]; region: (string | null)[] } }>('/collaboration?region=Comunidad%20de%20Madrid')).body;
      expect(inRegion.nodes.id.length).toBeGreaterThan(0);
      expect(inRegion.nodes.region.every((r) => r === 'Comunidad de Madrid')).toBe(true);
      await expect.poll(async () => (await drawn(page)).nodes.length, { timeout: 30_000 }).toBe(inRegion.nodes.id.length);
      expect(new URL(page.url()).searchParams.toString()).toContain('collab.region');
      expect(unexpected(errors)).toEqual([]);
    } finally {
      await close();
    }
  });
});
