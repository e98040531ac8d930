import { isIsoDay } from '../model/dates.ts';

// Cells as people write them, turned into the values the model wants. Each
// function returns the value and, when it had to change what was written, the
// rule it applied (reported as a warning by the import, never silently).

/** Non-breaking and zero-width spaces are spaces; the value is trimmed. */
export function cleanCell(value: string): string {
  return value.replace(/[\u00a0\u2007\u202f\u2000-\u200a]/g, ' ').replace(/[\u200b-\u200d\u2060\ufeff]/g, '').trim();
}

/** Names: runs of spaces become one (`Universidad  de Sevilla`). */
export function cleanName(value: string): string {
  return value.replace(/\s+/g, ' ');
}

const HOST = /^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}(?::\d+)?(?:[/?#]\S*)?$/i;

export interface WebsitesCoercion {
  /** The first usable URL, or undefined when none is. */
  website?: string;
  /** Every usable URL of the cell, in order. */
  all: string[];
  rule?: 'several-urls' | 'scheme-added';
}

/** `http://www.cunef.eu ; www.aebanca.es` → the first as website, both in the list; a bare `www.x.es` gets https://. */
export function coerceWebsites(cell: string): WebsitesCoercion {
  const parts = cell.split(/[\s;,|]+/).map((p) => p.replace(/^[<(["']+|[>)\]"'.]+$/g, '')).filter(Boolean);
  const all: string[] = [];
  let schemeAdded = false;
  for (const part of parts) {
    if (/^https?:\/\//i.test(part)) all.push(part);
    else if (HOST.test(part) && !part.includes('@')) {
      all.push(`https://${part}`);
      schemeAdded = true;
    }
  }
  if (!all.length) return { all };
  const rule = all.length > 1 ? 'several-urls' : schemeAdded ? 'scheme-added' : undefined;
  return { website: all[0], all, ...(rule && { rule }) };
}

export interface DayCoercion {
  day?: string;
  rule?: 'day-month-year' | 'month-day-year' | 'year' | 'year-month' | 'date-time';
}

const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/**
 * A day as YYYY-MM-DD from `dd/mm/yyyy` (also `-` or `.`; `mm/dd` only when
 * the day cannot be a month), `yyyy`, `yyyy-mm`, `mm/yyyy` or an ISO date-time.
 * A year or month alone stands for its first day, or its last when `end`.
 */
export function coerceDay(cell: string, end: boolean): DayCoercion {
  const t = cell.trim();
  if (isIsoDay(t)) return { day: t };
  let m = /^(\d{4}-\d{2}-\d{2})[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/.exec(t);
  if (m && isIsoDay(m[1])) return { day: m[1], rule: 'date-time' };
  m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t);
  if (m) {
    const [a, b, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const dmy = `${y}-${pad(b)}-${pad(a)}`;
    if (isIsoDay(dmy)) return { day: dmy, rule: 'day-month-year' };
    const mdy = `${y}-${pad(a)}-${pad(b)}`;
    if (isIsoDay(mdy)) return { day: mdy, rule: 'month-day-year' };
    return {};
  }
  const ym = /^(\d{4})[/-](\d{1,2})$/.exec(t);
  const my = /^(\d{1,2})[/-](\d{4})$/.exec(t);
  if (ym || my) {
    const year = Number(ym ? ym[1] : my![2]);
    const month = Number(ym ? ym[2] : my![1]);
    if (month < 1 || month > 12) return {};
    return { day: `${year}-${pad(month)}-${pad(end ? lastDay(year, month) : 1)}`, rule: 'year-month' };
  }
  m = /^(\d{4})(?:\.0+)?$/.exec(t);
  if (m && Number(m[1]) >= 1000) return { day: end ? `${m[1]}-12-31` : `${m[1]}-01-01`, rule: 'year' };
  return {};
}

export interface CodeCoercion {
  code?: string;
  rule?: 'leading-zero-restored' | 'check-digit-dropped';
}

/**
 * An INE code as the model wants it (2 digits for a province or region, 5 for
 * a municipality) from what spreadsheets make of it: the leading zero lost
 * (`8019` for 08019), a trailing `.0`, or the 6-digit form with INE's check digit.
 */
export function coerceIneCode(cell: string, digits: 2 | 5 | 'any'): CodeCoercion {
  const t = cell.trim().replace(/\.0+$/, '');
  if (!/^\d{1,6}$/.test(t)) return {};
  const want = digits === 'any' ? (t.length <= 2 ? 2 : 5) : digits;
  if (t.length === want) return { code: t };
  if (t.length === want - 1) return { code: t.padStart(want, '0'), rule: 'leading-zero-restored' };
  if (want === 5 && t.length === 6) return { code: t.slice(0, 5), rule: 'check-digit-dropped' };
  return {};
}

/** A Spanish postcode: 5 digits, the lost leading zero restored. */
export function coercePostcode(cell: string): CodeCoercion {
  const t = cell.trim().replace(/\.0+$/, '');
  if (/^\d{5}$/.test(t)) return { code: t };
  if (/^\d{4}$/.test(t)) return { code: `0${t}`, rule: 'leading-zero-restored' };
  return {};
}
