import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { DateTime } from '@/components/date-time';
import { FormFeedback, FormSuccess, useFormErrors } from '@/components/form';
import { LoadError, Loading } from '@/components/status';
import { useDeliveries, useRedeliver, type WebhookDelivery } from '../api/webhooks';
import { deliveryOutcome, EVENT_LABELS } from '../utils/webhooks';

const NO_FIELDS = [] as const;

function LastResult({ delivery }: { delivery: WebhookDelivery }) {
  const { t } = useTranslation();
  const status = delivery.response_status;
  return (
    <>
      {status !== null && status !== undefined && t('admin.deliveries.httpStatus', { status })}
      {delivery.last_error && (
        <>
          {status !== null && status !== undefined && <br />}
          <span className="delivery-error">{delivery.last_error}</span>
        </>
      )}
      {(status === null || status === undefined) && !delivery.last_error && '—'}
    </>
  );
}

function Outcome({ delivery }: { delivery: WebhookDelivery }) {
  const { t } = useTranslation();
  const outcome = deliveryOutcome(delivery);
  if (outcome.state === 'unknown') return '—';
  return (
    <>
      {t(`admin.deliveries.outcome.${outcome.state}`)} <DateTime value={outcome.at} />
    </>
  );
}

type Redeliver = ReturnType<typeof useRedeliver>;

/** One delivery; its "Redeliver" button is named by the event and the time, which tell rows apart. */
function DeliveryRow({ delivery, redeliver }: { delivery: WebhookDelivery; redeliver: Redeliver }) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <tr>
      <th scope="row">
        <span id={`${id}-event`}>{t(EVENT_LABELS[delivery.event])}</span>
        {delivery.redelivery_of && (
          <>
            <br />
            <span className="status">{t('admin.deliveries.isRedelivery')}</span>
          </>
        )}
        <details className="payload">
          <summary>{t('admin.deliveries.payload')}</summary>
          <pre>{JSON.stringify(delivery.payload, null, 2)}</pre>
        </details>
      </th>
      <td id={`${id}-created`}>
        <DateTime value={delivery.created_at} />
      </td>
      <td>{delivery.attempts}</td>
      <td>
        <LastResult delivery={delivery} />
      </td>
      <td>
        <Outcome delivery={delivery} />
      </td>
      <td>
        <button
          type="button"
          id={`${id}-redeliver`}
          className="secondary"
          disabled={redeliver.isPending}
          aria-labelledby={`${id}-redeliver ${id}-event ${id}-created`}
          onClick={() => {
            redeliver.mutate(delivery.id);
          }}
        >
          {t('admin.deliveries.redeliver')}
        </button>
      </td>
    </tr>
  );
}

/** The subscription's latest deliveries, newest first, each with its body and a way to send it again. */
export function DeliveryLog({ subscriptionId }: { subscriptionId: string }) {
  const { t } = useTranslation();
  const deliveries = useDeliveries(subscriptionId);
  const redeliver = useRedeliver(subscriptionId);
  const { formError } = useFormErrors(redeliver.error, NO_FIELDS);

  return (
    <>
      <p>{t('admin.deliveries.intro')}</p>
      <p>
        <button
          type="button"
          className="secondary"
          disabled={deliveries.isFetching}
          onClick={() => void deliveries.refetch()}
        >
          {t('admin.deliveries.refresh')}
        </button>
      </p>
      <FormFeedback formError={formError} hasFieldErrors={false} />
      {redeliver.isSuccess && (
        <FormSuccess>
          <p>{t('admin.deliveries.redelivered')}</p>
        </FormSuccess>
      )}
      {deliveries.isPending && <Loading />}
      {deliveries.isError && <LoadError onRetry={() => void deliveries.refetch()} />}
      {deliveries.data &&
        (deliveries.data.length === 0 ? (
          <p>{t('admin.deliveries.empty')}</p>
        ) : (
          <div className="table-wrap" aria-busy={deliveries.isFetching}>
            <table className="table">
              <caption className="visually-hidden">{t('admin.deliveries.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('admin.deliveries.event')}</th>
                  <th scope="col">{t('admin.deliveries.created')}</th>
                  <th scope="col">{t('admin.deliveries.attempts')}</th>
                  <th scope="col">{t('admin.deliveries.lastResult')}</th>
                  <th scope="col">{t('admin.deliveries.outcomeColumn')}</th>
                  <th scope="col">{t('admin.deliveries.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {deliveries.data.map((delivery) => (
                  <DeliveryRow key={delivery.id} delivery={delivery} redeliver={redeliver} />
                ))}
              </tbody>
            </table>
          </div>
        ))}
    </>
  );
}
