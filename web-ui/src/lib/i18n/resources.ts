import en from './locales/en.json';
import pl from './locales/pl.json';
import type { Language } from '@/config/languages';

/** Every translation, bundled: the UI never waits for a language file to load. */
export const resources = {
  pl: { translation: pl },
  en: { translation: en },
} as const satisfies Record<Language, { translation: unknown }>;
