import { useTranslation } from 'react-i18next';
import type { Statistics } from '../api/stats';
import { useStatsFormat } from '../utils/format';

/** Which arrival days the figures cover (the API's default range when none was chosen). */
export function RangeNote({ range }: { range: Statistics['range'] }) {
  const { t } = useTranslation();
  const format = useStatsFormat();
  // A status: a range changed by the filters is announced.
  return <p role="status" className="status">{t('stats.range', { from: format.day(range.from), to: format.day(range.to) })}</p>;
}
