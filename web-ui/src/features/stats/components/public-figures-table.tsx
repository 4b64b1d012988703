import { useTranslation } from 'react-i18next';
import { TableWrap } from '@/components/table-wrap';
import type { PublicRow } from '../api/stats';
import { useStatsFormat } from '../utils/format';

function Cells({ row }: { row: PublicRow }) {
  const format = useStatsFormat();
  return (
    <>
      <td className="table__number">{format.count(row.filed)}</td>
      <td className="table__number">{format.count(row.finished)}</td>
      <td className="table__number">{format.share(row.verification.share)}</td>
      <td className="table__number">{format.share(row.start.share)}</td>
      <td className="table__number">{format.count(row.days_to_accept.median)}</td>
      <td className="table__number">{format.count(row.days_to_finish.median)}</td>
    </>
  );
}

/** How each unit, and the city as a whole, answers residents: counts, deadlines met and times. */
export function PublicFiguresTable({ city, units }: { city: PublicRow; units: readonly PublicRow[] }) {
  const { t } = useTranslation();
  return (
    <TableWrap label={t('publicStats.table.caption')}>
      <table className="table stats-table">
        <caption className="visually-hidden">{t('publicStats.table.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('stats.columns.unit')}</th>
            <th scope="col" className="table__value">
              {t('stats.columns.filed')}
            </th>
            <th scope="col" className="table__value">
              {t('publicStats.table.finished')}
            </th>
            <th scope="col" className="table__value">
              {t('stats.columns.verificationLong')}
            </th>
            <th scope="col" className="table__value">
              {t('stats.columns.startLong')}
            </th>
            <th scope="col" className="table__value">
              {t('publicStats.table.daysToAccept')}
            </th>
            <th scope="col" className="table__value">
              {t('publicStats.table.daysToFinish')}
            </th>
          </tr>
        </thead>
        <tbody>
          {units.map((row) => (
            <tr key={row.unit ?? row.name}>
              <th scope="row">{row.name}</th>
              <Cells row={row} />
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t('publicStats.table.city', { city: city.name })}</th>
            <Cells row={city} />
          </tr>
        </tfoot>
      </table>
    </TableWrap>
  );
}
