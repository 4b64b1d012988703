import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert, FormSuccess, errorMessage } from '@/components/form';
import { Loading } from '@/components/status';
import { formErrorsOf } from '@/lib/api/field-errors';

type TokenConfirmationProps = {
  token: string;
  confirmation: UseQueryResult<boolean>;
  success: ReactNode;
  /** Shown under the error: how to get a new link. */
  failureHelp: ReactNode;
};

/** The outcome of confirming a token from an email link. */
export function TokenConfirmation({ token, confirmation, success, failureHelp }: TokenConfirmationProps) {
  const { t } = useTranslation();
  if (token === '') {
    return (
      <FormAlert>
        <p>{t('errors.invalid_token')}</p>
        {failureHelp}
      </FormAlert>
    );
  }
  if (confirmation.isPending) {
    return <Loading label={t('tokenConfirmation.checking')} />;
  }
  if (confirmation.isError) {
    const reason = formErrorsOf(confirmation.error, []).form;
    return (
      <FormAlert>
        <p>{reason ? errorMessage(t, reason) : t('errors.unknown')}</p>
        {failureHelp}
      </FormAlert>
    );
  }
  return <FormSuccess>{success}</FormSuccess>;
}
