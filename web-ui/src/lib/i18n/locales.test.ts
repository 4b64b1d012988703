import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '@/config/languages';
import { resources } from './resources';

const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') {
      out.set(path, value);
    } else {
      for (const [k, v] of flatten(value, path)) out.set(k, v);
    }
  }
  return out;
}

/** Keys with plural forms collapsed to their base (`units.count_few` → `units.count`). */
function baseKeys(keys: Iterable<string>): string[] {
  return [...new Set([...keys].map((key) => key.replace(PLURAL_SUFFIX, '')))].sort();
}

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\{\s*(\w+)/g)].map((m) => m[1] ?? '').sort();
}

const flat = Object.fromEntries(
  LANGUAGES.map((language) => [language, flatten(resources[language].translation as Tree)]),
) as Record<(typeof LANGUAGES)[number], Map<string, string>>;

describe('translations', () => {
  it('has the same keys in Polish and English', () => {
    expect(baseKeys(flat.en.keys())).toEqual(baseKeys(flat.pl.keys()));
  });

  it.each(LANGUAGES)('has exactly the plural forms that %s needs', (language) => {
    const needed = new Intl.PluralRules(language).resolvedOptions().pluralCategories.slice().sort();
    const plurals = [...flat[language].keys()].filter((key) => PLURAL_SUFFIX.test(key));
    for (const base of baseKeys(plurals)) {
      const forms = plurals
        .filter((key) => key.replace(PLURAL_SUFFIX, '') === base)
        .map((key) => PLURAL_SUFFIX.exec(key)?.[1])
        .sort();
      expect(forms, base).toEqual(needed);
    }
  });

  it.each(LANGUAGES)('has no empty strings in %s', (language) => {
    const empty = [...flat[language]].filter(([, text]) => text.trim() === '').map(([key]) => key);
    expect(empty).toEqual([]);
  });

  it('uses the same placeholders in both languages', () => {
    for (const [key, text] of flat.pl) {
      const base = key.replace(PLURAL_SUFFIX, '');
      const english = [...flat.en].filter(([k]) => k.replace(PLURAL_SUFFIX, '') === base);
      for (const [enKey, enText] of english) {
        expect(placeholders(enText), `${enKey} vs ${key}`).toEqual(placeholders(text));
      }
    }
  });
});
