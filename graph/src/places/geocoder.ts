import type { PlaceRef } from '../model/schemas.ts';
import { MUNICIPALITY_ALIASES, PROVINCE_ALIASES, REGION_ALIASES } from './aliases.ts';
import { countryCode } from './countries.ts';
import {
  allMunicipalities,
  allProvinces,
  allRegions,
  findMunicipality,
  findProvince,
  findRegion,
  type Municipality,
  type Province,
  type Region,
} from './gazetteer.ts';
import { hyphenForms, looseKey, nameForms, placeKey } from './names.ts';

// Geocoding against the bundled gazetteer, most precise evidence first:
// INE code; municipality name (within the province/region given, if any);
// postcode (its first two digits are the province); province or region alone;
// country. A name that fits several municipalities and nothing narrows it is
// ambiguous: reported with its candidates, never guessed.

/** What a row says about a place (all optional, as written). */
export interface PlaceQuery {
  ineCode?: string;
  municipality?: string;
  province?: string;
  provinceCode?: string;
  region?: string;
  regionCode?: string;
  country?: string;
  postcode?: string;
}

export type Precision = 'municipality' | 'province' | 'region' | 'country' | 'none';
export type GeocodeMethod = 'ine-code' | 'name' | 'postcode' | 'province' | 'region' | 'country' | 'actor-name';

export interface GeocodeResult {
  precision: Precision;
  /** The evidence that decided (absent when nothing was found). */
  method?: GeocodeMethod;
  /** The place as filled from the gazetteer (names canonical, codes set). */
  place: PlaceRef;
  lat?: number;
  lon?: number;
  /** Set when the coordinates are a province's centroid, not a municipality's. */
  centroid?: 'province';
  municipality?: Municipality;
  province?: Province;
  region?: Region;
  /** The municipalities a name fits when it is ambiguous. */
  candidates?: Municipality[];
  /** Why a given value was not used (unknown code, name not in the province…). */
  problems: string[];
}

// ---------------------------------------------------------------------------
// Indexes (built once, on first use)

interface Indexes {
  exact: Map<string, Municipality[]>;
  loose: Map<string, Municipality[]>;
  hyphen: Map<string, Municipality[]>;
  provinces: Map<string, Province>;
  regions: Map<string, Region>;
}
let indexes: Indexes | undefined;

function add<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (!list) map.set(key, [value]);
  else if (!list.includes(value)) list.push(value);
}

function build(): Indexes {
  if (indexes) return indexes;
  const exact = new Map<string, Municipality[]>();
  const loose = new Map<string, Municipality[]>();
  const hyphen = new Map<string, Municipality[]>();
  for (const m of allMunicipalities()) {
    for (const form of nameForms(m.name)) {
      add(exact, form, m);
      add(loose, looseKey(form), m);
    }
    for (const form of hyphenForms(m.name)) add(hyphen, form, m);
  }
  for (const [alias, code] of Object.entries(MUNICIPALITY_ALIASES)) {
    const m = findMunicipality(code);
    if (!m) throw new Error(`municipality alias ${alias}: no INE code ${code}`);
    add(exact, placeKey(alias), m);
    add(loose, looseKey(placeKey(alias)), m);
  }
  const provinces = new Map<string, Province>();
  for (const p of allProvinces()) for (const form of [...nameForms(p.name), ...nameForms(p.ineName)]) (provinces.set(form, p), provinces.set(looseKey(form), p));
  for (const [alias, code] of Object.entries(PROVINCE_ALIASES)) provinces.set(placeKey(alias), findProvince(code)!);
  const regions = new Map<string, Region>();
  for (const r of allRegions()) for (const form of [...nameForms(r.name), ...nameForms(r.ineName)]) (regions.set(form, r), regions.set(looseKey(form), r));
  for (const [alias, code] of Object.entries(REGION_ALIASES)) regions.set(placeKey(alias), findRegion(code)!);
  indexes = { exact, loose, hyphen, provinces, regions };
  return indexes;
}

// ---------------------------------------------------------------------------
// Single look-ups

/**
 * A 5-digit INE municipality code from what spreadsheets hold: 5 digits; 4 that
 * lost their leading zero (a number column); 6 (INE's code with its control
 * digit); 11 (CNIG's COD_INE, municipality + entity). Undefined otherwise.
 */
export function normalizeIneCode(value: string | number): string | undefined {
  const digits = String(value).trim().replace(/\.0+$/, '');
  if (!/^\d+$/.test(digits)) return undefined;
  if (digits.length === 5) return digits;
  if (digits.length === 4) return '0' + digits;
  if (digits.length === 6 || digits.length === 11) return digits.slice(0, 5);
  return undefined;
}

/** The province of a Spanish postcode (5 digits, or 4 that lost the leading zero). */
export function postcodeProvince(value: string): Province | undefined {
  const digits = value.trim().replace(/\s+/g, '');
  const code = /^\d{5}$/.test(digits) ? digits : /^\d{4}$/.test(digits) ? '0' + digits : undefined;
  return code ? findProvince(code.slice(0, 2)) : undefined;
}

export function findProvinceByName(value: string): Province | undefined {
  const raw = value.trim();
  if (/^\d{1,2}$/.test(raw)) return findProvince(raw.padStart(2, '0'));
  const key = placeKey(raw);
  return build().provinces.get(key) ?? build().provinces.get(looseKey(key));
}

export function findRegionByName(value: string): Region | undefined {
  const raw = value.trim();
  if (/^\d{1,2}$/.test(raw)) return findRegion(raw.padStart(2, '0'));
  const alias = REGION_ALIASES[raw.toUpperCase()];
  if (alias) return findRegion(alias);
  const key = placeKey(raw);
  return build().regions.get(key) ?? build().regions.get(looseKey(key));
}

export interface NameMatch {
  municipality?: Municipality;
  candidates: Municipality[];
}

/** The municipality a name stands for, within `within` (a province or region) when given. */
export function findMunicipalityByName(name: string, within?: { provinceCode?: string; regionCode?: string }): NameMatch {
  const { exact, loose, hyphen } = build();
  const forms = nameForms(name);
  const fits = (m: Municipality) =>
    (!within?.provinceCode || m.provinceCode === within.provinceCode) && (!within?.regionCode || m.regionCode === within.regionCode);
  const tiers: Array<(form: string) => Municipality[] | undefined> = [
    (f) => exact.get(f),
    (f) => loose.get(looseKey(f)),
    (f) => hyphen.get(f),
  ];
  for (const tier of tiers) {
    const found = new Set<Municipality>();
    for (const form of forms) for (const m of tier(form) ?? []) if (fits(m)) found.add(m);
    if (found.size === 1) return { municipality: [...found][0], candidates: [] };
    if (found.size > 1) return { candidates: [...found].sort((a, b) => a.ineCode.localeCompare(b.ineCode)) };
  }
  return { candidates: [] };
}

// ---------------------------------------------------------------------------
// The geocoder

function fromMunicipality(m: Municipality, method: GeocodeMethod, problems: string[]): GeocodeResult {
  return {
    precision: 'municipality',
    method,
    place: { municipality: m.name, province: m.province, region: m.region, country: 'ES', ineCode: m.ineCode, provinceCode: m.provinceCode, regionCode: m.regionCode },
    lat: m.lat,
    lon: m.lon,
    municipality: m,
    province: findProvince(m.provinceCode),
    region: findRegion(m.regionCode),
    problems,
  };
}

function fromProvince(p: Province, method: GeocodeMethod, problems: string[], municipality?: string): GeocodeResult {
  return {
    precision: 'province',
    method,
    place: { ...(municipality && { municipality }), province: p.name, region: p.region, country: 'ES', provinceCode: p.code, regionCode: p.regionCode },
    lat: p.lat,
    lon: p.lon,
    centroid: 'province',
    province: p,
    region: findRegion(p.regionCode),
    problems,
  };
}

/** Regions of one province (Madrid, Asturias, Murcia…) also give their province. */
function singleProvince(r: Region): Province | undefined {
  const ps = allProvinces().filter((p) => p.regionCode === r.code);
  return ps.length === 1 ? ps[0] : undefined;
}

const present = (v: string | undefined): v is string => typeof v === 'string' && v.trim() !== '';

/** Where a place is, from whatever the row gives; see the module comment for the order. */
export function geocode(query: PlaceQuery): GeocodeResult {
  const problems: string[] = [];
  const country = present(query.country) ? countryCode(query.country) : undefined;
  if (present(query.country) && !country) problems.push(`country "${query.country}" is not a known country name or ISO code`);
  if (country && country !== 'ES') {
    return { precision: 'country', method: 'country', place: { ...withoutSpanishCodes(query), country }, problems };
  }

  // INE code
  if (present(query.ineCode)) {
    const code = normalizeIneCode(query.ineCode);
    const m = code ? findMunicipality(code) : undefined;
    if (m) return fromMunicipality(m, 'ine-code', problems);
    problems.push(`INE code "${query.ineCode}" is not a municipality of the gazetteer`);
  }

  // What narrows a name: province (name or code), postcode, region.
  let province: Province | undefined;
  if (present(query.provinceCode)) province = findProvince(query.provinceCode.trim().padStart(2, '0'));
  if (!province && present(query.province)) {
    province = findProvinceByName(query.province);
    if (!province) problems.push(`province "${query.province}" is not in the gazetteer`);
  }
  let region: Region | undefined;
  if (present(query.regionCode)) region = findRegion(query.regionCode.trim().padStart(2, '0'));
  if (!region && present(query.region)) {
    region = findRegionByName(query.region);
    // A region column that holds a province ("Barcelona") still narrows.
    if (!region && !province) province = findProvinceByName(query.region);
    if (!region && !province) problems.push(`region "${query.region}" is not in the gazetteer`);
  }
  const byPostcode = present(query.postcode) ? postcodeProvince(query.postcode) : undefined;
  if (present(query.postcode) && !byPostcode) problems.push(`postcode "${query.postcode}" is not a Spanish postcode`);
  if (region && province && province.regionCode !== region.code) {
    problems.push(`province "${province.name}" is not in ${region.name}`);
    region = undefined;
  }
  const narrowing = province ?? byPostcode;

  // Municipality name
  if (present(query.municipality)) {
    const name = query.municipality.trim();
    const within = narrowing ? { provinceCode: narrowing.code } : region ? { regionCode: region.code } : undefined;
    let match = findMunicipalityByName(name, within);
    // "Getafe (Madrid)", "Getafe, Madrid", "28901 Getafe": the rest is a hint.
    if (!match.municipality && !match.candidates.length) {
      const split = /^(.*?)\s*[(,]\s*([^()]+?)\)?\s*$/.exec(name) ?? /^\s*\d{4,5}\s+(.+)$/.exec(name);
      const head = split?.[1] ?? undefined;
      const hint = split?.[2] ? findProvinceByName(split[2]) : undefined;
      if (head) match = findMunicipalityByName(head, hint ? { provinceCode: hint.code } : within);
    }
    if (match.municipality) return fromMunicipality(match.municipality, 'name', problems);
    if (match.candidates.length) {
      const coarse = narrowing ? fromProvince(narrowing, byPostcode && !province ? 'postcode' : 'province', problems, name) : undefined;
      const base = coarse ?? (region ? fromRegion(region, problems, name) : { precision: 'country' as const, method: 'country' as const, place: { municipality: name, country: 'ES' }, problems });
      return { ...base, candidates: match.candidates };
    }
    problems.push(`municipality "${name}" is not in the gazetteer${narrowing ? ` (province ${narrowing.name})` : region ? ` (${region.name})` : ''}`);
  }

  const keep = present(query.municipality) ? query.municipality.trim() : undefined;
  if (province) return fromProvince(province, 'province', problems, keep);
  if (byPostcode) return fromProvince(byPostcode, 'postcode', problems, keep);
  if (region) return fromRegion(region, problems, keep);
  if (country === 'ES') return { precision: 'country', method: 'country', place: { ...(keep && { municipality: keep }), country: 'ES' }, problems };
  return { precision: 'none', place: withoutSpanishCodes(query), problems };
}

function fromRegion(r: Region, problems: string[], municipality?: string): GeocodeResult {
  const only = singleProvince(r);
  if (only) return fromProvince(only, 'region', problems, municipality);
  return {
    precision: 'region',
    method: 'region',
    place: { ...(municipality && { municipality }), region: r.name, country: 'ES', regionCode: r.code },
    region: r,
    problems,
  };
}

/** The query's names as a place, without codes that were not checked against the gazetteer. */
function withoutSpanishCodes(q: PlaceQuery): PlaceRef {
  const place: PlaceRef = {};
  if (present(q.municipality)) place.municipality = q.municipality.trim();
  if (present(q.province)) place.province = q.province.trim();
  if (present(q.region)) place.region = q.region.trim();
  if (present(q.country)) place.country = q.country.trim();
  return place;
}
