import { useTranslation } from 'react-i18next';
import { Page } from '@/components/page';
import { LoadError, Loading } from '@/components/status';
import { paths } from '@/config/paths';
import { useAuth } from '@/lib/auth';
import { useDrafts } from '../api/drafts';
import { DraftTable } from '../components/draft-table';
import { KnowledgeNav, useIsProcedureEditor } from '../components/knowledge-nav';

/** The open drafts of the editor's units (every unit's for publishers). */
export function DraftsPage() {
  const { t } = useTranslation();
  const { isKnowledgePublisher } = useAuth();
  const editor = useIsProcedureEditor();
  const allowed = editor || isKnowledgePublisher;
  const drafts = useDrafts(undefined, allowed);
  return (
    <Page title={t('knowledge.drafts.title')}>
      <KnowledgeNav />
      <p className="lead">{t('knowledge.drafts.intro')}</p>
      {!allowed ? (
        <p>{t('forbidden.knowledge')}</p>
      ) : drafts.isPending ? (
        <Loading />
      ) : drafts.isError ? (
        <LoadError onRetry={() => void drafts.refetch()} />
      ) : drafts.data.length === 0 ? (
        <p>{t('knowledge.drafts.empty')}</p>
      ) : (
        <DraftTable drafts={drafts.data} linkTo={(draft) => paths.procedureDraft(draft.id)} caption={t('knowledge.drafts.title')} />
      )}
    </Page>
  );
}
