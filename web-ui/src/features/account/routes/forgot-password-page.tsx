import { useTranslation } from 'react-i18next';
import { Page } from '@/components/page';
import { useRequestPasswordReset } from '../api/password-reset';
import { EmailRequestForm } from '../components/email-request-form';

export function ForgotPasswordPage() {
  const { t } = useTranslation();
  const request = useRequestPasswordReset();
  return (
    <Page title={t('forgot.title')}>
      <p className="lead">{t('forgot.intro')}</p>
      <EmailRequestForm request={request} submitLabel={t('forgot.submit')} sentMessage={t('forgot.sent')} />
    </Page>
  );
}
