import { RELATIONSHIP_TYPES, type RelationshipInput, type RelationshipType } from '@atlas/graph';
import { Random, type WeightedIndex } from './random.ts';
import { GENERATOR_SOURCE, nodeId } from './nodes.ts';
import { actorRegion, dayDate, monthDate, type World } from './world.ts';

// Exactly `links` relationships, no two with the same type and ends. Small
// types (places, events, practices…) get a share of the links first; whatever
// they cannot place goes to the big ones, participations and collaborations,
// which are picked with heavy-tailed weights and a regional bias (communities).

interface Candidate {
  from: number;
  to: number;
  properties?: Record<string, string | number>;
  validFrom?: string;
  validTo?: string;
  /** For participations: the project, so that its first participant becomes the lead. */
  project?: number;
}

type Proposer = (random: Random, attempt: number) => Candidate | null;

/** Share of the links per type, in the order they are generated. */
const SHARES: Array<[RelationshipType, number]> = [
  ['LOCATED_IN', 0.05],
  ['PART_OF', 0.01],
  ['ORGANISED', 0.01],
  ['DEVELOPED', 0.015],
  ['INSPIRED_BY', 0.01],
  ['FUNDS', 0.025],
  ['ADOPTED', 0.03],
  ['SPOKE_AT', 0.03],
  ['MEMBER_OF', 0.04],
  ['ABOUT', 0.06],
  ['WORKS_ON', 0.08],
  ['COLLABORATES_WITH', 0.14],
  ['PARTICIPATES_IN', 0.5],
];

export class GeneratorCapacityError extends RangeError {}

function sameRegionOr(world: World, random: Random, region: string, p: number): number {
  const local = world.actorsByRegion.get(region);
  return local && random.chance(p) ? local.sample(random) : world.actors.sample(random);
}

function proposers(world: World): Record<RelationshipType, Proposer> {
  const o = world.offsets;
  const pool = (kind: string): WeightedIndex | undefined => world.actorsOfKind.get(kind as never);
  const networks = pool('network');
  const funders = ['public_body', 'foundation', 'company'].map(pool).filter((x): x is WeightedIndex => !!x);
  const units = ['lab', 'research_centre'].map(pool).filter((x): x is WeightedIndex => !!x);
  const projectDates = (j: number) => ({ validFrom: monthDate(world.projectStart[j]), validTo: monthDate(world.projectStart[j] + world.projectMonths[j]) });
  const nProvinces = world.provinces.length;

  return {
    LOCATED_IN: (random) => {
      const a = random.int(world.counts.actors);
      const p = world.actorProvince[a];
      return p < 0 ? null : { from: a, to: o.provinces + p };
    },
    PART_OF: (random, attempt) => {
      if (attempt < nProvinces) {
        const region = world.regions.findIndex((r) => r.code === world.provinces[attempt].regionCode);
        return { from: o.provinces + attempt, to: o.regions + region };
      }
      if (!units.length) return null;
      const unit = random.pick(units).sample(random);
      const universities = world.universitiesByRegion.get(actorRegion(world, unit));
      return universities ? { from: unit, to: universities.sample(random) } : null;
    },
    ORGANISED: (random) => {
      const e = world.events.sample(random);
      const region = world.provinces[world.eventProvince[e]].regionCode;
      return { from: sameRegionOr(world, random, region, 0.8), to: o.events + e };
    },
    DEVELOPED: (random) => ({ from: world.actors.sample(random), to: o.practices + random.int(world.counts.practices) }),
    INSPIRED_BY: (random) => ({ from: o.practices + random.int(world.counts.practices), to: o.practices + world.practices.sample(random) }),
    FUNDS: (random) => {
      if (!funders.length) return null;
      const j = world.projects.sample(random);
      return { from: random.pick(funders).sample(random), to: o.projects + j, properties: { amount: random.between(5, 2000) * 1000 } };
    },
    ADOPTED: (random) => ({ from: world.actors.sample(random), to: o.practices + world.practices.sample(random) }),
    SPOKE_AT: (random) => {
      const e = world.events.sample(random);
      return { from: sameRegionOr(world, random, world.provinces[world.eventProvince[e]].regionCode, 0.6), to: o.events + e, validFrom: dayDate(world.eventDay[e]) };
    },
    MEMBER_OF: (random) => {
      if (!networks) return null;
      const net = networks.sample(random);
      return { from: sameRegionOr(world, random, actorRegion(world, net), 0.6), to: net };
    },
    ABOUT: (random) => {
      const r = random.next();
      const from = r < 0.7 ? o.projects + random.int(world.counts.projects) : r < 0.85 ? o.practices + random.int(world.counts.practices) : o.events + random.int(world.counts.events);
      return { from, to: o.topics + world.topics.sample(random) };
    },
    WORKS_ON: (random) => ({ from: world.actors.sample(random), to: o.topics + world.topics.sample(random) }),
    COLLABORATES_WITH: (random) => {
      const a = world.actors.sample(random);
      const b = sameRegionOr(world, random, actorRegion(world, a), 0.75);
      return { from: a, to: b, properties: { weight: random.between(1, 5) }, validFrom: `${random.between(2010, 2024)}-01-01` };
    },
    AFFILIATED_WITH: () => null, // the generator makes no Person nodes
    PARTICIPATES_IN: (random) => {
      const j = world.projects.sample(random);
      const region = world.provinces[world.projectProvince[j]].regionCode;
      return { from: sameRegionOr(world, random, region, 0.65), to: o.projects + j, ...projectDates(j), project: j };
    },
  };
}

/** The relationships of the ecosystem, exactly `world.options.links` of them; deterministic by seed. */
export function* generateRelationships(world: World): Generator<RelationshipInput> {
  const random = new Random(`${world.options.seed}:links`);
  const total = world.options.links;
  const propose = proposers(world);
  const seen = new Set<number>();
  const typeIndex = (t: RelationshipType) => RELATIONSHIP_TYPES.indexOf(t);
  const NODE_BITS = 2 ** 24;
  const provenance = [{ source: `${GENERATOR_SOURCE} (seed ${world.options.seed})`, confidence: 1 }];
  const leads = new Uint8Array(world.counts.projects);
  let emitted = 0;

  const tryOne = (type: RelationshipType, attempt: number): RelationshipInput | null => {
    const c = propose[type](random, attempt);
    if (!c || c.from === c.to) return null;
    // COLLABORATES_WITH reads as undirected: a→b and b→a are the same link.
    const [x, y] = type === 'COLLABORATES_WITH' && c.from > c.to ? [c.to, c.from] : [c.from, c.to];
    const key = (typeIndex(type) * NODE_BITS + x) * NODE_BITS + y;
    if (seen.has(key)) return null;
    seen.add(key);
    const properties = { ...c.properties };
    if (c.project !== undefined) {
      properties.role = leads[c.project] ? (random.chance(0.05) ? random.pick(['client', 'provider']) : random.chance(0.4) ? 'partner' : 'participant') : 'lead';
      leads[c.project] = 1;
    }
    const rel: RelationshipInput = { type, from: nodeId(world, c.from), to: nodeId(world, c.to), properties, provenance };
    if (c.validFrom) rel.validFrom = c.validFrom;
    if (c.validTo) rel.validTo = c.validTo;
    return rel;
  };

  let carry = 0;
  for (const [type, share] of SHARES) {
    const last = type === 'PARTICIPATES_IN';
    const quota = last ? total - emitted : Math.floor(total * share) + carry;
    let made = 0;
    let attempt = 0;
    const budget = quota * 20 + 200;
    while (made < quota && attempt < budget) {
      const rel = tryOne(type, attempt++);
      if (rel) {
        made++;
        emitted++;
        yield rel;
      }
    }
    carry = quota - made;
  }
  // Whatever is still missing: collaborations and participations have the room.
  let failures = 0;
  while (emitted < total) {
    const rel = tryOne(random.chance(0.5) ? 'COLLABORATES_WITH' : 'PARTICIPATES_IN', 0);
    if (rel) {
      emitted++;
      failures = 0;
      yield rel;
    } else if (++failures > 100_000) {
      throw new GeneratorCapacityError(`cannot place ${total} distinct links among ${world.counts.actors} actors; ask for fewer links or more actors`);
    }
  }
}
