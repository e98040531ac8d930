// i18n core: every UI string goes through t(key, params). Message modules live in
// ./messages/*.ts (core.ts by WEB-CORE, tools.ts by WEB-TOOLS…), each with a
// default export `{ es: {...}, ca: {...}, en: {...} }`; they are merged here.
// Placeholders are written {name}. When params.count is given, `key_one` /
// `key_other` are tried first (Intl plural rules of the language).
import { createContext, useContext, useMemo } from 'react';
import { LANGUAGES, type Language } from '../state/types.ts';

export type MessageTable = Record<string, string>;
export type MessageModule = Record<Language, MessageTable>;

const modules = import.meta.glob<{ default: MessageModule }>('./messages/*.ts', { eager: true });

export const messages: MessageModule = { es: {}, ca: {}, en: {} };
for (const mod of Object.values(modules)) {
  for (const lang of LANGUAGES) Object.assign(messages[lang], mod.default[lang] ?? {});
}

/** Fallback order when a key is missing in the chosen language. */
const FALLBACK: Language[] = ['en', 'es'];

export const LANGUAGE_NAMES: Record<Language, string> = { es: 'Español', ca: 'Català / Valencià', en: 'English' };
/** BCP 47 tags for Intl and <html lang>. */
export const LOCALES: Record<Language, string> = { es: 'es-ES', ca: 'ca-ES-valencia', en: 'en-GB' };

export type TParams = Record<string, string | number>;

function lookup(lang: Language, key: string): string | undefined {
  return messages[lang][key] ?? FALLBACK.map((l) => messages[l][key]).find((m) => m !== undefined);
}

const pluralRules = new Map<Language, Intl.PluralRules>();
function pluralOf(lang: Language, count: number): string {
  let rules = pluralRules.get(lang);
  if (!rules) pluralRules.set(lang, (rules = new Intl.PluralRules(LOCALES[lang])));
  return rules.select(count);
}

/** Translate outside React (legends, CSV headers…). Unknown keys come back as the key itself. */
export function translate(lang: Language, key: string, params?: TParams): string {
  let template: string | undefined;
  if (params && typeof params.count === 'number') {
    template = lookup(lang, `${key}_${pluralOf(lang, params.count)}`) ?? lookup(lang, `${key}_other`);
  }
  template ??= lookup(lang, key);
  if (template === undefined) return key;
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    return typeof value === 'number' ? formatNumber(lang, value) : value;
  });
}

export function formatNumber(lang: Language, value: number, options?: Intl.NumberFormatOptions): string {
  return new Intl.NumberFormat(LOCALES[lang], options).format(value);
}

/** Formats an ISO day or timestamp for people; returns the input when it is not a date. */
export function formatDate(lang: Language, iso: string): string {
  const d = new Date(iso.length === 10 ? `${iso}T00:00:00Z` : iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(LOCALES[lang], iso.length === 10 ? { dateStyle: 'medium', timeZone: 'UTC' } : { dateStyle: 'medium', timeStyle: 'short' }).format(d);
}

export interface T {
  (key: string, params?: TParams): string;
  lang: Language;
  /** True when some message module defines the key (to choose between a label and a raw value). */
  has(key: string): boolean;
  formatNumber(value: number, options?: Intl.NumberFormatOptions): string;
  formatDate(iso: string): string;
}

export const LanguageContext = createContext<Language>('es');

export function makeT(lang: Language): T {
  const t = ((key: string, params?: TParams) => translate(lang, key, params)) as T;
  t.lang = lang;
  t.has = (key) => lookup(lang, key) !== undefined;
  t.formatNumber = (value, options) => formatNumber(lang, value, options);
  t.formatDate = (iso) => formatDate(lang, iso);
  return t;
}

/** The translate function for the current language (set by <LanguageContext.Provider> in App). */
export function useT(): T {
  const lang = useContext(LanguageContext);
  return useMemo(() => makeT(lang), [lang]);
}
