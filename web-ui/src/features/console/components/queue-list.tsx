import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Pagination } from '@/components/pagination';
import { LoadError, Loading } from '@/components/status';
import { useUnits } from '@/lib/issues/queries';
import { LIST_PER_PAGE, useQueue } from '../api/queue';
import type { QueueFilter } from '../utils/queue-filter';
import { BulkActions } from './bulk-actions';
import { QueueTable } from './queue-table';

/** The queue as a list, a page at a time, with the bulk actions for the chosen issues. */
export function QueueList({ filter, page }: { filter: QueueFilter; page: number }) {
  const { t } = useTranslation();
  const queue = useQueue({ ...filter, page, per_page: LIST_PER_PAGE });
  const units = useUnits();
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());

  if (queue.isPending) return <Loading />;
  if (queue.isError) return <LoadError onRetry={() => void queue.refetch()} />;

  const select = (numbers: readonly string[], chosen: boolean) => {
    setSelected((current) => {
      const next = new Set(current);
      for (const number of numbers) {
        if (chosen) next.add(number);
        else next.delete(number);
      }
      return next;
    });
  };
  const { items, total, per_page: perPage } = queue.data;
  // Only what is on this page can be chosen; issues that left the queue leave the selection.
  const chosen = items.map((item) => item.number).filter((number) => selected.has(number));

  return (
    <div aria-busy={queue.isFetching}>
      <p role="status" className="status">
        {t('console.queue.count', { count: total })}
      </p>
      {items.length === 0 ? (
        <p>{t('console.queue.empty')}</p>
      ) : (
        <>
          <BulkActions
            selected={chosen}
            units={units.data ?? []}
            onDone={(numbers) => {
              select(numbers, false);
            }}
          />
          <QueueTable items={items} selected={selected} onSelect={select} />
        </>
      )}
      <Pagination page={queue.data.page} pages={Math.max(1, Math.ceil(total / perPage))} hasNext={queue.data.page * perPage < total} />
    </div>
  );
}
