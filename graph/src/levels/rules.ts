import type { Level } from '../model/vocabulary.ts';
import { foldText } from '../model/text.ts';

// The rules that give a node a level when its data has none, each with a name
// recorded in the node's provenance (see provenance.ts) so the UI can say
// "inferred" and why. An explicit level always wins; these only fill gaps.

export type LevelRule =
  | 'municipality-kind'
  | 'council-name'
  | 'regional-body-name'
  | 'national-body-name'
  | 'international-body-name'
  | 'foreign-place'
  | 'eu-programme'
  | 'participants-spread'
  | 'collaboration-spread';

export interface LevelInference {
  level: Level;
  rule: LevelRule;
  confidence: number;
  /** What the rule saw ("partners in 3 autonomous communities"). */
  detail?: string;
}

/** How sure each rule is: names and kinds say what a body is; spreads only what it does. */
export const RULE_CONFIDENCE: Record<LevelRule, number> = {
  'municipality-kind': 0.9,
  'council-name': 0.85,
  'regional-body-name': 0.85,
  'national-body-name': 0.85,
  'international-body-name': 0.85,
  'foreign-place': 0.8,
  'eu-programme': 0.9,
  'participants-spread': 0.7,
  'collaboration-spread': 0.6,
};

// Matched against the folded name (lower case, no accents). Order matters: a
// "Diputación" is regional although it is "de <province>", a ministry national.
const NAME_RULES: Array<{ rule: LevelRule; level: Level; pattern: RegExp }> = [
  {
    rule: 'international-body-name',
    level: 'international',
    pattern: /\b(european (commission|union|parliament|investment bank|research council|innovation council)|comision europea|comissio europea|commission europeenne|united nations|naciones unidas|nacions unides|unesco|unicef|oecd|ocde|world bank|banco mundial|council of europe|consejo de europa|world health organi[sz]ation|organizacion mundial)\b/,
  },
  {
    rule: 'national-body-name',
    level: 'national',
    pattern:
      /\b(ministerio|ministeri|ministry|ministerie|secretaria (general )?de estado|spanish government|government of spain|gobierno de espana|govern d espanya|agencia estatal|state agency|national agency|agencia nacional|instituto nacional|consejo superior de investigaciones cientificas|csic|instituto de salud carlos iii|health institute carlos iii|cdti|centro para el desarrollo tecnologico industrial|red es|administracion general del estado)\b/,
  },
  {
    rule: 'regional-body-name',
    level: 'regional',
    pattern:
      /\b(diputacion|diputacio|deputacion|foru aldundia|consell insular|consell comarcal|consell de mallorca|consell de menorca|consell d eivissa|cabildo|generalitat|junta de|xunta|gobierno de (aragon|canarias|cantabria|navarra|la rioja|castilla la mancha|extremadura|las illes balears|las islas baleares)|gobierno vasco|eusko jaurlaritza|govern de les illes balears|govern balear|principado de asturias|comunidad de madrid|region de murcia|comunidad autonoma|regional (government|ministry|council|agency)|conselleria|consejeria)\b/,
  },
  {
    rule: 'council-name',
    level: 'local',
    pattern: /\b(ayuntamiento|ajuntament|concello|udala|city council|town council|municipal council|city of|municipality of|town hall|municipio de|municipi de|concejo de)\b/,
  },
];

/** A level from an actor's name alone (its kind of body), or undefined. */
export function levelFromName(name: string): LevelInference | undefined {
  const folded = foldText(name).replace(/[^\p{L}\p{N}]+/gu, ' ');
  for (const { rule, level, pattern } of NAME_RULES) {
    const m = pattern.exec(folded);
    if (m) return { level, rule, confidence: RULE_CONFIDENCE[rule], detail: `name contains "${m[0]}"` };
  }
  return undefined;
}

const EU_PROGRAMME = /\b(h2020|horizon 2020|horizon europe|horizonte 2020|horizonte europa|fp7|fp6|erasmus|interreg|urbact|life programme|programa life|cost action|digital europe|connecting europe facility|eu funded|creative europe|cosme|eit)\b/;

/** The EU programme a project's name, tags or properties name, or undefined. */
export function euProgramme(texts: string[]): string | undefined {
  for (const text of texts) {
    const m = EU_PROGRAMME.exec(foldText(text).replace(/[^\p{L}\p{N}]+/gu, ' '));
    if (m) return m[0];
  }
  return undefined;
}

/** Where the partners of something are, as far as known. */
export interface Spread {
  /** Places of the parties: municipality INE code, region code and country (ES or other ISO code). */
  parties: Array<{ ineCode?: string; regionCode?: string; country?: string }>;
}

/**
 * The level a set of parties' places implies: any foreign → international;
 * several autonomous communities → national; all in one municipality → local;
 * all in one community → regional. Undefined when too little is known (a party
 * placed no finer than "Spain" leaves local vs regional open).
 */
export function levelFromSpread(spread: Spread): { level: Level; detail: string } | undefined {
  const { parties } = spread;
  if (!parties.length) return undefined;
  const foreign = [...new Set(parties.map((p) => p.country).filter((c): c is string => !!c && c !== 'ES'))];
  if (foreign.length) return { level: 'international', detail: `parties in ${foreign.slice(0, 5).join(', ')}${foreign.length > 5 ? '…' : ''}` };
  const regions = new Set(parties.map((p) => p.regionCode).filter(Boolean));
  if (regions.size > 1) return { level: 'national', detail: `parties in ${regions.size} autonomous communities` };
  if (parties.some((p) => !p.regionCode)) return undefined;
  const municipalities = new Set(parties.map((p) => p.ineCode));
  if (municipalities.size === 1 && !municipalities.has(undefined)) return { level: 'local', detail: `all ${parties.length} parties in one municipality` };
  return { level: 'regional', detail: `all ${parties.length} parties in one autonomous community` };
}
