import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { Page } from '@/components/page';
import { Section } from '@/components/section';
import { LoadError, Loading } from '@/components/status';
import { paths } from '@/config/paths';
import { useLanguage } from '@/hooks/use-language';
import { ApiError } from '@/lib/api/errors';
import { inLanguage } from '@/lib/issues/fields';
import { useCategories, useUnits } from '@/lib/issues/queries';
import { CHANNELS, type Category } from '@/lib/issues/types';
import { useStatistics, type Statistics, type StatsFilter, type StatsRow } from '../api/stats';
import { BacklogTable } from '../components/backlog-table';
import { CsvExport } from '../components/csv-export';
import { FiguresTable, type FiguresRow } from '../components/figures-table';
import { HeadlineFigures } from '../components/headline-figures';
import { HeatMapSection } from '../components/heat-map-section';
import { RangeNote } from '../components/range-note';
import { ComplianceChart, FinishChart, MonthlyStatusChart } from '../components/stats-charts';
import { StatsFilters } from '../components/stats-filters';
import { SupportLeaders } from '../components/support-leaders';
import { filterOf, paramsOf } from '../utils/stats-filter';

/** Rows of a breakdown with the names the reader reads. */
function rowsOf(rows: readonly StatsRow[], label: (row: StatsRow) => string): FiguresRow[] {
  return rows.map((row) => ({ key: row.key, label: label(row), figures: row }));
}

/** Everything the figures of one filter show. */
function Dashboard({ stats, filter, categories }: { stats: Statistics; filter: StatsFilter; categories: readonly Category[] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  // The API names categories in Polish; the list of categories has both languages.
  const categoryName = (slug: string, fallback = slug) => {
    const category = categories.find((candidate) => candidate.slug === slug);
    return category ? inLanguage(language, category.name_pl, category.name_en) : fallback;
  };
  const unitName = (slug: string) => stats.by_unit.find((row) => row.key === slug)?.name ?? slug;
  const channelName = (key: string) => {
    const channel = CHANNELS.find((candidate) => candidate === key);
    return channel ? t(`channel.${channel}`) : key;
  };

  return (
    <>
      <RangeNote range={stats.range} />
      <Section title={t('stats.headline.title')}>
        <HeadlineFigures stats={stats} />
      </Section>
      <Section title={t('stats.months.title')}>
        <MonthlyStatusChart stats={stats} />
        <CsvExport breakdown="month" filter={filter} />
      </Section>
      <Section title={t('stats.compliance.title')}>
        <ComplianceChart stats={stats} />
      </Section>
      <Section title={t('stats.finish.title')}>
        <FinishChart stats={stats} />
      </Section>
      <Section title={t('stats.byUnit')}>
        <FiguresTable caption={t('stats.byUnit')} rowHeader={t('stats.columns.unit')} rows={rowsOf(stats.by_unit, (row) => row.name)} />
        <CsvExport breakdown="unit" filter={filter} />
      </Section>
      <Section title={t('stats.byCategory')}>
        <FiguresTable
          caption={t('stats.byCategory')}
          rowHeader={t('stats.columns.category')}
          rows={rowsOf(stats.by_category, (row) => categoryName(row.key, row.name))}
        />
        <CsvExport breakdown="category" filter={filter} />
      </Section>
      <Section title={t('stats.byChannel')}>
        <FiguresTable
          caption={t('stats.byChannel')}
          rowHeader={t('stats.columns.channel')}
          rows={rowsOf(stats.by_channel, (row) => channelName(row.key))}
        />
        <CsvExport breakdown="channel" filter={filter} />
      </Section>
      <Section title={t('stats.backlog.title')}>
        <p>{t('stats.backlog.intro')}</p>
        <BacklogTable backlog={stats.backlog} />
      </Section>
      <Section title={t('stats.leaders.title')}>
        <SupportLeaders leaders={stats.support_leaders} unitName={unitName} categoryName={categoryName} />
      </Section>
      <Section title={t('stats.heat.title')}>
        <HeatMapSection filter={filter} />
      </Section>
    </>
  );
}

/** The staff's statistics (R10.3): the figures of a range, unit, category and channel, as charts and tables. */
export function StatsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const filter = filterOf(params);
  const units = useUnits();
  const categories = useCategories();
  const stats = useStatistics(filter);
  // A refused filter is shown at its field; other failures can be retried.
  const refused = stats.error instanceof ApiError && stats.error.status === 422;

  return (
    <Page title={t('stats.title')}>
      <p className="lead">{t('stats.intro')}</p>
      <StatsFilters
        // Remounted when the address or the choices change, so the fields show what applies.
        key={`filters?${params.toString()}&${String(units.isSuccess)}&${String(categories.isSuccess)}`}
        filter={filter}
        scope={{ units: units.data ?? [], categories: categories.data ?? [] }}
        clearTo={paths.consoleStats}
        error={refused ? stats.error : null}
        onChange={(next) => {
          setParams(paramsOf(next));
        }}
      />
      {stats.isPending && <Loading />}
      {stats.isError && !refused && <LoadError onRetry={() => void stats.refetch()} />}
      {stats.data && <Dashboard stats={stats.data} filter={filter} categories={categories.data ?? []} />}
    </Page>
  );
}
