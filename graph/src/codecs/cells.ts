// How list, number, boolean and JSON values are written in one CSV cell.
// Shared by the CSV import and export so that a round trip is exact.

/** `a;b;c` (Kumu also writes `a|b|c`); a JSON array when an item itself holds a separator. */
export function parseList(cell: string, separators: RegExp = /;/): string[] {
  const t = cell.trim();
  if (t.startsWith('[') && t.endsWith(']')) {
    try {
      const parsed: unknown = JSON.parse(t);
      if (Array.isArray(parsed) && parsed.every((x) => typeof x === 'string')) return parsed;
    } catch {
      // not JSON: an ordinary list that happens to start with "["
    }
  }
  return t
    .split(separators)
    .map((x) => x.trim())
    .filter(Boolean);
}

export function formatList(items: readonly string[] | undefined): string {
  if (!items?.length) return '';
  const plain = items.every((x) => x !== '' && !x.includes(';') && x === x.trim()) && !items[0].startsWith('[');
  return plain ? items.join(';') : JSON.stringify(items);
}

/** A finite number written with a dot or a decimal comma, or undefined when the cell is not one. */
export function parseNumber(cell: string): number | undefined {
  const t = cell.trim().replace(/^(-?\d+),(\d+)$/, '$1.$2');
  if (!/^-?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(t)) return undefined;
  const n = Number(t);
  return Number.isFinite(n) ? n : undefined;
}

const TRUE = new Set(['true', 'yes', 'y', '1', 'sí', 'si', 'sì', 'x']);
const FALSE = new Set(['false', 'no', 'n', '0']);

export function parseBoolean(cell: string): boolean | undefined {
  const t = cell.trim().toLowerCase();
  if (TRUE.has(t)) return true;
  if (FALSE.has(t)) return false;
  return undefined;
}

export function parseJson(cell: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(cell) };
  } catch {
    return { ok: false };
  }
}
