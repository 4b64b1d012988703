import { useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { CheckboxField, FormFeedback, submittedValues, useFormErrors } from '@/components/form';
import { paths } from '@/config/paths';
import { useDeleteAccount } from '../api/profile';
import { PasswordField } from './password-field';

const FIELDS = ['password', 'confirm'] as const;
const PROBLEM_FIELDS = { wrong_password: 'password' };

/** Deleting one's account: irreversible, so it takes the password and an explicit yes. */
export function DeleteAccountForm() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const remove = useDeleteAccount();
  const [localErrors, setLocalErrors] = useState<Partial<Record<string, string>>>();
  const { formRef, fieldError, formError, hasFieldErrors } = useFormErrors(remove.error, FIELDS, {
    localErrors,
    problemFields: PROBLEM_FIELDS,
  });

  const onSubmit = (event: SubmitEvent<HTMLFormElement>) => {
    const values = submittedValues(event);
    if (!values.checked('confirm')) {
      setLocalErrors({ confirm: t('deleteAccount.confirmRequired') });
      return;
    }
    setLocalErrors(undefined);
    remove.mutate(values.text('password'), {
      // The next page ends the session here: ended on this page, the login guard would
      // send the person to the login page first.
      onSuccess: () => void navigate(paths.accountDeleted, { replace: true, state: { deleted: true } }),
    });
  };

  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="form">
      <div className="alert">
        <p>{t('deleteAccount.warning')}</p>
      </div>
      <FormFeedback formError={formError} hasFieldErrors={hasFieldErrors} />
      <PasswordField name="password" label={t('deleteAccount.password')} error={fieldError('password')} />
      <CheckboxField name="confirm" label={t('deleteAccount.confirm')} error={fieldError('confirm')} />
      <button type="submit" className="danger" disabled={remove.isPending}>
        {t('deleteAccount.submit')}
      </button>
    </form>
  );
}
