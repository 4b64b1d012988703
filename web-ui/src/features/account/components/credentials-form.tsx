import type { SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { FormFeedback, submittedValues, TextField, useFormErrors } from '@/components/form';
import { paths } from '@/config/paths';
import { ApiError } from '@/lib/api/errors';
import type { LoginResponse } from '@/lib/auth';
import { useLogin } from '../api/login';

const FIELDS = ['email', 'password'] as const;

/** The first login step: email and password. */
export function CredentialsForm({ onResult }: { onResult: (response: LoginResponse) => void }) {
  const { t } = useTranslation();
  const login = useLogin();
  const { formRef, fieldError, formError, hasFieldErrors } = useFormErrors(login.error, FIELDS);
  const unverified = login.error instanceof ApiError && login.error.code === 'email_not_verified';

  const onSubmit = (event: SubmitEvent<HTMLFormElement>) => {
    const values = submittedValues(event);
    login.mutate({ email: values.text('email').trim(), password: values.text('password') }, { onSuccess: onResult });
  };

  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="form">
      <FormFeedback formError={formError} hasFieldErrors={hasFieldErrors} />
      {unverified && (
        <p>
          <Link to={paths.resendVerification}>{t('login.resendVerification')}</Link>
        </p>
      )}
      <TextField type="email" name="email" label={t('account.fields.email')} autoComplete="username" error={fieldError('email')} />
      <TextField
        type="password"
        name="password"
        label={t('account.fields.password')}
        autoComplete="current-password"
        error={fieldError('password')}
      />
      <button type="submit" disabled={login.isPending}>
        {login.isPending ? t('login.pending') : t('login.submit')}
      </button>
    </form>
  );
}
