import { useTranslation } from 'react-i18next';
import { ISSUE_STATUSES } from '@/lib/issues/types';
import type { PublicRow, Statistics } from '../api/stats';
import { BAR_COLOR, START_COLOR, STATUS_COLORS, VERIFICATION_COLOR } from '../utils/colors';
import { useStatsFormat } from '../utils/format';
import { BarChartFigure } from './bar-chart-figure';

/** Issues of each month of the range, stacked by the status they have now. */
export function MonthlyStatusChart({ stats }: { stats: Statistics }) {
  const { t } = useTranslation();
  const format = useStatsFormat();
  return (
    <BarChartFigure
      title={t('stats.months.title')}
      description={t('stats.months.description')}
      rowHeader={t('stats.columns.month')}
      series={ISSUE_STATUSES.map((status) => ({ key: status, label: t(`issueStatus.${status}`), color: STATUS_COLORS[status] }))}
      rows={stats.by_month.map((row) => ({ key: row.key, label: format.month(row.key), values: row.statuses }))}
      format={format.count}
      stacked
    />
  );
}

/** Per unit, the share of issues verified in time and of those started in time. */
export function ComplianceChart({ stats }: { stats: Statistics }) {
  const { t } = useTranslation();
  const format = useStatsFormat();
  return (
    <BarChartFigure
      title={t('stats.compliance.title')}
      description={t('stats.compliance.description')}
      rowHeader={t('stats.columns.unit')}
      series={[
        { key: 'verification', label: t('stats.columns.verificationLong'), color: VERIFICATION_COLOR },
        { key: 'start', label: t('stats.columns.startLong'), color: START_COLOR },
      ]}
      rows={stats.by_unit.map((row) => ({
        key: row.key,
        label: row.name,
        values: { verification: row.verification.share ?? null, start: row.start.share ?? null },
      }))}
      format={format.share}
      shares
      across
    />
  );
}

/** How many issues took each number of working days to finish (the last bar: that many or more). */
export function FinishChart({ stats }: { stats: Statistics }) {
  const { t } = useTranslation();
  const format = useStatsFormat();
  const bars = stats.finish_distribution;
  const finished = bars.some((bar) => bar.count > 0);
  return (
    <BarChartFigure
      title={t('stats.finish.title')}
      description={t('stats.finish.description')}
      rowHeader={t('stats.finish.days')}
      series={[{ key: 'count', label: t('stats.finish.issues'), color: BAR_COLOR }]}
      rows={
        finished
          ? bars.map((bar, index) => ({
              key: String(bar.days),
              label: index === bars.length - 1 ? t('stats.finish.orMore', { days: bar.days }) : format.count(bar.days),
              values: { count: bar.count },
            }))
          : []
      }
      format={format.count}
    />
  );
}

/** Per unit, the share of public issues verified in time. */
export function PublicVerificationChart({ units }: { units: readonly PublicRow[] }) {
  const { t } = useTranslation();
  const format = useStatsFormat();
  return (
    <BarChartFigure
      title={t('publicStats.chart.title')}
      description={t('publicStats.chart.description')}
      rowHeader={t('stats.columns.unit')}
      series={[{ key: 'verification', label: t('stats.columns.verificationLong'), color: VERIFICATION_COLOR }]}
      rows={units.map((row) => ({ key: row.unit ?? row.name, label: row.name, values: { verification: row.verification.share ?? null } }))}
      format={format.share}
      shares
      across
    />
  );
}
