import { DeadlineInfo } from '@/components/issues/deadline-info';
import { InformationRequest } from '@/components/issues/information-request';
import { IssueCard } from '@/components/issues/issue-card';
import { ModerationState } from '@/components/issues/moderation-state';
import { paths } from '@/config/paths';
import type { components } from '@/lib/api/schema';
import { useAnswerByAccount } from '../api/my-issues';

type ReporterIssue = components['schemas']['ReporterIssue'];

/** One of my issues: its state and deadline, and the city's question to me when there is one. */
export function MyIssue({ issue }: { issue: ReporterIssue }) {
  const answer = useAnswerByAccount(issue.number);
  return (
    // Only approved issues have a public page.
    <IssueCard issue={issue} href={issue.moderation === 'approved' ? paths.issue(issue.number) : undefined} headingLevel={2}>
      <ModerationState moderation={issue.moderation} reason={issue.moderation_reason} />
      {issue.deadline && (
        <p className="issue-card__deadline">
          <DeadlineInfo deadline={issue.deadline} withKind />
        </p>
      )}
      <InformationRequest request={issue.information_request} answer={answer} headingLevel={3} />
    </IssueCard>
  );
}
