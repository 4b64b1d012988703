import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DateTime } from '@/components/date-time';
import { relatedNumber, useEventText } from '@/components/issues/event-text';
import { paths } from '@/config/paths';
import type { HistoryEntry } from '../api/issue';

/**
 * Every change of an issue, newest first, with who made it (R3.8). Public entries (those on
 * the issue's public page) and internal ones are told apart in words, not only by colour.
 */
export function StaffHistory({ entries }: { entries: readonly HistoryEntry[] }) {
  const { t } = useTranslation();
  const text = useEventText();
  if (entries.length === 0) {
    return <p>{t('timeline.empty')}</p>;
  }
  const newestFirst = [...entries].reverse();
  return (
    <ol className="timeline staff-history">
      {newestFirst.map((entry, index) => {
        const related = relatedNumber(entry);
        return (
          <li
            key={`${entry.created_at}-${String(index)}`}
            className={entry.public ? 'timeline__entry' : 'timeline__entry timeline__entry--internal'}
          >
            <p className="timeline__when">
              <DateTime value={entry.created_at} /> · {entry.actor_name ?? t('console.history.system')} ·{' '}
              <span className={entry.public ? 'visibility visibility--public' : 'visibility visibility--internal'}>
                {entry.public ? t('console.history.public') : t('console.history.internal')}
              </span>
            </p>
            <p className="timeline__what">
              {text(entry)}
              {related && (
                <>
                  {' '}
                  <Link to={paths.consoleIssue(related)}>{t('timeline.seeIssue', { number: related })}</Link>
                </>
              )}
            </p>
            {entry.message && <blockquote className="timeline__message">{entry.message}</blockquote>}
          </li>
        );
      })}
    </ol>
  );
}
