/** The languages the UI is translated into; the first one is the default. */
export const LANGUAGES = ['pl', 'en'] as const;

export type Language = (typeof LANGUAGES)[number];

export const DEFAULT_LANGUAGE: Language = 'pl';

/** Where the resident's choice of language is remembered between visits. */
export const LANGUAGE_STORAGE_KEY = 'kontakt.language';

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}
