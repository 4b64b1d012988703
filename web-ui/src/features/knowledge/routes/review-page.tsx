import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { DateTime } from '@/components/date-time';
import { FormSuccess } from '@/components/form';
import { Page } from '@/components/page';
import { LoadError, Loading } from '@/components/status';
import { paths } from '@/config/paths';
import { useFocusOnMount } from '@/hooks/use-focus-on-mount';
import { ApiError } from '@/lib/api/errors';
import { useAuth } from '@/lib/auth';
import { useDraft } from '../api/drafts';
import type { Draft, DraftSummary } from '../api/types';
import { AttachmentsPanel } from '../components/attachments-panel';
import { DiffView } from '../components/diff-view';
import { KnowledgeNav } from '../components/knowledge-nav';
import { PublishForm } from '../components/publish-form';
import { ReturnForm } from '../components/return-form';
import { ReviewComments } from '../components/review-comments';
import { isUuid } from '../utils/ids';

/** What the publisher decided: published now, or scheduled; the draft is then no longer reviewed here. */
function Decided({ result }: { result: DraftSummary }) {
  const { t } = useTranslation();
  const heading = useFocusOnMount<HTMLHeadingElement>();
  // A published draft has its version number; it is shown so the register can be checked.
  const publishedText =
    typeof result.version === 'number'
      ? t('knowledge.review.publishedVersion', { version: result.version })
      : t('knowledge.review.published');
  return (
    <Page title={t('knowledge.review.title', { name: result.name })}>
      <KnowledgeNav />
      <FormSuccess>
        <h2 ref={heading} tabIndex={-1}>
          {result.state === 'scheduled' && result.publish_at ? (
            <>
              {t('knowledge.review.scheduled')} <DateTime value={result.publish_at} />
            </>
          ) : (
            publishedText
          )}
        </h2>
        <p>
          <Link to={paths.procedure(result.procedure_id)}>{t('knowledge.review.publicLink')}</Link>
          {' · '}
          <Link to={paths.procedureReviewQueue}>{t('knowledge.review.queueLink')}</Link>
        </p>
      </FormSuccess>
    </Page>
  );
}

function ReviewScreen({ draft, onDecided }: { draft: Draft; onDecided: (result: DraftSummary) => void }) {
  const { t } = useTranslation();
  const { isKnowledgePublisher, editsProceduresOf } = useAuth();
  const name = draft.content.fields.name || t('knowledge.editor.untitled');
  const state = t(`knowledge.state.${draft.state}`);
  const decidable = draft.state === 'in_review';
  const returnable = draft.state === 'in_review' || draft.state === 'scheduled';
  return (
    <Page title={t('knowledge.review.title', { name })}>
      <KnowledgeNav />
      <p className="lead">{t('knowledge.review.intro')}</p>
      <p>
        {draft.unit.name}. {t('knowledge.editor.state', { state })}
        {draft.publish_at && (
          <>
            {' '}
            {t('knowledge.drafts.publishAt')}{' '}
            <DateTime value={draft.publish_at} />
          </>
        )}
      </p>
      {editsProceduresOf(draft.unit.id) && (
        <p>
          <Link to={paths.procedureDraft(draft.id)}>{t('knowledge.review.openEditor')}</Link>
        </p>
      )}
      {!decidable && <p className="notice">{t('knowledge.review.notInReview', { state })}</p>}
      <DiffView draft={draft} />
      <AttachmentsPanel procedureId={draft.procedure_id} draftId={draft.id} attachments={draft.attachments} canUpload={false} />
      <ReviewComments draft={draft} />
      {isKnowledgePublisher && decidable && <PublishForm draftId={draft.id} onPublished={onDecided} />}
      {isKnowledgePublisher && returnable && <ReturnForm draftId={draft.id} />}
    </Page>
  );
}

/** The publisher's review of a draft: the diff, comments, return with a comment, publish or schedule. */
export function ReviewPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const [decided, setDecided] = useState<DraftSummary | undefined>();
  // Once published, the draft is no longer open: it is not asked for again.
  const draft = useDraft(id, isUuid(id) && decided === undefined);
  if (decided) return <Decided result={decided} />;
  if (!isUuid(id) || (draft.error instanceof ApiError && draft.error.status === 404)) {
    return (
      <Page title={t('knowledge.procedure.notFound')}>
        <p>
          <Link to={paths.procedureReviewQueue}>{t('knowledge.review.queueLink')}</Link>
        </p>
      </Page>
    );
  }
  if (draft.isPending) return <Loading />;
  if (draft.isError) return <LoadError onRetry={() => void draft.refetch()} />;
  return <ReviewScreen draft={draft.data} onDecided={setDecided} />;
}
