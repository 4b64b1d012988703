import { useTranslation } from 'react-i18next';
import { Page } from '@/components/page';
import { useResendVerification } from '../api/registration';
import { EmailRequestForm } from '../components/email-request-form';

export function ResendVerificationPage() {
  const { t } = useTranslation();
  const resend = useResendVerification();
  return (
    <Page title={t('resend.title')}>
      <p className="lead">{t('resend.intro')}</p>
      <EmailRequestForm request={resend} submitLabel={t('resend.submit')} sentMessage={t('resend.sent')} />
    </Page>
  );
}
