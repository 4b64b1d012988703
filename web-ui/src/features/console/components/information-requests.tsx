import { useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { DateTime } from '@/components/date-time';
import { FormFeedback, submittedValues, TextAreaField, useFormErrors } from '@/components/form';
import { lastMoment } from '@/lib/issues/deadline';
import type { StaffIssue } from '@/lib/issues/staff';
import { useAskForInformation, type InformationRequest } from '../api/issue';
import { Announcement } from './announcement';

const FIELDS = ['message'] as const;
const MESSAGE_MAX = 5000;

/** One question to the reporter and what became of it. */
function RequestItem({ request }: { request: InformationRequest }) {
  const { t } = useTranslation();
  return (
    <li className="information-request-item">
      <p className="timeline__when">
        {t('console.requests.asked')} <DateTime value={request.asked_at} />
      </p>
      <blockquote className="timeline__message">{request.message}</blockquote>
      {request.answered_at ? (
        <>
          <p>
            {t('console.requests.answered')} <DateTime value={request.answered_at} />
            {request.answered_via && ` (${t(`answerChannel.${request.answered_via}`)})`}:
          </p>
          <blockquote className="timeline__message information-request-item__answer">
            {request.answer ?? t('console.requests.answerRemoved')}
          </blockquote>
        </>
      ) : request.expired_at ? (
        <p>
          {t('console.requests.expired')} <DateTime value={request.expired_at} />
        </p>
      ) : (
        <p className="information-request-item__waiting">
          {t('console.requests.waiting')} <DateTime value={lastMoment(request)} dateOnly />
        </p>
      )}
    </li>
  );
}

/** Asking the reporter (R3.5): the deadline stands still until they answer. */
function AskForm({ issue, ask }: { issue: StaffIssue; ask: ReturnType<typeof useAskForInformation> }) {
  const { t } = useTranslation();
  const [localErrors, setLocalErrors] = useState<Partial<Record<string, string>>>();
  const { formRef, fieldError, formError, hasFieldErrors } = useFormErrors(ask.error, FIELDS, { localErrors });
  const reachable = issue.has_contact || issue.registered_reporter;

  const onSubmit = (event: SubmitEvent<HTMLFormElement>) => {
    const message = submittedValues(event).text('message').trim();
    if (message === '') {
      setLocalErrors({ message: t('errors.required') });
      return;
    }
    setLocalErrors(undefined);
    ask.mutate(message);
  };

  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="form">
      <FormFeedback formError={formError} hasFieldErrors={hasFieldErrors} />
      <TextAreaField
        name="message"
        rows={3}
        label={t('console.requests.question')}
        hint={`${t('console.requests.hint')}${reachable ? '' : ` ${t('console.requests.unreachable')}`}`}
        maxLength={MESSAGE_MAX}
        error={fieldError('message')}
      />
      <div className="form__actions">
        <button type="submit" disabled={ask.isPending}>
          {t('console.requests.submit')}
        </button>
      </div>
    </form>
  );
}

/** The questions asked of the reporter, their answers, and a way to ask another. */
export function InformationRequests({ issue }: { issue: StaffIssue }) {
  const { t } = useTranslation();
  // Held here, not in the form: the form is gone as soon as the question is waiting.
  const ask = useAskForInformation(issue.number);
  const waiting = issue.information_requests.some((request) => !request.answered_at && !request.expired_at);
  const finished = issue.allowed_next.length === 0;
  return (
    <>
      {issue.information_requests.length === 0 ? (
        <p>{t('console.requests.none')}</p>
      ) : (
        <ul className="information-request-list">
          {issue.information_requests.map((request) => (
            <RequestItem key={request.id} request={request} />
          ))}
        </ul>
      )}
      {!finished &&
        waiting &&
        (ask.isSuccess ? <Announcement text={t('console.requests.sent')} /> : <p>{t('console.requests.oneAtATime')}</p>)}
      {!finished && !waiting && <AskForm issue={issue} ask={ask} />}
    </>
  );
}
