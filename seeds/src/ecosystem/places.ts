import { slugify, type PlaceRef } from '@atlas/graph';
import { municipality, province, region, SPAIN_SOURCES } from '../places/spain.ts';
import { cite, DOC, rel, type Citation, type SeedNode, type SeedPart, type SeedRelationship } from './cite.ts';

// The Spanish places the documents name, as Place nodes with INE codes and
// coordinates from graph/data/spain, linked municipality → province → region →
// country by PART_OF. Each place cites the document that names it (when one
// does) and the CSV row its code and coordinates come from.

interface MunicipalitySpec {
  ine: string;
  /** Names the official bilingual name does not carry (Spanish or English forms). */
  aliases?: string[];
  mentions: Citation[];
}

const SIX_MUNICIPALITIES = 'Algemesí, Elx, Gata de Gorgos, Orpesa, Vinaròs i Tavernes de la Valldigna';

const MUNICIPALITIES: MunicipalitySpec[] = [
  { ine: '28079', mentions: [cite(DOC.thivic, 'Madrid, Spain'), cite(DOC.govtech, 'Organisation name Madrid City Council')] },
  { ine: '46250', aliases: ['Valencia'], mentions: [cite(DOC.municipisInnovadors, 'Las Naves (Ajuntament de València)')] },
  { ine: '46029', mentions: [cite(DOC.municipisInnovadors, SIX_MUNICIPALITIES)] },
  { ine: '03065', mentions: [cite(DOC.municipisInnovadors, SIX_MUNICIPALITIES)] },
  { ine: '03071', mentions: [cite(DOC.municipisInnovadors, SIX_MUNICIPALITIES)] },
  { ine: '12085', mentions: [cite(DOC.municipisInnovadors, SIX_MUNICIPALITIES)] },
  { ine: '12138', aliases: ['Vinaroz'], mentions: [cite(DOC.municipisInnovadors, SIX_MUNICIPALITIES)] },
  { ine: '46238', aliases: ['Tabernes de Valldigna'], mentions: [cite(DOC.municipisInnovadors, SIX_MUNICIPALITIES)] },
];

const REGION_MENTIONS: Record<string, { aliases: string[]; mentions: Citation[] }> = {
  '10': {
    aliases: ['Comunidad Valenciana', 'Valencian Community'],
    mentions: [cite(DOC.municipisInnovadors, 'municipis de la Comunitat Valenciana')],
  },
  '11': {
    aliases: ['Extremadura Autonomous Community'],
    mentions: [cite(DOC.extremadura, 'Lead Institution: Extremadura Autonomous Community')],
  },
  '13': { aliases: ['Community of Madrid', 'Comunitat de Madrid'], mentions: [] },
};

const COUNTRY_MENTIONS: Citation[] = [
  cite(DOC.thivic, 'Madrid, Spain'),
  cite(DOC.govtech, 'Countries Spain'),
  cite(DOC.ciss, 'at national level in Spain'),
  cite(DOC.extremadura, 'Spain Action Plan 2020-2024'),
];

export const SPAIN_PLACE_ID = 'place-spain';

/** "Elx/Elche" → ["Elx", "Elche"]: the official bilingual name, split. */
function nameParts(official: string): string[] {
  return official.split('/').map((s) => s.trim());
}

export function municipalityPlaceId(ine: string): string {
  return `place-${slugify(nameParts(municipality(ine).name)[0])}`;
}
export function provincePlaceId(code: string): string {
  return `place-province-${slugify(nameParts(province(code).name)[0])}`;
}
export function regionPlaceId(code: string): string {
  return `place-region-${slugify(region(code).name)}`;
}

/** `place`, `lat`, `lon` of an actor based in a municipality. */
export function atMunicipality(ine: string): { place: PlaceRef; lat: number; lon: number } {
  const m = municipality(ine);
  return {
    place: {
      municipality: nameParts(m.name)[0],
      province: m.province,
      region: m.region,
      country: 'ES',
      ineCode: m.ineCode,
      provinceCode: m.provinceCode,
      regionCode: m.regionCode,
    },
    lat: m.lat,
    lon: m.lon,
  };
}

/** `place`, `lat`, `lon` of an actor acting for a whole autonomous community (coordinates: its centre). */
export function atRegion(code: string): { place: PlaceRef; lat: number; lon: number } {
  const r = region(code);
  return { place: { region: r.name, country: 'ES', ineCode: r.code, regionCode: r.code }, lat: r.lat, lon: r.lon };
}

/** LOCATED_IN from an actor/project to a municipality Place. */
export function locatedInMunicipality(from: string, ine: string, why: Citation): SeedRelationship {
  return rel('LOCATED_IN', from, municipalityPlaceId(ine), [why, cite(SPAIN_SOURCES.municipalities, municipality(ine).row)]);
}

export function locatedInRegion(from: string, code: string, why: Citation): SeedRelationship {
  return rel('LOCATED_IN', from, regionPlaceId(code), [why, cite(SPAIN_SOURCES.regions, region(code).row)]);
}

export function locatedInSpain(from: string, why: Citation): SeedRelationship {
  return rel('LOCATED_IN', from, SPAIN_PLACE_ID, [why]);
}

function withAliases(official: string, extra: string[] = []): { name: string; aliases: string[] } {
  const parts = nameParts(official);
  const aliases = [...parts.slice(1), ...(parts.length > 1 ? [official] : []), ...extra];
  return { name: parts[0], aliases: [...new Set(aliases)] };
}

export function placesPart(): SeedPart {
  const nodes: SeedNode[] = [];
  const relationships: SeedRelationship[] = [];
  const provinces = new Set<string>();
  const regions = new Set<string>(Object.keys(REGION_MENTIONS));

  for (const spec of MUNICIPALITIES) {
    const m = municipality(spec.ine);
    const csv = cite(SPAIN_SOURCES.municipalities, m.row);
    nodes.push({
      id: municipalityPlaceId(m.ineCode),
      label: 'Place',
      kind: 'municipality',
      ...withAliases(m.name, spec.aliases),
      code: m.ineCode,
      ...atMunicipality(m.ineCode),
      provenance: [...spec.mentions, csv],
    });
    relationships.push(rel('PART_OF', municipalityPlaceId(m.ineCode), provincePlaceId(m.provinceCode), [csv]));
    provinces.add(m.provinceCode);
    regions.add(m.regionCode);
  }

  for (const code of provinces) {
    const p = province(code);
    const csv = cite(SPAIN_SOURCES.provinces, p.row);
    nodes.push({
      id: provincePlaceId(code),
      label: 'Place',
      kind: 'province',
      ...withAliases(p.name),
      code,
      place: { province: p.name, region: p.region, country: 'ES', ineCode: code, provinceCode: code, regionCode: p.regionCode },
      lat: p.lat,
      lon: p.lon,
      provenance: [csv],
    });
    relationships.push(rel('PART_OF', provincePlaceId(code), regionPlaceId(p.regionCode), [csv]));
    regions.add(p.regionCode);
  }

  for (const code of regions) {
    const r = region(code);
    const csv = cite(SPAIN_SOURCES.regions, r.row);
    const extra = REGION_MENTIONS[code];
    nodes.push({
      id: regionPlaceId(code),
      label: 'Place',
      kind: 'region',
      ...withAliases(r.name, extra?.aliases),
      code,
      place: { region: r.name, country: 'ES', ineCode: code, regionCode: code },
      lat: r.lat,
      lon: r.lon,
      provenance: [...(extra?.mentions ?? []), csv],
    });
    relationships.push(rel('PART_OF', regionPlaceId(code), SPAIN_PLACE_ID, [csv]));
  }

  nodes.push({
    id: SPAIN_PLACE_ID,
    label: 'Place',
    kind: 'country',
    name: 'Spain',
    aliases: ['España', 'Espanya'],
    code: 'ES',
    place: { country: 'ES' },
    provenance: COUNTRY_MENTIONS,
  });

  return { nodes, relationships };
}
