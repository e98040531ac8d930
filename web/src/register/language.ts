import { LANGUAGES, type Language } from '../state/types.ts';

/** ?lang= first, then the browser's language (ca/va → ca, en → en), Spanish otherwise. */
export function initialLanguage(search: string, browser: string | undefined): Language {
  const asked = new URLSearchParams(search).get('lang');
  if (asked && (LANGUAGES as readonly string[]).includes(asked)) return asked as Language;
  const b = (browser ?? '').toLowerCase();
  if (b.startsWith('ca') || b.startsWith('va')) return 'ca';
  if (b.startsWith('en')) return 'en';
  return 'es';
}
