import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { municipality, municipalityCount, province, region, SPAIN_DATA_DIR } from './gazetteer.ts';

// The project's copy of the Spanish places tables: complete, attributed, and read correctly.

describe('graph/data/spain', () => {
  it('reads all 8,132 municipalities with INE codes and coordinates', () => {
    expect(municipalityCount()).toBe(8132);
    expect(municipality('12138')).toMatchObject({ name: 'Vinaròs', provinceCode: '12', regionCode: '10', lat: 40.470926, lon: 0.474874 });
    expect(municipality('46029')).toMatchObject({ name: 'Algemesí', province: 'València/Valencia' });
    expect(municipality('03065').name).toBe('Elx/Elche');
    expect(municipality('12085').name).toBe('Orpesa/Oropesa del Mar');
    expect(municipality('28079').row).toBe('28079,Madrid,28,Madrid,13,Comunidad de Madrid,40.408412,-3.687601');
    expect(province('12')).toMatchObject({ name: 'Castelló/Castellón', regionCode: '10' });
    expect(region('11')).toMatchObject({ name: 'Extremadura' });
    expect(() => municipality('99999')).toThrow(/99999/);
  });

  it('holds the row counts SOURCE.md states', () => {
    const lines = (file: string) => readFileSync(SPAIN_DATA_DIR + file, 'utf8').split(/\r?\n/).filter(Boolean).length - 1;
    expect([lines('municipalities.csv'), lines('provinces.csv'), lines('ccaa.csv')]).toEqual([8132, 52, 19]);
  });

  it('carries the attribution and licences of the data', () => {
    const source = readFileSync(SPAIN_DATA_DIR + 'SOURCE.md', 'utf8');
    expect(source).toContain('© Instituto Geográfico Nacional (IGN) / CNIG, CC BY 4.0');
    expect(source).toContain('ODC-PDDL');
    expect(source).toContain('Fuente: INE');
  });
});
