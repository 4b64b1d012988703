import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { LocationMap } from '@/components/map/location-map';
import { DecisionForm } from '@/components/moderation/decision-form';
import { RedactionForm } from '@/components/moderation/redaction-form';
import { StaffPhotos } from '@/components/moderation/staff-photos';
import { Page } from '@/components/page';
import { Section } from '@/components/section';
import { LoadError, Loading } from '@/components/status';
import { paths } from '@/config/paths';
import { ApiError } from '@/lib/api/errors';
import { useAuth } from '@/lib/auth';
import { useCategories, useCity, useUnits } from '@/lib/issues/queries';
import type { StaffIssue } from '@/lib/issues/staff';
import { useMerge, useStaffIssue } from '../api/issue';
import { useMyUnits } from '../api/my-units';
import { Announcement } from '../components/announcement';
import { CategoryForm } from '../components/category-form';
import { InformationRequests } from '../components/information-requests';
import { IssueFacts } from '../components/issue-facts';
import { MergeForm } from '../components/merge-form';
import { ResponseForm } from '../components/response-form';
import { StaffHistory } from '../components/staff-history';
import { StatusForm } from '../components/status-form';
import { TransferForm } from '../components/transfer-form';

/** What the reporter wrote, and what the public reads when a moderator redacted it. */
function Description({ issue }: { issue: StaffIssue }) {
  const { t } = useTranslation();
  return (
    <>
      <p className="issue-description">{issue.original_description}</p>
      {issue.redacted && (
        <div className="notice">
          <p>{t('moderation.publicVersion')}</p>
          <p>
            <strong>{issue.title}</strong>
          </p>
          <p className="issue-description">{issue.description}</p>
        </div>
      )}
    </>
  );
}

/** The issue's place, in words and on a small map. */
function Place({ issue }: { issue: StaffIssue }) {
  const { t } = useTranslation();
  const city = useCity();
  if (!issue.location) return <p>{issue.address ?? t('issue.noPlace')}</p>;
  return (
    <>
      <p>{issue.address ?? t('issue.noAddress')}</p>
      {city.data && <LocationMap city={city.data} location={issue.location} label={t('issue.mapLabel', { address: issue.address ?? '' })} />}
    </>
  );
}

/** Everything an operator does with one issue (R10.2): its facts and history, and the actions it allows now. */
function WorkScreen({ issue }: { issue: StaffIssue }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { isModerator } = useAuth();
  const categories = useCategories();
  const units = useUnits();
  const myUnits = useMyUnits();
  const [notice, setNotice] = useState<string>();
  const merge = useMerge(issue.number);
  const merged = merge.isSuccess ? t('console.merge.done', { number: issue.number, into: merge.variables.into }) : undefined;
  const shown = merged ?? notice;
  const open = issue.allowed_next.length > 0;

  return (
    <>
      <p>
        <Link to={paths.console}>{t('console.backToQueue')}</Link>
        {issue.moderation === 'approved' && (
          <>
            {' · '}
            <Link to={paths.issue(issue.number)}>{t('console.publicPage')}</Link>
          </>
        )}
      </p>
      {shown && <Announcement key={shown} text={shown} />}
      <IssueFacts issue={issue} />
      <Section title={t('moderation.original')}>
        <Description issue={issue} />
      </Section>
      <Section title={t('console.status.title')}>
        <StatusForm issue={issue} />
      </Section>
      <Section title={t('console.response.title')}>
        <ResponseForm issue={issue} />
      </Section>
      <Section title={t('console.requests.title')}>
        <InformationRequests issue={issue} />
      </Section>
      <Section title={t('console.history.title')}>
        <StaffHistory entries={issue.history} />
      </Section>
      <Section title={t('issue.place')}>
        <Place issue={issue} />
      </Section>
      <Section title={t('issue.photos')}>
        <StaffPhotos issue={issue} canModerate={isModerator} />
      </Section>
      {issue.status === 'new' && (
        <Section title={t('console.transfer.title')}>
          <TransferForm
            issue={issue}
            units={units.data ?? []}
            onTransferred={(unit) => {
              const text = t('console.transfer.done', { number: issue.number, unit: unit.name });
              // Operators of another unit no longer see the issue: back to their queue.
              if (myUnits.some((mine) => mine.id === unit.id)) setNotice(text);
              else void navigate(paths.console, { state: { notice: text } });
            }}
          />
        </Section>
      )}
      {open && (
        <Section title={t('console.category.title')}>
          <CategoryForm issue={issue} categories={categories.data ?? []} />
        </Section>
      )}
      {open && (
        <Section title={t('console.merge.title')}>
          <MergeForm issue={issue} merge={merge} />
        </Section>
      )}
      {isModerator && (
        <Section title={t('console.moderation.title')}>
          <DecisionForm
            issue={issue}
            onDecided={(decision) => {
              setNotice(t(`moderation.decided.${decision}`, { number: issue.number }));
            }}
          />
          <details className="redaction">
            <summary>{t('moderation.redact')}</summary>
            <RedactionForm issue={issue} />
          </details>
        </Section>
      )}
    </>
  );
}

/** The work screen of one issue: `/console/issues/2026-000123`. */
export function WorkPage() {
  const { t } = useTranslation();
  const { number = '' } = useParams();
  const issue = useStaffIssue(number);

  if (issue.isPending) {
    return (
      <Page title={t('console.issue.loading')}>
        <Loading />
      </Page>
    );
  }
  if (issue.isError) {
    const status = issue.error instanceof ApiError ? issue.error.status : undefined;
    return (
      <Page title={status === 404 ? t('issue.notFound') : t('console.issue.loading')}>
        {status === 404 || status === 403 ? (
          <p className="lead">{status === 404 ? t('console.issue.notFound') : t('console.issue.forbidden')}</p>
        ) : (
          <LoadError onRetry={() => void issue.refetch()} />
        )}
        <p>
          <Link to={paths.console}>{t('console.backToQueue')}</Link>
        </p>
      </Page>
    );
  }
  return (
    <Page title={t('console.issue.title', { number: issue.data.number, title: issue.data.original_title })}>
      <WorkScreen issue={issue.data} />
    </Page>
  );
}
