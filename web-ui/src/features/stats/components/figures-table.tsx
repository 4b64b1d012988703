import { useTranslation } from 'react-i18next';
import { TableWrap } from '@/components/table-wrap';
import { ISSUE_STATUSES } from '@/lib/issues/types';
import type { Figures } from '../api/stats';
import { useStatsFormat } from '../utils/format';

/** One row of a breakdown: a unit, a category or a channel, named for the reader. */
export type FiguresRow = { key: string; label: string; figures: Figures };

type FiguresTableProps = {
  caption: string;
  /** What a row is (unit, category, channel), as the first column's header. */
  rowHeader: string;
  rows: readonly FiguresRow[];
};

/** A breakdown's figures: arrivals, today's statuses, deadlines met and times in working days. */
export function FiguresTable({ caption, rowHeader, rows }: FiguresTableProps) {
  const { t } = useTranslation();
  const format = useStatsFormat();
  if (rows.length === 0) {
    return <p className="status">{t('stats.noData')}</p>;
  }
  return (
    <TableWrap label={caption}>
      <table className="table stats-table">
        <caption className="visually-hidden">{caption}</caption>
        <colgroup span={2} />
        <colgroup span={ISSUE_STATUSES.length} />
        <colgroup span={2} />
        <colgroup span={2} />
        <thead>
          <tr>
            <th scope="col" rowSpan={2}>
              {rowHeader}
            </th>
            <th scope="col" rowSpan={2} className="table__value">
              {t('stats.columns.filed')}
            </th>
            <th scope="colgroup" colSpan={ISSUE_STATUSES.length}>
              {t('stats.columns.statusNow')}
            </th>
            <th scope="colgroup" colSpan={2}>
              {t('stats.columns.inTime')}
            </th>
            <th scope="colgroup" colSpan={2}>
              {t('stats.columns.days')}
            </th>
          </tr>
          <tr>
            {ISSUE_STATUSES.map((status) => (
              <th key={status} scope="col" className="table__value">
                {t(`issueStatus.${status}`)}
              </th>
            ))}
            <th scope="col" className="table__value">
              {t('stats.columns.verification')}
            </th>
            <th scope="col" className="table__value">
              {t('stats.columns.start')}
            </th>
            <th scope="col" className="table__value">
              {t('stats.columns.toAccept')}
            </th>
            <th scope="col" className="table__value">
              {t('stats.columns.toFinish')}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ key, label, figures }) => (
            <tr key={key}>
              <th scope="row">{label}</th>
              <td className="table__number">{format.count(figures.filed)}</td>
              {ISSUE_STATUSES.map((status) => (
                <td key={status} className="table__number">
                  {format.count(figures.statuses[status])}
                </td>
              ))}
              <td className="table__number">{format.share(figures.verification.share)}</td>
              <td className="table__number">{format.share(figures.start.share)}</td>
              <td className="table__number">{format.durations(figures.days_to_accept)}</td>
              <td className="table__number">{format.durations(figures.days_to_finish)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}
