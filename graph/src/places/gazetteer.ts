import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { looseKey, nameForms, placeKey } from './names.ts';

// The bundled gazetteer: Spanish municipalities, provinces and autonomous
// communities with INE codes and coordinates, read from graph/data/spain (see
// SOURCE.md there for attribution: INE/Code for Spain ODC-PDDL, IGN/CNIG CC BY 4.0).
// The import geocodes with it, the places search answers from it and the seed
// dataset takes its codes and coordinates from it.

export const SPAIN_DATA_DIR = fileURLToPath(new URL('../../data/spain/', import.meta.url));

/** The provenance `source` of facts taken from each table (path inside the repository). */
export const SPAIN_SOURCES = {
  municipalities: 'graph/data/spain/municipalities.csv',
  provinces: 'graph/data/spain/provinces.csv',
  regions: 'graph/data/spain/ccaa.csv',
} as const;

export interface Municipality {
  ineCode: string;
  name: string;
  provinceCode: string;
  province: string;
  regionCode: string;
  region: string;
  lat: number;
  lon: number;
  /** The CSV line as written in the file, quoted as provenance. */
  row: string;
}

export interface Province {
  code: string;
  name: string;
  /** INE's own spelling (Alicante/Alacant, "Coruña, A"). */
  ineName: string;
  regionCode: string;
  region: string;
  lat: number;
  lon: number;
  row: string;
}

export interface Region {
  code: string;
  name: string;
  /** INE's own spelling ("Madrid, Comunidad de"). */
  ineName: string;
  lat: number;
  lon: number;
  row: string;
}

interface Table {
  records: Record<string, string>[];
  lines: string[];
}

function readTable(file: string): Table {
  const text = readFileSync(SPAIN_DATA_DIR + file, 'utf8');
  const records = parse(text, { columns: true, skip_empty_lines: true, bom: true }) as Record<string, string>[];
  // One record per line in these files (no quoted line breaks), so line i+1 is record i.
  const lines = text.split(/\r?\n/).filter((l) => l.length > 0).slice(1);
  if (lines.length !== records.length) throw new Error(`${file}: ${records.length} records but ${lines.length} lines`);
  return { records, lines };
}

let cache: { municipalities: Map<string, Municipality>; provinces: Map<string, Province>; regions: Map<string, Region> } | undefined;

function tables() {
  if (cache) return cache;
  const m = readTable('municipalities.csv');
  const p = readTable('provinces.csv');
  const r = readTable('ccaa.csv');
  cache = {
    municipalities: new Map(
      m.records.map((rec, i) => [
        rec.ine_code,
        {
          ineCode: rec.ine_code,
          name: rec.name,
          provinceCode: rec.province_code,
          province: rec.province,
          regionCode: rec.ccaa_code,
          region: rec.ccaa,
          lat: Number(rec.lat),
          lon: Number(rec.lon),
          row: m.lines[i],
        },
      ]),
    ),
    provinces: new Map(
      p.records.map((rec, i) => [
        rec.province_code,
        {
          code: rec.province_code,
          name: rec.province,
          ineName: rec.province_ine_2017,
          regionCode: rec.ccaa_code,
          region: rec.ccaa,
          lat: Number(rec.lat),
          lon: Number(rec.lon),
          row: p.lines[i],
        },
      ]),
    ),
    regions: new Map(
      r.records.map((rec, i) => [
        rec.ccaa_code,
        { code: rec.ccaa_code, name: rec.ccaa, ineName: rec.ccaa_ine_name, lat: Number(rec.lat), lon: Number(rec.lon), row: r.lines[i] },
      ]),
    ),
  };
  return cache;
}

function required<T>(map: Map<string, T>, code: string, what: string): T {
  const value = map.get(code);
  if (!value) throw new Error(`no ${what} with INE code ${code} in graph/data/spain`);
  return value;
}

/** The municipality with this 5-digit INE code; throws when there is none (seed data must be right). */
export function municipality(ineCode: string): Municipality {
  return required(tables().municipalities, ineCode, 'municipality');
}
export function province(code: string): Province {
  return required(tables().provinces, code, 'province');
}
export function region(code: string): Region {
  return required(tables().regions, code, 'autonomous community');
}

/** Look-ups that answer undefined for an unknown code (user data). */
export function findMunicipality(ineCode: string): Municipality | undefined {
  return tables().municipalities.get(ineCode);
}
export function findProvince(code: string): Province | undefined {
  return tables().provinces.get(code);
}
export function findRegion(code: string): Region | undefined {
  return tables().regions.get(code);
}

export function municipalityCount(): number {
  return tables().municipalities.size;
}

/** Every municipality / province / region, in INE code order. */
export function allMunicipalities(): Municipality[] {
  return [...tables().municipalities.values()].sort((a, b) => a.ineCode.localeCompare(b.ineCode));
}
export function allProvinces(): Province[] {
  return [...tables().provinces.values()].sort((a, b) => a.code.localeCompare(b.code));
}
export function allRegions(): Region[] {
  return [...tables().regions.values()].sort((a, b) => a.code.localeCompare(b.code));
}

// ---------------------------------------------------------------------------
// Search (autocomplete)

export interface PlaceHit {
  ineCode: string;
  name: string;
  province: string;
  region: string;
  lat: number;
  lon: number;
}

let searchIndex: Array<{ m: Municipality; keys: string[]; capital: boolean }> | undefined;

/**
 * Municipalities whose name (either side of a bilingual name, article optional)
 * starts with the query, then those with a word starting with it, then those
 * containing it; provincial namesakes, then shorter names first within each group. A 2–5 digit query
 * matches INE codes.
 */
export function searchPlaces(query: string, limit = 10): PlaceHit[] {
  const q = placeKey(query);
  if (!q) return [];
  // Without populations, a province's namesake (its capital, mostly) is the best guess of what is meant.
  searchIndex ??= allMunicipalities().map((m) => {
    const keys = nameForms(m.name).flatMap((k) => [k, looseKey(k)]);
    const province = tables().provinces.get(m.provinceCode)!;
    const capital = [...nameForms(province.name), ...nameForms(province.ineName)].some((k) => keys.includes(k));
    return { m, keys, capital };
  });
  const ranked: Array<{ m: Municipality; rank: number }> = [];
  for (const { m, keys, capital } of searchIndex) {
    let rank = /^\d+$/.test(q) && m.ineCode.startsWith(q.padStart(q.length === 4 ? 5 : q.length, '0')) ? 1 : Infinity;
    for (const k of keys) {
      if (k === q) rank = Math.min(rank, 0);
      else if (k.startsWith(q)) rank = Math.min(rank, 1);
      else if (k.includes(' ' + q)) rank = Math.min(rank, 2);
      else if (k.includes(q)) rank = Math.min(rank, 3);
    }
    if (rank !== Infinity) ranked.push({ m, rank: capital ? rank - 0.5 : rank });
  }
  ranked.sort((a, b) => a.rank - b.rank || a.m.name.length - b.m.name.length || a.m.name.localeCompare(b.m.name, 'es'));
  return ranked.slice(0, Math.max(0, limit)).map(({ m }) => ({ ineCode: m.ineCode, name: m.name, province: m.province, region: m.region, lat: m.lat, lon: m.lon }));
}
