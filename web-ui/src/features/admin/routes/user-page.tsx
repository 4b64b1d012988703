import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { DateTime } from '@/components/date-time';
import { Page } from '@/components/page';
import { Section } from '@/components/section';
import { LoadError, Loading } from '@/components/status';
import { paths } from '@/config/paths';
import { useAccount, useSendMessage, type AccountSummary } from '../api/accounts';
import { AdminNav } from '../components/admin-nav';
import { BlockSection } from '../components/block-section';
import { MessageForm } from '../components/message-form';
import { RoleGrants } from '../components/role-grants';

function AccountDetails({ account }: { account: AccountSummary }) {
  const { t } = useTranslation();
  const yesNo = (value: boolean) => (value ? t('common.yes') : t('common.no'));
  return (
    <dl className="details">
      <dt>{t('account.fields.email')}</dt>
      <dd>{account.email}</dd>
      <dt>{t('account.fields.phone')}</dt>
      <dd>{account.phone ?? '—'}</dd>
      <dt>{t('admin.user.verified')}</dt>
      <dd>{yesNo(account.email_verified)}</dd>
      <dt>{t('admin.user.totp')}</dt>
      <dd>{yesNo(account.totp_enabled)}</dd>
      <dt>{t('admin.users.status')}</dt>
      <dd>{account.blocked ? t('admin.users.blocked') : t('admin.users.active')}</dd>
      <dt>{t('admin.users.created')}</dt>
      <dd>
        <DateTime value={account.created_at} />
      </dd>
    </dl>
  );
}

function SendMessage({ accountId }: { accountId: string }) {
  const { t } = useTranslation();
  const send = useSendMessage(accountId);
  return <MessageForm send={send} submitLabel={t('admin.message.send')} sentMessage={t('admin.message.sent')} />;
}

export function UserPage() {
  const { t } = useTranslation();
  const id = useParams().id ?? '';
  const account = useAccount(id);
  const title = account.data ? `${account.data.first_name} ${account.data.last_name}` : t('admin.user.title');
  return (
    <Page title={title}>
      <AdminNav />
      <p>
        <Link to={paths.adminUsers}>{t('admin.user.back')}</Link>
      </p>
      {account.isPending && <Loading />}
      {account.isError && <LoadError onRetry={() => void account.refetch()} />}
      {account.data && (
        <>
          <AccountDetails account={account.data} />
          <p>
            <Link to={`${paths.adminAccessLog}?subject_id=${encodeURIComponent(account.data.id)}`}>
              {t('admin.user.accessLog')}
            </Link>
          </p>
          <Section title={t('admin.roles.title')}>
            <RoleGrants account={account.data} />
          </Section>
          <Section title={t('admin.block.title')}>
            <BlockSection account={account.data} />
          </Section>
          <Section title={t('admin.message.title')}>
            <SendMessage accountId={account.data.id} />
          </Section>
        </>
      )}
    </Page>
  );
}
