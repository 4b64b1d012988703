import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { Page } from '@/components/page';
import { LoadError, Loading } from '@/components/status';
import { paths } from '@/config/paths';
import { useLanguage } from '@/hooks/use-language';
import { useAuth } from '@/lib/auth';
import { useUnits } from '@/lib/issues/queries';
import { useCreateProcedure } from '../api/drafts';
import { KnowledgeNav } from '../components/knowledge-nav';
import { ProcedureEditor } from '../components/procedure-editor';
import { emptyEditorState } from '../utils/editor-state';

/** A new procedure of one of the editor's units, saved as its first draft. */
export function NewProcedurePage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const navigate = useNavigate();
  const { editsProceduresOf } = useAuth();
  const units = useUnits();
  const create = useCreateProcedure();
  const [initial] = useState(() => emptyEditorState(language));
  const ownUnits = (units.data ?? []).filter((unit) => editsProceduresOf(unit.id));
  return (
    <Page title={t('knowledge.editor.newTitle')}>
      <KnowledgeNav />
      <p className="lead">{t('knowledge.editor.intro')}</p>
      <p className="notice">{t('knowledge.editor.saveFirst')}</p>
      {units.isPending ? (
        <Loading />
      ) : units.isError ? (
        <LoadError onRetry={() => void units.refetch()} />
      ) : ownUnits.length === 0 ? (
        <p>{t('forbidden.knowledge')}</p>
      ) : (
        <ProcedureEditor
          initial={initial}
          attachments={[]}
          units={ownUnits}
          onSave={async (payload) => {
            const draft = await create.mutateAsync(payload);
            await navigate(paths.procedureDraft(draft.id), { replace: true, state: { created: true } });
          }}
        />
      )}
    </Page>
  );
}
