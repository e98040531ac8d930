// Unit tests (no browser) of what the WebGL rings and Spain map draw: where
// actors go on the map (projection, province/community centres, unplaced),
// the bubbles counted per municipality and province, and the rings layout
// (every actor inside its level's band, wedges capped with "other").
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { GraphNode } from '@atlas/graph/model/schemas.ts';
import { aggregate, featureCentres, makeFrame, placeActors, type GeoCollection } from '../../web/src/views/map/placement.ts';
import { MAX_WEDGES, OTHER_GROUP, ringsLayout } from '../../web/src/views/rings/layout.ts';
import { ROOT } from './harness.ts';

const geo = (name: string) => JSON.parse(readFileSync(path.join(ROOT, 'web/public/geo', name), 'utf8')) as GeoCollection;
const provinces = geo('spain-provinces.json');
const regions = geo('spain-ccaa.json');

function actor(id: string, extra: Partial<GraphNode> = {}): GraphNode {
  return { id, label: 'Actor', name: id, kind: 'lab', ...extra } as GraphNode;
}

describe('Spain map placement', () => {
  const frame = makeFrame(1000, 820, provinces);
  const provinceCentres = featureCentres(frame, provinces, 'cod_prov');
  const regionCentres = featureCentres(frame, regions, 'cod_ccaa');

  it('projects coordinates, falls back to province then community centres, and leaves abroad or placeless actors unplaced', () => {
    const actors = [
      actor('vinaros', { lat: 40.47, lon: 0.47, place: { municipality: 'Vinaròs', ineCode: '12138', provinceCode: '12' } }),
      actor('madrid', { lat: 40.42, lon: -3.7, place: { municipality: 'Madrid', ineCode: '28079', provinceCode: '28' } }),
      actor('las-palmas', { lat: 28.1, lon: -15.43, place: { provinceCode: '35' } }),
      actor('in-soria', { place: { provinceCode: '42' } }),
      actor('in-aragon', { place: { regionCode: '02' } }),
      actor('abroad', { lat: 48.85, lon: 2.35, place: { country: 'FR' } }),
      actor('nowhere'),
    ];
    const { placed, unplaced } = placeActors(frame, actors, provinces, provinceCentres, regionCentres);
    expect(unplaced.map((a) => a.id).sort()).toEqual(['abroad', 'nowhere']);
    const v = placed.get('vinaros')!;
    const m = placed.get('madrid')!;
    expect(v.precision).toBe('point');
    expect(v.x).toBeGreaterThan(m.x + 50); // east of Madrid, at about the same latitude
    expect(Math.abs(v.y - m.y)).toBeLessThan(40);
    // The Canaries are drawn in the inset box.
    const lp = placed.get('las-palmas')!;
    expect(lp.x).toBeGreaterThanOrEqual(frame.inset.x);
    expect(lp.x).toBeLessThanOrEqual(frame.inset.x + frame.inset.width);
    expect(lp.y).toBeGreaterThanOrEqual(frame.inset.y);
    expect(placed.get('in-soria')).toMatchObject({ precision: 'province', x: provinceCentres.get('42')![0], y: provinceCentres.get('42')![1] });
    expect(placed.get('in-aragon')).toMatchObject({ precision: 'region' });
  });

  it('counts actors per municipality (two or more) and per province, every placed actor in exactly one province bubble', () => {
    const actors = [
      ...Array.from({ length: 5 }, (_, i) => actor(`bcn-${i}`, { lat: 41.39, lon: 2.17, place: { municipality: 'Barcelona', ineCode: '08019', provinceCode: '08' } })),
      actor('terrassa', { lat: 41.56, lon: 2.01, place: { municipality: 'Terrassa', ineCode: '08279', provinceCode: '08' } }),
      actor('girona', { lat: 41.98, lon: 2.82, place: { municipality: 'Girona', ineCode: '17079', provinceCode: '17' } }),
      actor('no-codes', { lat: 37.39, lon: -5.99 }), // Sevilla, found by its coordinates
    ];
    const { placed } = placeActors(frame, actors, provinces, provinceCentres, regionCentres);
    const names = new Map(provinces.features.map((f) => [`p${f.properties.cod_prov}`, f.properties.name]));
    const bubbles = aggregate(placed, provinceCentres, names);
    const municipalities = bubbles.filter((b) => b.tier === 'municipality');
    expect(municipalities.map((b) => [b.name, b.members.length])).toEqual([['Barcelona', 5]]);
    const byProvince = new Map(bubbles.filter((b) => b.tier === 'province').map((b) => [b.id, b.members.length]));
    expect(byProvince.get('bubble:p08')).toBe(6);
    expect(byProvince.get('bubble:p17')).toBe(1);
    expect(byProvince.get('bubble:p41')).toBe(1);
    expect([...byProvince.values()].reduce((a, b) => a + b, 0)).toBe(placed.size);
    expect(bubbles.find((b) => b.id === 'bubble:p08')!.name).toBe(names.get('p08'));
  });
});

describe('rings layout', () => {
  it('keeps every actor inside its level band, even a thousand on one ring', () => {
    const levels = ['local', 'regional', 'national', 'international'] as const;
    const actors = Array.from({ length: 1200 }, (_, i) => actor(`a${i}`, { level: i < 1000 ? 'international' : levels[i % 3], kind: i % 2 ? 'lab' : 'company' }));
    actors.push(actor('no-level'));
    const unit = 100;
    const layout = ringsLayout(actors, [], 'kind', unit);
    const radius = new Map(layout.rings.map((r) => [r.key, r.radius]));
    expect(layout.rings.map((r) => r.key)).toEqual(['local', 'regional', 'national', 'international', 'none']);
    for (const p of layout.nodes.values()) {
      const r = Math.hypot(p.x, p.y);
      expect(Math.abs(r - radius.get(p.ring)!)).toBeLessThanOrEqual(unit * 0.4 + 1e-9);
    }
    // A crowded ring uses several rows: no two of its actors on top of each other.
    const outer = [...layout.nodes.values()].filter((p) => p.ring === 'international');
    const seen = new Set(outer.map((p) => `${p.x.toFixed(2)},${p.y.toFixed(2)}`));
    expect(seen.size).toBe(outer.length);
  });

  it('groups by community with at most MAX_WEDGES wedges, the smallest sharing "other"', () => {
    const actors = Array.from({ length: 300 }, (_, i) => actor(`c${i}`, { level: 'local' }));
    const community = new Map(actors.map((a, i) => [a.id, String(i % 40)]));
    const layout = ringsLayout(actors, [], 'community', 100, community);
    expect(layout.wedges.length).toBe(MAX_WEDGES);
    expect(layout.wedges.at(-1)!.group).toBe(OTHER_GROUP);
    expect(layout.wedges.reduce((s, w) => s + w.count, 0)).toBe(300);
  });
});
