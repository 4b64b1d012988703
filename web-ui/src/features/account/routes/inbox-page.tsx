import { useTranslation } from 'react-i18next';
import { Page } from '@/components/page';
import { LoadError, Loading } from '@/components/status';
import { useInbox } from '../api/inbox';
import { AccountNav } from '../components/account-nav';
import { MessageList } from '../components/message-list';

export function InboxPage() {
  const { t } = useTranslation();
  const inbox = useInbox();
  return (
    <Page title={t('inbox.title')}>
      <AccountNav />
      {inbox.isPending && <Loading />}
      {inbox.isError && <LoadError onRetry={() => void inbox.refetch()} />}
      {inbox.data && (
        <>
          <p className="status">{t('inbox.summary', { count: inbox.data.items.length, unread: inbox.data.unread })}</p>
          {inbox.data.items.length === 0 ? <p>{t('inbox.empty')}</p> : <MessageList messages={inbox.data.items} />}
        </>
      )}
    </Page>
  );
}
