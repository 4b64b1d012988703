import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { FormSuccess } from '@/components/form';
import { Page } from '@/components/page';
import { Section } from '@/components/section';
import { LoadError, Loading } from '@/components/status';
import { paths } from '@/config/paths';
import { useCreateWebhook, useWebhooks } from '../api/webhooks';
import { AdminNav } from '../components/admin-nav';
import { OneTimeSecret } from '../components/one-time-secret';
import { WebhookForm } from '../components/webhook-form';
import { WebhookTable } from '../components/webhook-table';
import { doneName } from '../utils/location-state';

/** The webhook subscriptions of apps and units, and subscribing another. */
export function WebhooksPage() {
  const { t } = useTranslation();
  const subscriptions = useWebhooks();
  const create = useCreateWebhook();
  const deleted = doneName(useLocation().state, 'deleted');
  // The signing secret is only in the creating answer: shown from it, and gone with it.
  const created = create.data;
  return (
    <Page title={t('admin.webhooks.title')}>
      <AdminNav />
      <p className="lead">{t('admin.webhooks.intro')}</p>
      {deleted && (
        <FormSuccess>
          <p>{t('admin.webhooks.deleted', { url: deleted })}</p>
        </FormSuccess>
      )}
      {subscriptions.isPending && <Loading />}
      {subscriptions.isError && <LoadError onRetry={() => void subscriptions.refetch()} />}
      {subscriptions.data &&
        (subscriptions.data.length === 0 ? <p>{t('admin.webhooks.empty')}</p> : <WebhookTable subscriptions={subscriptions.data} />)}
      <Section title={t('admin.webhooks.newTitle')}>
        {created && (
          <>
            <FormSuccess>
              <p>
                {t('admin.webhooks.created', { url: created.url })}{' '}
                <Link to={paths.adminWebhook(created.id)}>{t('admin.webhooks.open')}</Link>
              </p>
            </FormSuccess>
            <OneTimeSecret
              title={t('admin.webhooks.secretTitle')}
              label={t('admin.webhooks.secretLabel')}
              value={created.secret}
              onDone={() => {
                create.reset();
              }}
            />
          </>
        )}
        <WebhookForm save={create} />
      </Section>
    </Page>
  );
}
