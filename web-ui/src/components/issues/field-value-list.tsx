import { useTranslation } from 'react-i18next';
import { useLanguage } from '@/hooks/use-language';
import { fieldLabel, formatFieldValue, sortedFields } from '@/lib/issues/fields';
import type { FieldDefinition, FieldValues } from '@/lib/issues/types';

type FieldValueListProps = {
  /** The category's fields, when the category is still offered (else values are shown by key). */
  fields: readonly FieldDefinition[] | undefined;
  values: FieldValues;
};

/** The answers to a category's extra fields, labelled, as `dt`/`dd` pairs for a surrounding `dl`. */
export function FieldValueList({ fields = [], values }: FieldValueListProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const known = sortedFields(fields).filter((field) => values[field.key] !== undefined);
  const unknown = Object.keys(values).filter((key) => !fields.some((field) => field.key === key));
  return (
    <>
      {known.map((field) => {
        const value = values[field.key];
        return value === undefined ? null : (
          <div key={field.key} className="details__row">
            <dt>{fieldLabel(field, language)}</dt>
            <dd>{formatFieldValue(field, value, language, t)}</dd>
          </div>
        );
      })}
      {unknown.map((key) => {
        const value = values[key];
        return value === undefined ? null : (
          <div key={key} className="details__row">
            <dt>{key}</dt>
            <dd>{Array.isArray(value) ? value.join(', ') : String(value)}</dd>
          </div>
        );
      })}
    </>
  );
}
