import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { Page } from '@/components/page';
import { useResendVerification } from '../api/registration';
import { EmailRequestForm } from '../components/email-request-form';

function emailFromState(state: unknown): string | undefined {
  return typeof state === 'object' && state !== null && 'email' in state && typeof state.email === 'string'
    ? state.email
    : undefined;
}

/** After registering: the verification mail is on its way. */
export function RegisteredPage() {
  const { t } = useTranslation();
  const email = emailFromState(useLocation().state);
  const resend = useResendVerification();
  return (
    <Page title={t('registered.title')}>
      <p className="lead">{email ? t('registered.textTo', { email }) : t('registered.text')}</p>
      <p>{t('registered.spam')}</p>
      <h2>{t('resend.heading')}</h2>
      <EmailRequestForm
        request={resend}
        defaultEmail={email}
        submitLabel={t('resend.submit')}
        sentMessage={t('resend.sent')}
      />
    </Page>
  );
}
