import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { IssueCard } from '@/components/issues/issue-card';
import { ModerationState } from '@/components/issues/moderation-state';
import { Page } from '@/components/page';
import { LoadError, Loading } from '@/components/status';
import { paths } from '@/config/paths';
import { useMyIssues } from '../api/my-issues';
import { AccountNav } from '../components/account-nav';

export function MyIssuesPage() {
  const { t } = useTranslation();
  const issues = useMyIssues();
  return (
    <Page title={t('myIssues.title')}>
      <AccountNav />
      {issues.isPending && <Loading />}
      {issues.isError && <LoadError onRetry={() => void issues.refetch()} />}
      {issues.data &&
        (issues.data.length === 0 ? (
          <p>
            {t('myIssues.empty')} <Link to={paths.report}>{t('myIssues.report')}</Link>
          </p>
        ) : (
          <>
            <p className="status">{t('myIssues.count', { count: issues.data.length })}</p>
            <ul className="issue-list">
              {issues.data.map((issue) => (
                <li key={issue.number}>
                  {/* Only approved issues have a public page. */}
                  <IssueCard issue={issue} href={issue.moderation === 'approved' ? paths.issue(issue.number) : undefined} headingLevel={2}>
                    <ModerationState moderation={issue.moderation} reason={issue.moderation_reason} />
                  </IssueCard>
                </li>
              ))}
            </ul>
          </>
        ))}
    </Page>
  );
}
