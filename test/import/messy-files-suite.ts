import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importGraph, type ImportReport } from '../../graph/src/codecs/index.ts';
import { allMunicipalities, type Municipality } from '../../graph/src/places/gazetteer.ts';
import type { GraphStore } from '../../graph/src/store/port.ts';

// Real-world files as councils and portals publish them, generated from the
// gazetteer: a Windows-1252 elements file with `;` and Spanish headers
// (bilingual municipality names, one side or the other, non-breaking spaces,
// several URLs in a cell, bare www addresses, dd/mm/yyyy dates and years,
// kinds and levels in Spanish, postcodes only); a Catalan projects file that
// was UTF-8 encoded twice; tab-separated Catalan connections. One truly bad
// row: onError=reject writes nothing and names the cause of the connection
// errors it leads to; onError=skip writes the rest and lists what it skipped.

export interface MessySuiteOptions {
  open: () => Promise<{ store: GraphStore; cleanup: () => Promise<void> }>;
}

function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

const latin1 = (s: string) => [...s].every((c) => c.charCodeAt(0) <= 0xff);
/** UTF-8 bytes read as Windows-1252 and written again as UTF-8 (what a wrong "import as" does). */
const doubleEncode = (s: string) => Buffer.from(new TextDecoder('windows-1252').decode(Buffer.from(s, 'utf8')), 'utf8');

const KINDS: Array<[string, string]> = [
  ['Universidad', 'university'],
  ['Ayuntamiento', 'municipality'],
  ['Fundación', 'foundation'],
  ['Asociación', 'ngo'],
  ['Empresa', 'company'],
  ['Centro de investigación', 'research_centre'],
  ['ONG', 'ngo'],
  ['laboratorio ciudadano', 'lab'],
];
const LEVELS: Array<[string, string | undefined]> = [
  ['Local', 'local'],
  ['Autonómico', 'regional'],
  ['ESTATAL', 'national'],
  ['', undefined],
];

export interface Expected {
  id: string;
  name: string;
  kind: string;
  level?: string;
  ineCode?: string;
  provinceCode?: string;
  website?: string;
  websites?: string[];
  startDate?: string;
}

export function messyFiles(bad = false) {
  const rnd = random(12);
  const bilingual = allMunicipalities().filter((m) => m.name.includes('/') && latin1(m.name));
  const plain = allMunicipalities().filter((m) => !m.name.includes('/') && latin1(m.name));
  const pick = (list: Municipality[]) => list[Math.floor(rnd() * list.length)];
  const header = ['Identificador', 'Nombre', 'Tipo', 'Ámbito', 'Municipio', 'Provincia', 'Código postal', 'Web', 'Fecha de inicio', 'Notas', 'Teléfono', 'Presupesto'];
  const lines: string[] = [header.join(';')];
  const expected: Expected[] = [];
  for (let i = 0; i < 240; i++) {
    const [kindWord, kind] = KINDS[i % KINDS.length];
    const [levelWord, level] = LEVELS[i % LEVELS.length];
    const m = i % 2 ? pick(bilingual) : pick(plain);
    const sides = m.name.split('/');
    const city = sides[i % sides.length].trim();
    const postcodeOnly = i % 10 === 9;
    const name = `${kindWord} ${city} ${i}`;
    const web = i % 3 === 0 ? `http://www.org${i}.es ; www.org${i}.cat` : i % 3 === 1 ? `www.org${i}.es` : '';
    const start = i % 4 === 0 ? `${String((i % 28) + 1).padStart(2, '0')}/03/2019` : i % 4 === 1 ? '2020' : '';
    const e: Expected = { id: `ent-${i}`, name, kind, level: kind === 'municipality' && !level ? 'local' : level };
    if (postcodeOnly) e.provinceCode = m.provinceCode;
    else e.ineCode = m.ineCode;
    if (web) e.website = `${i % 3 === 0 ? 'http' : 'https'}://www.org${i}.es`;
    if (i % 3 === 0) e.websites = [`http://www.org${i}.es`, `https://www.org${i}.cat`];
    if (start) e.startDate = i % 4 === 0 ? `2019-03-${String((i % 28) + 1).padStart(2, '0')}` : '2020-01-01';
    expected.push(e);
    lines.push(
      [
        ` ent-${i} `,
        `\u00a0${name}\u00a0`,
        kindWord,
        levelWord,
        postcodeOnly ? '' : city,
        postcodeOnly ? '' : m.province,
        postcodeOnly ? `${m.provinceCode}${String(i).padStart(3, '0')}` : '',
        web,
        start,
        i % 5 === 0 ? 'Entidad colaboradora; datos de 2023' : '',
        '',
        '',
      ]
        .map((v) => (v.includes(';') ? `"${v}"` : v))
        .join(';'),
    );
    if (i % 50 === 0) lines.push('');
  }
  // The truly bad row: a date no one can read.
  if (bad) lines.push(['ent-bad', 'Entidad Rota', 'Empresa', '', 'Madrid', 'Madrid', '', '', '31/31/2019', '', '', ''].join(';'));
  const elements = Buffer.from(lines.join('\r\n') + '\r\n\r\n', 'latin1');

  const projects = doubleEncode(
    ['Identificador;nom;tipus;àmbit;municipi', "prj-1;Projecte d'innovació ciutadana;projecte;;València", 'prj-2;Xarxa de laboratoris;programa;estatal;'].join('\n') + '\n',
  );

  const connections = ['id origen\tid destí\ttipus de relació\trol\tdata inici'];
  for (let i = 0; i < 240; i += 3) connections.push(`ent-${i}\tprj-${(i % 2) + 1}\tparticipa en\tsoci\t${i % 2 ? '2021' : '01/06/2021'}`);
  connections.push('ent-1\tent-2\tcol·labora amb\t\t');
  if (bad) connections.push('ent-bad\tprj-1\tparticipa en\t\t');
  const relationshipRows = connections.length - 1;
  return {
    files: [
      { name: 'entidades.csv', buffer: elements },
      { name: 'projectes.csv', buffer: projects },
      { name: 'relacions.tsv.csv', buffer: Buffer.from(connections.join('\n') + '\n', 'utf8') },
    ],
    expected,
    nodes: expected.length + 2,
    relationships: relationshipRows - (bad ? 1 : 0),
  };
}

export function describeMessyImport(name: string, options: MessySuiteOptions): void {
  describe(`messy real-world files (${name})`, () => {
    let store: GraphStore;
    let cleanup: () => Promise<void>;
    let report: ImportReport;
    const messy = messyFiles();

    beforeAll(async () => {
      ({ store, cleanup } = await options.open());
      report = await importGraph(store, messy.files);
    });
    afterAll(() => cleanup?.());

    it('imports every row with the default options, stating encoding, delimiter and mapping', () => {
      expect(report.errors).toEqual([]);
      expect(report.nodes.created).toBe(messy.nodes);
      expect(report.relationships.created).toBe(messy.relationships);
      const [entidades, projectes, relacions] = report.files;
      expect(entidades).toMatchObject({ kind: 'elements', encoding: 'windows-1252', delimiter: ';', rows: 240 });
      expect(projectes).toMatchObject({ kind: 'elements', encoding: 'utf-8, encoded twice (repaired)', delimiter: ';' });
      expect(relacions).toMatchObject({ kind: 'connections', encoding: 'utf-8', delimiter: '\t' });
      const fields = Object.fromEntries(entidades.columns!.map((c) => [c.header, c.field]));
      expect(fields).toEqual({
        Identificador: 'id', Nombre: 'name', Tipo: 'kind', 'Ámbito': 'level', Municipio: 'city', Provincia: 'province',
        'Código postal': 'postcode', Web: 'website', 'Fecha de inicio': 'startDate', Notas: 'description', 'Teléfono': null, Presupesto: null,
      });
      expect(entidades.columns!.find((c) => c.header === 'Presupesto')?.suggestion).toBe('budget');
      expect(Object.fromEntries(projectes.columns!.map((c) => [c.header, c.field]))).toMatchObject({ nom: 'name', tipus: 'kind', 'àmbit': 'level', municipi: 'city' });
      expect(Object.fromEntries(relacions.columns!.map((c) => [c.header, c.field]))).toEqual({
        'id origen': 'from', 'id destí': 'to', 'tipus de relació': 'type', rol: 'role', 'data inici': 'since',
      });
      const warnings = report.warnings.join('\n');
      expect(warnings).toMatch(/entidades\.csv is not UTF-8; it was read as Windows-1252/);
      expect(warnings).toMatch(/projectes\.csv is UTF-8 encoded twice/);
      expect(warnings).toMatch(/"Presupesto" \(did you mean "budget"\?\)/);
      expect(warnings).toMatch(/column "Web": 80 value\(s\) understood and changed \(several URLs in one cell/);
      expect(warnings).toMatch(/column "Fecha de inicio": 60 value\(s\) .*dd\/mm\/yyyy/);
      expect(warnings).toMatch(/column "Tipo": \d+ value\(s\) .*kind written in other words.*"Universidad" → university/);
    });

    it('reads each cell as meant: names, kinds, levels, websites, dates', async () => {
      const nodes = new Map((await store.getNodes(messy.expected.map((e) => e.id))).map((n) => [n.id, n]));
      for (const e of messy.expected) {
        const node = nodes.get(e.id)!;
        expect(node, e.id).toBeDefined();
        expect(node.name).toBe(e.name);
        expect(node.kind, e.id).toBe(e.kind);
        if (e.level) expect(node.level, e.id).toBe(e.level);
        expect(node.website, e.id).toBe(e.website);
        expect(node.properties?.websites, e.id).toEqual(e.websites);
        expect(node.startDate, e.id).toBe(e.startDate);
      }
      expect(nodes.get('ent-0')!.description).toBe('Entidad colaboradora; datos de 2023');
      const [p1, p2] = await store.getNodes(['prj-1', 'prj-2']);
      expect(p1).toMatchObject({ label: 'Project', name: "Projecte d'innovació ciutadana", kind: 'project' });
      expect(p2).toMatchObject({ label: 'Project', name: 'Xarxa de laboratoris', kind: 'programme', level: 'national' });
    });

    it('places ≥ 95% of the actors in the right municipality, the postcode-only ones in their province', async () => {
      const nodes = new Map((await store.getNodes(messy.expected.map((e) => e.id))).map((n) => [n.id, n]));
      const withCity = messy.expected.filter((e) => e.ineCode);
      const right = withCity.filter((e) => nodes.get(e.id)!.place?.ineCode === e.ineCode && nodes.get(e.id)!.lat !== undefined).length;
      expect(right / withCity.length).toBeGreaterThanOrEqual(0.95);
      for (const e of messy.expected.filter((x) => x.provinceCode)) expect(nodes.get(e.id)!.place?.provinceCode, e.id).toBe(e.provinceCode);
      expect(report.coverage!.places.municipality).toBeGreaterThanOrEqual(Math.floor(withCity.length * 0.95));
    });

    it('reads connection types, roles and dates written in Catalan', async () => {
      const participation = (await store.relationshipsOf('ent-0')).find((r) => r.type === 'PARTICIPATES_IN');
      expect(participation).toMatchObject({ to: 'prj-1', validFrom: '2021-06-01', properties: { role: 'partner' } });
      const later = (await store.relationshipsOf('ent-3')).find((r) => r.type === 'PARTICIPATES_IN');
      expect(later).toMatchObject({ to: 'prj-2', validFrom: '2021-01-01' });
      expect((await store.relationshipsOf('ent-1')).find((r) => r.type === 'COLLABORATES_WITH')).toMatchObject({ to: 'ent-2' });
      const stats = await store.stats();
      expect(stats.relationships).toBe(messy.relationships);
    });

    it('a column mapping overrides the guess; an unknown target column is refused', async () => {
      const dry = await importGraph(store, messy.files, { dryRun: true, columns: { Notas: null, 'Teléfono': 'email' } });
      expect(dry.errors).toEqual([]);
      const fields = Object.fromEntries(dry.files[0].columns!.map((c) => [c.header, [c.field, c.by]]));
      expect(fields.Notas).toEqual([null, 'override']);
      expect(fields['Teléfono']).toEqual(['email', 'override']);
      await expect(importGraph(store, messy.files, { dryRun: true, columns: { Notas: 'notes_field' } })).rejects.toThrow(/unknown columns/);
    });
  });

  describe(`one truly bad row (${name})`, () => {
    let store: GraphStore;
    let cleanup: () => Promise<void>;
    const messy = messyFiles(true);

    beforeAll(async () => {
      ({ store, cleanup } = await options.open());
    });
    afterAll(() => cleanup?.());

    it('onError=reject (default): nothing is written, the error names file, row, column and value, and causes are named', async () => {
      const before = await store.revision();
      const report = await importGraph(store, messy.files);
      const elementsRow = 240 + 5 + 2; // header, 240 rows, 5 blank lines; the bad row after them
      expect(report.errors[0]).toMatchObject({ file: 'entidades.csv', row: elementsRow, column: 'Fecha de inicio' });
      expect(report.errors[0].message).toMatch(/real date/);
      const caused = report.errors.find((e) => e.file === 'relacions.tsv.csv');
      expect(caused).toMatchObject({ column: 'id origen' });
      expect(caused!.message).toBe(`from "ent-bad" was not imported (entidades.csv row ${elementsRow} rejected)`);
      expect(report.errorCount).toBe(2);
      expect(await store.revision()).toBe(before);
      expect((await store.stats()).nodes).toBe(0);
    });

    it('onError=skip: the rest is written and every skipped row is listed', async () => {
      const report = await importGraph(store, messy.files, { onError: 'skip' });
      expect(report.errors).toEqual([]);
      expect(report.onError).toBe('skip');
      expect(report.skippedCount).toBe(2);
      expect(report.skipped!.map((s) => s.file)).toEqual(['entidades.csv', 'relacions.tsv.csv']);
      expect(report.skipped![1].problems[0]).toMatch(/ent-bad" was not imported/);
      expect(report.nodes.created).toBe(messy.nodes);
      expect(report.relationships.created).toBe(messy.relationships);
      expect(await store.getNodes(['ent-bad'])).toEqual([]);
    });
  });
}
