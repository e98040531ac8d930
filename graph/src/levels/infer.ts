import type { PlaceRef } from '../model/schemas.ts';
import { SHARED_ITEM_TYPES, type Level } from '../model/vocabulary.ts';
import { euProgramme, levelFromName, levelFromSpread, RULE_CONFIDENCE, type LevelInference, type Spread } from './rules.ts';

// Level inference over an import batch: projects first (an EU programme, else
// where their participants are), then actors (foreign place, kind, name, else
// the spread of their collaborations, which includes the level of the
// projects they share). Participants already in the store count too (merge).

export interface LevelSubject {
  id: string;
  label: string;
  name: string;
  kind?: string;
  level?: string;
  place?: PlaceRef;
  tags?: string[];
  properties?: Record<string, unknown>;
}

export interface LevelLink {
  type: string;
  from: string;
  to: string;
}

/** Kinds whose name says what body they are (a "University of X" says nothing by "of"). */
const NAMED_BODY_KINDS = new Set([undefined, 'public_body', 'municipality', 'other', 'network']);
const SHARED = new Set<string>(SHARED_ITEM_TYPES);

function partyOf(node: LevelSubject | undefined): Spread['parties'][number] | undefined {
  const p = node?.place;
  if (!p) return undefined;
  if (!p.country && !p.regionCode && !p.ineCode) return undefined;
  return { ineCode: p.ineCode?.length === 5 ? p.ineCode : undefined, regionCode: p.regionCode, country: p.country ?? (p.regionCode ? 'ES' : undefined) };
}

function texts(node: LevelSubject): string[] {
  const values = Object.values(node.properties ?? {}).filter((v): v is string => typeof v === 'string');
  return [node.name, ...(node.tags ?? []), ...values];
}

/**
 * Levels for the subjects that have none (in the batch nor, for `existing`
 * ones, in the store). `others` holds store nodes the links reach.
 */
export function inferLevels(subjects: LevelSubject[], links: LevelLink[], others: Map<string, LevelSubject>): Map<string, LevelInference> {
  const byId = new Map<string, LevelSubject>(others);
  for (const s of subjects) byId.set(s.id, s);
  const itemsOf = new Map<string, Set<string>>();
  const partiesOf = new Map<string, Set<string>>();
  const collaborators = new Map<string, Set<string>>();
  const push = (map: Map<string, Set<string>>, k: string, v: string) => (map.get(k) ?? map.set(k, new Set()).get(k)!).add(v);
  for (const l of links) {
    if (SHARED.has(l.type)) (push(itemsOf, l.from, l.to), push(partiesOf, l.to, l.from));
    else if (l.type === 'COLLABORATES_WITH') (push(collaborators, l.from, l.to), push(collaborators, l.to, l.from));
  }

  const result = new Map<string, LevelInference>();
  const levelOf = (id: string): string | undefined => byId.get(id)?.level ?? result.get(id)?.level;
  const needs = (s: LevelSubject) => !s.level && !others.get(s.id)?.level;

  for (const s of subjects) {
    if (s.label !== 'Project' || !needs(s)) continue;
    const programme = euProgramme(texts(s));
    if (programme) {
      result.set(s.id, { level: 'international', rule: 'eu-programme', confidence: RULE_CONFIDENCE['eu-programme'], detail: `EU programme "${programme}"` });
      continue;
    }
    const parties = [...(partiesOf.get(s.id) ?? [])].map((id) => partyOf(byId.get(id)));
    // Every participant must be placed for local/regional; national or international need only some.
    const spread = levelFromSpread({ parties: parties.filter((p) => p !== undefined) });
    if (spread && (parties.every(Boolean) || spread.level === 'national' || spread.level === 'international'))
      result.set(s.id, { level: spread.level, rule: 'participants-spread', confidence: RULE_CONFIDENCE['participants-spread'], detail: spread.detail });
  }

  for (const s of subjects) {
    if (s.label !== 'Actor' || !needs(s)) continue;
    const own = partyOf(s);
    if (own?.country && own.country !== 'ES') {
      result.set(s.id, { level: 'international', rule: 'foreign-place', confidence: RULE_CONFIDENCE['foreign-place'], detail: `country ${own.country}` });
      continue;
    }
    if (s.kind === 'municipality') {
      result.set(s.id, { level: 'local', rule: 'municipality-kind', confidence: RULE_CONFIDENCE['municipality-kind'], detail: 'kind municipality' });
      continue;
    }
    const named = NAMED_BODY_KINDS.has(s.kind) ? levelFromName(s.name) : undefined;
    if (named) {
      result.set(s.id, named);
      continue;
    }
    const items = [...(itemsOf.get(s.id) ?? [])];
    const international = items.find((id) => levelOf(id) === 'international');
    if (international) {
      const name = byId.get(international)?.name ?? international;
      result.set(s.id, { level: 'international', rule: 'collaboration-spread', confidence: RULE_CONFIDENCE['collaboration-spread'], detail: `takes part in international "${name}"` });
      continue;
    }
    const partners = new Set<string>(collaborators.get(s.id) ?? []);
    for (const item of items) for (const p of partiesOf.get(item) ?? []) if (p !== s.id) partners.add(p);
    if (!partners.size) continue;
    const parties = [s.id, ...partners].map((id) => partyOf(byId.get(id)));
    const spread = levelFromSpread({ parties: parties.filter((p) => p !== undefined) });
    if (spread && (parties.every(Boolean) || spread.level === 'national' || spread.level === 'international'))
      result.set(s.id, { level: spread.level as Level, rule: 'collaboration-spread', confidence: RULE_CONFIDENCE['collaboration-spread'], detail: spread.detail });
  }
  return result;
}
