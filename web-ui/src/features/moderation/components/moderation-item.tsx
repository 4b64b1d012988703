import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { DateTime } from '@/components/date-time';
import { FieldValueList } from '@/components/issues/field-value-list';
import { useLanguage } from '@/hooks/use-language';
import { inLanguage } from '@/lib/issues/fields';
import type { Category, Moderation } from '@/lib/issues/types';
import { fieldValuesOf } from '@/lib/issues/types';
import type { StaffIssue } from '@/lib/issues/staff';
import { DecisionForm } from '@/components/moderation/decision-form';
import { RedactionForm } from '@/components/moderation/redaction-form';
import { StaffPhotos } from '@/components/moderation/staff-photos';

type ModerationItemProps = {
  issue: StaffIssue;
  categories: readonly Category[];
  onDecided: (number: string, decision: Exclude<Moderation, 'pending'>) => void;
};

/** One pending issue as a moderator sees it: the reporter's own words, every photo, and the decision. */
export function ModerationItem({ issue, categories, onDecided }: ModerationItemProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const id = useId();
  const fields = categories.find((category) => category.id === issue.category.id)?.fields;
  const place =
    issue.address ??
    (issue.location ? t('report.summary.point', { lat: issue.location.lat.toFixed(5), lon: issue.location.lon.toFixed(5) }) : t('issue.noPlace'));

  return (
    <article className="moderation-item" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{issue.original_title}</h2>
      <dl className="details">
        <div className="details__row">
          <dt>{t('issue.number')}</dt>
          <dd>{issue.number}</dd>
        </div>
        <div className="details__row">
          <dt>{t('issue.category')}</dt>
          <dd>{inLanguage(language, issue.category.name_pl, issue.category.name_en)}</dd>
        </div>
        <div className="details__row">
          <dt>{t('issue.created')}</dt>
          <dd>
            <DateTime value={issue.created_at} />
          </dd>
        </div>
        <div className="details__row">
          <dt>{t('moderation.channel')}</dt>
          <dd>{t(`channel.${issue.channel}`)}</dd>
        </div>
        <div className="details__row">
          <dt>{t('issue.place')}</dt>
          <dd>
            {place}
            {issue.needs_pinpoint && ` ${t('moderation.needsPinpoint')}`}
          </dd>
        </div>
        <div className="details__row">
          <dt>{t('moderation.reporter')}</dt>
          <dd>
            {issue.registered_reporter ? t('moderation.registered') : t('moderation.anonymous')}
            {issue.has_contact && `, ${t('moderation.hasContact')}`}
          </dd>
        </div>
        <FieldValueList fields={fields} values={fieldValuesOf(issue)} />
      </dl>
      <h3>{t('moderation.original')}</h3>
      <p className="issue-description">{issue.original_description}</p>
      {issue.redacted && (
        <div className="notice">
          <p>{t('moderation.publicVersion')}</p>
          <p>
            <strong>{issue.title}</strong>
          </p>
          <p className="issue-description">{issue.description}</p>
        </div>
      )}
      <h3>{t('issue.photos')}</h3>
      <StaffPhotos issue={issue} />
      <h3>{t('moderation.decision')}</h3>
      <DecisionForm
        issue={issue}
        onDecided={(decision) => {
          onDecided(issue.number, decision);
        }}
      />
      <details className="redaction">
        <summary>{t('moderation.redact')}</summary>
        <RedactionForm issue={issue} />
      </details>
    </article>
  );
}
