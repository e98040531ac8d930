import { inferLevels, type LevelSubject } from '../levels/infer.ts';
import type { LevelRule } from '../levels/rules.ts';
import type { GraphNode, PlaceRef, Provenance } from '../model/schemas.ts';
import { foldText } from '../model/text.ts';
import { LEVELS, type Level } from '../model/vocabulary.ts';
import type { BulkBatch } from '../store/port.ts';
import { SPAIN_SOURCES } from './gazetteer.ts';
import { geocode, type GeocodeMethod, type GeocodeResult, type PlaceQuery, type Precision } from './geocoder.ts';
import { placeFromActorName } from './from-name.ts';
import { geocodedNote, LEVEL_INFERENCE_SOURCE, levelNote } from './provenance.ts';

// What an import adds to the rows it read before they are written: places
// geocoded from the gazetteer and levels inferred where the file has none,
// each derived fact recorded in the node's provenance; plus the coverage the
// import report states.

export interface PlaceCoverage {
  /** Actors in the import, and how precisely each one is placed. */
  actors: number;
  municipality: number;
  province: number;
  region: number;
  country: number;
  none: number;
  /** Actors whose municipality name fits several municipalities (placed no finer than the rest allows). */
  ambiguous: number;
  /** Actors by the evidence that placed them. */
  byMethod: Partial<Record<GeocodeMethod, number>>;
  /** Nodes of other labels (projects, events) geocoded. */
  otherNodesGeocoded: number;
  /** The first ambiguous names with their candidates. */
  ambiguities: Array<{ id: string; name: string; municipality: string; candidates: Array<{ ineCode: string; name: string; province: string }> }>;
  /** The first place values the gazetteer did not know. */
  unmatched: Array<{ id: string; name: string; problems: string[] }>;
}

export interface LevelCoverage {
  /** Actors and projects: with a level in the file (or store), inferred, or still without. */
  explicit: number;
  inferred: number;
  none: number;
  byRule: Partial<Record<LevelRule, number>>;
  actors: Record<Level | 'none', number>;
  projects: Record<Level | 'none', number>;
}

export interface ImportCoverage {
  places: PlaceCoverage;
  levels: LevelCoverage;
}

export interface EnrichOptions {
  /** Nodes already in the store (merge): levels they have, places of participants. */
  lookupExisting?: (ids: string[]) => Promise<GraphNode[]>;
}

export interface EnrichResult {
  coverage: ImportCoverage;
  warnings: string[];
}

const LISTED = 100;

// Columns an import may have kept in `properties` when no mapping named them.
const HINT_KEYS: Array<[keyof PlaceQuery, RegExp]> = [
  ['ineCode', /^(ine|ine ?code|codigo ?ine|cod ?ine|codine|codi ?ine|cmun|cod ?municipio|codigo ?municipio)$/],
  ['postcode', /^(cp|c ?p|postcode|post ?code|postal ?code|codigo ?postal|codi ?postal|zip|zip ?code|cod ?postal)$/],
  ['municipality', /^(municipio|municipi|localidad|localitat|ciudad|ciutat|poblacion|poblacio|town|locality|concello)$/],
  ['province', /^(provincia)$/],
  ['region', /^(comunidad ?autonoma|comunitat ?autonoma|ccaa|autonomia|comunidad|comunitat)$/],
];

function placeQuery(node: { place?: PlaceRef & { postcode?: string }; properties?: Record<string, unknown> }): PlaceQuery {
  const p = node.place ?? {};
  const q: PlaceQuery = {
    ineCode: p.ineCode,
    municipality: p.municipality,
    province: p.province,
    provinceCode: p.provinceCode,
    region: p.region,
    regionCode: p.regionCode,
    country: p.country,
    postcode: p.postcode,
  };
  for (const [key, raw] of Object.entries(node.properties ?? {})) {
    if (typeof raw !== 'string' && typeof raw !== 'number') continue;
    const folded = foldText(key).replace(/[^a-z0-9]+/g, ' ').trim();
    for (const [field, pattern] of HINT_KEYS) if (q[field] === undefined && pattern.test(folded)) q[field] = String(raw);
  }
  return q;
}

function samePlace(a: PlaceRef | undefined, b: PlaceRef): boolean {
  const keys = new Set([...Object.keys(a ?? {}), ...Object.keys(b)]) as Set<keyof PlaceRef>;
  return [...keys].every((k) => a?.[k] === b[k]);
}

const hasQuery = (q: PlaceQuery) => Object.values(q).some((v) => typeof v === 'string' && v.trim() !== '');

function geocodeProvenance(result: GeocodeResult, query: PlaceQuery, original: PlaceRef | undefined, name: string): Provenance | undefined {
  const given =
    result.method === 'ine-code' ? query.ineCode : result.method === 'postcode' ? query.postcode : result.method === 'name' ? query.municipality : result.method === 'province' ? (query.province ?? query.provinceCode) : result.method === 'region' ? (query.region ?? query.regionCode) : result.method === 'actor-name' ? name : query.country;
  if (result.municipality) {
    const m = result.municipality;
    return { source: SPAIN_SOURCES.municipalities, quote: m.row, confidence: result.method === 'ine-code' ? 1 : result.method === 'actor-name' ? 0.7 : 0.9, note: geocodedNote(result.method!, given, `${m.name} (${m.ineCode})`), addedBy: 'import' };
  }
  if (result.province) {
    const p = result.province;
    const confidence = result.method === 'postcode' ? 0.8 : result.method === 'actor-name' ? 0.7 : 1;
    return { source: SPAIN_SOURCES.provinces, quote: p.row, confidence, note: geocodedNote(result.method!, given, `province ${p.name}; coordinates are the province centroid`), addedBy: 'import' };
  }
  if (result.region)
    return { source: SPAIN_SOURCES.regions, quote: result.region.row, confidence: result.method === 'actor-name' ? 0.7 : 1, note: geocodedNote(result.method ?? 'region', given, result.region.name), addedBy: 'import' };
  if (result.method === 'country' && result.place.country && result.place.country !== original?.country)
    return { source: 'ISO 3166-1 (Unicode CLDR region names)', confidence: 0.95, note: geocodedNote('country', given, result.place.country), addedBy: 'import' };
  return undefined;
}

function emptyLevels(): Record<Level | 'none', number> {
  return Object.fromEntries([...LEVELS, 'none'].map((l) => [l, 0])) as Record<Level | 'none', number>;
}

/**
 * Geocodes every node of the batch that says something about its place and
 * infers the levels the batch lacks; mutates the batch's node inputs (place,
 * lat/lon, level, provenance) and returns the coverage and the warnings.
 */
export async function enrichImport(batch: BulkBatch, options: EnrichOptions = {}): Promise<EnrichResult> {
  const warnings: string[] = [];
  const places: PlaceCoverage = {
    actors: 0, municipality: 0, province: 0, region: 0, country: 0, none: 0, ambiguous: 0,
    byMethod: {}, otherNodesGeocoded: 0, ambiguities: [], unmatched: [],
  };
  let ambiguousNodes = 0;
  let unmatchedNodes = 0;

  for (const node of batch.nodes) {
    if (node.label === 'Place' || node.label === 'Topic') continue;
    const isActor = node.label === 'Actor';
    if (isActor) places.actors++;
    const query = placeQuery(node as Parameters<typeof placeQuery>[0]);
    let result = hasQuery(query) ? geocode(query) : undefined;
    // A council, a university, a regional government: its name says where it is when the row does not.
    if (isActor && (!result || ((result.precision === 'country' || result.precision === 'none') && !result.candidates?.length && (result.place.country ?? 'ES') === 'ES'))) {
      const fromName = placeFromActorName(node.name);
      if (fromName) result = { ...fromName, problems: result?.problems ?? [] };
    }
    if (!result) {
      if (isActor) places.none++;
      continue;
    }
    const precision: Precision = result.precision;
    if (precision !== 'none' || result.method) {
      const original = node.place;
      const place = { ...(original ?? {}), ...result.place };
      const coordinates = result.lat !== undefined && node.lat === undefined && node.lon === undefined;
      // Only what the gazetteer adds or corrects is written and recorded: a re-imported export stays as it was.
      if (coordinates || !samePlace(original, place)) {
        node.place = place;
        if (coordinates) (node.lat = result.lat), (node.lon = result.lon);
        const entry = geocodeProvenance(result, query, original, node.name);
        if (entry) node.provenance = [...(node.provenance ?? []), entry];
      }
      if (!isActor && precision !== 'country') places.otherNodesGeocoded++;
    }
    if (result.candidates?.length) {
      ambiguousNodes++;
      if (isActor) places.ambiguous++;
      if (places.ambiguities.length < LISTED)
        places.ambiguities.push({
          id: String(node.id), name: node.name, municipality: query.municipality ?? '',
          candidates: result.candidates.map((c) => ({ ineCode: c.ineCode, name: c.name, province: c.province })),
        });
    } else if (result.problems.length) {
      unmatchedNodes++;
      if (places.unmatched.length < LISTED) places.unmatched.push({ id: String(node.id), name: node.name, problems: result.problems });
    }
    if (isActor) {
      places[precision]++;
      if (result.method) places.byMethod[result.method] = (places.byMethod[result.method] ?? 0) + 1;
    }
  }
  if (ambiguousNodes) {
    const first = places.ambiguities[0];
    warnings.push(
      `${ambiguousNodes} place name(s) fit several municipalities and were not guessed, e.g. "${first.municipality}" (${first.candidates.map((c) => `${c.name}, ${c.province}`).join('; ')}); add a province, postcode or INE code`,
    );
  }
  if (unmatchedNodes) warnings.push(`${unmatchedNodes} row(s) name a place the gazetteer does not know, e.g. ${places.unmatched[0].problems[0]}`);

  // Levels
  const subjects: LevelSubject[] = batch.nodes.map((n) => ({
    id: String(n.id), label: n.label, name: n.name, kind: n.kind, level: n.level, place: n.place, tags: n.tags, properties: n.properties as Record<string, unknown>,
  }));
  const others = new Map<string, LevelSubject>();
  if (options.lookupExisting) {
    const inBatch = new Set(subjects.map((s) => s.id));
    const ids = new Set<string>(subjects.filter((s) => !s.level).map((s) => s.id));
    for (const r of batch.relationships) for (const end of [r.from, r.to]) if (!inBatch.has(end)) ids.add(end);
    const list = [...ids];
    for (let i = 0; i < list.length; i += 1000) {
      for (const n of await options.lookupExisting(list.slice(i, i + 1000))) others.set(n.id, { id: n.id, label: n.label, name: n.name, kind: n.kind, level: n.level, place: n.place, tags: n.tags, properties: n.properties });
    }
  }
  const inferred = inferLevels(subjects, batch.relationships.map((r) => ({ type: r.type, from: r.from, to: r.to })), others);
  const levels: LevelCoverage = { explicit: 0, inferred: 0, none: 0, byRule: {}, actors: emptyLevels(), projects: emptyLevels() };
  for (const node of batch.nodes) {
    if (node.label !== 'Actor' && node.label !== 'Project') continue;
    const id = String(node.id);
    const inference = inferred.get(id);
    if (inference) {
      node.level = inference.level;
      node.provenance = [...(node.provenance ?? []), { source: LEVEL_INFERENCE_SOURCE, confidence: inference.confidence, note: levelNote(inference.rule, inference.level, inference.detail), addedBy: 'import' }];
      levels.inferred++;
      levels.byRule[inference.rule] = (levels.byRule[inference.rule] ?? 0) + 1;
    } else if (node.level || others.get(id)?.level) levels.explicit++;
    else levels.none++;
    const level = (node.level ?? others.get(id)?.level ?? 'none') as Level | 'none';
    (node.label === 'Actor' ? levels.actors : levels.projects)[level]++;
  }
  return { coverage: { places, levels }, warnings };
}
