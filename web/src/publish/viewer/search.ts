// Name search of the static viewer: accent- and case-insensitive, names that
// start with the query first, then names with a word starting with it, then
// any other match; shorter names first within a group.

export function normalise(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** Returns a function query → indices of the best matching names (at most `limit`). */
export function searchIndex(names: readonly string[]): (query: string, limit: number) => number[] {
  const folded = names.map(normalise);
  return (query, limit) => {
    const q = normalise(query.trim());
    if (!q) return [];
    const scored: Array<[number, number]> = [];
    folded.forEach((name, i) => {
      const at = name.indexOf(q);
      if (at < 0) return;
      const group = at === 0 ? 0 : /[\s\-(/.,'"]/.test(name[at - 1]) ? 1 : 2;
      scored.push([i, group * 10_000 + Math.min(name.length, 9_999)]);
    });
    scored.sort((a, b) => a[1] - b[1] || a[0] - b[0]);
    return scored.slice(0, limit).map(([i]) => i);
  };
}
