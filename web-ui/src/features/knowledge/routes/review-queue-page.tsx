import { useTranslation } from 'react-i18next';
import { Page } from '@/components/page';
import { LoadError, Loading } from '@/components/status';
import { paths } from '@/config/paths';
import { useAuth } from '@/lib/auth';
import { useDrafts } from '../api/drafts';
import { DraftTable } from '../components/draft-table';
import { KnowledgeNav } from '../components/knowledge-nav';

/** The publisher's queue: drafts in review and scheduled ones, oldest change first. */
export function ReviewQueuePage() {
  const { t } = useTranslation();
  const { isKnowledgePublisher } = useAuth();
  const inReview = useDrafts('in_review', isKnowledgePublisher);
  const scheduled = useDrafts('scheduled', isKnowledgePublisher);
  const failed = inReview.isError || scheduled.isError;
  const drafts = [...(inReview.data ?? []), ...(scheduled.data ?? [])];
  return (
    <Page title={t('knowledge.drafts.reviewTitle')}>
      <KnowledgeNav />
      <p className="lead">{t('knowledge.drafts.reviewIntro')}</p>
      {!isKnowledgePublisher ? (
        <p>{t('forbidden.knowledge')}</p>
      ) : failed ? (
        <LoadError
          onRetry={() => {
            void inReview.refetch();
            void scheduled.refetch();
          }}
        />
      ) : inReview.isPending || scheduled.isPending ? (
        <Loading />
      ) : drafts.length === 0 ? (
        <p>{t('knowledge.drafts.emptyReview')}</p>
      ) : (
        <DraftTable
          drafts={drafts}
          linkTo={(draft) => paths.procedureReview(draft.id)}
          caption={t('knowledge.drafts.reviewTitle')}
        />
      )}
    </Page>
  );
}
