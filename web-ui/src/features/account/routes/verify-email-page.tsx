import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { Page } from '@/components/page';
import { paths } from '@/config/paths';
import { useVerifyEmail } from '../api/registration';
import { TokenConfirmation } from '../components/token-confirmation';

/** Opened from the verification mail: confirms the address and invites to log in. */
export function VerifyEmailPage() {
  const { t } = useTranslation();
  const token = useSearchParams()[0].get('token') ?? '';
  const confirmation = useVerifyEmail(token);
  return (
    <Page title={t('verify.title')}>
      <TokenConfirmation
        token={token}
        confirmation={confirmation}
        success={
          <>
            <p>{t('verify.done')}</p>
            <p>
              <Link to={paths.login}>{t('verify.login')}</Link>
            </p>
          </>
        }
        failureHelp={
          <p>
            <Link to={paths.resendVerification}>{t('verify.resend')}</Link>
          </p>
        }
      />
    </Page>
  );
}
