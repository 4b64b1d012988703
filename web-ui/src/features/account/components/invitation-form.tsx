import { useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormFeedback, submittedValues, useFormErrors } from '@/components/form';
import { useAcceptInvitation } from '../api/password-reset';
import type { Terms } from '../api/terms';
import { PasswordField } from './password-field';
import { TermsAcceptance } from './terms-acceptance';

const FIELDS = ['password', 'accepted_terms_version'] as const;

export function InvitationForm({ token, terms, onAccepted }: { token: string; terms: Terms; onAccepted: () => void }) {
  const { t } = useTranslation();
  const accept = useAcceptInvitation();
  const [localErrors, setLocalErrors] = useState<Partial<Record<string, string>>>();
  const { formRef, fieldError, formError, hasFieldErrors } = useFormErrors(accept.error, FIELDS, { localErrors });

  const onSubmit = (event: SubmitEvent<HTMLFormElement>) => {
    const values = submittedValues(event);
    if (!values.checked('accept_terms')) {
      setLocalErrors({ accepted_terms_version: t('terms.required') });
      return;
    }
    setLocalErrors(undefined);
    accept.mutate(
      { token, password: values.text('password'), accepted_terms_version: terms.version },
      { onSuccess: onAccepted },
    );
  };

  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="form">
      <FormFeedback formError={formError} hasFieldErrors={hasFieldErrors} />
      <PasswordField name="password" label={t('account.fields.password')} isNew error={fieldError('password')} />
      <TermsAcceptance terms={terms} error={fieldError('accepted_terms_version')} />
      <button type="submit" disabled={accept.isPending}>
        {t('invitation.submit')}
      </button>
    </form>
  );
}
