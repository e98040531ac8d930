import { describe, expect, it } from 'vitest';
import { cleanCell, coerceDay, coerceIneCode, coercePostcode, coerceWebsites } from './coerce.ts';
import { mapColumns, nearestColumn, overrideProblems } from './column-mapping.ts';
import { countDoubleEncoded, repairDoubleEncoded, repairDoubleEncodedStream } from './encoding.ts';
import { kindFromTerm, labelAndKindFromTerm, labelFromTerm, levelFromTerm, relationshipTypeFromTerm, roleFromTerm } from './terms.ts';

describe('cells as people write them', () => {
  it('several URLs in one cell keep the first as website and all in the list; bare hosts get https://', () => {
    expect(coerceWebsites('http://www.cunef.eu ; www.aebanca.es')).toEqual({ website: 'http://www.cunef.eu', all: ['http://www.cunef.eu', 'https://www.aebanca.es'], rule: 'several-urls' });
    expect(coerceWebsites('www.x.es')).toEqual({ website: 'https://www.x.es', all: ['https://www.x.es'], rule: 'scheme-added' });
    expect(coerceWebsites('https://a.org|https://b.org')).toMatchObject({ website: 'https://a.org', rule: 'several-urls' });
    expect(coerceWebsites('https://a.org/path?q=1')).toEqual({ website: 'https://a.org/path?q=1', all: ['https://a.org/path?q=1'] });
    expect(coerceWebsites('info@x.es')).toEqual({ all: [] });
    expect(coerceWebsites('not a url')).toEqual({ all: [] });
  });

  it('dates: dd/mm/yyyy, mm/dd when the day cannot be a month, a year, a month, a date-time', () => {
    expect(coerceDay('15/03/2019', false)).toEqual({ day: '2019-03-15', rule: 'day-month-year' });
    expect(coerceDay('1.2.2020', false)).toEqual({ day: '2020-02-01', rule: 'day-month-year' });
    expect(coerceDay('03/15/2019', false)).toEqual({ day: '2019-03-15', rule: 'month-day-year' });
    expect(coerceDay('2020', false)).toEqual({ day: '2020-01-01', rule: 'year' });
    expect(coerceDay('2020', true)).toEqual({ day: '2020-12-31', rule: 'year' });
    expect(coerceDay('2024-02', true)).toEqual({ day: '2024-02-29', rule: 'year-month' });
    expect(coerceDay('06/2021', false)).toEqual({ day: '2021-06-01', rule: 'year-month' });
    expect(coerceDay('2021-06-01T10:00:00Z', false)).toEqual({ day: '2021-06-01', rule: 'date-time' });
    expect(coerceDay('2021-06-01', false)).toEqual({ day: '2021-06-01' });
    expect(coerceDay('31/31/2019', false)).toEqual({});
    expect(coerceDay('yesterday', false)).toEqual({});
  });

  it('codes that lost their leading zero, and INE codes with their check digit', () => {
    expect(coerceIneCode('8019', 'any')).toEqual({ code: '08019', rule: 'leading-zero-restored' });
    expect(coerceIneCode('280796', 'any')).toEqual({ code: '28079', rule: 'check-digit-dropped' });
    expect(coerceIneCode('28079.0', 'any')).toEqual({ code: '28079' });
    expect(coerceIneCode('8', 2)).toEqual({ code: '08', rule: 'leading-zero-restored' });
    expect(coerceIneCode('Madrid', 'any')).toEqual({});
    expect(coercePostcode('8001')).toEqual({ code: '08001', rule: 'leading-zero-restored' });
    expect(coercePostcode('CP 28')).toEqual({});
  });

  it('non-breaking and zero-width spaces are spaces, then trimmed', () => {
    expect(cleanCell('\u00a0 Las Naves\u200b ')).toBe('Las Naves');
  });
});

describe('the vocabulary in Spanish, Catalan and English', () => {
  it('labels, kinds, levels, types and roles, any case, with or without accents', () => {
    expect(labelFromTerm('Proyecto')).toBe('Project');
    expect(labelFromTerm('Bona pràctica')).toBe('Practice');
    expect(kindFromTerm('Actor', 'Centro de Investigación')).toBe('research_centre');
    expect(kindFromTerm('Actor', 'AJUNTAMENT')).toBe('municipality');
    expect(kindFromTerm('Actor', 'spaceship')).toBeUndefined();
    expect(labelAndKindFromTerm('programa')).toEqual({ label: 'Project', kind: 'programme' });
    expect(levelFromTerm('Autonómico')).toBe('regional');
    expect(levelFromTerm('europeu')).toBe('international');
    expect(levelFromTerm('galactic')).toBeUndefined();
    expect(relationshipTypeFromTerm('participa en')).toBe('PARTICIPATES_IN');
    expect(relationshipTypeFromTerm('col·labora amb')).toBe('COLLABORATES_WITH');
    expect(relationshipTypeFromTerm('participates_in')).toBe('PARTICIPATES_IN');
    expect(roleFromTerm('Coordinador')).toBe('lead');
    expect(roleFromTerm('soci')).toBe('partner');
  });
});

describe('column mapping', () => {
  it('recognises headers in Spanish, Catalan and English, snake_case and camelCase', () => {
    const header = ['nombre', 'tipus', 'Municipio', 'província', 'Comunidad Autónoma', 'código INE', 'ine_code', 'CP', 'sitio web', 'país', 'latitud', 'lng'];
    const fields = mapColumns('elements', header).columns.map((c) => c.field);
    // `ine_code` is our own column (ineCode) and wins; the other INE column is kept (one column per field), so nothing is overwritten silently.
    expect(fields).toEqual(['name', 'kind', 'city', 'province', 'region', null, 'ineCode', 'postcode', 'website', 'country', 'lat', 'lon']);
    expect(mapColumns('elements', ['ineCode', 'regionCode']).columns.map((c) => c.by)).toEqual(['name', 'name']);
    expect(mapColumns('connections', ['Origen ID', 'Destino', 'Tipo de relación', 'Desde']).columns.map((c) => c.field)).toEqual(['from', 'to', 'type', 'since']);
  });

  it('our own column names win over synonyms; overrides win over both', () => {
    const m = mapColumns('elements', ['municipio', 'city'], {});
    expect(m.columns.map((c) => c.field)).toEqual([null, 'city']);
    const o = mapColumns('elements', ['municipio', 'city', 'notes'], { city: null, Municipio: 'city' });
    expect(o.columns.map((c) => [c.field, c.by])).toEqual([['city', 'override'], [null, 'override'], ['description', 'synonym']]);
  });

  it('near misses get a "did you mean"; unknown override targets are problems', () => {
    expect(nearestColumn('elements', 'webiste')).toBe('website');
    expect(nearestColumn('elements', 'municipo')).toBe('city');
    expect(nearestColumn('elements', 'telefono')).toBeUndefined();
    expect(overrideProblems({ a: 'name', b: null, c: 'nonsense' })).toEqual([expect.stringMatching(/column "c": "nonsense" is not a column/)]);
  });
});

describe('UTF-8 encoded twice', () => {
  const twice = (s: string) => Buffer.from(new TextDecoder('windows-1252').decode(Buffer.from(s, 'utf8')), 'utf8').toString('utf8');

  it('is detected and repaired, the rest of the text untouched', () => {
    const text = 'Fundació Ñandú · Castelló de la Plana — 100 €';
    expect(twice(text)).not.toBe(text);
    expect(countDoubleEncoded(twice(text))).toBeGreaterThan(3);
    expect(repairDoubleEncoded(twice(text))).toBe(text);
    expect(countDoubleEncoded(text)).toBe(0);
    expect(repairDoubleEncoded(text)).toBe(text);
  });

  it('is repaired across chunk boundaries', async () => {
    const broken = twice('Universitat de València; Consorci d’Aigües');
    async function* chunks() {
      for (let i = 0; i < broken.length; i += 3) yield broken.slice(i, i + 3);
    }
    let out = '';
    for await (const c of repairDoubleEncodedStream(chunks())) out += c;
    expect(out).toBe('Universitat de València; Consorci d’Aigües');
  });
});
