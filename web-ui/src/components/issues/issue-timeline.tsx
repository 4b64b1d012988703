import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DateTime } from '@/components/date-time';
import { paths } from '@/config/paths';
import type { TimelineEntry } from '@/lib/issues/types';
import { relatedNumber, useEventText } from './event-text';

/**
 * The public history of an issue, oldest first: its arrival, status changes with their
 * justification, the city's responses, transfers, category changes and merges.
 */
export function IssueTimeline({ entries }: { entries: readonly TimelineEntry[] }) {
  const { t } = useTranslation();
  const text = useEventText();
  if (entries.length === 0) {
    return <p>{t('timeline.empty')}</p>;
  }
  return (
    <ol className="timeline">
      {entries.map((entry, index) => {
        const related = relatedNumber(entry);
        return (
          <li key={`${entry.created_at}-${String(index)}`} className="timeline__entry">
            <p className="timeline__when">
              <DateTime value={entry.created_at} />
            </p>
            <p className="timeline__what">
              {text(entry)}
              {related && (
                <>
                  {' '}
                  <Link to={paths.issue(related)}>{t('timeline.seeIssue', { number: related })}</Link>
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
