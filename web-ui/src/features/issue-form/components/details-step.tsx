import { useMemo, useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormFeedback, submittedValues, TextAreaField, TextField, useFormErrors } from '@/components/form';
import { sortedFields } from '@/lib/issues/fields';
import type { Category, FieldValues } from '@/lib/issues/types';
import { controlName, readFieldValues } from '@/lib/issues/field-values';
import { elsewhereThan } from '../utils/steps';
import { DynamicField, useFieldProblemText } from '@/components/issues/dynamic-field';
import { StepForm, type StepPosition } from './step-form';

const ELSEWHERE = elsewhereThan('details');
const TITLE_MAX = 200;
const DESCRIPTION_MAX = 5000;

export type Details = { title: string; description: string; fieldValues: FieldValues };

type DetailsStepProps = {
  category: Category;
  details: Details;
  position: StepPosition;
  serverError: unknown;
  onNext: (details: Details) => void;
  onBack: () => void;
};

/** Step: what is wrong — a title, a description, and the category's extra fields. */
export function DetailsStep({ category, details, position, serverError, onNext, onBack }: DetailsStepProps) {
  const { t } = useTranslation();
  const problemText = useFieldProblemText();
  const fields = useMemo(() => sortedFields(category.fields), [category.fields]);
  const names = useMemo(() => ['title', 'description', ...fields.map(controlName)], [fields]);
  const [localErrors, setLocalErrors] = useState<Partial<Record<string, string>>>();
  const { formRef, fieldError, formError, hasFieldErrors } = useFormErrors(serverError, names, {
    localErrors,
    elsewhere: ELSEWHERE,
  });

  const onSubmit = (event: SubmitEvent<HTMLFormElement>) => {
    const form = submittedValues(event);
    const title = form.text('title').trim();
    const description = form.text('description').trim();
    const { values, problems } = readFieldValues(fields, form);
    const errors: Partial<Record<string, string>> = {};
    if (title === '') errors.title = t('errors.required');
    if (description === '') errors.description = t('errors.required');
    for (const [name, problem] of Object.entries(problems)) {
      if (problem) errors[name] = problemText(problem);
    }
    if (Object.keys(errors).length > 0) {
      setLocalErrors(errors);
      return;
    }
    setLocalErrors(undefined);
    onNext({ title, description, fieldValues: values });
  };

  return (
    <StepForm title={t('report.steps.details')} position={position} formRef={formRef} onSubmit={onSubmit} onBack={onBack}>
      <FormFeedback formError={formError} hasFieldErrors={hasFieldErrors} />
      <p>{t('report.details.intro')}</p>
      <TextField
        name="title"
        label={t('report.details.title')}
        hint={t('report.details.titleHint')}
        maxLength={TITLE_MAX}
        defaultValue={details.title}
        error={fieldError('title')}
      />
      <TextAreaField
        name="description"
        label={t('report.details.description')}
        hint={t('report.details.descriptionHint')}
        maxLength={DESCRIPTION_MAX}
        defaultValue={details.description}
        error={fieldError('description')}
      />
      {fields.map((field) => (
        <DynamicField key={field.key} field={field} value={details.fieldValues[field.key]} error={fieldError(controlName(field))} />
      ))}
    </StepForm>
  );
}
