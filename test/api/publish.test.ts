// Publishing through GET /api/export, in-process with supertest on the
// embedded store loaded with the seed: the one-file atlas (format=html: data
// block, server layout positions, provenance quotes, personal data redacted,
// `</script>` in a name cannot break out), the map as SVG and PNG (nodes,
// legend, attribution, real PNG dimensions), bad parameters → 400
// problem+json, a missing viewer build → 503 naming the build step, and the
// framing headers (only /embed may be framed).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EmbeddedStore } from '@atlas/graph/store/embedded/index.ts';
import { loadSeed } from '@atlas/seeds/load-seed.ts';
import type { AtlasDocument } from '@atlas/graph/publish/atlas-format.ts';
import { atlasTemplatePath } from '@atlas/api/publish/atlas-html.ts';
import { trustApp, type TrustApp } from '../trust/helpers.ts';

const TEMPLATE_HINT = 'npm run build:web';
const EVIL_NAME = 'Evil </script><script>globalThis.__pwned = 1</script> <!-- Lab';
const PERSON_NAME = 'Mariola Quintanilla Ferrándiz';

let store: EmbeddedStore;
let dataDir: string;
let t: TrustApp;

/** Asks until the layout is finished, so the atlas and the map compare with the same positions. */
async function finishedLayout(view: string): Promise<Record<string, [number, number]>> {
  for (let i = 0; i < 3000; i++) {
    const res = await request(t.app).get(`/api/layout?view=${view}`);
    if (res.status === 200) return res.body.positions;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error('layout did not finish');
}

function dataBlock(html: string): { raw: string; doc: AtlasDocument } {
  const m = /<script id="atlas-data" type="application\/json">([\s\S]*?)<\/script>/.exec(html);
  if (!m) throw new Error('no data block');
  return { raw: m[1], doc: JSON.parse(m[1]) as AtlasDocument };
}

function problem(res: request.Response, status: number): { detail: string; errors?: Array<{ path: string; message: string }> } {
  expect(res.status).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  return res.body;
}

beforeAll(async () => {
  // `npm test` builds the viewer in its pretest step; a lone run of this file builds it if missing.
  const template = atlasTemplatePath('web/dist');
  if (!existsSync(template)) {
    const built = spawnSync('npm', ['run', 'build:atlas', '--workspace', 'web'], { encoding: 'utf8' });
    if (built.status !== 0) throw new Error(`atlas viewer build failed:\n${built.stderr}`);
  }
  dataDir = await mkdtemp(path.join(tmpdir(), 'atlas-publish-'));
  store = new EmbeddedStore({ dataDir, logger: { warn: () => undefined } });
  await store.init();
  await loadSeed(store);
  t = await trustApp(store);
  const created = await request(t.app).post('/api/nodes').set(t.as.editor).send({ label: 'Actor', kind: 'lab', name: EVIL_NAME });
  expect(created.status).toBe(201);
  const person = await request(t.app)
    .post('/api/nodes')
    .set(t.as.editor)
    .send({ label: 'Person', name: PERSON_NAME, email: 'mariola@example.org', provenance: [{ source: 'interview.txt', quote: `${PERSON_NAME} leads the lab` }] });
  expect(person.status).toBe(201);
}, 120_000);

afterAll(async () => {
  await (t?.app.locals.analytics as { close(): Promise<void> } | undefined)?.close();
  t?.cleanup();
  await store?.close();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

describe('GET /api/export?format=html (one-file atlas)', () => {
  it('is one self-contained page with the map data, the server positions and the provenance quotes', async () => {
    const positions = await finishedLayout('network');
    const graph = await request(t.app).get('/api/graph');
    const res = await request(t.app).get('/api/export?format=html&lang=ca&title=Atles%20de%20prova');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.headers['content-disposition']).toMatch(/attachment; filename="?atlas-network-\d{4}-\d{2}-\d{2}\.html"?$/);
    const html = res.text;
    // Everything inline: no script, stylesheet, image or font loaded from anywhere.
    expect(html).not.toMatch(/<script[^>]+src=/i);
    expect(html).not.toMatch(/<link[^>]+rel="?stylesheet/i);
    expect(html).not.toMatch(/<img[^>]+src=/i);
    expect(html).not.toMatch(/@import|url\(\s*['"]?https?:/i);
    expect(html).toContain('<html lang="ca"');
    expect(html).toMatch(/<title>Atles de prova · \d{4}-\d{2}-\d{2}<\/title>/);

    const { doc } = dataBlock(html);
    expect(doc.format).toBe('ecosystem-atlas/1');
    expect(doc.view).toBe('network');
    expect(doc.lang).toBe('ca');
    expect(doc.source).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(Date.now() - Date.parse(doc.generatedAt)).toBeLessThan(600_000);
    expect(doc.attribution).toMatch(/^Fonts: 000_ccda06195d9218de\.txt; /);
    // The nodes the map draws, at the server layout's positions.
    expect([...doc.nodes.id].sort()).toEqual([...graph.body.nodes.id].sort());
    expect(doc.edges.from.length).toBe(graph.body.relationships.id.length);
    expect(doc.converged).toBe(true);
    doc.nodes.id.forEach((id, i) => {
      expect(doc.nodes.x[i]).toBeCloseTo(positions[id][0], 0);
      expect(doc.nodes.y[i]).toBeCloseTo(positions[id][1], 0);
    });
    const esmd = doc.nodes.id.indexOf('esmd0008');
    expect(doc.nodes.provenance[esmd].map((p) => p.quote)).toContain('Commitment Start: Dec 2024 Commitment End: Mar 2027');
    expect(doc.sources[doc.nodes.provenance[esmd][0].s]).toBe('000_ccda06195d9218de.txt');
  });

  it('cannot be broken out of by a node name holding </script>', async () => {
    const res = await request(t.app).get('/api/export?format=html');
    const template = await import('node:fs/promises').then((fs) => fs.readFile(atlasTemplatePath(t.config.WEB_DIST), 'utf8'));
    const closings = (text: string) => text.match(/<\/script/gi)?.length ?? 0;
    // Only the template's own closing tags: the name adds none (and no comment opener).
    expect(closings(res.text)).toBe(closings(template));
    const { raw, doc } = dataBlock(res.text);
    expect(raw).not.toMatch(/<|>/);
    expect(doc.nodes.name).toContain(EVIL_NAME);
  });

  it('redacts personal data as for an anonymous reader, even when an editor exports', async () => {
    const res = await request(t.app).get('/api/export?format=html').set(t.as.editor);
    expect(res.status).toBe(200);
    expect(res.text).not.toContain('Mariola');
    expect(res.text).not.toContain('mariola@example.org');
    expect(dataBlock(res.text).doc.nodes.name).toContain('Private person');
  });

  it('applies the map filters and the collaboration view', async () => {
    const res = await request(t.app).get('/api/export?format=html&view=collaboration&levels=regional,local');
    expect(res.status).toBe(200);
    const { doc } = dataBlock(res.text);
    const collaboration = await request(t.app).get('/api/collaboration?levels=regional,local');
    expect(doc.view).toBe('collaboration');
    expect(doc.filters).toEqual({ levels: ['regional', 'local'] });
    expect([...doc.nodes.id].sort()).toEqual([...collaboration.body.nodes.id].sort());
    expect(doc.nodes.label.every((l) => l === 'Actor')).toBe(true);
    expect(doc.edges.from.length).toBe(collaboration.body.links.from.length);
    expect(doc.edges.weight).toEqual(expect.arrayContaining(collaboration.body.links.weight));
  });

  it('answers 503 problem+json naming the build step when the viewer is not built', async () => {
    const dist = mkdtempSync(path.join(tmpdir(), 'atlas-nodist-'));
    const bare = await trustApp(store, { WEB_DIST: path.join(dist, 'dist') });
    try {
      const body = problem(await request(bare.app).get('/api/export?format=html'), 503);
      expect(body.detail).toContain(TEMPLATE_HINT);
      // Images need no viewer build.
      expect((await request(bare.app).get('/api/export?format=svg')).status).toBe(200);
    } finally {
      bare.cleanup();
      rmSync(dist, { recursive: true, force: true });
    }
  });
});

describe('GET /api/export?format=svg|png (map image)', () => {
  it('draws every node, the legend and the attribution in SVG', async () => {
    const graph = await request(t.app).get('/api/graph');
    const res = await request(t.app)
      .get('/api/export?format=svg&width=1200&attribution=CC%20BY%204.0%20%C2%B7%20Ajuntament%20%26%20friends')
      .buffer(true)
      .parse((r, cb) => {
        let text = '';
        r.setEncoding('utf8');
        r.on('data', (c: string) => (text += c));
        r.on('end', () => cb(null, text));
      });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^image\/svg\+xml/);
    const svg = res.body as string;
    expect(svg).toMatch(/^<\?xml[^>]*>\s*<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" width="1200" height="840"/);
    expect(svg.match(/<circle cx=/g)!.length).toBeGreaterThanOrEqual(graph.body.nodes.id.length);
    const nodeGroup = /<g class="nodes"[^>]*>([\s\S]*?)<\/g>/.exec(svg)![1];
    expect(nodeGroup.match(/<circle /g)!.length).toBe(graph.body.nodes.id.length);
    expect(svg).toContain('<g class="legend"');
    expect(svg).toMatch(/Lab \(\d+\)/);
    expect(svg).toContain('<text class="attribution"');
    expect(svg).toContain('CC BY 4.0 · Ajuntament &amp; friends');
    // The evil name is text, not markup.
    expect(svg).not.toContain('<script');
  });

  it('renders a PNG of the requested width and pixel density', async () => {
    const check = async (query: string, width: number, height: number) => {
      const res = await request(t.app).get(`/api/export?format=png${query}`).buffer(true).parse((r, cb) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => cb(null, Buffer.concat(chunks)));
      });
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('image/png');
      const png = res.body as Buffer;
      expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
      expect(png.toString('ascii', 12, 16)).toBe('IHDR');
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([width, height]);
      // A drawn figure, not a blank page: far bigger than an empty PNG of that size.
      expect(png.length).toBeGreaterThan(20_000);
    };
    await check('&width=800', 800, 560);
    await check('&width=800&scale=2', 1600, 1120);
    await check('&view=collaboration', 1600, 1120);
  });

  it('rejects bad parameters with 400 problem+json naming them', async () => {
    const cases: Array<[string, string]> = [
      ['format=pdf', 'format'],
      ['format=svg&view=rings', 'view'],
      ['format=png&width=50', 'width'],
      ['format=png&width=abc', 'width'],
      ['format=png&scale=9', 'scale'],
      ['format=png&width=5000&scale=2', 'scale'],
      ['format=html&lang=fr', 'lang'],
      ['format=html&levels=galactic', 'levels'],
      ['format=svg&view=network&view=collaboration', 'view'],
      ['format=html&at=yesterday', 'at'],
    ];
    for (const [query, field] of cases) {
      const body = problem(await request(t.app).get(`/api/export?${query}`), 400);
      expect(body.errors?.map((e) => e.path).join(' '), query).toContain(field);
    }
  });
});

describe('framing headers', () => {
  it('lets /embed be framed (by anyone, or by the configured origins) and nothing else', async () => {
    const dist = mkdtempSync(path.join(tmpdir(), 'atlas-dist-'));
    writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>atlas</title>');
    const open = await trustApp(store, { WEB_DIST: dist });
    const listed = await trustApp(store, { WEB_DIST: dist, EMBED_ANCESTORS: 'https://council.example, https://*.gva.es' });
    try {
      const embed = await request(open.app).get('/embed?v=network&lang=en');
      expect(embed.status).toBe(200);
      expect(embed.headers['content-security-policy']).toMatch(/frame-ancestors \*(;|$)/);
      expect(embed.headers['x-frame-options']).toBeUndefined();
      for (const p of ['/', '/?v=map', '/api/health', '/api/export?format=svg']) {
        const res = await request(open.app).get(p);
        expect(res.headers['content-security-policy'], p).toContain("frame-ancestors 'none'");
        expect(res.headers['x-frame-options'], p).toBe('DENY');
      }
      const limited = await request(listed.app).get('/embed');
      expect(limited.headers['content-security-policy']).toContain('frame-ancestors https://council.example https://*.gva.es');
      expect(limited.headers['x-frame-options']).toBeUndefined();
      expect((await request(listed.app).get('/')).headers['content-security-policy']).toContain("frame-ancestors 'none'");
    } finally {
      open.cleanup();
      listed.cleanup();
      rmSync(dist, { recursive: true, force: true });
    }
  });
});
