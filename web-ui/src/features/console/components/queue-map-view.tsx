import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadError, Loading } from '@/components/status';
import { useCity } from '@/lib/issues/queries';
import { MAP_PER_PAGE, useQueue } from '../api/queue';
import type { QueueFilter } from '../utils/queue-filter';

// The map library is large: it is loaded only when the map is first shown.
const QueueMap = lazy(async () => ({ default: (await import('./queue-map')).QueueMap }));

/** The queue's issues on the map, with what the map cannot show said in words. */
export function QueueMapView({ filter }: { filter: QueueFilter }) {
  const { t } = useTranslation();
  const city = useCity();
  const queue = useQueue({ ...filter, per_page: MAP_PER_PAGE });

  if (queue.isPending || city.isPending) return <Loading />;
  if (queue.isError) return <LoadError onRetry={() => void queue.refetch()} />;
  if (city.isError) return <LoadError onRetry={() => void city.refetch()} />;

  const { items, total } = queue.data;
  const unplaced = items.filter((item) => !item.location).length;
  return (
    <div className="queue-map">
      <p role="status" className="status">
        {t('console.queue.count', { count: total })} {total > items.length && t('console.map.truncated', { count: items.length })}{' '}
        {unplaced > 0 && t('console.map.unplaced', { count: unplaced })}
      </p>
      <Suspense fallback={<Loading />}>
        <QueueMap city={city.data} items={items} />
      </Suspense>
    </div>
  );
}
