import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadError, Loading } from '@/components/status';
import { TableWrap } from '@/components/table-wrap';
import { useLanguage } from '@/hooks/use-language';
import { useCity } from '@/lib/issues/queries';
import { useHeatmap, type StatsFilter } from '../api/stats';
import { useStatsFormat } from '../utils/format';

// The map library is large: it is loaded only with the map.
const HeatMap = lazy(async () => ({ default: (await import('./heat-map')).HeatMap }));

/** How many of the fullest cells the table lists. */
const LISTED_CELLS = 10;

/** Where the filter's issues are, on the map and, for the fullest places, in a table. */
export function HeatMapSection({ filter }: { filter: StatsFilter }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const format = useStatsFormat();
  const city = useCity();
  const heatmap = useHeatmap(filter);

  if (heatmap.isPending || city.isPending) return <Loading />;
  if (heatmap.isError) return <LoadError onRetry={() => void heatmap.refetch()} />;
  if (city.isError) return <LoadError onRetry={() => void city.refetch()} />;

  const { cells } = heatmap.data;
  if (cells.length === 0) {
    return <p className="status">{t('stats.noData')}</p>;
  }
  const fullest = [...cells].sort((a, b) => b.count - a.count).slice(0, LISTED_CELLS);
  const degrees = new Intl.NumberFormat(language, { minimumFractionDigits: 4, maximumFractionDigits: 4 });
  return (
    <>
      <p>{t('stats.heat.legend')}</p>
      <Suspense fallback={<Loading />}>
        <HeatMap city={city.data} heatmap={heatmap.data} />
      </Suspense>
      <TableWrap label={t('stats.heat.tableCaption')}>
        <table className="table stats-table">
          <caption>{t('stats.heat.tableCaption', { count: fullest.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('stats.heat.place')}</th>
              <th scope="col" className="table__value">
                {t('stats.heat.issues')}
              </th>
            </tr>
          </thead>
          <tbody>
            {fullest.map((cell) => (
              <tr key={`${String(cell.lat)},${String(cell.lon)}`}>
                <th scope="row">{t('stats.heat.coordinates', { lat: degrees.format(cell.lat), lon: degrees.format(cell.lon) })}</th>
                <td className="table__number">{format.count(cell.count)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
    </>
  );
}
