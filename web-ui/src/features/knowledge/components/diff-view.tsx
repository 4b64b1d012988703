import { useTranslation } from 'react-i18next';
import { Section } from '@/components/section';
import { LoadError, Loading } from '@/components/status';
import { useLanguage } from '@/hooks/use-language';
import { useDraftDiff } from '../api/drafts';
import { useProcedures, useTopics } from '../api/procedures';
import type { Draft, FieldChange } from '../api/types';
import { valueText, type DiffContext } from '../utils/diff-text';
import { pathLabel } from '../utils/field-paths';

function Change({ change, context }: { change: FieldChange; context: DiffContext }) {
  const { t } = useTranslation();
  // The API sends `before` with changed and removed items, `after` with changed and added ones.
  const before = change.kind === 'added' ? undefined : valueText(change.field, change.before, context);
  const after = change.kind === 'removed' ? undefined : valueText(change.field, change.after, context);
  return (
    <li className={`diff-change diff-change--${change.kind}`}>
      <h3 className="diff-change__field">
        {pathLabel(change.field, t)} <span className="diff-change__kind">({t(`knowledge.review.kind.${change.kind}`)})</span>
      </h3>
      <dl className="diff-change__values">
        {before !== undefined && (
          <div className="diff-change__before">
            <dt>{t('knowledge.review.before')}</dt>
            <dd>
              <del>{before}</del>
            </dd>
          </div>
        )}
        {after !== undefined && (
          <div className="diff-change__after">
            <dt>{t('knowledge.review.after')}</dt>
            <dd>
              <ins>{after}</ins>
            </dd>
          </div>
        )}
      </dl>
    </li>
  );
}

/**
 * The field-by-field changes of a draft against the published version, each with the
 * field's name in words and its values as a reader reads them (a fee as "kind — amount —
 * account", topics and related procedures by name, files by their names).
 */
export function DiffView({ draft }: { draft: Draft }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const diff = useDraftDiff(draft.id);
  const topics = useTopics();
  const procedures = useProcedures({ per_page: 100 }, true);
  const context: DiffContext = {
    t,
    language,
    topicName: (slug) => {
      const topic = topics.data?.find((candidate) => candidate.slug === slug);
      return topic && (language === 'pl' ? topic.name_pl : topic.name_en);
    },
    procedureName: (id) => procedures.data?.items.find((procedure) => procedure.id === id)?.name,
    fileName: (id) => draft.attachments.find((attachment) => attachment.id === id)?.file_name,
  };
  return (
    <Section title={t('knowledge.review.diff')}>
      {diff.isPending && <Loading />}
      {diff.isError && <LoadError onRetry={() => void diff.refetch()} />}
      {diff.data && (
        <>
          <p>
            {diff.data.base_version === null || diff.data.base_version === undefined
              ? t('knowledge.review.newProcedure')
              : t('knowledge.review.base', { version: diff.data.base_version })}
          </p>
          {draft.change_note && <p>{t('knowledge.review.changeNote', { note: draft.change_note })}</p>}
          {diff.data.changes.length === 0 ? (
            <p>{t('knowledge.review.noChanges')}</p>
          ) : (
            <ol className="diff">
              {diff.data.changes.map((change, index) => (
                <Change key={`${change.field}:${String(index)}`} change={change} context={context} />
              ))}
            </ol>
          )}
        </>
      )}
    </Section>
  );
}
