import { ACTOR_KINDS, LEVELS, PROJECT_KINDS, slugify, type NodeInput } from '@atlas/graph';
import { Random } from './random.ts';
import { ADJECTIVES, COMPANY_SUFFIXES, FOREIGN, METHODS, NOUNS, SURNAMES, SYLLABLES, TOPICS } from './words.ts';
import { dayDate, monthDate, type World } from './world.ts';

export const GENERATOR_SOURCE = 'synthetic generator';

const pad = (i: number) => String(i + 1).padStart(6, '0');

/** Stable ids by position: gen-actor-000001, gen-project-000001, …, gen-place-province-28. */
export function nodeId(world: World, index: number): string {
  const o = world.offsets;
  if (index < o.projects) return `gen-actor-${pad(index)}`;
  if (index < o.practices) return `gen-project-${pad(index - o.projects)}`;
  if (index < o.events) return `gen-practice-${pad(index - o.practices)}`;
  if (index < o.topics) return `gen-event-${pad(index - o.events)}`;
  if (index < o.regions) return `gen-topic-${slugify(TOPICS[index - o.topics])}`;
  if (index < o.provinces) return `gen-place-region-${world.regions[index - o.regions].code}`;
  return `gen-place-province-${world.provinces[index - o.provinces].code}`;
}

function word(random: Random): string {
  const n = random.between(2, 3);
  let w = '';
  for (let i = 0; i < n; i++) w += random.pick(SYLLABLES);
  return w[0].toUpperCase() + w.slice(1);
}

function actorName(kind: string, random: Random, city: string, province: string, region: string): string {
  switch (kind) {
    case 'municipality':
      return `Ayuntamiento de ${city}`;
    case 'university':
      return `Universidad ${random.pick(ADJECTIVES)} de ${province}`;
    case 'research_centre':
      return `Centro de Investigación ${word(random)} (${province})`;
    case 'company':
      return `${word(random)} ${random.pick(NOUNS)} ${random.pick(COMPANY_SUFFIXES)}`;
    case 'startup':
      return `${word(random)}${random.pick(['Lab', 'Tech', 'Hub', 'io', 'Data'])}`;
    case 'ngo':
      return `Asociación ${random.pick(NOUNS)} ${random.pick(ADJECTIVES)} de ${city}`;
    case 'foundation':
      return `Fundación ${random.pick(SURNAMES)} ${random.pick(SURNAMES)}`;
    case 'public_body':
      return `Agencia ${random.pick(ADJECTIVES)} de ${random.pick(TOPICS)} de ${region}`;
    case 'lab':
      return `${city} ${random.pick(['Lab', 'LabCiudadano', 'Living Lab', 'MediaLab'])}`;
    case 'network':
      return `Red ${random.pick(ADJECTIVES)} de ${random.pick(NOUNS)}`;
    case 'citizen_group':
      return `Colectivo ${random.pick(NOUNS)} ${city}`;
    default:
      return `Clúster ${random.pick(NOUNS)} ${region}`;
  }
}

/** Every node of the ecosystem, in id order per label; deterministic by seed. */
export function* generateNodes(world: World): Generator<NodeInput> {
  const random = new Random(`${world.options.seed}:nodes`);
  const provenance = [{ source: `${GENERATOR_SOURCE} (seed ${world.options.seed})`, confidence: 1 }];
  const topicSlug = (k: number) => slugify(TOPICS[k]);

  for (let i = 0; i < world.counts.actors; i++) {
    const kind = ACTOR_KINDS[world.actorKind[i]];
    const p = world.actorProvince[i];
    const tags = ['synthetic', topicSlug(world.topics.sample(random)), topicSlug(world.topics.sample(random))];
    let node: NodeInput;
    if (p < 0) {
      const f = FOREIGN[world.actorForeign[i]];
      node = {
        id: nodeId(world, i),
        label: 'Actor',
        name: actorName(kind, random, f.city, f.city, f.country),
        kind,
        level: LEVELS[world.actorLevel[i]],
        place: { country: f.country, municipality: f.city },
        lat: f.lat,
        lon: f.lon,
        tags: [...new Set(tags)],
        provenance,
      };
    } else {
      const province = world.provinces[p];
      const m = world.municipalities.get(province.code)![world.actorMunicipality[i]];
      const city = m.name.split('/')[0];
      node = {
        id: nodeId(world, i),
        label: 'Actor',
        name: actorName(kind, random, city, province.name.split('/')[0], province.region),
        kind,
        level: LEVELS[world.actorLevel[i]],
        place: {
          country: 'ES',
          region: province.region,
          province: province.name,
          municipality: m.name,
          ineCode: m.ineCode,
          provinceCode: province.code,
          regionCode: province.regionCode,
        },
        lat: Math.round((m.lat + (random.next() - 0.5) * 0.02) * 1e6) / 1e6,
        lon: Math.round((m.lon + (random.next() - 0.5) * 0.02) * 1e6) / 1e6,
        tags: [...new Set(tags)],
        provenance,
      };
    }
    if (world.actorFounded[i]) node.validFrom = `${world.actorFounded[i]}-01-01`;
    yield node;
  }

  for (let j = 0; j < world.counts.projects; j++) {
    const start = world.projectStart[j];
    const end = start + world.projectMonths[j];
    const topic = TOPICS[world.topics.sample(random)];
    yield {
      id: nodeId(world, world.offsets.projects + j),
      label: 'Project',
      name: `${word(random).toUpperCase()} – ${topic}`,
      kind: PROJECT_KINDS[world.projectKind[j]],
      description: `A ${PROJECT_KINDS[world.projectKind[j]]} on ${topic.toLowerCase()} led from ${world.provinces[world.projectProvince[j]].name}.`,
      startDate: monthDate(start),
      endDate: monthDate(end),
      status: end < 25 * 12 + 6 ? 'closed' : 'ongoing',
      tags: ['synthetic', slugify(topic)],
      provenance,
    };
  }

  for (let k = 0; k < world.counts.practices; k++) {
    const method = random.pick(METHODS);
    const topic = TOPICS[world.topics.sample(random)];
    yield {
      id: nodeId(world, world.offsets.practices + k),
      label: 'Practice',
      name: `${method[0].toUpperCase()}${method.slice(1)} for ${topic.toLowerCase()} #${k + 1}`,
      summary: `Applying ${method} to ${topic.toLowerCase()}.`,
      methods: [method],
      transferable: random.chance(0.7),
      tags: ['synthetic', slugify(topic)],
      provenance,
    };
  }

  for (let k = 0; k < world.counts.events; k++) {
    const p = world.provinces[world.eventProvince[k]];
    const date = dayDate(world.eventDay[k]);
    const topic = TOPICS[world.topics.sample(random)];
    yield {
      id: nodeId(world, world.offsets.events + k),
      label: 'Event',
      name: `${topic} ${random.pick(['Forum', 'Meetup', 'Summit', 'Jornada', 'Workshop'])} ${date.slice(0, 4)} ${p.name.split('/')[0]}`,
      kind: random.pick(['conference', 'workshop', 'meeting', 'training'] as const),
      date,
      validFrom: date,
      validTo: date,
      place: { country: 'ES', region: p.region, province: p.name, provinceCode: p.code, regionCode: p.regionCode },
      tags: ['synthetic', slugify(topic)],
      provenance,
    };
  }

  for (let k = 0; k < world.counts.topics; k++) {
    yield { id: nodeId(world, world.offsets.topics + k), label: 'Topic', name: TOPICS[k], tags: ['synthetic'], provenance };
  }
  for (const [k, r] of world.regions.entries()) {
    yield {
      id: nodeId(world, world.offsets.regions + k),
      label: 'Place',
      kind: 'region',
      name: r.name,
      code: r.code,
      lat: r.lat,
      lon: r.lon,
      place: { country: 'ES', region: r.name, regionCode: r.code },
      tags: ['synthetic'],
      provenance,
    };
  }
  for (const [k, p] of world.provinces.entries()) {
    yield {
      id: nodeId(world, world.offsets.provinces + k),
      label: 'Place',
      kind: 'province',
      name: p.name,
      code: p.code,
      lat: p.lat,
      lon: p.lon,
      place: { country: 'ES', region: p.region, province: p.name, provinceCode: p.code, regionCode: p.regionCode },
      tags: ['synthetic'],
      provenance,
    };
  }
}
