import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Page } from '@/components/page';
import { LoadError, Loading } from '@/components/status';
import { paths } from '@/config/paths';
import { useMyIssues } from '../api/my-issues';
import { AccountNav } from '../components/account-nav';
import { MyIssue } from '../components/my-issue';

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
                  <MyIssue issue={issue} />
                </li>
              ))}
            </ul>
          </>
        ))}
    </Page>
  );
}
