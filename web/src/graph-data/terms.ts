import type { T } from '../i18n/index.ts';

/** Translates a vocabulary term (`kind.university`, `level.local`, `type.FUNDS`…), or shows the raw value readably. */
export function term(t: T, group: string, value: string | undefined | null): string {
  if (value === undefined || value === null || value === '') return '—';
  const key = `${group}.${value}`;
  return t.has(key) ? t(key) : value.replace(/_/g, ' ');
}

/** Same for a legend entry key written `group.value`. */
export function termOfKey(t: T, key: string, params?: Record<string, string | number>): string {
  if (t.has(key)) return t(key, params);
  const dot = key.indexOf('.');
  return dot < 0 ? key : term(t, key.slice(0, dot), key.slice(dot + 1));
}
