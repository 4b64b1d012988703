import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { SupportButton } from '@/components/issues/support-button';
import { Page } from '@/components/page';
import { LoadError, Loading } from '@/components/status';
import { paths } from '@/config/paths';
import { ApiError } from '@/lib/api/errors';
import { useIssue } from '../api/issue';
import { IssueDetails } from '../components/issue-details';

export function IssuePage() {
  const { t } = useTranslation();
  const { number = '' } = useParams();
  const issue = useIssue(number);

  if (issue.isPending) {
    return (
      <Page title={t('issue.title')}>
        <Loading />
      </Page>
    );
  }
  if (issue.isError) {
    const missing = issue.error instanceof ApiError && issue.error.status === 404;
    return (
      <Page title={missing ? t('issue.notFound') : t('issue.title')}>
        {missing ? (
          <>
            <p className="lead">{t('issue.notFoundText')}</p>
            <p>
              <Link to={paths.map}>{t('issue.backToMap')}</Link>
            </p>
          </>
        ) : (
          <LoadError onRetry={() => void issue.refetch()} />
        )}
      </Page>
    );
  }
  return (
    <Page title={issue.data.title}>
      <SupportButton number={issue.data.number} count={issue.data.support_count} />
      <IssueDetails issue={issue.data} timeline={issue.data.timeline} />
      <p>
        <Link to={paths.map}>{t('issue.backToMap')}</Link>
      </p>
    </Page>
  );
}
