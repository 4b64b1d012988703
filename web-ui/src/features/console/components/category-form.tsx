import { useMemo, useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormFeedback, FormSuccess, SelectField, submittedValues, useFormErrors } from '@/components/form';
import { DynamicField, useFieldProblemText } from '@/components/issues/dynamic-field';
import { useLanguage } from '@/hooks/use-language';
import { controlName, readFieldValues } from '@/lib/issues/field-values';
import { inLanguage, sortedFields } from '@/lib/issues/fields';
import type { StaffIssue } from '@/lib/issues/staff';
import { fieldValuesOf, type Category } from '@/lib/issues/types';
import { useChangeCategory, type CategoryChange } from '../api/issue';

/**
 * Moving an issue to the right category (R10.2). The new category's extra fields are asked
 * for (filled in from the current values where they share a key) and checked again by the
 * server, whose errors land on the fields. The unit stays: a transfer moves the issue.
 */
export function CategoryForm({ issue, categories }: { issue: StaffIssue; categories: readonly Category[] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const problemText = useFieldProblemText();
  const changeCategory = useChangeCategory(issue.number);
  const [slug, setSlug] = useState('');
  const category = categories.find((candidate) => candidate.slug === slug);
  const fields = useMemo(() => sortedFields(category?.fields ?? []), [category]);
  const names = useMemo(() => ['category', ...fields.map(controlName)], [fields]);
  const [localErrors, setLocalErrors] = useState<Partial<Record<string, string>>>();
  const { formRef, fieldError, formError, hasFieldErrors } = useFormErrors(changeCategory.error, names, { localErrors });
  const current = fieldValuesOf(issue);

  const onSubmit = (event: SubmitEvent<HTMLFormElement>) => {
    const form = submittedValues(event);
    if (!category) {
      setLocalErrors({ category: t('console.category.choose') });
      return;
    }
    const { values, problems } = readFieldValues(fields, form);
    const errors: Partial<Record<string, string>> = {};
    for (const [name, problem] of Object.entries(problems)) {
      if (problem) errors[name] = problemText(problem);
    }
    if (Object.keys(errors).length > 0) {
      setLocalErrors(errors);
      return;
    }
    setLocalErrors(undefined);
    changeCategory.mutate(
      // The schema leaves the values untyped (any JSON per field).
      { category: category.slug, field_values: values as CategoryChange['field_values'] },
      {
        onSuccess: () => {
          setSlug('');
        },
      },
    );
  };

  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="form">
      <FormFeedback formError={formError} hasFieldErrors={hasFieldErrors} />
      {changeCategory.isSuccess && !category && (
        <FormSuccess>
          <p>
            {t('console.category.changed', {
              category: inLanguage(language, changeCategory.data.category.name_pl, changeCategory.data.category.name_en),
            })}
          </p>
        </FormSuccess>
      )}
      <SelectField
        name="category"
        label={t('console.category.new')}
        hint={t('console.category.hint')}
        value={slug}
        error={fieldError('category')}
        onChange={(event) => {
          setSlug(event.target.value);
          setLocalErrors(undefined);
        }}
        options={[
          { value: '', label: t('console.category.chooseOption') },
          ...categories
            .filter((candidate) => candidate.id !== issue.category.id)
            .map((candidate) => ({ value: candidate.slug, label: inLanguage(language, candidate.name_pl, candidate.name_en) })),
        ]}
      />
      {fields.map((field) => (
        // Keyed by category too: another category's field of the same key starts afresh.
        <DynamicField key={`${slug}-${field.key}`} field={field} value={current[field.key]} error={fieldError(controlName(field))} />
      ))}
      <div className="form__actions">
        <button type="submit" disabled={changeCategory.isPending}>
          {t('console.category.submit')}
        </button>
      </div>
    </form>
  );
}
