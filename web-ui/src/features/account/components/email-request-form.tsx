import type { SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormFeedback, FormSuccess, submittedValues, TextField, useFormErrors } from '@/components/form';

const FIELDS = ['email'] as const;

type EmailRequestFormProps = {
  /** Sends the mail; the answer never says whether the address has an account. */
  request: { mutate: (email: string) => void; isPending: boolean; isSuccess: boolean; error: unknown };
  submitLabel: string;
  sentMessage: string;
  defaultEmail?: string;
};

/** One email address, for mails that are sent only if it has an account. */
export function EmailRequestForm({ request, submitLabel, sentMessage, defaultEmail }: EmailRequestFormProps) {
  const { t } = useTranslation();
  const { formRef, fieldError, formError, hasFieldErrors } = useFormErrors(request.error, FIELDS);
  const onSubmit = (event: SubmitEvent<HTMLFormElement>) => {
    request.mutate(submittedValues(event).text('email').trim());
  };
  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="form">
      <FormFeedback formError={formError} hasFieldErrors={hasFieldErrors} />
      {request.isSuccess && (
        <FormSuccess>
          <p>{sentMessage}</p>
        </FormSuccess>
      )}
      <TextField
        type="email"
        name="email"
        label={t('account.fields.email')}
        autoComplete="email"
        defaultValue={defaultEmail}
        error={fieldError('email')}
      />
      <button type="submit" disabled={request.isPending}>
        {request.isPending ? t('common.sending') : submitLabel}
      </button>
    </form>
  );
}
