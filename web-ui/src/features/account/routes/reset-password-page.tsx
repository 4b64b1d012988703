import type { SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { FormAlert, FormFeedback, FormSuccess, submittedValues, useFormErrors } from '@/components/form';
import { Page } from '@/components/page';
import { paths } from '@/config/paths';
import { useResetPassword } from '../api/password-reset';
import { PasswordField } from '../components/password-field';

const FIELDS = ['password'] as const;

/** Opened from the password-reset mail. */
export function ResetPasswordPage() {
  const { t } = useTranslation();
  const token = useSearchParams()[0].get('token') ?? '';
  const reset = useResetPassword();
  const { formRef, fieldError, formError, hasFieldErrors } = useFormErrors(reset.error, FIELDS);

  if (reset.isSuccess) {
    return (
      <Page title={t('reset.title')}>
        <FormSuccess>
          <p>{t('reset.done')}</p>
          <p>
            <Link to={paths.login}>{t('reset.login')}</Link>
          </p>
        </FormSuccess>
      </Page>
    );
  }

  const onSubmit = (event: SubmitEvent<HTMLFormElement>) => {
    reset.mutate({ token, password: submittedValues(event).text('password') });
  };
  return (
    <Page title={t('reset.title')}>
      {token === '' ? (
        <FormAlert>
          <p>{t('errors.invalid_token')}</p>
        </FormAlert>
      ) : (
        <form ref={formRef} onSubmit={onSubmit} noValidate className="form">
          <FormFeedback formError={formError} hasFieldErrors={hasFieldErrors} />
          <PasswordField name="password" label={t('reset.password')} isNew error={fieldError('password')} />
          <button type="submit" disabled={reset.isPending}>
            {t('reset.submit')}
          </button>
        </form>
      )}
      <p>
        <Link to={paths.forgotPassword}>{t('reset.newLink')}</Link>
      </p>
    </Page>
  );
}
