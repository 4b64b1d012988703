import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DateTime } from '@/components/date-time';
import { useLanguage } from '@/hooks/use-language';
import { inLanguage } from '@/lib/issues/fields';
import type { PublicIssue } from '@/lib/issues/types';
import { IssueStatusBadge } from './issue-status';

type IssueCardProps = {
  issue: PublicIssue;
  /** Where the title leads; without it the title is plain text (an issue not yet public). */
  href?: string | undefined;
  headingLevel?: 2 | 3;
  children?: ReactNode;
};

/** One issue in a list: its title, number, category, status and date. */
export function IssueCard({ issue, href, headingLevel = 3, children }: IssueCardProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const id = useId();
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <article className="issue-card" aria-labelledby={id}>
      <Heading id={id} className="issue-card__title">
        {href ? <Link to={href}>{issue.title}</Link> : issue.title}
      </Heading>
      <p className="issue-card__meta">
        <span>{t('issue.numbered', { number: issue.number })}</span>
        <span>{inLanguage(language, issue.category.name_pl, issue.category.name_en)}</span>
        <IssueStatusBadge status={issue.status} />
        <span>
          <DateTime value={issue.created_at} dateOnly />
        </span>
      </p>
      {issue.address && <p className="issue-card__address">{issue.address}</p>}
      {children}
    </article>
  );
}
