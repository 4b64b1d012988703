import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DateTime } from '@/components/date-time';
import type { DraftSummary } from '../api/types';

type DraftTableProps = {
  drafts: readonly DraftSummary[];
  /** Where a draft's link leads (the editor, or the review). */
  linkTo: (draft: DraftSummary) => string;
  caption: string;
};

/** Open drafts: procedure, unit, state, what it changes and when it was last changed. */
export function DraftTable({ drafts, linkTo, caption }: DraftTableProps) {
  const { t } = useTranslation();
  return (
    <div className="table-wrap">
      <table className="table draft-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('knowledge.drafts.procedure')}</th>
            <th scope="col">{t('knowledge.drafts.unit')}</th>
            <th scope="col">{t('knowledge.drafts.state')}</th>
            <th scope="col">{t('knowledge.drafts.note')}</th>
            <th scope="col">{t('knowledge.drafts.updated')}</th>
          </tr>
        </thead>
        <tbody>
          {drafts.map((draft) => (
            <tr key={draft.id}>
              <th scope="row">
                <Link to={linkTo(draft)}>{draft.name || t('knowledge.editor.untitled')}</Link>
                <br />
                <span className="field__hint">
                  {draft.base_version === null || draft.base_version === undefined
                    ? t('knowledge.drafts.newProcedure')
                    : t('knowledge.drafts.changes', { version: draft.base_version })}
                </span>
              </th>
              <td>{draft.unit.name}</td>
              <td>
                {t(`knowledge.state.${draft.state}`)}
                {draft.publish_at && (
                  <>
                    <br />
                    <DateTime value={draft.publish_at} />
                  </>
                )}
              </td>
              <td>{draft.change_note}</td>
              <td>
                <DateTime value={draft.updated_at} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
