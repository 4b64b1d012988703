import { useTranslation } from 'react-i18next';
import type { Statistics } from '../api/stats';
import { useStatsFormat } from '../utils/format';

/** The few numbers that say most: what arrived, what waits today, and how fast the city answered. */
export function HeadlineFigures({ stats }: { stats: Statistics }) {
  const { t } = useTranslation();
  const format = useStatsFormat();
  const open = stats.backlog.reduce((sum, row) => sum + row.open, 0);
  const overdue = stats.backlog.reduce((sum, row) => sum + row.overdue, 0);
  const figures = [
    { key: 'filed', label: t('stats.headline.filed'), value: format.count(stats.total.filed) },
    { key: 'open', label: t('stats.headline.open'), value: format.count(open) },
    { key: 'overdue', label: t('stats.headline.overdue'), value: format.count(overdue) },
    { key: 'verification', label: t('stats.headline.verification'), value: format.share(stats.total.verification.share) },
    { key: 'accept', label: t('stats.headline.daysToAccept'), value: format.count(stats.total.days_to_accept.median) },
    { key: 'finish', label: t('stats.headline.daysToFinish'), value: format.count(stats.total.days_to_finish.median) },
  ];
  return (
    <dl className="headline-figures">
      {figures.map((figure) => (
        <div key={figure.key} className="headline-figures__item">
          <dt>{figure.label}</dt>
          <dd>{figure.value}</dd>
        </div>
      ))}
    </dl>
  );
}
