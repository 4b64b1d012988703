import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ExportLinks } from '@/components/issues/export-links';
import { Page } from '@/components/page';
import { Section } from '@/components/section';
import { LoadError, Loading } from '@/components/status';
import { paths } from '@/config/paths';
import { ApiError } from '@/lib/api/errors';
import { usePublicStatistics, type PublicStatsFilter } from '../api/stats';
import { PublicFiguresTable } from '../components/public-figures-table';
import { RangeNote } from '../components/range-note';
import { PublicVerificationChart } from '../components/stats-charts';
import { StatsFilters } from '../components/stats-filters';
import { filterOf, paramsOf } from '../utils/stats-filter';

/** The range of the address (the public figures have no other filters). */
function rangeOf(params: URLSearchParams): PublicStatsFilter {
  const { from, to } = filterOf(params);
  return { ...(from ? { from } : {}), ...(to ? { to } : {}) };
}

/** How the city and each unit answer residents, for everyone, with the open data to check it. */
export function PublicStatsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const range = rangeOf(params);
  const stats = usePublicStatistics(range);
  const refused = stats.error instanceof ApiError && stats.error.status === 422;

  return (
    <Page title={t('publicStats.title')}>
      <p className="lead">{t('publicStats.intro')}</p>
      <StatsFilters
        key={`range?${params.toString()}`}
        filter={range}
        clearTo={paths.stats}
        error={refused ? stats.error : null}
        onChange={(next) => {
          setParams(paramsOf(next));
        }}
      />
      {stats.isPending && <Loading />}
      {stats.isError && !refused && <LoadError onRetry={() => void stats.refetch()} />}
      {stats.data && (
        <>
          <RangeNote range={stats.data.range} />
          <Section title={t('publicStats.table.title')}>
            <p>{t('publicStats.table.intro')}</p>
            <PublicFiguresTable city={stats.data.city} units={stats.data.units} />
          </Section>
          <Section title={t('publicStats.chart.title')}>
            <PublicVerificationChart units={stats.data.units} />
          </Section>
          <Section title={t('publicStats.openData.title')}>
            <p>{t('publicStats.openData.intro')}</p>
            <ExportLinks filter={stats.data.range} label={t('publicStats.openData.label')} />
          </Section>
        </>
      )}
    </Page>
  );
}
