import { COUNTRY_CODE_ALIASES } from './aliases.ts';
import { placeKey } from './names.ts';

// Countries by ISO 3166-1 alpha-2 code or by name in the languages imports come
// in. Names come from the runtime's ICU data (Intl.DisplayNames), so there is
// no table to keep up to date.

const LOCALES = ['en', 'es', 'ca', 'gl', 'eu', 'fr', 'de', 'it', 'pt', 'nl'];
const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
/** Codes ICU names that are no (current) country; EU and UN stay: bodies of theirs are international. */
const NOT_COUNTRIES = new Set(['ZZ', 'QO', 'DD', 'SU', 'YU', 'CS', 'ZR', 'TP', 'BU', 'FX', 'NT', 'AN', 'YD', 'QU']);

let byKey: Map<string, string> | undefined;

function index(): Map<string, string> {
  if (byKey) return byKey;
  byKey = new Map();
  const names = LOCALES.map((l) => new Intl.DisplayNames([l], { type: 'region', fallback: 'none' }));
  const english = names[0];
  for (const a of LETTERS)
    for (const b of LETTERS) {
      const code = a + b;
      // A code ICU does not know has no English name: not a country.
      if (!english.of(code) || NOT_COUNTRIES.has(code)) continue;
      for (const dn of names) {
        const name = dn.of(code);
        if (name) {
          const key = placeKey(name);
          if (!byKey.has(key)) byKey.set(key, code);
        }
      }
    }
  for (const [k, code] of Object.entries({ 'united kingdom': 'GB', 'great britain': 'GB', 'england': 'GB', 'scotland': 'GB', 'wales': 'GB', usa: 'US', 'estados unidos': 'US', 'holland': 'NL', 'espanya': 'ES', 'espainia': 'ES' }))
    byKey.set(k, code);
  return byKey;
}

/** ISO 3166-1 alpha-2 code of a country given by code (UK/EL too) or name; undefined when unknown. */
export function countryCode(value: string): string | undefined {
  const raw = value.trim();
  if (/^[A-Za-z]{2}$/.test(raw)) {
    const code = raw.toUpperCase();
    const mapped = COUNTRY_CODE_ALIASES[code] ?? code;
    return !NOT_COUNTRIES.has(mapped) && new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' }).of(mapped) ? mapped : undefined;
  }
  return index().get(placeKey(raw));
}

/** The country's English name (for reports and the search). */
export function countryName(code: string, locale = 'en'): string {
  return new Intl.DisplayNames([locale], { type: 'region', fallback: 'code' }).of(code) ?? code;
}
