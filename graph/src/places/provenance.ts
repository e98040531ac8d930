import type { LevelRule } from '../levels/rules.ts';
import type { Level } from '../model/vocabulary.ts';
import type { GeocodeMethod } from './geocoder.ts';

// How derived facts are recorded. The provenance schema has no field for "this
// was inferred", so a derived fact is a provenance entry of its own with
// confidence < 1 (or 1 for an exact INE code) and a note that starts with a
// fixed phrase the UI recognises (web/src/panel/Facts.tsx):
//
//   place:  {source: 'graph/data/spain/municipalities.csv', quote: <CSV row>,
//            note: 'geocoded by ine-code: "8019" → Barcelona (08019)'}
//   level:  {source: 'inference:levels', confidence: 0.6,
//            note: 'level inferred: rule collaboration-spread → international (takes part in …)'}
//
// i.e. `inferred: true` is "note starts with `level inferred: rule `", followed by the rule name.

export const LEVEL_INFERENCE_SOURCE = 'inference:levels';
export const GEOCODED_PREFIX = 'geocoded by ';
export const LEVEL_PREFIX = 'level inferred: rule ';

export function geocodedNote(method: GeocodeMethod, given: string | undefined, outcome: string): string {
  return `${GEOCODED_PREFIX}${method}: ${given !== undefined ? `"${given}"` : '(given)'} → ${outcome}`;
}

export function levelNote(rule: LevelRule, level: Level, detail?: string): string {
  return `${LEVEL_PREFIX}${rule} → ${level}${detail ? ` (${detail})` : ''}`;
}

/** The rule or method a provenance list records for a node's level and place, if they were derived. */
export function derivations(provenance: Array<{ note?: string }>): { levelRule?: string; geocodedBy?: string } {
  const out: { levelRule?: string; geocodedBy?: string } = {};
  for (const p of provenance) {
    const note = p.note ?? '';
    if (note.startsWith(LEVEL_PREFIX)) out.levelRule = note.slice(LEVEL_PREFIX.length).split(/[\s:]/)[0];
    if (note.startsWith(GEOCODED_PREFIX)) out.geocodedBy = note.slice(GEOCODED_PREFIX.length).split(/[\s:]/)[0];
  }
  return out;
}
