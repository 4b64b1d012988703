import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { DateTime } from '@/components/date-time';
import { FormFeedback, useFormErrors } from '@/components/form';
import { Page } from '@/components/page';
import { Section } from '@/components/section';
import { LoadError, Loading } from '@/components/status';
import { paths } from '@/config/paths';
import { useLanguage } from '@/hooks/use-language';
import { inLanguage } from '@/lib/issues/fields';
import { useUnits } from '../api/administration';
import { useAllCategories } from '../api/categories';
import {
  useDeleteWebhook,
  useRotateWebhookSecret,
  useUpdateWebhook,
  useWebhook,
  type WebhookSubscription,
} from '../api/webhooks';
import { AdminNav } from '../components/admin-nav';
import { ConfirmAction } from '../components/confirm-action';
import { DeliveryLog } from '../components/delivery-log';
import { EnabledState, EnableSwitch } from '../components/enable-switch';
import { OneTimeSecret } from '../components/one-time-secret';
import { WebhookEvents, WebhookOwner } from '../components/webhook-table';
import { WebhookForm } from '../components/webhook-form';

const NO_FIELDS = [] as const;

function WebhookDetails({ subscription }: { subscription: WebhookSubscription }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const categories = useAllCategories();
  const units = useUnits();
  // Filters are slugs: shown by name once the lists are there.
  const categoryName = (slug: string) => {
    const category = categories.data?.find((item) => item.slug === slug);
    return category ? inLanguage(language, category.name_pl, category.name_en) : slug;
  };
  const unitName = (slug: string) => units.data?.find((unit) => unit.slug === slug)?.name ?? slug;
  return (
    <dl className="details">
      <dt>{t('admin.webhooks.owner')}</dt>
      <dd>
        <WebhookOwner subscription={subscription} />
      </dd>
      <dt>{t('admin.webhooks.url')}</dt>
      <dd className="url">{subscription.url}</dd>
      <dt>{t('admin.webhooks.eventsColumn')}</dt>
      <dd>
        <WebhookEvents subscription={subscription} />
      </dd>
      <dt>{t('admin.webhooks.categories')}</dt>
      <dd>{subscription.categories.length ? subscription.categories.map(categoryName).join(', ') : t('admin.webhooks.all')}</dd>
      <dt>{t('admin.webhooks.units')}</dt>
      <dd>{subscription.units.length ? subscription.units.map(unitName).join(', ') : t('admin.webhooks.all')}</dd>
      <dt>{t('admin.webhooks.state')}</dt>
      <dd>
        <EnabledState disabledAt={subscription.disabled_at} />
      </dd>
      <dt>{t('admin.webhooks.createdAt')}</dt>
      <dd>
        <DateTime value={subscription.created_at} />
      </dd>
      <dt>{t('admin.webhooks.updatedAt')}</dt>
      <dd>
        <DateTime value={subscription.updated_at} />
      </dd>
    </dl>
  );
}

/** A new signing secret replaces the old one at once; it is shown from the answer, once. */
function SigningSecret({ id }: { id: string }) {
  const { t } = useTranslation();
  const rotate = useRotateWebhookSecret(id);
  const { formError } = useFormErrors(rotate.error, NO_FIELDS);
  return (
    <>
      <p>{t('admin.webhooks.secretText')}</p>
      <FormFeedback formError={formError} hasFieldErrors={false} />
      {rotate.data ? (
        <OneTimeSecret
          title={t('admin.webhooks.newSecretTitle')}
          label={t('admin.webhooks.secretLabel')}
          value={rotate.data.secret}
          onDone={() => {
            rotate.reset();
          }}
        />
      ) : (
        <ConfirmAction
          label={t('admin.webhooks.rotateSecret')}
          question={t('admin.webhooks.rotateQuestion')}
          confirmLabel={t('admin.webhooks.rotateConfirm')}
          pending={rotate.isPending}
          onConfirm={() => {
            rotate.mutate();
          }}
        />
      )}
    </>
  );
}

function DeleteWebhook({ subscription }: { subscription: WebhookSubscription }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const remove = useDeleteWebhook(subscription.id);
  const { formError } = useFormErrors(remove.error, NO_FIELDS);
  return (
    <>
      <p>{t('admin.webhooks.deleteText')}</p>
      <FormFeedback formError={formError} hasFieldErrors={false} />
      <ConfirmAction
        label={t('admin.webhooks.delete')}
        question={t('admin.webhooks.deleteQuestion', { url: subscription.url })}
        confirmLabel={t('admin.webhooks.deleteConfirm')}
        pending={remove.isPending}
        onConfirm={() => {
          remove.mutate(undefined, {
            onSuccess: () => void navigate(paths.adminWebhooks, { state: { deleted: subscription.url } }),
          });
        }}
      />
    </>
  );
}

/** One subscription: its settings, its signing secret and its delivery log. */
export function WebhookPage() {
  const { t } = useTranslation();
  const id = useParams().id ?? '';
  const subscription = useWebhook(id);
  const update = useUpdateWebhook(id);
  const switchUpdate = useUpdateWebhook(id);
  return (
    <Page title={t('admin.webhooks.subscriptionTitle')}>
      <AdminNav />
      <p>
        <Link to={paths.adminWebhooks}>{t('admin.webhooks.back')}</Link>
      </p>
      {subscription.isPending && <Loading />}
      {subscription.isError && <LoadError onRetry={() => void subscription.refetch()} />}
      {subscription.data && (
        <>
          <WebhookDetails subscription={subscription.data} />
          <Section title={t('admin.deliveries.title')}>
            <DeliveryLog subscriptionId={subscription.data.id} />
          </Section>
          <Section title={t('admin.webhooks.editTitle')}>
            <WebhookForm key={subscription.data.id} subscription={subscription.data} save={update} />
          </Section>
          <Section title={t('admin.webhooks.availability')}>
            <EnableSwitch
              disabled={Boolean(subscription.data.disabled_at)}
              update={switchUpdate}
              text={{ disable: t('admin.webhooks.disableText'), enable: t('admin.webhooks.enableText') }}
              label={{ disable: t('admin.webhooks.disable'), enable: t('admin.webhooks.enable') }}
            />
          </Section>
          <Section title={t('admin.webhooks.secretSection')}>
            <SigningSecret id={subscription.data.id} />
          </Section>
          <Section title={t('admin.webhooks.deleteTitle')}>
            <DeleteWebhook subscription={subscription.data} />
          </Section>
        </>
      )}
    </Page>
  );
}
