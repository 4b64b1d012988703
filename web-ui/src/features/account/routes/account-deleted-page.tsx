import { useTranslation } from 'react-i18next';
import { Page } from '@/components/page';

export function AccountDeletedPage() {
  const { t } = useTranslation();
  return (
    <Page title={t('accountDeleted.title')}>
      <p className="lead">{t('accountDeleted.text')}</p>
    </Page>
  );
}
