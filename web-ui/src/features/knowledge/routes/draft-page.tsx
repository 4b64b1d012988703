import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { Page } from '@/components/page';
import { LoadError, Loading } from '@/components/status';
import { paths } from '@/config/paths';
import { useLanguage } from '@/hooks/use-language';
import { ApiError } from '@/lib/api/errors';
import { useAuth } from '@/lib/auth';
import { useDraft, useSaveDraft, useSubmitDraft } from '../api/drafts';
import type { Draft } from '../api/types';
import { AttachmentsPanel } from '../components/attachments-panel';
import { DiffView } from '../components/diff-view';
import { KnowledgeNav } from '../components/knowledge-nav';
import { ProcedureEditor } from '../components/procedure-editor';
import { ReviewComments } from '../components/review-comments';
import { toEditorState } from '../utils/editor-state';
import { isUuid } from '../utils/ids';

function createdNotice(state: unknown): boolean {
  return typeof state === 'object' && state !== null && 'created' in state && state.created === true;
}

/** The editor of a draft its unit's editors may still change. */
function DraftEditor({ draft, onSubmitted }: { draft: Draft; onSubmitted: () => void }) {
  const language = useLanguage();
  const save = useSaveDraft(draft.id);
  const submit = useSubmitDraft(draft.id);
  const [initial] = useState(() => toEditorState(draft.content, draft.change_note, language));
  return (
    <ProcedureEditor
      initial={initial}
      attachments={draft.attachments}
      procedureId={draft.procedure_id}
      onSave={(payload) => save.mutateAsync({ content: payload.content, change_note: payload.change_note })}
      onSubmit={async (payload) => {
        await submit.mutateAsync({ content: payload.content, change_note: payload.change_note });
        onSubmitted();
      }}
    />
  );
}

function DraftScreen({ draft }: { draft: Draft }) {
  const { t } = useTranslation();
  const created = createdNotice(useLocation().state);
  const [submitted, setSubmitted] = useState(false);
  const { editsProceduresOf, isKnowledgePublisher } = useAuth();
  const editor = editsProceduresOf(draft.unit.id);
  const editable = draft.state === 'draft' || draft.state === 'returned';
  const state = t(`knowledge.state.${draft.state}`);
  const name = draft.content.fields.name || t('knowledge.editor.untitled');
  return (
    <Page title={t('knowledge.editor.title', { name })}>
      <KnowledgeNav />
      <div role="status">
        {submitted ? (
          <p className="success">{t('knowledge.editor.submitted')}</p>
        ) : (
          created && <p className="success">{t('knowledge.editor.created')}</p>
        )}
      </div>
      <p className="lead">
        {draft.unit.name}. {t('knowledge.editor.state', { state })}
      </p>
      {draft.base_version !== null && draft.base_version !== undefined && (
        <p>
          <Link to={paths.procedure(draft.procedure_id)}>{t('knowledge.review.publicLink')}</Link>
        </p>
      )}
      {!editable && <p className="notice">{t('knowledge.editor.notEditable', { state })}</p>}
      {editable && !editor && <p className="notice">{t('knowledge.editor.notYourUnit', { unit: draft.unit.name })}</p>}
      {isKnowledgePublisher && (draft.state === 'in_review' || draft.state === 'scheduled') && (
        <p>
          <Link to={paths.procedureReview(draft.id)}>{t('knowledge.staff.reviewLink')}</Link>
        </p>
      )}
      <ReviewComments draft={draft} />
      <AttachmentsPanel
        procedureId={draft.procedure_id}
        draftId={draft.id}
        attachments={draft.attachments}
        canUpload={editor && editable}
      />
      {editor && editable ? (
        <DraftEditor
          key={draft.id}
          draft={draft}
          onSubmitted={() => {
            setSubmitted(true);
          }}
        />
      ) : <DiffView draft={draft} />}
    </Page>
  );
}

/** A draft: its editor for the unit's editors while it can change; otherwise what it changes. */
export function DraftPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const draft = useDraft(id, isUuid(id));
  if (!isUuid(id) || (draft.error instanceof ApiError && draft.error.status === 404)) {
    return (
      <Page title={t('knowledge.procedure.notFound')}>
        <p>
          <Link to={paths.procedureDrafts}>{t('knowledge.drafts.title')}</Link>
        </p>
      </Page>
    );
  }
  if (draft.isPending) return <Loading />;
  if (draft.isError) return <LoadError onRetry={() => void draft.refetch()} />;
  return <DraftScreen draft={draft.data} />;
}
