import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { Pagination } from '@/components/pagination';
import { Page } from '@/components/page';
import { LoadError, Loading } from '@/components/status';
import { useFocusOnMount } from '@/hooks/use-focus-on-mount';
import { useCategories } from '@/lib/issues/queries';
import type { Moderation } from '@/lib/issues/types';
import { QUEUE_PER_PAGE, useModerationQueue } from '../api/moderation';
import { ModerationItem } from '../components/moderation-item';

function pageOf(value: string | null): number {
  const page = Number(value);
  return Number.isInteger(page) && page > 0 ? page : 1;
}

/** Says what was decided; focus moves here, since the decided issue has left the queue. */
function Decided({ text }: { text: string }) {
  const ref = useFocusOnMount<HTMLParagraphElement>();
  return (
    <p ref={ref} tabIndex={-1} role="status" className="success">
      {text}
    </p>
  );
}

export function ModerationPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const page = pageOf(params.get('page'));
  const queue = useModerationQueue(page);
  const categories = useCategories();
  const [decided, setDecided] = useState<{ number: string; decision: Exclude<Moderation, 'pending'> }>();

  return (
    <Page title={t('moderation.title')}>
      <p className="lead">{t('moderation.intro')}</p>
      {decided && (
        <Decided key={`${decided.number}-${decided.decision}`} text={t(`moderation.decided.${decided.decision}`, { number: decided.number })} />
      )}
      {queue.isPending && <Loading />}
      {queue.isError && <LoadError onRetry={() => void queue.refetch()} />}
      {queue.data && (
        <>
          <p className="status">{t('moderation.count', { count: queue.data.total })}</p>
          {queue.data.items.length === 0 ? (
            <p>{t('moderation.empty')}</p>
          ) : (
            <ul className="moderation-queue">
              {queue.data.items.map((issue) => (
                <li key={issue.number}>
                  <ModerationItem
                    issue={issue}
                    categories={categories.data ?? []}
                    onDecided={(number, decision) => {
                      setDecided({ number, decision });
                    }}
                  />
                </li>
              ))}
            </ul>
          )}
          <Pagination
            page={page}
            pages={Math.max(1, Math.ceil(queue.data.total / QUEUE_PER_PAGE))}
            hasNext={page * QUEUE_PER_PAGE < queue.data.total}
          />
        </>
      )}
    </Page>
  );
}
