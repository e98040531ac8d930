import { describe, expect, it } from 'vitest';
import { ATLAS_FORMAT, humanise, jsonForScript, type AtlasDocument } from './atlas-format.ts';
import { degrees, escapeXml, renderMapSvg } from './map-svg.ts';

function tinyDocument(names: string[], edges: Array<[number, number, number?]>): AtlasDocument {
  const n = names.length;
  return {
    format: ATLAS_FORMAT, title: 'Test & <atlas>', source: 'test', generatedAt: '2026-01-02T03:04:05.000Z', revision: 1,
    attribution: 'CC BY 4.0 <data>', view: 'network', lang: 'en', filters: {}, converged: true, sources: ['doc.txt'],
    legend: [{ kind: 'research_centre', colour: '#0072B2', count: n - 1 }, { kind: '', colour: '#9aa3ad', count: 1 }],
    nodes: {
      id: names.map((_, i) => `n${i}`), name: names, label: names.map(() => 'Actor'), kind: names.map((_, i) => (i === n - 1 ? 1 : 0)),
      level: names.map(() => null), place: names.map(() => null), description: names.map(() => null),
      x: names.map((_, i) => i * 100 - 500), y: names.map((_, i) => (i % 2 ? 300 : -300)), provenance: names.map(() => []),
    },
    edges: { from: edges.map((e) => e[0]), to: edges.map((e) => e[1]), type: edges.map(() => 'COLLABORATES'), weight: edges.map((e) => e[2] ?? 1) },
  };
}

describe('jsonForScript', () => {
  it('writes no character that can end or change a <script> block, and reads back unchanged', () => {
    const value = { name: 'a </script><script>alert(1)</script> <!-- b & c > d \u2028 \u2029', nested: ['</SCRIPT>'] };
    const text = jsonForScript(value);
    expect(text).not.toMatch(/[<>&\u2028\u2029]/);
    expect(JSON.parse(text)).toEqual(value);
  });
});

describe('renderMapSvg', () => {
  it('draws one circle per node, one line per link, the legend, the names of the hubs and the attribution, escaped', () => {
    const doc = tinyDocument(['Hub <Lab> & co', 'B', 'C', 'D'], [[0, 1], [0, 2], [0, 3, 4]]);
    const svg = renderMapSvg(doc, { width: 1000, labels: 1 });
    expect(svg).toMatch(/<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" width="1000" height="700" viewBox="0 0 1000 700"/);
    expect(/<g class="nodes"[^>]*>([\s\S]*?)<\/g>/.exec(svg)![1].match(/<circle /g)).toHaveLength(4);
    expect(/<g class="edges"[^>]*>([\s\S]*?)<\/g>/.exec(svg)![1].match(/<line /g)).toHaveLength(3);
    const labels = /<g class="labels"[^>]*>([\s\S]*?)<\/g>/.exec(svg)![1];
    expect(labels).toContain('Hub &lt;Lab&gt; &amp; co');
    expect(labels.match(/<text /g)).toHaveLength(1);
    expect(svg).toContain('Research centre (3)');
    expect(svg).toContain('Other (1)');
    expect(svg).toContain('CC BY 4.0 &lt;data&gt;');
    expect(svg).toContain('Test &amp; &lt;atlas&gt;');
    expect(svg).not.toContain('<Lab>');
    // A heavier link is drawn thicker.
    expect(svg).toMatch(/<line [^>]*stroke-width="1"/);
    // Every drawn mark stays inside the figure.
    for (const m of svg.matchAll(/<circle cx="([\d.-]+)" cy="([\d.-]+)"/g)) {
      expect(Number(m[1])).toBeGreaterThanOrEqual(0);
      expect(Number(m[1])).toBeLessThanOrEqual(1000);
      expect(Number(m[2])).toBeGreaterThanOrEqual(0);
      expect(Number(m[2])).toBeLessThanOrEqual(700);
    }
  });

  it('counts degrees per end and humanises vocabulary', () => {
    expect([...degrees(tinyDocument(['a', 'b', 'c'], [[0, 1], [0, 2]]))]).toEqual([2, 1, 1]);
    expect(humanise('public_body')).toBe('Public body');
    expect(escapeXml(`"'<>&`)).toBe('&quot;&apos;&lt;&gt;&amp;');
  });
});
