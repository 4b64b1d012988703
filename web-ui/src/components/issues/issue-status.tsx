import { useTranslation } from 'react-i18next';
import type { IssueStatus } from '@/lib/issues/types';

/** An issue's status in words (colour only repeats what the words say). */
export function IssueStatusBadge({ status }: { status: IssueStatus }) {
  const { t } = useTranslation();
  return <span className={`status-badge status-badge--${status}`}>{t(`issueStatus.${status}`)}</span>;
}
