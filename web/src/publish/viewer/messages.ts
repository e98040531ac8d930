// Translations for the static viewer: the app's own vocabulary (labels,
// kinds, levels: messages/core.ts) and the publishing strings
// (messages/publish.ts), imported directly — the viewer has no React.
import type { AtlasLanguage } from '@atlas/graph/publish/atlas-format.ts';
import core from '../../i18n/messages/core.ts';
import publish from '../../i18n/messages/publish.ts';

export type Translate = (key: string, params?: Record<string, string | number>) => string;

/** key → text in `lang` (then English, then Spanish); unknown kinds are humanised. */
export function makeTranslator(lang: AtlasLanguage): Translate {
  const tables = [publish[lang], core[lang], publish.en, core.en, core.es];
  return (key, params) => {
    let text = tables.map((table) => table[key]).find((v) => v !== undefined);
    if (text === undefined) {
      const value = key.split('.').slice(1).join('.');
      text = value ? value.charAt(0).toUpperCase() + value.slice(1).replace(/_/g, ' ') : key;
    }
    return params ? text.replace(/\{(\w+)\}/g, (whole, name: string) => (params[name] === undefined ? whole : String(params[name]))) : text;
  };
}
