import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { IssueStatusBadge } from '@/components/issues/issue-status';
import { TableWrap } from '@/components/table-wrap';
import { paths } from '@/config/paths';
import { ISSUE_STATUSES } from '@/lib/issues/types';
import type { SupportLeader } from '../api/stats';
import { useStatsFormat } from '../utils/format';

type SupportLeadersProps = {
  leaders: readonly SupportLeader[];
  /** A unit's and a category's name by slug, in the reader's language. */
  unitName: (slug: string) => string;
  categoryName: (slug: string) => string;
};

/** The public issues residents supported most ("me too"), each linked to its public page. */
export function SupportLeaders({ leaders, unitName, categoryName }: SupportLeadersProps) {
  const { t } = useTranslation();
  const format = useStatsFormat();
  if (leaders.length === 0) {
    return <p className="status">{t('stats.leaders.none')}</p>;
  }
  return (
    <TableWrap label={t('stats.leaders.title')}>
      <table className="table stats-table">
        <caption className="visually-hidden">{t('stats.leaders.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('stats.leaders.issue')}</th>
            <th scope="col">{t('stats.columns.unit')}</th>
            <th scope="col">{t('stats.columns.category')}</th>
            <th scope="col">{t('issue.status')}</th>
            <th scope="col" className="table__value">
              {t('stats.leaders.support')}
            </th>
          </tr>
        </thead>
        <tbody>
          {leaders.map((leader) => {
            const status = ISSUE_STATUSES.find((candidate) => candidate === leader.status);
            return (
              <tr key={leader.number}>
                <th scope="row">
                  <Link to={paths.issue(leader.number)}>{leader.title}</Link>
                  <span className="stats-table__note">{leader.number}</span>
                </th>
                <td>{unitName(leader.unit)}</td>
                <td>{categoryName(leader.category)}</td>
                <td>{status ? <IssueStatusBadge status={status} /> : leader.status}</td>
                <td className="table__number">{format.count(leader.support_count)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableWrap>
  );
}
