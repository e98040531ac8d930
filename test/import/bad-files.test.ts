import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importGraph, type ImportReport } from '../../graph/src/codecs/index.ts';
import type { EmbeddedStore } from '../../graph/src/store/embedded/index.ts';
import { openTempStore } from './helpers.ts';

// The bad-file corpus (test/fixtures/bad-files): real files as spreadsheets
// and other tools write them. Each broken one is refused with the file, row
// and column of every problem, and the store does not change at all.

const DIR = join(import.meta.dirname, '../fixtures/bad-files');
const file = (name: string) => ({ name, path: join(DIR, name) });

let store: EmbeddedStore;
let cleanup: () => Promise<void>;

beforeAll(async () => {
  ({ store, cleanup } = await openTempStore());
  const base = await importGraph(store, [file('base-elements.csv')]);
  expect(base.errors).toEqual([]);
  expect(base.nodes.created).toBe(4);
});
afterAll(() => cleanup());

type Expected = Array<{ row?: number; column?: string; message: RegExp }>;

const BROKEN: Array<[string, Expected]> = [
  ['broken-quote-elements.csv', [{ row: 3, message: /never closed/ }]],
  ['stray-quote-elements.csv', [{ row: 3, message: /quote/ }]],
  ['duplicate-ids-elements.csv', [{ row: 4, column: 'id', message: /duplicate id "dup-1".*row 2/ }]],
  [
    'unknown-label-elements.csv',
    [
      { row: 2, column: 'label', message: /Actor/ },
      { row: 3, column: 'kind', message: /spaceship/ },
      { row: 4, column: 'level', message: /local/ },
    ],
  ],
  [
    'bad-values-elements.csv',
    [
      { row: 2, column: 'lat', message: /not a number/ },
      { row: 3, column: 'validFrom', message: /real date/ },
      { row: 4, column: 'validTo', message: /before validFrom/ },
      { row: 5, column: 'website', message: /URL/i },
      { row: 6, column: 'id', message: /letter or digit/ },
    ],
  ],
  ['too-many-cells-elements.csv', [{ row: 3, message: /4 values but the header has 3/ }]],
  ['missing-id-elements.csv', [{ row: 1, column: 'id', message: /"id" or a "name" column/ }]],
  ['no-known-header.csv', [{ row: 1, message: /neither elements .* nor connections/ }]],
  [
    'unknown-type-connections.csv',
    [
      { row: 2, column: 'type', message: /"LIKES" is not a relationship type/ },
      { row: 3, column: 'weight', message: /"heavy" is not a number/ },
      { row: 4, column: 'role', message: /lead/ },
    ],
  ],
  [
    'bad-dates-connections.csv',
    [
      { row: 2, column: 'since', message: /real date/ },
      { row: 3, column: 'until', message: /before validFrom/ },
      { row: 4, column: 'since', message: /real date/ },
    ],
  ],
  [
    'dangling-connections.csv',
    [
      { row: 2, column: 'to', message: /"nowhere" is neither in the imported elements nor in the store/ },
      { row: 3, column: 'from', message: /"ghost"/ },
    ],
  ],
  [
    'wrong-endpoints-connections.csv',
    [
      { row: 2, column: 'type', message: /ADOPTED cannot start at a Topic/ },
      { row: 3, column: 'type', message: /PARTICIPATES_IN cannot start at a Project/ },
    ],
  ],
  ['duplicate-connections.csv', [{ row: 4, column: 'to', message: /duplicate connection .*row 2/ }]],
  ['self-loop-connections.csv', [{ row: 2, column: 'to', message: /itself/ }]],
  ['missing-columns-connections.csv', [{ row: 1, column: 'type', message: /"type" column/ }]],
  ['empty.csv', [{ row: 1, message: /empty/ }]],
  ['binary-garbage.csv', [{ message: /binary/ }]],
  ['not-utf8-nor-1252.csv', [{ message: /neither UTF-8 nor Windows-1252/ }]],
  ['broken.json', [{ message: /not valid JSON/ }]],
  [
    'bad-records.json',
    [
      { row: 1, column: 'relationships[0].to', message: /"j-9"/ },
      { row: 2, column: 'nodes[1].label', message: /Actor/ },
      { row: 3, message: /must be an object/ },
    ],
  ],
  ['malformed.gexf', [{ row: 1, message: /not well-formed XML/ }]],
  [
    'bad-edges.graphml',
    [
      { row: 1, message: /needs source and target/ },
      { row: 2, column: 'edge[2].to', message: /"g-3"/ },
    ],
  ],
];

function expectErrors(report: ImportReport, name: string, expected: Expected) {
  expect(report.errorCount).toBe(expected.length);
  expect(report.errors).toHaveLength(expected.length);
  report.errors.forEach((error, i) => {
    expect(error.file).toBe(name);
    if (expected[i].row !== undefined) expect(error.row).toBe(expected[i].row);
    if (expected[i].column !== undefined) expect(error.column).toBe(expected[i].column);
    expect(error.message).toMatch(expected[i].message);
  });
}

describe('broken files are refused, row by row, and change nothing', () => {
  it.each(BROKEN)('%s', async (name, expected) => {
    const before = await store.stats();
    for (const dryRun of [false, true]) {
      const report = await importGraph(store, [file(name)], { dryRun });
      expectErrors(report, name, expected);
      expect(report.created + report.updated + report.deleted).toBe(0);
      expect(report.revision).toBe(before.revision);
    }
    expect(await store.stats()).toEqual(before);
  });

  it('one bad row among good ones in several files: all errors, nothing written', async () => {
    const before = await store.stats();
    const report = await importGraph(store, [file('ok-bom-elements.csv'), file('duplicate-ids-elements.csv'), file('dangling-connections.csv')], {
      mode: 'replace',
    });
    expect(report.errors.map((e) => [e.file, e.row, e.column])).toEqual([
      ['duplicate-ids-elements.csv', 4, 'id'],
      // In replace mode the store's nodes do not count (they would be gone): lasnaves, proj-1… are missing too.
      ['dangling-connections.csv', 2, 'from'],
      ['dangling-connections.csv', 2, 'to'],
      ['dangling-connections.csv', 3, 'from'],
      ['dangling-connections.csv', 3, 'to'],
      ['dangling-connections.csv', 4, 'from'],
      ['dangling-connections.csv', 4, 'to'],
    ]);
    expect(await store.stats()).toEqual(before);
  });
});

describe('spreadsheet reality that imports fine', () => {
  async function dry(...names: string[]) {
    const report = await importGraph(store, names.map(file), { dryRun: true });
    expect(report.errors).toEqual([]);
    return report;
  }

  it('UTF-8 with a BOM', async () => {
    const report = await dry('ok-bom-elements.csv');
    expect(report.files[0]).toMatchObject({ encoding: 'utf-8 (BOM)', rows: 2 });
    expect(report.nodes.created).toBe(2);
  });

  it('Windows-1252 is converted, with a warning', async () => {
    const report = await importGraph(store, [file('ok-windows-1252-elements.csv')]);
    expect(report.errors).toEqual([]);
    expect(report.files[0]).toMatchObject({ encoding: 'windows-1252', delimiter: ';' });
    expect(report.warnings.join()).toMatch(/Windows-1252/);
    expect((await store.getNode('w-1')).name).toBe("Ajuntament d'Algemesí");
    expect((await store.getNode('w-2')).name).toBe('Asociación Señoras «Mayores»');
    expect((await store.getNode('w-2')).description).toBe('Atención – cuidados');
  });

  it('UTF-16 (Excel "Unicode text", tab separated)', async () => {
    const report = await importGraph(store, [file('ok-utf16-elements.csv')]);
    expect(report.errors).toEqual([]);
    expect((await store.getNode('u16-1')).name).toBe('Càrrec');
  });

  it('semicolons, quoted lists', async () => {
    const report = await importGraph(store, [file('ok-semicolon-elements.csv')]);
    expect(report.files[0].delimiter).toBe(';');
    expect((await store.getNode('sc-1')).name).toBe('Empresa, S.L.');
    expect((await store.getNode('sc-2')).tags).toEqual(['x', 'y']);
  });

  it('quoted newlines keep spreadsheet row numbers', async () => {
    const report = await importGraph(store, [file('ok-quoted-newlines-elements.csv')]);
    expect(report.nodes.created).toBe(3);
    expect((await store.getNode('qn-1')).description).toBe('first line\r\nsecond line, with comma');
    expect((await store.getNode('qn-2')).description).toBe('he said "hola"');
  });

  it('empty trailing rows are ignored', async () => {
    const report = await dry('ok-trailing-empty-rows-elements.csv');
    expect(report.nodes.created).toBe(2);
  });

  it('Kumu exports: Label = name, Type mapped, From/To by name, missing types inferred', async () => {
    const report = await importGraph(store, [file('ok-kumu-elements.csv'), file('ok-kumu-connections.csv')]);
    expect(report.errors).toEqual([]);
    const naves = await store.getNode('las-naves-kumu');
    expect(naves).toMatchObject({ name: 'Las Naves Kumu', label: 'Actor', description: 'Centre', tags: ['govtech', 'innovation'] });
    expect(await store.getNode('universitat-kumu')).toMatchObject({ label: 'Actor', kind: 'university' });
    expect(await store.getNode('proyecto-kumu')).toMatchObject({ label: 'Project' });
    expect((await store.getNode('red-kumu')).tags).toContain('Alien Thing');
    const rels = await store.relationshipsOf('las-naves-kumu');
    expect(rels.map((r) => r.type).sort()).toEqual(['COLLABORATES_WITH', 'PARTICIPATES_IN']);
  });
});
