import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DateTime } from '@/components/date-time';
import { DeadlineInfo } from '@/components/issues/deadline-info';
import { FieldValueList } from '@/components/issues/field-value-list';
import { IssueStatusBadge } from '@/components/issues/issue-status';
import { paths } from '@/config/paths';
import { useLanguage } from '@/hooks/use-language';
import { inLanguage } from '@/lib/issues/fields';
import { useCategories } from '@/lib/issues/queries';
import type { StaffIssue } from '@/lib/issues/staff';
import { fieldValuesOf } from '@/lib/issues/types';

function Row({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="details__row">
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/** The facts of an issue an operator works from: state, deadline, where it came from, its fields. */
export function IssueFacts({ issue }: { issue: StaffIssue }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const categories = useCategories();
  const fields = categories.data?.find((category) => category.id === issue.category.id)?.fields;
  const place =
    issue.address ??
    (issue.location ? t('report.summary.point', { lat: issue.location.lat.toFixed(5), lon: issue.location.lon.toFixed(5) }) : t('issue.noPlace'));

  return (
    <dl className="details issue-facts">
      <Row term={t('issue.number')}>{issue.number}</Row>
      <Row term={t('issue.status')}>
        <IssueStatusBadge status={issue.status} />
        {issue.close_reason && ` (${t(`closeReason.${issue.close_reason}`)})`}
      </Row>
      {issue.merged_into && (
        <Row term={t('console.facts.mergedInto')}>
          <Link to={paths.consoleIssue(issue.merged_into)}>{issue.merged_into}</Link>
        </Row>
      )}
      <Row term={t('issue.deadline')}>
        {issue.deadline ? <DeadlineInfo deadline={issue.deadline} withKind /> : t('console.queue.noDeadline')}
      </Row>
      <Row term={t('console.facts.moderation')}>
        {t(`moderationDecision.${issue.moderation}`)}
        {issue.moderation_reason && ` – ${t('moderationState.reason', { reason: issue.moderation_reason })}`}
      </Row>
      <Row term={t('issue.category')}>{inLanguage(language, issue.category.name_pl, issue.category.name_en)}</Row>
      <Row term={t('issue.unit')}>
        {issue.unit.name}
        {issue.awaiting_dispatch && ` (${t('console.queue.awaitingDispatch')})`}
      </Row>
      <Row term={t('console.queue.channel')}>{t(`channel.${issue.channel}`)}</Row>
      <Row term={t('issue.created')}>
        <DateTime value={issue.created_at} />
      </Row>
      <Row term={t('issue.updated')}>
        <DateTime value={issue.updated_at} />
      </Row>
      <Row term={t('issue.place')}>
        {place}
        {issue.needs_pinpoint && ` ${t('moderation.needsPinpoint')}`}
      </Row>
      <Row term={t('moderation.reporter')}>
        {issue.registered_reporter ? t('moderation.registered') : t('moderation.anonymous')}
        {issue.has_contact && `, ${t('moderation.hasContact')}`}
      </Row>
      <Row term={t('console.facts.support')}>{t('support.count', { count: issue.support_count })}</Row>
      <FieldValueList fields={fields} values={fieldValuesOf(issue)} />
    </dl>
  );
}
