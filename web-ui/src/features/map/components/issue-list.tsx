import { useTranslation } from 'react-i18next';
import { IssueCard } from '@/components/issues/issue-card';
import { Pagination } from '@/components/pagination';
import { LoadError, Loading } from '@/components/status';
import { paths } from '@/config/paths';
import { useIssueList, type IssueFilter } from '../api/issues';

/** The issues as a list: the same as the map shows, and a full alternative to it (R11.6). */
export function IssueList({ filter, page }: { filter: IssueFilter; page: number }) {
  const { t } = useTranslation();
  const issues = useIssueList(filter, page);
  if (issues.isPending) return <Loading />;
  if (issues.isError) return <LoadError onRetry={() => void issues.refetch()} />;
  const { items, total, per_page: perPage } = issues.data;
  return (
    <div aria-busy={issues.isFetching}>
      <p role="status" className="status">
        {t('map.list.count', { count: total })}
      </p>
      {items.length === 0 ? (
        <p>{t('map.list.empty')}</p>
      ) : (
        <ul className="issue-list">
          {items.map((issue) => (
            <li key={issue.number}>
              <IssueCard issue={issue} href={paths.issue(issue.number)} />
            </li>
          ))}
        </ul>
      )}
      <Pagination page={issues.data.page} pages={Math.max(1, Math.ceil(total / perPage))} hasNext={issues.data.page * perPage < total} />
    </div>
  );
}
