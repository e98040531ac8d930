import { describe, expect, it } from 'vitest';
import { allMunicipalities, findProvince, searchPlaces, type Municipality } from './gazetteer.ts';
import { geocode, normalizeIneCode, type PlaceQuery } from './geocoder.ts';
import { countryCode } from './countries.ts';
import { placeKey, unmoveArticle } from './names.ts';

const ine = (q: PlaceQuery) => geocode(q).place.ineCode;

describe('place names', () => {
  it('put a moved article back and fold case, accents and punctuation', () => {
    expect(unmoveArticle('Palmas de Gran Canaria, Las')).toBe('Las Palmas de Gran Canaria');
    expect(unmoveArticle("Hospitalet de Llobregat, L'")).toBe("L'Hospitalet de Llobregat");
    expect(unmoveArticle('Madrid, Comunidad de')).toBe('Comunidad de Madrid');
    // A comma that is part of the name stays.
    expect(unmoveArticle("Castell d'Aro, Platja d'Aro i s'Agaró")).toBe("Castell d'Aro, Platja d'Aro i s'Agaró");
    expect(placeKey('  VINARÒS ')).toBe('vinaros');
  });
});

describe('geocode', () => {
  it('by INE code: 5 digits, 4 that lost the leading zero, 6 with control digit, 11 CNIG', () => {
    expect(normalizeIneCode('8019')).toBe('08019');
    expect(normalizeIneCode(8019)).toBe('08019');
    expect(normalizeIneCode('280796')).toBe('28079');
    expect(normalizeIneCode('28079000000')).toBe('28079');
    expect(normalizeIneCode('28')).toBeUndefined();
    const r = geocode({ ineCode: '8019' });
    expect(r).toMatchObject({ precision: 'municipality', method: 'ine-code', lat: 41.384247, place: { municipality: 'Barcelona', province: 'Barcelona', region: 'Cataluña', country: 'ES', ineCode: '08019', provinceCode: '08', regionCode: '09' } });
    expect(geocode({ ineCode: '99999', municipality: 'Getafe' })).toMatchObject({ method: 'name', place: { ineCode: '28065' } });
    expect(geocode({ ineCode: '99999', municipality: 'Getafe' }).problems[0]).toMatch(/99999/);
  });

  it('by official, co-official, Spanish and old names, articles moved or not', () => {
    const cases: Array<[string, string]> = [
      ['Donostia/San Sebastián', '20069'], ['Donostia', '20069'], ['SAN SEBASTIAN', '20069'],
      ['Alacant/Alicante', '03014'], ['Alicante', '03014'], ['Alacant', '03014'],
      ['Castelló de la Plana', '12040'], ['Castellón de la Plana', '12040'], ['Castellón', '12040'],
      ['València', '46250'], ['Valencia', '46250'],
      ['A Coruña', '15030'], ['La Coruña', '15030'], ['Coruña, A', '15030'],
      ['Vitoria-Gasteiz', '01059'], ['Vitoria', '01059'], ['Gasteiz', '01059'],
      ['Palma', '07040'], ['Palma de Mallorca', '07040'], ['Eivissa', '07026'], ['Ibiza', '07026'],
      ['Elx', '03065'], ['Elche', '03065'], ['Girona', '17079'], ['Gerona', '17079'], ['Lleida', '25120'], ['Lérida', '25120'],
      ['Ourense', '32054'], ['Orense', '32054'], ['Pamplona', '31201'], ['Iruña', '31201'],
      ["l'Hospitalet de Llobregat", '08101'], ["Hospitalet de Llobregat, L'", '08101'], ['Hospitalet de Llobregat', '08101'],
      ['Palmas de Gran Canaria, Las', '35016'], ['Las Palmas de Gran Canaria', '35016'],
      ['Getafe (Madrid)', '28065'], ['Getafe, Madrid', '28065'],
    ];
    for (const [name, code] of cases) expect(ine({ municipality: name }), name).toBe(code);
  });

  it('within the province or region given, and never guesses among namesakes', () => {
    const open = geocode({ municipality: 'Castejón' });
    expect(open.place.ineCode).toBeUndefined();
    expect(open.candidates?.map((c) => c.province).sort()).toEqual(['Cuenca', 'Navarra']);
    expect(ine({ municipality: 'Castejón', province: 'Navarra' })).toBe('31070');
    expect(ine({ municipality: 'castejon', province: '16' })).toBe('16067');
    expect(ine({ municipality: 'Castejón', region: 'Castilla-La Mancha' })).toBe('16067');
    expect(ine({ municipality: 'Castejón', postcode: '31520' })).toBe('31070');
    // Named in the wrong province: placed in the province, with the problem said.
    const wrong = geocode({ municipality: 'Madrid', province: 'Barcelona' });
    expect(wrong).toMatchObject({ precision: 'province', place: { provinceCode: '08', municipality: 'Madrid' } });
    expect(wrong.problems.join()).toMatch(/Madrid/);
  });

  it('by postcode, province or region alone (names in several languages, codes)', () => {
    expect(geocode({ postcode: '46001' })).toMatchObject({ precision: 'province', method: 'postcode', centroid: 'province', place: { provinceCode: '46', regionCode: '10' } });
    expect(geocode({ postcode: '8019' }).place.provinceCode).toBe('08');
    for (const p of ['Vizcaya', 'Bizkaia', 'BISCAY', '48']) expect(geocode({ province: p }).place.provinceCode, p).toBe('48');
    for (const p of ['Alicante', 'Alacant', 'Alicante/Alacant']) expect(geocode({ province: p }).place.provinceCode, p).toBe('03');
    for (const r of ['Catalunya', 'Cataluña', 'Catalonia', 'ES51', 'ES-CT', '09']) expect(geocode({ region: r }), r).toMatchObject({ precision: 'region', place: { regionCode: '09' } });
    for (const r of ['País Vasco', 'Euskadi', 'Basque Country']) expect(geocode({ region: r }).place.regionCode, r).toBe('16');
    // A one-province community gives its province, and the province's centroid.
    expect(geocode({ region: 'Madrid, Comunidad de' })).toMatchObject({ precision: 'province', place: { provinceCode: '28', regionCode: '13' }, centroid: 'province' });
  });

  it('foreign countries by ISO code or name (CORDIS UK and EL too)', () => {
    expect(countryCode('UK')).toBe('GB');
    expect(countryCode('EL')).toBe('GR');
    expect(countryCode('Alemania')).toBe('DE');
    expect(countryCode('Allemagne')).toBe('DE');
    expect(countryCode('España')).toBe('ES');
    expect(countryCode('Spain')).toBe('ES');
    expect(countryCode('Narnia')).toBeUndefined();
    expect(geocode({ country: 'France', municipality: 'Paris' })).toMatchObject({ precision: 'country', place: { country: 'FR', municipality: 'Paris' } });
    expect(geocode({ country: 'Spain' })).toMatchObject({ precision: 'country', place: { country: 'ES' } });
    expect(geocode({}).precision).toBe('none');
  });
});

describe('searchPlaces', () => {
  it('finds municipalities by the start of either name, capitals first', () => {
    expect(searchPlaces('vale', 3)[0]).toMatchObject({ ineCode: '46250', name: 'València', province: 'València/Valencia', region: 'Comunitat Valenciana' });
    expect(searchPlaces('san sebas', 5).map((p) => p.ineCode)).toContain('20069');
    expect(searchPlaces('hospitalet', 5)[0].ineCode).toBe('08101');
    expect(searchPlaces('08019', 5)[0].name).toBe('Barcelona');
    expect(searchPlaces('a', 7)).toHaveLength(7);
    expect(searchPlaces('   ', 5)).toEqual([]);
  });
});

// ---------------------------------------------------------------------------
// A few thousand messy rows generated from the gazetteer itself: the right
// municipality for ≥ 95% of them, and never a wrong one.

function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}
const stripAccents = (s: string) => s.normalize('NFD').replace(/\p{M}+/gu, '');
function moveArticle(name: string): string {
  const m = /^(el|la|los|las|els|les|es|sa|ses|o|a|os|as) (.+)$/i.exec(name) ?? /^(l')(.+)$/i.exec(name);
  return m ? `${m[2]}, ${m[1]}` : name;
}
function aSide(name: string, rnd: () => number): string {
  const sides = name.split('/');
  return sides[Math.floor(rnd() * sides.length)];
}

type Variant = (m: Municipality, rnd: () => number) => PlaceQuery;
const VARIANTS: Record<string, Variant> = {
  'ine code': (m) => ({ ineCode: m.ineCode }),
  'ine code as a number': (m) => ({ ineCode: String(Number(m.ineCode)) }),
  'CNIG code': (m) => ({ ineCode: `${m.ineCode}000000` }),
  'upper case, no accents + province': (m, r) => ({ municipality: stripAccents(aSide(m.name, r)).toUpperCase(), province: m.province }),
  'article moved + province (INE spelling)': (m) => ({ municipality: moveArticle(m.name), province: findProvince(m.provinceCode)!.ineName }),
  'one side of a bilingual name + province code': (m, r) => ({ municipality: aSide(m.name, r).toLowerCase(), provinceCode: m.provinceCode }),
  'name + postcode': (m) => ({ municipality: m.name, postcode: `${m.provinceCode}${String(Math.floor(m.lat * 7) % 1000).padStart(3, '0')}` }),
  'name + region': (m, r) => ({ municipality: stripAccents(aSide(m.name, r)), region: m.region }),
};

describe('messy rows generated from the gazetteer', () => {
  const all = allMunicipalities();
  const rnd = random(12);
  const rows: Array<{ variant: string; query: PlaceQuery; expected: Municipality }> = [];
  for (let i = 0; i < 4000; i++) {
    const m = all[Math.floor(rnd() * all.length)];
    const names = Object.keys(VARIANTS);
    const variant = names[i % names.length];
    rows.push({ variant, query: VARIANTS[variant](m, rnd), expected: m });
  }

  it('places ≥ 95% in the right municipality, per kind of mess, and none in a wrong one', () => {
    const stats = new Map<string, { total: number; right: number; wrong: string[] }>();
    for (const { variant, query, expected } of rows) {
      const s = stats.get(variant) ?? stats.set(variant, { total: 0, right: 0, wrong: [] }).get(variant)!;
      s.total++;
      const got = geocode(query).place.ineCode;
      if (got === expected.ineCode) s.right++;
      else if (got && got.length === 5) s.wrong.push(`${JSON.stringify(query)} → ${got}, not ${expected.ineCode}`);
    }
    let right = 0;
    for (const [variant, s] of stats) {
      right += s.right;
      expect(s.wrong, variant).toEqual([]);
      expect(s.right / s.total, variant).toBeGreaterThanOrEqual(0.95);
    }
    expect(right / rows.length).toBeGreaterThanOrEqual(0.95);
  });

  it('places postcode-only rows in their province', () => {
    for (const m of all.slice(0, 500)) {
      const r = geocode({ postcode: `${m.provinceCode}001` });
      expect(r.place.provinceCode).toBe(m.provinceCode);
      expect(r.precision).toBe('province');
    }
  });

  it('places a bare name (no province) when it is unique, and lists the candidates when not', () => {
    let unique = 0;
    let right = 0;
    for (const m of all) {
      const r = geocode({ municipality: stripAccents(m.name).toUpperCase() });
      if (r.candidates?.length) expect(r.candidates.map((c) => c.ineCode)).toContain(m.ineCode);
      else {
        unique++;
        if (r.place.ineCode === m.ineCode) right++;
      }
    }
    expect(unique).toBeGreaterThan(7000);
    expect(right / unique).toBeGreaterThanOrEqual(0.99);
  });
});
