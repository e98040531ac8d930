// Text normalisation shared by every search implementation: lower case, no
// accents or diacritics (Vinaròs → vinaros, Algemesí → algemesi, l·l → ll).

export function foldText(value: string): string {
  return value
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/[·•]/g, '')
    .toLowerCase();
}

/** Splits folded text into search tokens (letters and digits). */
export function tokens(value: string): string[] {
  return foldText(value).split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}

/** A URL-safe slug for ids made from names: "Las Naves" → "las-naves". */
export function slugify(value: string): string {
  return tokens(value).join('-').slice(0, 80) || 'node';
}
