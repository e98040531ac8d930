import { foldText } from '../model/text.ts';

// How place names are compared: folded (case, accents, punctuation), with a
// leading article optional and an article moved to the end put back in front
// ("Palmas de Gran Canaria, Las" = "Las Palmas de Gran Canaria",
// "Hospitalet de Llobregat, L'" = "L'Hospitalet de Llobregat"), and each side of
// a bilingual "Donostia/San Sebastián" name a name of its own.

/** Articles of Spanish, Catalan, Galician and English that may open a place name. */
const ARTICLES = new Set(['el', 'la', 'los', 'las', 'l', 'lo', 'els', 'les', 'es', 'sa', 'ses', 's', 'o', 'a', 'os', 'as', 'the']);

/** "X, Las" / "X, L'" / "Madrid, Comunidad de" → "Las X" / "L'X" / "Comunidad de Madrid"; other commas stay. */
export function unmoveArticle(name: string): string {
  const m = /^(.*\S)\s*,\s*([^,]{1,40})$/u.exec(name.trim());
  if (!m) return name.trim();
  const tail = m[2].trim();
  const words = foldText(tail).split(/[\s']+/).filter(Boolean);
  const moved = words.length > 0 && words.length <= 3 && (ARTICLES.has(words[0]) || /^(de|del|d)$/.test(words[words.length - 1]) || /['’]$/.test(tail));
  if (!moved) return name.trim();
  return /['’]$/.test(tail) ? `${tail}${m[1]}` : `${tail} ${m[1]}`;
}

/** The comparable form of a name: folded, apostrophes and punctuation as spaces, one space between words. */
export function placeKey(name: string): string {
  return foldText(unmoveArticle(name))
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** The key without its leading article ("la coruna" → "coruna"); the key itself when it has none. */
export function looseKey(key: string): string {
  const space = key.indexOf(' ');
  return space > 0 && ARTICLES.has(key.slice(0, space)) ? key.slice(space + 1) : key;
}

/** Each name a written name stands for: the whole and each side of a "/" (bilingual forms). */
export function nameForms(name: string): string[] {
  const forms = new Set<string>();
  const whole = placeKey(name);
  if (whole) forms.add(whole);
  if (name.includes('/')) {
    for (const part of name.split('/')) {
      const key = placeKey(part);
      if (key) forms.add(key);
    }
  }
  return [...forms];
}

/** The sides of a hyphenated bilingual name ("Vitoria-Gasteiz", "Arrasate-Mondragón"): looser forms, tried last. */
export function hyphenForms(name: string): string[] {
  if (!/[-‐]/.test(name)) return [];
  return name
    .split(/\s*[-‐/]\s*/)
    .map(placeKey)
    .filter((k) => k.length > 3);
}
