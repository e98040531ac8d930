import { foldText } from '../model/text.ts';
import { findMunicipalityByName, findProvinceByName, findRegionByName, geocode, type GeocodeResult } from './geocoder.ts';

// Where a public body or university is, from its name, when the row says no
// more than the country: "Ayuntamiento de Madrid", "Ajuntament de València",
// "Diputación de Badajoz", "Universidad de Las Palmas de Gran Canaria",
// "UNIVERSITAT POLITECNICA DE CATALUNYA", "Junta de Andalucía", "City of
// Barcelona". Only names that start like a body tied to a territory are read
// and only an unambiguous municipality, province or region is taken; the
// result is recorded as geocoded by `actor-name` with a lower confidence.

type Tier = 'municipality' | 'province' | 'region';

const pattern = (words: string[]) => new RegExp(`^(?:excm[oa]\\.?\\s+|ilm[oa]\\.?\\s+)?(?:${words.join('|')})\\b`, 'i');

/** Bodies by the territory their name names first (a council's "de Madrid" is the city, a regional government's the region). */
const BODIES: Array<[Tier, RegExp]> = [
  ['municipality', pattern([
    'ayuntamiento', 'ajuntament', 'concello', 'ayto\\.?', 'udala', 'city council', 'city', 'town council', 'municipality', 'municipio', 'municipi',
    'universidad(?:e)?(?: polit[eé]cnica| aut[oó]noma| p[uú]blica| complutense| nacional)?', 'universitat(?: polit[eè]cnica| aut[oò]noma| p[uú]blica)?',
    'university', 'mancomunidad', 'mancomunitat', '[aà]rea metropolitana', 'consorcio', 'consorci',
  ])],
  ['province', pattern(['diputaci[oó]n(?: provincial| foral)?', 'diputaci[oó]', 'cabildo(?: insular)?', 'consell insular', 'provincial council'])],
  ['region', pattern([
    'junta', 'xunta', 'generalitat', 'gobierno', 'govern', 'goberno', 'comunidad aut[oó]noma', 'comunidad', 'comunitat', 'principado',
    'regi[oó]n', 'parlamento', 'parlament', 'regional government',
  ])],
];

/** The territory a body's name names, tried from the first "de/d'/of/do" on, e.g. "Las Palmas de Gran Canaria" before "Gran Canaria". */
function tails(name: string): string[] {
  const words = name.replace(/\s+/g, ' ').trim();
  const out: string[] = [];
  const re = /\b(?:de(?:l| la| las| los| les| l')?|d'|d’|of(?: the)?|do|da|dos)\s+|\s+-\s+/gi;
  let m: RegExpExecArray | null;
  while ((m = re.exec(words))) out.push(words.slice(m.index + m[0].length).replace(/[.,;]+$/, '').trim());
  // "Generalitat Valenciana", "Gobierno Vasco", "Barcelona City Council"
  const adjective = /^(?:generalitat|gobierno|govern|xunta|junta)\s+(.+)$/i.exec(words)?.[1];
  if (adjective) out.push(adjective);
  return out.flatMap((t) => (t.includes('/') ? [t, t.split('/')[0].trim()] : [t])).filter((t) => t.length >= 3);
}

const REGION_ADJECTIVES: Record<string, string> = { valenciana: 'Comunitat Valenciana', vasco: 'País Vasco', catalunya: 'Cataluña', canarias: 'Canarias' };

/** The place an actor's name gives away, or undefined. */
export function placeFromActorName(name: string): GeocodeResult | undefined {
  const trimmed = name.trim();
  const body = BODIES.find(([, re]) => re.test(trimmed));
  if (!body) {
    const council = /^(.+?)\s+(?:city|town|municipal)\s+council$/i.exec(trimmed);
    return council ? fromTerritory(council[1], 'municipality') : undefined;
  }
  for (const tail of tails(trimmed)) {
    const hit = fromTerritory(tail, body[0]);
    if (hit) return hit;
  }
  return undefined;
}

function fromTerritory(text: string, first: Tier): GeocodeResult | undefined {
  const t = text.trim();
  const finders: Record<Tier, () => GeocodeResult | undefined> = {
    municipality: () => {
      const m = findMunicipalityByName(t).municipality;
      return m ? named(geocode({ ineCode: m.ineCode })) : undefined;
    },
    province: () => {
      const p = findProvinceByName(t);
      return p ? named(geocode({ provinceCode: p.code, country: 'ES' })) : undefined;
    },
    region: () => {
      const r = findRegionByName(REGION_ADJECTIVES[foldText(t)] ?? t);
      return r ? named(geocode({ regionCode: r.code, country: 'ES' })) : undefined;
    },
  };
  const order: Tier[] = first === 'municipality' ? ['municipality', 'region', 'province'] : first === 'province' ? ['province', 'municipality'] : ['region'];
  for (const tier of order) {
    const hit = finders[tier]();
    if (hit) return hit;
  }
  return undefined;
}

function named(result: GeocodeResult): GeocodeResult | undefined {
  if (result.precision === 'none' || result.precision === 'country') return undefined;
  return { ...result, method: 'actor-name' };
}
