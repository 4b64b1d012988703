import { useTranslation } from 'react-i18next';
import { TableWrap } from '@/components/table-wrap';
import type { Backlog } from '../api/stats';
import { useStatsFormat } from '../utils/format';

/** What each unit has open today, and how much of it is past its deadline. */
export function BacklogTable({ backlog }: { backlog: readonly Backlog[] }) {
  const { t } = useTranslation();
  const format = useStatsFormat();
  if (backlog.length === 0) {
    return <p className="status">{t('stats.backlog.none')}</p>;
  }
  return (
    <TableWrap label={t('stats.backlog.title')}>
      <table className="table stats-table">
        <caption className="visually-hidden">{t('stats.backlog.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('stats.columns.unit')}</th>
            <th scope="col" className="table__value">
              {t('stats.backlog.open')}
            </th>
            <th scope="col" className="table__value">
              {t('stats.backlog.overdue')}
            </th>
          </tr>
        </thead>
        <tbody>
          {backlog.map((row) => (
            <tr key={row.unit}>
              <th scope="row">{row.name}</th>
              <td className="table__number">{format.count(row.open)}</td>
              <td className="table__number">{format.count(row.overdue)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}
