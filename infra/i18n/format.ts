import { LOCALES, type Language } from './languages.ts';

const OSLO = 'Europe/Oslo';

/** "fredag 6. mars 2026 kl. 18:00": a session or meeting, in Norwegian time wherever the server runs. */
export function formatDateTime(date: Date, language: Language): string {
  return date.toLocaleString(LOCALES[language], { dateStyle: 'full', timeStyle: 'short', timeZone: OSLO });
}

/** "6. mars 2026". */
export function formatDate(date: Date, language: Language): string {
  return date.toLocaleDateString(LOCALES[language], { day: 'numeric', month: 'long', year: 'numeric', timeZone: OSLO });
}

/** "mars 2026": a calendar month given as `YYYY-MM`. */
export function formatMonth(month: string, language: Language): string {
  return new Date(`${month}-15T12:00:00Z`).toLocaleDateString(LOCALES[language], { month: 'long', year: 'numeric', timeZone: 'UTC' });
}

/** A number with the language's grouping and decimal mark, e.g. "11 905,5". */
export function formatNumber(value: number, language: Language, options: Intl.NumberFormatOptions = {}): string {
  return new Intl.NumberFormat(LOCALES[language], options).format(value);
}

/** "Aktivitetshusene, Kafeen og Sterk og stødig": names joined as running text with the language's "og" or "and". */
export function formatList(items: readonly string[], language: Language): string {
  return new Intl.ListFormat(LOCALES[language], { style: 'long', type: 'conjunction' }).format(items);
}
