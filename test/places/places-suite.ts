import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importGraph, type ImportReport } from '../../graph/src/codecs/index.ts';
import { allMunicipalities, findProvince, type Municipality } from '../../graph/src/places/gazetteer.ts';
import { derivations } from '../../graph/src/places/provenance.ts';
import type { GraphStore } from '../../graph/src/store/port.ts';

// An import of a messy file generated from the gazetteer (INE codes with and
// without the leading zero, city names in capitals without accents, articles
// moved, one side of bilingual names, postcodes only, ambiguous names, foreign
// countries) places its actors and infers the levels it lacks, on either store;
// a second import in merge mode infers project levels from participants already stored.

export interface PlacesSuiteOptions {
  open: () => Promise<{ store: GraphStore; cleanup: () => Promise<void> }>;
}

function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}
const strip = (s: string) => s.normalize('NFD').replace(/\p{M}+/gu, '');
const cell = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
const csv = (rows: string[][]) => Buffer.from(rows.map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n', 'utf8');

interface Expected {
  id: string;
  ineCode?: string;
  provinceCode?: string;
  country?: string;
}

function messyFiles() {
  const rnd = random(7);
  const all = allMunicipalities();
  // Names unique in Spain, so a row without a province can still be placed.
  const counts = new Map<string, number>();
  for (const m of all) counts.set(strip(m.name).toLowerCase(), (counts.get(strip(m.name).toLowerCase()) ?? 0) + 1);
  const unique = all.filter((m) => counts.get(strip(m.name).toLowerCase()) === 1);
  const pick = (list: Municipality[]) => list[Math.floor(rnd() * list.length)];
  const header = ['id', 'label', 'kind', 'level', 'name', 'ine_code', 'city', 'province', 'region', 'country', 'postcode'];
  const rows: string[][] = [header];
  const expected: Expected[] = [];
  const add = (id: string, kind: string, name: string, cells: Partial<Record<string, string>>, e: Omit<Expected, 'id'>, level = '') => {
    rows.push([id, 'Actor', kind, level, name, cells.ine_code ?? '', cells.city ?? '', cells.province ?? '', cells.region ?? '', cells.country ?? '', cells.postcode ?? '']);
    expected.push({ id, ...e });
  };
  for (let i = 0; i < 150; i++) {
    const m = pick(all);
    add(`ine-${i}`, 'company', `Company ${i}`, { ine_code: i % 2 ? String(Number(m.ineCode)) : m.ineCode }, { ineCode: m.ineCode });
  }
  for (let i = 0; i < 150; i++) {
    const m = pick(all);
    const side = m.name.split('/')[i % 2 ? 0 : m.name.split('/').length - 1];
    const city = i % 3 === 0 ? strip(side).toUpperCase() : i % 3 === 1 ? side.replace(/^(el|la|los|las|els|les|o|a|os|as) (.+)$/i, '$2, $1') : side;
    add(`city-${i}`, 'ngo', `Association ${i}`, { city, province: i % 2 ? m.province : findProvince(m.provinceCode)!.ineName }, { ineCode: m.ineCode });
  }
  for (let i = 0; i < 100; i++) {
    const m = pick(unique);
    add(`bare-${i}`, 'startup', `Startup ${i}`, { city: m.name, country: i % 2 ? 'España' : 'ES' }, { ineCode: m.ineCode });
  }
  for (let i = 0; i < 50; i++) {
    const m = pick(all);
    add(`cp-${i}`, 'foundation', `Foundation ${i}`, { postcode: `${m.provinceCode}0${String(i).padStart(2, '0')}` }, { provinceCode: m.provinceCode });
  }
  // Same name in two provinces, none given: reported, not guessed.
  for (let i = 0; i < 10; i++) add(`ambiguous-${i}`, 'company', `Ambiguous ${i}`, { city: 'Castejón' }, { country: 'ES' });
  for (const [i, country] of ['FR', 'UK', 'Alemania', 'EL', 'Italy'].entries())
    add(`foreign-${i}`, 'university', `University abroad ${i}`, { country, city: 'Somewhere' }, { country: ['FR', 'GB', 'DE', 'GR', 'IT'][i] });
  add('nowhere', 'company', 'Nowhere Ltd', {}, {});
  // Bodies whose kind or name says their level, and one with an explicit level.
  add('ajuntament', 'municipality', "Ajuntament d'Alzira", { ine_code: '46017' }, { ineCode: '46017' });
  add('diputacio', 'public_body', 'Diputació de València', { city: 'Valencia', province: 'Valencia' }, { ineCode: '46250' });
  add('ministerio', 'public_body', 'Ministerio de Ciencia e Innovación', { city: 'Madrid' }, { ineCode: '28079' });
  add('explicit', 'company', 'Explicit SL', { city: 'Madrid' }, { ineCode: '28079' }, 'regional');
  add('local-a', 'company', 'Local A', { ine_code: '46250' }, { ineCode: '46250' });
  add('local-b', 'company', 'Local B', { ine_code: '46250' }, { ineCode: '46250' });
  add('madrid-lab', 'lab', 'Madrid Lab', { ine_code: '28079' }, { ineCode: '28079' });
  for (const [id, name, tags] of [
    ['p-local', 'Barri digital', ''],
    ['p-national', 'Red estatal', ''],
    ['p-eu', 'Smart Cities', 'h2020'],
  ])
    rows.push([id, 'Project', 'project', '', name, '', '', '', '', '', '']);
  rows[0].push('tags');
  for (const r of rows.slice(1)) r.push(r[0] === 'p-eu' ? 'h2020' : '');
  const connections = csv([
    ['from', 'to', 'type'],
    ['local-a', 'p-local', 'PARTICIPATES_IN'],
    ['local-b', 'p-local', 'PARTICIPATES_IN'],
    ['local-a', 'p-national', 'PARTICIPATES_IN'],
    ['madrid-lab', 'p-national', 'PARTICIPATES_IN'],
    ['local-b', 'p-eu', 'PARTICIPATES_IN'],
  ]);
  return { elements: csv(rows), connections, expected, actors: expected.length };
}

export function describePlacesImport(name: string, options: PlacesSuiteOptions): void {
  describe(`places and levels on import (${name})`, () => {
    let store: GraphStore;
    let cleanup: () => Promise<void>;
    let report: ImportReport;
    const files = messyFiles();

    beforeAll(async () => {
      ({ store, cleanup } = await options.open());
      report = await importGraph(store, [
        { name: 'elements.csv', buffer: files.elements },
        { name: 'connections.csv', buffer: files.connections },
      ]);
    });
    afterAll(() => cleanup?.());

    it('imports every row and reports the coverage', () => {
      expect(report.errors).toEqual([]);
      const c = report.coverage!.places;
      expect(c.actors).toBe(files.actors);
      expect(c.municipality).toBe(150 + 150 + 100 + 7);
      expect(c.province).toBe(50);
      expect(c.country).toBe(10 + 5);
      expect(c.none).toBe(1);
      expect(c.ambiguous).toBe(10);
      expect(c.ambiguities[0].candidates.map((x) => x.province).sort()).toEqual(['Cuenca', 'Navarra']);
      expect(c.byMethod['ine-code']).toBe(150 + 4);
      expect(report.warnings.join('\n')).toMatch(/10 place name\(s\) fit several municipalities.*Castejón/);
    });

    it('places each actor in the right municipality, with coordinates and provenance', async () => {
      const nodes = new Map((await store.getNodes(files.expected.map((e) => e.id))).map((n) => [n.id, n]));
      let right = 0;
      for (const e of files.expected) {
        const node = nodes.get(e.id)!;
        if (e.ineCode) {
          if (node.place?.ineCode === e.ineCode && node.lat !== undefined) right++;
          expect(derivations(node.provenance).geocodedBy, e.id).toMatch(/^(ine-code|name)$/);
        } else if (e.provinceCode) {
          expect(node.place?.provinceCode, e.id).toBe(e.provinceCode);
          expect(node.lat, e.id).toBeDefined();
          expect(derivations(node.provenance).geocodedBy).toBe('postcode');
        } else if (e.country) {
          expect(node.place?.country, e.id).toBe(e.country);
          expect(node.place?.ineCode, e.id).toBeUndefined();
          expect(node.lat).toBeUndefined();
        } else expect(node.place).toBeUndefined();
      }
      const withMunicipality = files.expected.filter((e) => e.ineCode).length;
      expect(right / withMunicipality).toBeGreaterThanOrEqual(0.95);
      expect(nodes.get('city-0')!.place).toMatchObject({ country: 'ES', regionCode: expect.stringMatching(/^\d\d$/) });
      const gazetteerEntry = nodes.get('ine-1')!.provenance.find((p) => p.source === 'graph/data/spain/municipalities.csv');
      expect(gazetteerEntry?.quote).toMatch(/^\d{5},/);
    });

    it('infers the levels the file lacks, records the rule, and keeps an explicit level', async () => {
      const nodes = new Map((await store.getNodes(['ajuntament', 'diputacio', 'ministerio', 'explicit', 'foreign-0', 'p-local', 'p-national', 'p-eu', 'local-b', 'madrid-lab'])).map((n) => [n.id, n]));
      const rule = (id: string) => `${nodes.get(id)!.level} ${derivations(nodes.get(id)!.provenance).levelRule}`;
      expect(rule('ajuntament')).toBe('local municipality-kind');
      expect(rule('diputacio')).toBe('regional regional-body-name');
      expect(rule('ministerio')).toBe('national national-body-name');
      expect(rule('foreign-0')).toBe('international foreign-place');
      expect(rule('p-local')).toBe('local participants-spread');
      expect(rule('p-national')).toBe('national participants-spread');
      expect(rule('p-eu')).toBe('international eu-programme');
      expect(rule('local-b')).toBe('international collaboration-spread');
      expect(nodes.get('explicit')!.level).toBe('regional');
      expect(derivations(nodes.get('explicit')!.provenance).levelRule).toBeUndefined();
      const inference = nodes.get('p-local')!.provenance.find((p) => p.note?.startsWith('level inferred'));
      expect(inference?.confidence).toBeLessThan(1);
      const levels = report.coverage!.levels;
      expect(levels.projects).toMatchObject({ local: 1, national: 1, international: 1, none: 0 });
      expect(levels.byRule['eu-programme']).toBe(1);
      expect(levels.explicit).toBe(1);
    });

    it('in merge mode, infers a new project level from participants already in the store', async () => {
      const before = await store.getNode('explicit');
      const second = await importGraph(store, [
        { name: 'elements.csv', buffer: csv([['id', 'label', 'name'], ['p-later', 'Project', 'Later project'], ['explicit', 'Actor', 'Explicit SL']]) },
        { name: 'connections.csv', buffer: csv([['from', 'to', 'type'], ['local-a', 'p-later', 'PARTICIPATES_IN'], ['ministerio', 'p-later', 'PARTICIPATES_IN']]) },
      ]);
      expect(second.errors).toEqual([]);
      const later = await store.getNode('p-later');
      expect(later).toMatchObject({ level: 'national' });
      expect(derivations(later!.provenance).levelRule).toBe('participants-spread');
      // The stored explicit level is neither overwritten nor counted as inferred.
      expect((await store.getNode('explicit'))?.level).toBe(before?.level);
      expect(second.coverage!.levels.inferred).toBe(1);
    });
  });
}
