import { useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormFeedback, submittedValues, TextField, useFormErrors } from '@/components/form';
import { ApiError } from '@/lib/api/errors';
import type { LoginResponse } from '@/lib/auth';
import { useSecondFactor } from '../api/login';

const FIELDS = ['code', 'recovery_code'] as const;

type SecondFactorFormProps = {
  token: string;
  onResult: (response: LoginResponse) => void;
  /** Back to the password step, when this step's token has expired. */
  onRestart: () => void;
  /** Recovery codes exist only once TOTP is on; enrolment confirms with a code. */
  allowRecoveryCode?: boolean;
};

/** A code from the authenticator app, or one of the recovery codes. */
export function SecondFactorForm({ token, onResult, onRestart, allowRecoveryCode = true }: SecondFactorFormProps) {
  const { t } = useTranslation();
  const step = useSecondFactor();
  const [useRecovery, setUseRecovery] = useState(false);
  const { formRef, fieldError, formError, hasFieldErrors } = useFormErrors(step.error, FIELDS);
  const expired = step.error instanceof ApiError && step.error.status === 401;

  const onSubmit = (event: SubmitEvent<HTMLFormElement>) => {
    const values = submittedValues(event);
    step.mutate(
      useRecovery
        ? { second_factor_token: token, recovery_code: values.text('recovery_code').trim() }
        : { second_factor_token: token, code: values.text('code').replace(/\s/g, '') },
      { onSuccess: onResult },
    );
  };

  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="form">
      <FormFeedback formError={expired ? t('secondFactor.expired') : formError} hasFieldErrors={hasFieldErrors} />
      {expired && (
        <p>
          <button type="button" className="secondary" onClick={onRestart}>
            {t('secondFactor.restart')}
          </button>
        </p>
      )}
      {useRecovery ? (
        <TextField
          name="recovery_code"
          label={t('secondFactor.recoveryCode')}
          autoComplete="off"
          spellCheck={false}
          error={fieldError('recovery_code')}
        />
      ) : (
        <TextField
          name="code"
          label={t('secondFactor.code')}
          hint={t('secondFactor.codeHint')}
          inputMode="numeric"
          autoComplete="one-time-code"
          error={fieldError('code')}
        />
      )}
      <div className="form__actions">
        <button type="submit" disabled={step.isPending}>
          {t('secondFactor.submit')}
        </button>
        {allowRecoveryCode && (
          <button
            type="button"
            className="secondary"
            onClick={() => {
              step.reset();
              setUseRecovery(!useRecovery);
            }}
          >
            {useRecovery ? t('secondFactor.useCode') : t('secondFactor.useRecovery')}
          </button>
        )}
      </div>
    </form>
  );
}
