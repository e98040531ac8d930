// End-to-end tests of the views at real scale, on an imported data set (the
// H2020 Spain fixture: 3,162 elements, 1,330 actors) in Debian's Chromium: the
// network view drawn on the server's converged layout, the collaboration view
// (weighted actor–actor links, communities with a legend of the largest and
// "other", hovering a link lists the shared items, the region filter), the
// legend folding past 8 entries, the top bar on one row at 1280 px, zoom
// clicks that compound while the camera is still moving, and the level rings
// and Spain map in WebGL (actors on their level's ring; every geocoded actor
// inside Spain; province bubbles zoomed out, a click zooms in; unplaced listed).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { biggestProvinceBubble, ensureWebBuilt, launchBrowser, newPage, ROOT, startServer, waitForFirstMap, type AtlasServer } from './harness.ts';

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

interface ActorRow { id: string; level?: string; lat?: number; lon?: number }

/** Every actor of the store, through the paged node list. */
async function allActors(): Promise<ActorRow[]> {
  const out: ActorRow[] = [];
  let cursor: string | undefined;
  do {
    const page = await api<{ items: ActorRow[]; nextCursor?: string }>(`/nodes?label=Actor&limit=1000${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    out.push(...page.body.items);
    cursor = page.body.nextCursor;
  } while (cursor);
  return out;
}

interface SigmaNode { id: string; x: number; y: number; ring?: string; tier?: string; hidden: boolean }

/** Nodes of the page's sigma graph with their attributes and whether the reducers hide them now. */
function sigmaNodes(page: Page): Promise<SigmaNode[]> {
  return page.evaluate(() => {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const sigma = (globalThis as any).__atlasSigma;
    const out: SigmaNode[] = [];
    sigma.getGraph().forEachNode((id: string, a: { x: number; y: number; ring?: string; tier?: string }) =>
      out.push({ id, x: a.x, y: a.y, ring: a.ring, tier: a.tier, hidden: !!sigma.getNodeDisplayData(id)?.hidden }),
    );
    return out;
  });
}

/** WebGL contexts drawn into by sigma in the view (nodes and edges layers). */
function webglLayers(page: Page, testId: string): Promise<number> {
  return page.evaluate((id) => {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const d = (globalThis as any).document;
    const canvases = [...d.querySelectorAll(`[data-testid="${id}"] canvas`)] as Array<{ className: string }>;
    return canvases.filter((c) => /sigma-(nodes|edges)/.test(c.className)).length;
  }, testId);
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

  it('draws the level rings in WebGL: every actor on the ring of its level, wedges by region', async () => {
    const actors = await allActors();
    const { page, errors, close } = await open('/?lang=en&v=rings');
    try {
      await page.waitForFunction(() => !!(globalThis as unknown as { __atlasRings?: unknown }).__atlasRings, undefined, { timeout: 60_000 });
      expect(await webglLayers(page, 'rings-canvas')).toBe(2);
      const { rings, unit } = await page.evaluate(() => (globalThis as unknown as { __atlasRings: { rings: Array<{ key: string; radius: number }>; unit: number } }).__atlasRings);
      const nodes = await sigmaNodes(page);
      expect(nodes.length).toBe(actors.length);
      const levelOf = new Map(actors.map((a) => [a.id, a.level ?? 'none']));
      const radiusOf = new Map(rings.map((r) => [r.key, r.radius]));
      for (const n of nodes) {
        expect(n.ring).toBe(levelOf.get(n.id));
        // Inside its level's band (±0.4 ring spacing around the ring's radius; the innermost band reaches the centre).
        const r = Math.hypot(n.x, n.y);
        const ring = radiusOf.get(n.ring!)!;
        expect(r).toBeLessThanOrEqual(ring + unit * 0.4 + 1e-6);
        expect(r).toBeGreaterThanOrEqual(ring - unit * 0.4 - 1e-6);
      }
      // Local inside international.
      expect(radiusOf.get('local')!).toBeLessThan(radiusOf.get('international')!);
      await page.getByRole('button', { name: 'Region', exact: true }).click();
      await expect.poll(() => page.locator('svg.sigma-overlay').textContent(), { timeout: 30_000 }).toContain('Comunidad de Madrid');
      expect(unexpected(errors)).toEqual([]);
    } finally {
      await close();
    }
  });

  it('places every geocoded actor inside Spain on the WebGL map, bubbles per province zoomed out (a click zooms in), unplaced actors listed', async () => {
    const actors = await allActors();
    const { page, errors, close } = await open('/?lang=en&v=map');
    try {
      await page.waitForFunction(() => !!(globalThis as unknown as { __atlasMap?: unknown }).__atlasMap, undefined, { timeout: 60_000 });
      expect(await webglLayers(page, 'map-canvas')).toBe(2);
      type Box = { x: [number, number]; y: [number, number] };
      const map = await page.evaluate(() => (globalThis as unknown as { __atlasMap: { tier: string; aggregated: boolean; placed: number; unplaced: number; bounds: { main: Box; canary: Box } } }).__atlasMap);
      const nodes = await sigmaNodes(page);
      const at = new Map(nodes.map((n) => [n.id, n]));
      const inside = (n: SigmaNode, b: Box) => n.x >= b.x[0] && n.x <= b.x[1] && n.y >= b.y[0] && n.y <= b.y[1];
      const geocoded = actors.filter((a) => typeof a.lat === 'number' && typeof a.lon === 'number');
      expect(geocoded.length).toBeGreaterThan(40);
      for (const a of geocoded) {
        const n = at.get(a.id);
        expect(n, a.id).toBeDefined();
        expect(inside(n!, map.bounds.main) || inside(n!, map.bounds.canary), a.id).toBe(true);
      }
      // Every actor is either on the map or in the list beside it.
      expect(map.placed + map.unplaced).toBe(actors.length);
      expect(await page.getByTestId('map-outside-count').textContent()).toBe(`Outside the map (${map.unplaced.toLocaleString('en')})`);
      expect(await page.getByTestId('map-outside').locator('li').count()).toBe(Math.min(300, map.unplaced));

      // Zoomed out: only province bubbles are drawn, and together they count every placed actor.
      expect(map).toMatchObject({ aggregated: true, tier: 'province' });
      const shown = nodes.filter((n) => !n.hidden);
      expect(shown.length).toBeGreaterThan(0);
      expect(shown.every((n) => n.tier === 'province')).toBe(true);
      const counts = await page.evaluate(() => {
        // eslint-disable-next-line @typescript-eslint/no-explicit-any
        const g = (globalThis as any).__atlasSigma.getGraph();
        let total = 0;
        g.forEachNode((_id: string, a: { tier: string; count?: number }) => (total += a.tier === 'province' ? (a.count ?? 0) : 0));
        return total;
      });
      expect(counts).toBe(map.placed);

      // A click on the biggest bubble zooms in to the municipalities.
      const target = await biggestProvinceBubble(page);
      await page.mouse.click(target.x, target.y);
      await expect.poll(() => page.evaluate(() => (globalThis as unknown as { __atlasMap: { tier: string } }).__atlasMap.tier), { timeout: 10_000 }).toBe('municipality');
      const ratio = await page.evaluate(() => (globalThis as unknown as { __atlasSigma: { getCamera(): { getState(): { ratio: number } } } }).__atlasSigma.getCamera().getState().ratio);
      expect(ratio).toBeLessThan(0.55);
      expect((await sigmaNodes(page)).filter((n) => !n.hidden).every((n) => n.tier !== 'province')).toBe(true);
      expect(unexpected(errors)).toEqual([]);
    } finally {
      await close();
    }
  });
});
