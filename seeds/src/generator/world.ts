import { ACTOR_KINDS, LEVELS, PROJECT_KINDS, type Level } from '@atlas/graph';
import { allMunicipalities, allProvinces, allRegions, type Municipality, type Province, type Region } from '../places/spain.ts';
import { Random, WeightedIndex } from './random.ts';
import { FOREIGN, PROVINCE_WEIGHT, TOPICS } from './words.ts';

// The skeleton of a synthetic ecosystem, decided once from the seed: how many
// nodes of each label, where every actor is, what it is, how active it is
// (a heavy-tailed weight), and project dates. Nodes and relationships are
// then generated from it, each stream with its own seeded generator.

export interface GeneratorOptions {
  actors: number;
  links: number;
  seed: string | number;
}

export type ActorKind = (typeof ACTOR_KINDS)[number];

/** Kinds in plausible proportions for an innovation ecosystem. */
const KIND_SHARE: Record<ActorKind, number> = {
  company: 24,
  startup: 9,
  municipality: 13,
  ngo: 12,
  public_body: 9,
  research_centre: 6,
  university: 4,
  foundation: 6,
  lab: 4,
  network: 3,
  citizen_group: 6,
  other: 4,
};

/** Level given kind: city councils act locally, ministries nationally, networks often internationally. */
const LEVEL_BY_KIND: Record<ActorKind, Partial<Record<Level, number>>> = {
  company: { local: 35, regional: 35, national: 22, international: 8 },
  startup: { local: 45, regional: 30, national: 15, international: 10 },
  municipality: { local: 97, regional: 3 },
  ngo: { local: 50, regional: 30, national: 15, international: 5 },
  public_body: { regional: 55, national: 35, local: 8, international: 2 },
  research_centre: { regional: 40, national: 45, international: 15 },
  university: { regional: 60, national: 30, international: 10 },
  foundation: { local: 25, regional: 35, national: 30, international: 10 },
  lab: { local: 60, regional: 35, national: 5 },
  network: { regional: 30, national: 40, international: 30 },
  citizen_group: { local: 95, regional: 5 },
  other: { local: 30, regional: 35, national: 25, international: 10 },
};

export interface World {
  options: GeneratorOptions;
  counts: { actors: number; projects: number; practices: number; events: number; topics: number; places: number };
  offsets: { projects: number; practices: number; events: number; topics: number; regions: number; provinces: number };
  totalNodes: number;
  provinces: Province[];
  regions: Region[];
  capitals: Municipality[];
  municipalities: Map<string, Municipality[]>;
  /** Per actor: index into ACTOR_KINDS, into LEVELS, into provinces (-1 = abroad), FOREIGN index, municipality index in its province. */
  actorKind: Uint8Array;
  actorLevel: Uint8Array;
  actorProvince: Int16Array;
  actorForeign: Int8Array;
  actorMunicipality: Int32Array;
  actorFounded: Int16Array;
  actorWeight: Float64Array;
  projectProvince: Int16Array;
  projectKind: Uint8Array;
  /** Months since 2000-01 for start, and duration in months. */
  projectStart: Int16Array;
  projectMonths: Int16Array;
  projectWeight: Float64Array;
  practiceWeight: Float64Array;
  eventProvince: Int16Array;
  eventDay: Int32Array;
  topicWeight: Float64Array;
  /** Samplers by activity weight: all actors, actors of each region, and pools by kind. */
  actors: WeightedIndex;
  actorsByRegion: Map<string, WeightedIndex>;
  actorsOfKind: Map<ActorKind, WeightedIndex>;
  universitiesByRegion: Map<string, WeightedIndex>;
  projects: WeightedIndex;
  projectsByRegion: Map<string, WeightedIndex>;
  practices: WeightedIndex;
  events: WeightedIndex;
  topics: WeightedIndex;
}

export function checkOptions(options: GeneratorOptions): void {
  if (!Number.isInteger(options.actors) || options.actors < 1) throw new RangeError('actors must be a positive integer');
  if (!Number.isInteger(options.links) || options.links < 0) throw new RangeError('links must be a non-negative integer');
  if (options.actors > 5_000_000) throw new RangeError('at most 5,000,000 actors');
}

function groupIndex(n: number, groupOf: (i: number) => string, weightOf: (i: number) => number): Map<string, WeightedIndex> {
  const groups = new Map<string, number[]>();
  for (let i = 0; i < n; i++) {
    const g = groupOf(i);
    if (!groups.has(g)) groups.set(g, []);
    groups.get(g)!.push(i);
  }
  const out = new Map<string, WeightedIndex>();
  for (const [g, items] of groups) out.set(g, new WeightedIndex(items, weightOf));
  return out;
}

export function buildWorld(options: GeneratorOptions): World {
  checkOptions(options);
  const random = new Random(`${options.seed}:world`);
  const N = options.actors;
  const counts = {
    actors: N,
    projects: Math.max(1, Math.round(N * 0.25)),
    practices: Math.max(1, Math.round(N * 0.04)),
    events: Math.max(1, Math.round(N * 0.02)),
    topics: Math.min(TOPICS.length, Math.max(3, Math.round(N / 10))),
    places: 0,
  };
  const provinces = allProvinces();
  const regions = allRegions();
  counts.places = provinces.length + regions.length;
  const offsets = {
    projects: N,
    practices: N + counts.projects,
    events: N + counts.projects + counts.practices,
    topics: N + counts.projects + counts.practices + counts.events,
    regions: 0,
    provinces: 0,
  };
  offsets.regions = offsets.topics + counts.topics;
  offsets.provinces = offsets.regions + regions.length;

  const municipalities = new Map<string, Municipality[]>();
  for (const m of allMunicipalities()) {
    if (!municipalities.has(m.provinceCode)) municipalities.set(m.provinceCode, []);
    municipalities.get(m.provinceCode)!.push(m);
  }
  const first = (s: string) => s.split('/')[0].trim();
  const capitals = provinces.map((p) => {
    const list = municipalities.get(p.code)!;
    return list.find((m) => first(m.name) === first(p.name) || m.name === p.name) ?? list.reduce((a, b) => (dist(a, p) <= dist(b, p) ? a : b));
  });
  const provinceIndex = new WeightedIndex(
    provinces.map((_, i) => i),
    (i) => PROVINCE_WEIGHT[provinces[i].code] ?? 0.6,
  );

  const actorKind = new Uint8Array(N);
  const actorLevel = new Uint8Array(N);
  const actorProvince = new Int16Array(N);
  const actorForeign = new Int8Array(N).fill(-1);
  const actorMunicipality = new Int32Array(N);
  const actorFounded = new Int16Array(N);
  const actorWeight = new Float64Array(N);
  for (let i = 0; i < N; i++) {
    const kind = random.weighted(KIND_SHARE);
    const level = random.weighted(LEVEL_BY_KIND[kind] as Record<Level, number>);
    actorKind[i] = ACTOR_KINDS.indexOf(kind);
    actorLevel[i] = LEVELS.indexOf(level);
    const abroad = level === 'international' ? random.chance(0.5) : random.chance(0.01);
    if (abroad) {
      actorProvince[i] = -1;
      actorForeign[i] = random.int(FOREIGN.length);
    } else {
      const p = provinceIndex.sample(random);
      actorProvince[i] = p;
      const list = municipalities.get(provinces[p].code)!;
      const capital = list.indexOf(capitals[p]);
      actorMunicipality[i] = kind === 'municipality' || random.chance(0.45) ? random.int(list.length) : capital;
    }
    actorFounded[i] = random.chance(0.35) ? random.between(1950, 2022) : 0;
    // Activity: heavy-tailed, larger for kinds that sit in many projects.
    const boost = kind === 'university' || kind === 'research_centre' ? 4 : kind === 'network' || kind === 'public_body' ? 2 : 1;
    actorWeight[i] = random.pareto(1.4, 500) * boost;
  }

  const P = counts.projects;
  const projectProvince = new Int16Array(P);
  const projectKind = new Uint8Array(P);
  const projectStart = new Int16Array(P);
  const projectMonths = new Int16Array(P);
  const projectWeight = new Float64Array(P);
  const projectKindShare = { project: 60, programme: 10, pilot: 12, challenge: 6, commitment: 4, mission: 3, lab: 5 };
  for (let j = 0; j < P; j++) {
    projectProvince[j] = provinceIndex.sample(random);
    projectKind[j] = PROJECT_KINDS.indexOf(random.weighted(projectKindShare));
    projectStart[j] = random.between(8 * 12, 24 * 12 + 11);
    projectMonths[j] = random.between(6, 60);
    projectWeight[j] = random.pareto(1.6, 200);
  }
  const practiceWeight = Float64Array.from({ length: counts.practices }, () => random.pareto(1.3, 300));
  const eventProvince = Int16Array.from({ length: counts.events }, () => provinceIndex.sample(random));
  const eventDay = Int32Array.from({ length: counts.events }, () => random.between(0, 16 * 365));
  const eventWeight = Float64Array.from({ length: counts.events }, () => random.pareto(1.5, 200));
  const topicWeight = Float64Array.from({ length: counts.topics }, () => random.pareto(1.2, 50));

  const regionOfActor = (i: number) => (actorProvince[i] < 0 ? 'abroad' : provinces[actorProvince[i]].regionCode);
  const weightOfActor = (i: number) => actorWeight[i];
  const all = Array.from({ length: N }, (_, i) => i);
  const actorsOfKind = new Map<ActorKind, WeightedIndex>();
  for (const [kind, index] of groupIndex(N, (i) => ACTOR_KINDS[actorKind[i]], weightOfActor)) actorsOfKind.set(kind as ActorKind, index);
  const universitiesByRegion = groupIndex(
    N,
    (i) => (ACTOR_KINDS[actorKind[i]] === 'university' ? regionOfActor(i) : '-'),
    weightOfActor,
  );
  universitiesByRegion.delete('-');

  return {
    options,
    counts,
    offsets,
    totalNodes: offsets.provinces + provinces.length,
    provinces,
    regions,
    capitals,
    municipalities,
    actorKind,
    actorLevel,
    actorProvince,
    actorForeign,
    actorMunicipality,
    actorFounded,
    actorWeight,
    projectProvince,
    projectKind,
    projectStart,
    projectMonths,
    projectWeight,
    practiceWeight,
    eventProvince,
    eventDay,
    topicWeight,
    actors: new WeightedIndex(all, weightOfActor),
    actorsByRegion: groupIndex(N, regionOfActor, weightOfActor),
    actorsOfKind,
    universitiesByRegion,
    projects: new WeightedIndex(Array.from({ length: P }, (_, j) => j), (j) => projectWeight[j]),
    projectsByRegion: groupIndex(P, (j) => provinces[projectProvince[j]].regionCode, (j) => projectWeight[j]),
    practices: new WeightedIndex(Array.from({ length: counts.practices }, (_, k) => k), (k) => practiceWeight[k]),
    events: new WeightedIndex(Array.from({ length: counts.events }, (_, k) => k), (k) => eventWeight[k]),
    topics: new WeightedIndex(Array.from({ length: counts.topics }, (_, k) => k), (k) => topicWeight[k]),
  };
}

function dist(m: { lat: number; lon: number }, p: { lat: number; lon: number }): number {
  return (m.lat - p.lat) ** 2 + (m.lon - p.lon) ** 2;
}

/** Region code of an actor ('abroad' for foreign actors). */
export function actorRegion(world: World, i: number): string {
  const p = world.actorProvince[i];
  return p < 0 ? 'abroad' : world.provinces[p].regionCode;
}

/** YYYY-MM-01 from months since 2000-01. */
export function monthDate(months: number): string {
  const year = 2000 + Math.floor(months / 12);
  return `${year}-${String((months % 12) + 1).padStart(2, '0')}-01`;
}

/** YYYY-MM-DD from days since 2008-01-01. */
export function dayDate(days: number): string {
  return new Date(Date.UTC(2008, 0, 1) + days * 86_400_000).toISOString().slice(0, 10);
}
