import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DateTime } from '@/components/date-time';
import { paths } from '@/config/paths';
import type { WebhookSubscription } from '../api/webhooks';
import { EVENT_LABELS } from '../utils/webhooks';
import { EnabledState } from './enable-switch';

/** Whose a subscription is: an app's or a unit's. */
export function WebhookOwner({ subscription }: { subscription: WebhookSubscription }) {
  const { t } = useTranslation();
  if (subscription.app) return t('admin.webhooks.ownerApp', { name: subscription.app.name });
  if (subscription.unit) return t('admin.webhooks.ownerUnit', { name: subscription.unit.name });
  return '—';
}

export function WebhookEvents({ subscription }: { subscription: WebhookSubscription }) {
  const { t } = useTranslation();
  return subscription.events.map((event) => t(EVENT_LABELS[event])).join(', ');
}

export function WebhookTable({ subscriptions }: { subscriptions: WebhookSubscription[] }) {
  const { t } = useTranslation();
  return (
    <div className="table-wrap">
      <table className="table">
        <caption className="visually-hidden">{t('admin.webhooks.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('admin.webhooks.url')}</th>
            <th scope="col">{t('admin.webhooks.owner')}</th>
            <th scope="col">{t('admin.webhooks.eventsColumn')}</th>
            <th scope="col">{t('admin.webhooks.state')}</th>
            <th scope="col">{t('admin.webhooks.createdAt')}</th>
          </tr>
        </thead>
        <tbody>
          {subscriptions.map((subscription) => (
            <tr key={subscription.id}>
              <th scope="row">
                <Link to={paths.adminWebhook(subscription.id)} className="url">
                  {subscription.url}
                </Link>
              </th>
              <td>
                <WebhookOwner subscription={subscription} />
              </td>
              <td>
                <WebhookEvents subscription={subscription} />
              </td>
              <td>
                <EnabledState disabledAt={subscription.disabled_at} />
              </td>
              <td>
                <DateTime value={subscription.created_at} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
