import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { Page } from '@/components/page';
import { paths } from '@/config/paths';
import { useFocusOnMount } from '@/hooks/use-focus-on-mount';
import { safeNextPath, signIn, useSessionStatus, type LoginResponse } from '@/lib/auth';
import { CredentialsForm } from '../components/credentials-form';
import { EnrolmentStep } from '../components/enrolment-step';
import { RecoveryCodes } from '../components/recovery-codes';
import { SecondFactorForm } from '../components/second-factor-form';

type Step =
  | { kind: 'credentials' }
  | { kind: 'code'; token: string }
  | { kind: 'enrol'; token: string }
  | { kind: 'recovery'; codes: string[] };

function StepHeading({ children }: { children: string }) {
  const ref = useFocusOnMount<HTMLHeadingElement>();
  return (
    <h2 ref={ref} tabIndex={-1}>
      {children}
    </h2>
  );
}

export function LoginPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const next = safeNextPath(useSearchParams()[0].get('next'), paths.account);
  const status = useSessionStatus();
  const [step, setStep] = useState<Step>({ kind: 'credentials' });

  const onResult = (response: LoginResponse) => {
    if (response.status === 'second_factor_required' && response.second_factor_token) {
      setStep({ kind: 'code', token: response.second_factor_token });
    } else if (response.status === 'second_factor_enrolment_required' && response.second_factor_token) {
      setStep({ kind: 'enrol', token: response.second_factor_token });
    } else if (response.status === 'authenticated') {
      signIn(response);
      if (response.recovery_codes?.length) {
        setStep({ kind: 'recovery', codes: response.recovery_codes });
      } else {
        void navigate(next, { replace: true });
      }
    }
  };

  const restart = () => {
    setStep({ kind: 'credentials' });
  };

  if (status === 'authenticated' && step.kind === 'credentials') {
    return <Navigate to={next} replace />;
  }

  return (
    <Page title={t('login.title')}>
      {step.kind === 'credentials' && (
        <>
          <CredentialsForm onResult={onResult} />
          <p>
            <Link to={paths.forgotPassword}>{t('login.forgot')}</Link>
          </p>
          <p>
            {t('login.noAccount')} <Link to={paths.register}>{t('login.registerLink')}</Link>
          </p>
        </>
      )}
      {step.kind === 'code' && (
        <>
          <StepHeading>{t('secondFactor.title')}</StepHeading>
          <SecondFactorForm token={step.token} onResult={onResult} onRestart={restart} />
        </>
      )}
      {step.kind === 'enrol' && (
        <>
          <StepHeading>{t('enrol.title')}</StepHeading>
          <EnrolmentStep token={step.token} onResult={onResult} onRestart={restart} />
        </>
      )}
      {step.kind === 'recovery' && (
        <>
          <StepHeading>{t('recovery.title')}</StepHeading>
          <RecoveryCodes codes={step.codes} />
          <button type="button" onClick={() => void navigate(next, { replace: true })}>
            {t('recovery.continue')}
          </button>
        </>
      )}
    </Page>
  );
}
