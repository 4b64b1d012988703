import { useTranslation } from 'react-i18next';
import { CheckboxField, ChoiceGroup, SelectField, TextField } from '@/components/form';
import { useLanguage } from '@/hooks/use-language';
import { fieldLabel, inLanguage } from '@/lib/issues/fields';
import type { FieldDefinition, FieldValue } from '@/lib/issues/types';
import { controlName, DEFAULT_MAX_LENGTH, type FieldProblem } from '@/lib/issues/field-values';

type DynamicFieldProps = {
  field: FieldDefinition;
  /** The value entered before (when coming back to the step). */
  value: FieldValue | undefined;
  error: string | undefined;
};

/** One extra field of a category, rendered by its type; its control is named as the API names the field. */
export function DynamicField({ field, value, error }: DynamicFieldProps) {
  const { t, i18n } = useTranslation();
  const language = useLanguage();
  const name = controlName(field);
  const label = fieldLabel(field, language);
  const help = inLanguage(language, field.help_pl, field.help_en);
  const optional = !field.required;
  const choices = (field.options ?? []).map((option) => ({
    value: option.value,
    label: inLanguage(language, option.label_pl, option.label_en),
  }));

  switch (field.type) {
    case 'text':
      return (
        <TextField
          name={name}
          label={label}
          hint={help}
          optional={optional}
          maxLength={field.max_length ?? DEFAULT_MAX_LENGTH}
          defaultValue={typeof value === 'string' ? value : ''}
          error={error}
        />
      );
    case 'number': {
      const number = new Intl.NumberFormat(i18n.resolvedLanguage);
      const { min, max } = field;
      let range: string | undefined;
      if (min !== null && min !== undefined && max !== null && max !== undefined) {
        range = t('report.fields.between', { min: number.format(min), max: number.format(max) });
      } else if (min !== null && min !== undefined) {
        range = t('report.fields.atLeast', { min: number.format(min) });
      } else if (max !== null && max !== undefined) {
        range = t('report.fields.atMost', { max: number.format(max) });
      }
      return (
        <TextField
          type="number"
          inputMode="decimal"
          step="any"
          min={min ?? undefined}
          max={max ?? undefined}
          name={name}
          label={label}
          hint={[help, range].filter(Boolean).join(' ') || undefined}
          optional={optional}
          defaultValue={typeof value === 'number' ? String(value) : ''}
          error={error}
        />
      );
    }
    case 'date':
      return (
        <TextField
          type="date"
          name={name}
          label={label}
          hint={help}
          optional={optional}
          defaultValue={typeof value === 'string' ? value : ''}
          error={error}
        />
      );
    case 'select':
      return (
        <SelectField
          name={name}
          label={label}
          hint={help}
          optional={optional}
          required={!optional}
          defaultValue={typeof value === 'string' ? value : ''}
          options={[{ value: '', label: t('report.fields.choose') }, ...choices]}
          error={error}
        />
      );
    case 'multi_select':
      return (
        <ChoiceGroup
          type="checkbox"
          name={name}
          legend={label}
          hint={help ?? t('report.fields.chooseAny')}
          optional={optional}
          choices={choices}
          defaultValue={Array.isArray(value) ? value : []}
          error={error}
        />
      );
    case 'boolean':
      // A required yes/no needs an answer either way, which a single checkbox cannot give.
      return optional ? (
        <CheckboxField name={name} value="true" label={label} hint={help} defaultChecked={value === true} error={error} />
      ) : (
        <ChoiceGroup
          type="radio"
          name={name}
          legend={label}
          hint={help}
          choices={[
            { value: 'true', label: t('common.yesAnswer') },
            { value: 'false', label: t('common.noAnswer') },
          ]}
          defaultValue={typeof value === 'boolean' ? String(value) : undefined}
          error={error}
        />
      );
  }
}

/** A problem with an extra field's value found before sending, in words. */
export function useFieldProblemText() {
  const { t, i18n } = useTranslation();
  const number = new Intl.NumberFormat(i18n.resolvedLanguage);
  return (problem: FieldProblem): string => {
    switch (problem.code) {
      case 'required':
        return t('errors.required');
      case 'not_a_number':
        return t('report.fields.notANumber');
      case 'too_small':
        return t('report.fields.tooSmall', { min: number.format(problem.min) });
      case 'too_large':
        return t('report.fields.tooLarge', { max: number.format(problem.max) });
      case 'invalid_option':
        return t('errors.invalid');
      case 'too_long':
        return t('report.fields.tooLong', { max: number.format(problem.max) });
      case 'invalid_date':
        return t('report.fields.invalidDate');
    }
  };
}
