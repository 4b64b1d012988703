import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { InformationRequest } from '@/components/issues/information-request';
import { IssueStatusBadge } from '@/components/issues/issue-status';
import { ModerationState } from '@/components/issues/moderation-state';
import { Page } from '@/components/page';
import { Section } from '@/components/section';
import { LoadError, Loading } from '@/components/status';
import { paths } from '@/config/paths';
import { ApiError } from '@/lib/api/errors';
import { useAnswerByTracking, useTrackedIssue } from '../api/issue';
import { IssueDetails } from '../components/issue-details';
import { WithdrawConsent } from '../components/withdraw-consent';

/** An anonymous reporter follows their issue through the secret link they were given (R1.2). */
export function TrackingPage() {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  const tracked = useTrackedIssue(token);
  const answer = useAnswerByTracking(token);

  if (tracked.isPending) {
    return (
      <Page title={t('tracking.title')}>
        <Loading />
      </Page>
    );
  }
  if (tracked.isError) {
    const unknown = tracked.error instanceof ApiError && tracked.error.status === 404;
    return (
      <Page title={t('tracking.title')}>
        {unknown ? <p className="lead">{t('tracking.unknown')}</p> : <LoadError onRetry={() => void tracked.refetch()} />}
      </Page>
    );
  }
  const issue = tracked.data;
  const approved = issue.moderation === 'approved';
  return (
    <Page title={t('tracking.title')}>
      <p className="lead">
        {t('tracking.issue', { number: issue.number })} <strong>{issue.title}</strong>
      </p>
      <div className="tracking-state" role="status">
        <p>
          {t('tracking.status')} <IssueStatusBadge status={issue.status} />
        </p>
        <ModerationState moderation={issue.moderation} reason={issue.moderation_reason} />
      </div>
      {approved && (
        <p>
          <Link to={paths.issue(issue.number)}>{t('tracking.publicPage')}</Link>
        </p>
      )}
      <InformationRequest request={issue.information_request} answer={answer} />
      <IssueDetails issue={issue} timeline={issue.timeline} photosPublic={approved} />
      <Section title={t('tracking.contactTitle')}>
        <WithdrawConsent token={token} hasContact={issue.has_contact} />
      </Section>
    </Page>
  );
}
