import { useTranslation } from 'react-i18next';
import { FormFeedback, useFormErrors } from '@/components/form';
import type { LoginResponse } from '@/lib/auth';
import { useEnrolAtLogin } from '../api/login';
import { SecondFactorForm } from './second-factor-form';
import { TotpSecret } from './totp-secret';

const NO_FIELDS = [] as const;

/** Staff who must use a second factor set it up before their first login completes. */
type EnrolmentStepProps = {
  token: string;
  onResult: (response: LoginResponse) => void;
  onRestart: () => void;
};

export function EnrolmentStep({ token, onResult, onRestart }: EnrolmentStepProps) {
  const { t } = useTranslation();
  const enrol = useEnrolAtLogin();
  const { formError } = useFormErrors(enrol.error, NO_FIELDS);

  if (!enrol.data) {
    return (
      <>
        <p>{t('enrol.intro')}</p>
        <FormFeedback formError={formError} hasFieldErrors={false} />
        <button type="button" onClick={() => { enrol.mutate(token); }} disabled={enrol.isPending}>
          {t('enrol.start')}
        </button>
      </>
    );
  }
  return (
    <>
      <p>{t('enrol.instructions')}</p>
      <TotpSecret setup={enrol.data} />
      <SecondFactorForm token={token} onResult={onResult} onRestart={onRestart} allowRecoveryCode={false} />
    </>
  );
}
