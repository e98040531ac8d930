// End-to-end harness: builds the web app once (shared by every e2e file, under
// a lock), starts the real API server on a random port with the seed and the
// built app, launches Debian's Chromium through playwright-core, and offers
// helpers for axe-core and for "is this view really drawn" checks.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { FileTokenStore } from '@atlas/api/auth/token-store.ts';
import type { Role } from '@atlas/api/auth/roles.ts';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const WEB = path.join(ROOT, 'web');
const DIST_INDEX = path.join(WEB, 'dist', 'index.html');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(full));
    else newest = Math.max(newest, statSync(full).mtimeMs);
  }
  return newest;
}

function sourcesNewerThanDist(): boolean {
  if (!existsSync(DIST_INDEX)) return true;
  const built = statSync(DIST_INDEX).mtimeMs;
  const sources = Math.max(newestMtime(path.join(WEB, 'src')), statSync(path.join(WEB, 'index.html')).mtimeMs, statSync(path.join(WEB, 'vite.config.ts')).mtimeMs);
  return sources > built;
}

/** `vite build` unless web/dist is newer than every source; one build at a time across test files (mkdir lock). */
export async function ensureWebBuilt(): Promise<void> {
  const lock = path.join(WEB, '.e2e-build.lock');
  for (let waited = 0; ; waited += 250) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      // A lock older than 3 minutes is left over from a killed run.
      if (existsSync(lock) && Date.now() - statSync(lock).mtimeMs > 180_000) rmSync(lock, { recursive: true, force: true });
      if (waited > 240_000) throw new Error('timed out waiting for another web build');
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  try {
    if (!sourcesNewerThanDist()) return;
    const res = spawnSync('npm', ['run', 'build', '--workspace', 'web'], { cwd: ROOT, encoding: 'utf8' });
    if (res.status !== 0) throw new Error(`vite build failed:\n${res.stdout}\n${res.stderr}`);
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

export interface AtlasServer {
  url: string;
  dataDir: string;
  /** Log lines so far (for failure messages). */
  log(): string;
  stop(): Promise<void>;
}

/**
 * Starts `api/src/server.ts` (embedded store, seed loaded) on 127.0.0.1 with a
 * free port. The port is read from the "listening" log line, so LOG_LEVEL
 * stays at info.
 */
export async function startServer(env: Record<string, string> = {}): Promise<AtlasServer> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'atlas-e2e-'));
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'api/src/server.ts'], {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, SEED_ON_START: 'true', PUBLIC_READ: 'true', ...env, LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start in 180 s:\n${output.slice(-3000)}`)), 90_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const m = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${output.slice(-3000)}`));
    });
  });
  return {
    url,
    dataDir,
    log: () => output,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
        if (child.exitCode === null) child.kill('SIGKILL');
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Writes a token of `role` into the server's tokens file (the server re-reads it within a second). */
export async function createToken(server: AtlasServer, role: Role): Promise<string> {
  const store = new FileTokenStore(path.join(server.dataDir, 'tokens.json'));
  const { token } = await store.create({ name: `e2e ${role}`, role, createdBy: 'e2e' });
  return token;
}

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  // Software WebGL for sigma.
  '--use-gl=angle',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
];

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM} (apt-get install chromium)`);
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

/** A fresh context (own storage) with a desktop-sized viewport; page errors are collected. */
export async function newPage(browser: Browser, options: { width?: number; height?: number; locale?: string } = {}): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width: options.width ?? 1400, height: options.height ?? 900 }, locale: options.locale ?? 'es-ES' });
  // tsx (esbuild keepNames) wraps functions passed to page.evaluate in a `__name` helper the page lacks.
  await context.addInitScript('globalThis.__name = globalThis.__name || ((f) => f);');
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  return { context, page, errors };
}

const require = createRequire(import.meta.url);
let axeSource: string | null = null;

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: string[]; failureSummary?: string }>;
}

/** Runs axe-core (WCAG 2.x A/AA rules) on the page; returns the serious and critical violations. */
export async function seriousAxeViolations(page: Page, context?: string): Promise<AxeViolation[]> {
  axeSource ??= await readFile(require.resolve('axe-core/axe.min.js'), 'utf8');
  // Evaluated through the DevTools protocol: the app's CSP (script-src 'self') rightly refuses inline <script> tags.
  if (!(await page.evaluate(() => 'axe' in globalThis))) await page.evaluate(axeSource);
  const violations = await page.evaluate(async (ctx) => {
    // Runs in the page (the root tsconfig has no DOM lib, hence the loose typing).
    const w = globalThis as unknown as { axe: { run(c: unknown, o: unknown): Promise<{ violations: AxeViolation[] }> }; document: unknown };
    const result = await w.axe.run(ctx ?? w.document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 5).map((n) => ({ target: n.target, failureSummary: n.failureSummary })) }));
  }, context ?? null);
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

export function describeViolations(violations: AxeViolation[]): string {
  return violations.map((v) => `${v.impact} ${v.id}: ${v.help}\n  ${v.nodes.map((n) => n.target.join(' ')).join('\n  ')}`).join('\n');
}

/**
 * Pixel statistics of what is on screen inside `locator` (a real screenshot,
 * so WebGL layers count): the standard deviation of luminance and the share of
 * pixels that are not background-white. A blank view has both near zero.
 */
export async function pixelStats(page: Page, locator: Locator): Promise<{ stddev: number; inked: number }> {
  const png = await locator.screenshot({ type: 'png' });
  return page.evaluate(async (b64) => {
    // Runs in the page (the root tsconfig has no DOM lib, hence `any`).
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const w = globalThis as any;
    const img = new w.Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const canvas = w.document.createElement('canvas');
    canvas.width = img.naturalWidth;
    canvas.height = img.naturalHeight;
    const ctx = canvas.getContext('2d')!;
    ctx.drawImage(img, 0, 0);
    const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height) as { data: Uint8ClampedArray };
    let sum = 0;
    let sumSq = 0;
    let inked = 0;
    const n = data.length / 4;
    for (let i = 0; i < data.length; i += 4) {
      const y = 0.2126 * data[i] + 0.7152 * data[i + 1] + 0.0722 * data[i + 2];
      sum += y;
      sumSq += y * y;
      if (y < 235) inked++;
    }
    const mean = sum / n;
    return { stddev: Math.sqrt(Math.max(0, sumSq / n - mean * mean)), inked: inked / n };
  }, png.toString('base64'));
}

/** Waits until the network map has rendered its first frame (event fired by the NetworkView). */
export async function waitForFirstMap(page: Page, timeout = 30_000): Promise<void> {
  await page.waitForFunction(() => performance.getEntriesByName('atlas:first-map').length > 0, undefined, { timeout });
}

/** Where on the screen the Spain map draws its biggest province bubble (for a click that zooms in). */
export function biggestProvinceBubble(page: Page): Promise<{ x: number; y: number }> {
  return page.evaluate(() => {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const sigma = (globalThis as any).__atlasSigma;
    let best: { id: string; count: number } | null = null;
    sigma.getGraph().forEachNode((id: string, a: { tier: string; count: number }) => {
      if (a.tier === 'province' && (!best || a.count > best.count)) best = { id, count: a.count };
    });
    const p = sigma.graphToViewport(sigma.getGraph().getNodeAttributes(best!.id));
    const box = sigma.getContainer().getBoundingClientRect();
    return { x: box.left + p.x, y: box.top + p.y };
  });
}
