import { useTranslation } from 'react-i18next';
import { DateTime } from '@/components/date-time';
import { ISSUE_STATUSES, type IssueStatus, type TimelineEntry } from '@/lib/issues/types';

function statusAfter(entry: TimelineEntry): IssueStatus | undefined {
  const after: unknown = entry.after;
  if (typeof after !== 'object' || after === null || !('status' in after)) return undefined;
  const status = after.status;
  return ISSUE_STATUSES.find((known) => known === status);
}

/** What one entry says, in words. */
function useEntryText() {
  const { t } = useTranslation();
  return (entry: TimelineEntry): string => {
    const status = statusAfter(entry);
    switch (entry.kind) {
      case 'created':
        return t('timeline.created');
      case 'status_changed':
        return status ? t('timeline.statusChanged', { status: t(`issueStatus.${status}`) }) : t('timeline.updated');
      case 'response':
        return t('timeline.response');
      case 'consent_withdrawn':
        return t('timeline.consentWithdrawn');
      case 'merged':
        return t('timeline.merged');
      default:
        return status ? t('timeline.statusChanged', { status: t(`issueStatus.${status}`) }) : t('timeline.updated');
    }
  };
}

/** The public history of an issue, oldest first: status changes and the city's responses. */
export function IssueTimeline({ entries }: { entries: readonly TimelineEntry[] }) {
  const { t } = useTranslation();
  const text = useEntryText();
  if (entries.length === 0) {
    return <p>{t('timeline.empty')}</p>;
  }
  return (
    <ol className="timeline">
      {entries.map((entry, index) => (
        <li key={`${entry.created_at}-${String(index)}`} className="timeline__entry">
          <p className="timeline__when">
            <DateTime value={entry.created_at} />
          </p>
          <p className="timeline__what">{text(entry)}</p>
          {entry.message && <blockquote className="timeline__message">{entry.message}</blockquote>}
        </li>
      ))}
    </ol>
  );
}
