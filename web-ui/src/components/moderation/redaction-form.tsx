import { type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormFeedback, FormSuccess, submittedValues, TextAreaField, TextField, useFormErrors } from '@/components/form';
import { useRedact, type StaffIssue } from '@/lib/issues/staff';

const FIELDS = ['title', 'description'] as const;

/** Removing personal data from what the public reads; the reporter's own words stay for staff (R2.2). */
export function RedactionForm({ issue }: { issue: StaffIssue }) {
  const { t } = useTranslation();
  const redact = useRedact(issue.number);
  const { formRef, fieldError, formError, hasFieldErrors } = useFormErrors(redact.error, FIELDS);

  const onSubmit = (event: SubmitEvent<HTMLFormElement>) => {
    const values = submittedValues(event);
    redact.mutate({ title: values.text('title'), description: values.text('description') });
  };

  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="form">
      <FormFeedback formError={formError} hasFieldErrors={hasFieldErrors} />
      {redact.isSuccess && (
        <FormSuccess>
          <p>{t('moderation.redacted')}</p>
        </FormSuccess>
      )}
      <TextField name="title" label={t('moderation.publicTitle')} defaultValue={issue.title} maxLength={200} error={fieldError('title')} />
      <TextAreaField
        name="description"
        label={t('moderation.publicDescription')}
        rows={4}
        defaultValue={issue.description}
        error={fieldError('description')}
      />
      <div className="form__actions">
        <button type="submit" disabled={redact.isPending}>
          {t('moderation.saveRedaction')}
        </button>
        {issue.redacted && (
          <button
            type="button"
            className="secondary"
            disabled={redact.isPending}
            onClick={() => {
              redact.mutate({ title: null, description: null });
            }}
          >
            {t('moderation.restoreOriginal')}
          </button>
        )}
      </div>
    </form>
  );
}
