import type { SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormFeedback, FormSuccess, submittedValues, useFormErrors } from '@/components/form';
import { useChangePassword } from '../api/profile';
import { PasswordField } from './password-field';

const FIELDS = ['current_password', 'new_password'] as const;
const PROBLEM_FIELDS = { wrong_password: 'current_password' };

export function PasswordForm() {
  const { t } = useTranslation();
  const change = useChangePassword();
  const { formRef, fieldError, formError, hasFieldErrors } = useFormErrors(change.error, FIELDS, { problemFields: PROBLEM_FIELDS });

  const onSubmit = (event: SubmitEvent<HTMLFormElement>) => {
    const form = event.currentTarget;
    const values = submittedValues(event);
    change.mutate(
      { current_password: values.text('current_password'), new_password: values.text('new_password') },
      { onSuccess: () => { form.reset(); } },
    );
  };

  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="form">
      <FormFeedback formError={formError} hasFieldErrors={hasFieldErrors} />
      {change.isSuccess && (
        <FormSuccess>
          <p>{t('changePassword.done')}</p>
        </FormSuccess>
      )}
      <PasswordField name="current_password" label={t('changePassword.current')} error={fieldError('current_password')} />
      <PasswordField name="new_password" label={t('changePassword.new')} isNew error={fieldError('new_password')} />
      <button type="submit" disabled={change.isPending}>
        {t('changePassword.submit')}
      </button>
    </form>
  );
}
