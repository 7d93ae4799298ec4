/** The written languages of the product: bokmål, nynorsk and English. */
export const LANGUAGES = ['nb', 'nn', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

/** The municipality's written standard: the default where a person has chosen none (Mållova § 5–6 lets it choose). */
export const WRITTEN_STANDARDS = ['nb', 'nn'] as const;
export type WrittenStandard = (typeof WRITTEN_STANDARDS)[number];

/** The BCP 47 locale that formats dates and numbers for each language. */
export const LOCALES: Record<Language, string> = { nb: 'nb-NO', nn: 'nn-NO', en: 'en-GB' };

/** Each language by its own name, as a language switch shows it. */
export const LANGUAGE_NAMES: Record<Language, string> = { nb: 'Norsk (bokmål)', nn: 'Norsk (nynorsk)', en: 'English' };

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}
