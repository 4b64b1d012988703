import type { SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormFeedback, submittedValues, TextField, useFormErrors } from '@/components/form';
import type { Profile } from '@/lib/auth';
import { useUpdateProfile } from '../api/profile';

const FIELDS = ['email'] as const;

/** Changing the login address: it takes effect once confirmed from the new mailbox. */
export function EmailForm({ profile }: { profile: Profile }) {
  const { t } = useTranslation();
  const update = useUpdateProfile();
  const { formRef, fieldError, formError, hasFieldErrors } = useFormErrors(update.error, FIELDS);

  const onSubmit = (event: SubmitEvent<HTMLFormElement>) => {
    const form = event.currentTarget;
    update.mutate({ email: submittedValues(event).text('email').trim() }, { onSuccess: () => { form.reset(); } });
  };

  return (
    <>
      <p>{t('emailChange.current', { email: profile.email })}</p>
      {profile.pending_email && (
        <p className="notice" role="status">
          {t('emailChange.pending', { email: profile.pending_email })}
        </p>
      )}
      <form ref={formRef} onSubmit={onSubmit} noValidate className="form">
        <FormFeedback formError={formError} hasFieldErrors={hasFieldErrors} />
        <TextField type="email" name="email" label={t('emailChange.new')} autoComplete="email" error={fieldError('email')} />
        <button type="submit" disabled={update.isPending}>
          {t('emailChange.submit')}
        </button>
      </form>
    </>
  );
}
