import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DateTime } from '@/components/date-time';
import { DeadlineInfo } from '@/components/issues/deadline-info';
import { IssueStatusBadge } from '@/components/issues/issue-status';
import { paths } from '@/config/paths';
import { useLanguage } from '@/hooks/use-language';
import { inLanguage } from '@/lib/issues/fields';
import type { QueueItem } from '../api/queue';

type QueueTableProps = {
  items: readonly QueueItem[];
  selected: ReadonlySet<string>;
  onSelect: (numbers: readonly string[], chosen: boolean) => void;
};

/** What else an operator should know at a glance: not public yet, waiting for dispatch, no place. */
function Flags({ item }: { item: QueueItem }) {
  const { t } = useTranslation();
  const flags = [
    item.moderation !== 'approved' && t(`console.queue.moderation.${item.moderation}`),
    item.awaiting_dispatch && t('console.queue.awaitingDispatch'),
    item.needs_pinpoint && t('console.queue.needsPinpoint'),
  ].filter((flag): flag is string => typeof flag === 'string');
  return flags.map((flag) => (
    <span key={flag} className="flag">
      {flag}
    </span>
  ));
}

/** The queue as a table, each issue with a checkbox for the bulk actions above it. */
export function QueueTable({ items, selected, onSelect }: QueueTableProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const numbers = items.map((item) => item.number);
  const allChosen = numbers.length > 0 && numbers.every((number) => selected.has(number));
  return (
    <div className="table-wrap">
      <table className="table queue-table">
        <caption className="visually-hidden">{t('console.queue.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">
              <input
                type="checkbox"
                aria-label={t('console.queue.selectAll')}
                checked={allChosen}
                onChange={(event) => {
                  onSelect(numbers, event.target.checked);
                }}
              />
            </th>
            <th scope="col">{t('console.queue.issue')}</th>
            <th scope="col">{t('issue.status')}</th>
            <th scope="col">{t('issue.deadline')}</th>
            <th scope="col">{t('issue.category')}</th>
            <th scope="col">{t('issue.unit')}</th>
            <th scope="col">{t('console.queue.channel')}</th>
            <th scope="col">{t('issue.created')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr key={item.number}>
              <td>
                <input
                  type="checkbox"
                  aria-label={t('console.queue.select', { number: item.number })}
                  checked={selected.has(item.number)}
                  onChange={(event) => {
                    onSelect([item.number], event.target.checked);
                  }}
                />
              </td>
              <th scope="row">
                <Link to={paths.consoleIssue(item.number)}>{item.title}</Link>
                <span className="queue-table__number">{item.number}</span>
                <Flags item={item} />
              </th>
              <td>
                <IssueStatusBadge status={item.status} />
              </td>
              <td>{item.deadline ? <DeadlineInfo deadline={item.deadline} /> : t('console.queue.noDeadline')}</td>
              <td>{inLanguage(language, item.category.name_pl, item.category.name_en)}</td>
              <td>{item.unit.name}</td>
              <td>{t(`channel.${item.channel}`)}</td>
              <td>
                <DateTime value={item.created_at} dateOnly />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
