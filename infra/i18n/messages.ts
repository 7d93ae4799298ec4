import { IntlMessageFormat, type PrimitiveType } from 'intl-messageformat';
import { LOCALES, type Language } from './languages.ts';

/** One feature's messages: ICU MessageFormat strings by key, the same keys in every language. */
export type Catalogue<Keys extends string> = Record<Language, Record<Keys, string>>;

/** What a message may interpolate: plain values, formatted by the message's own rules. */
export type MessageValues = Record<string, PrimitiveType>;

/** Named formats a message can use, e.g. `{at, date, long}` or `{hours, number, hours}`; always in Oslo time. */
const FORMATS = {
  date: {
    long: { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Oslo' },
    full: { dateStyle: 'full', timeZone: 'Europe/Oslo' },
  },
  time: {
    short: { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Oslo' },
  },
  number: {
    hours: { minimumFractionDigits: 1, maximumFractionDigits: 1 },
  },
} as const;

/** Looks up and formats a message of a catalogue in one language. */
export type Translate<Keys extends string> = (language: Language, key: Keys, values?: MessageValues) => string;

/**
 * A translator over one catalogue. Each message is parsed once per language, on first use; the
 * catalogue's type makes a key missing in any language a type error.
 */
export function translator<Keys extends string>(catalogue: Catalogue<Keys>): Translate<Keys> {
  const parsed = new Map<string, IntlMessageFormat>();
  return (language, key, values) => {
    const id = `${language}\u0000${key}`;
    let format = parsed.get(id);
    if (!format) {
      format = new IntlMessageFormat(catalogue[language][key], LOCALES[language], FORMATS, { ignoreTag: true });
      parsed.set(id, format);
    }
    return String(format.format(values));
  };
}
