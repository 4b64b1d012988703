import { useTranslation } from 'react-i18next';
import { Page } from '@/components/page';
import { useAnnounce } from '../api/administration';
import { AdminNav } from '../components/admin-nav';
import { MessageForm } from '../components/message-form';

/** An announcement goes to every resident's inbox. */
export function AnnouncementsPage() {
  const { t } = useTranslation();
  const announce = useAnnounce();
  return (
    <Page title={t('admin.announcements.title')}>
      <AdminNav />
      <p className="lead">{t('admin.announcements.intro')}</p>
      <MessageForm send={announce} submitLabel={t('admin.announcements.submit')} sentMessage={t('admin.announcements.sent')} />
    </Page>
  );
}
