import { useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormFeedback, FormSuccess, submittedValues, TextField, useFormErrors } from '@/components/form';
import type { Profile } from '@/lib/auth';
import { useConfirmTotp, useDisableTotp, useReloadProfile, useStartTotp } from '../api/profile';
import { PasswordField } from './password-field';
import { RecoveryCodes } from './recovery-codes';
import { TotpSecret } from './totp-secret';

const CODE_FIELDS = ['code'] as const;
const PASSWORD_FIELDS = ['password'] as const;
const PROBLEM_FIELDS = { wrong_password: 'password' };

function DisableTotpForm() {
  const { t } = useTranslation();
  const disable = useDisableTotp();
  const { formRef, fieldError, formError, hasFieldErrors } = useFormErrors(disable.error, PASSWORD_FIELDS, {
    problemFields: PROBLEM_FIELDS,
  });
  const onSubmit = (event: SubmitEvent<HTMLFormElement>) => {
    disable.mutate(submittedValues(event).text('password'));
  };
  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="form">
      <FormFeedback formError={formError} hasFieldErrors={hasFieldErrors} />
      <PasswordField name="password" label={t('totp.confirmPassword')} error={fieldError('password')} />
      <button type="submit" disabled={disable.isPending}>
        {t('totp.disable')}
      </button>
    </form>
  );
}

function EnableTotp({ onEnabled }: { onEnabled: (recoveryCodes: string[]) => void }) {
  const { t } = useTranslation();
  const start = useStartTotp();
  const confirm = useConfirmTotp();
  const { formRef, fieldError, formError, hasFieldErrors } = useFormErrors(confirm.error ?? start.error, CODE_FIELDS);

  if (!start.data) {
    return (
      <>
        <p>{t('totp.offText')}</p>
        <FormFeedback formError={formError} hasFieldErrors={false} />
        <button type="button" onClick={() => { start.mutate(); }} disabled={start.isPending}>
          {t('totp.enable')}
        </button>
      </>
    );
  }
  const onSubmit = (event: SubmitEvent<HTMLFormElement>) => {
    confirm.mutate(submittedValues(event).text('code').replace(/\s/g, ''), {
      onSuccess: ({ recovery_codes }) => {
        onEnabled(recovery_codes);
      },
    });
  };
  return (
    <>
      <p>{t('enrol.instructions')}</p>
      <TotpSecret setup={start.data} />
      <form ref={formRef} onSubmit={onSubmit} noValidate className="form">
        <FormFeedback formError={formError} hasFieldErrors={hasFieldErrors} />
        <TextField
          name="code"
          label={t('secondFactor.code')}
          hint={t('secondFactor.codeHint')}
          inputMode="numeric"
          autoComplete="one-time-code"
          error={fieldError('code')}
        />
        <button type="submit" disabled={confirm.isPending}>
          {t('totp.confirm')}
        </button>
      </form>
    </>
  );
}

/** The second factor: on with a way to turn it off, or off with a way to set it up. */
export function TotpSection({ profile }: { profile: Profile }) {
  const { t } = useTranslation();
  const reloadProfile = useReloadProfile();
  // Kept here, not in the enrolment form: the reloaded profile replaces that form.
  const [recoveryCodes, setRecoveryCodes] = useState<string[]>();

  if (recoveryCodes) {
    return (
      <FormSuccess>
        <p>{t('totp.enabled')}</p>
        <RecoveryCodes codes={recoveryCodes} />
      </FormSuccess>
    );
  }
  const onEnabled = (codes: string[]) => {
    setRecoveryCodes(codes);
    reloadProfile();
  };
  return profile.totp_enabled ? (
    <>
      <p>{t('totp.onText')}</p>
      <DisableTotpForm />
    </>
  ) : (
    <EnableTotp onEnabled={onEnabled} />
  );
}
