import type { TFunction } from 'i18next';
import type { Language } from '@/config/languages';
import type { FieldDefinition, FieldValue } from './types';

/** The reader's version of a text the API gives in Polish and English. */
export function inLanguage(language: Language, pl: string, en: string): string;
export function inLanguage(language: Language, pl: string | null | undefined, en: string | null | undefined): string | undefined;
export function inLanguage(language: Language, pl: string | null | undefined, en: string | null | undefined) {
  return (language === 'en' ? en : pl) ?? undefined;
}

/** A category's fields in form order. */
export function sortedFields(fields: readonly FieldDefinition[]): FieldDefinition[] {
  return [...fields].sort((a, b) => (a.order ?? 0) - (b.order ?? 0));
}

export function fieldLabel(field: FieldDefinition, language: Language): string {
  return inLanguage(language, field.label_pl, field.label_en);
}

function optionLabel(field: FieldDefinition, value: string, language: Language): string {
  const option = field.options?.find((candidate) => candidate.value === value);
  return option ? inLanguage(language, option.label_pl, option.label_en) : value;
}

/** A stored value of an extra field as a reader sees it: option labels, yes/no, local numbers and dates. */
export function formatFieldValue(field: FieldDefinition, value: FieldValue, language: Language, t: TFunction): string {
  if (Array.isArray(value)) {
    return value.map((item) => optionLabel(field, item, language)).join(', ');
  }
  if (typeof value === 'boolean') {
    return value ? t('common.yes') : t('common.no');
  }
  if (typeof value === 'number') {
    return new Intl.NumberFormat(language).format(value);
  }
  switch (field.type) {
    case 'select':
      return optionLabel(field, value, language);
    case 'date': {
      // A calendar day without a time: formatted in UTC so no time zone moves it to another day.
      const day = new Date(`${value}T00:00:00Z`);
      return Number.isNaN(day.getTime())
        ? value
        : new Intl.DateTimeFormat(language, { dateStyle: 'long', timeZone: 'UTC' }).format(day);
    }
    default:
      return value;
  }
}
