import { useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormFeedback, FormSuccess, SelectField, TextAreaField, useFormErrors } from '@/components/form';
import type { StaffIssue } from '@/lib/issues/staff';
import type { IssueStatus } from '@/lib/issues/types';
import { useChangeStatus, type CloseReason } from '../api/issue';
import { focusField } from '../utils/focus';
import { Announcement } from './announcement';
import { TemplatePicker } from './template-picker';

// `status` is left out on purpose: a refused move (409) names the allowed statuses on it,
// which is said for the form as a whole while the list is read again.
const FIELDS = ['message', 'close_reason'] as const;
const MESSAGE_MAX = 5000;

/** Reasons an operator closes an issue for; "without consideration" is the system's, after an unanswered request. */
const CLOSE_REASONS = ['not_feasible', 'unfounded', 'duplicate', 'outside_competence'] as const satisfies readonly CloseReason[];

/** Moving to these needs a public justification (R3.1). */
function needsJustification(status: IssueStatus | ''): boolean {
  return status === 'in_progress' || status === 'done' || status === 'closed';
}

/**
 * The status change (R3.1): only the moves the issue allows now are offered. A template can
 * start the public justification, which the reporter is mailed and the public page shows.
 */
export function StatusForm({ issue }: { issue: StaffIssue }) {
  const { t } = useTranslation();
  const change = useChangeStatus(issue.number);
  const [status, setStatus] = useState<IssueStatus | ''>('');
  const [message, setMessage] = useState('');
  const [reason, setReason] = useState<CloseReason | ''>('');
  const [done, setDone] = useState<IssueStatus>();
  const [localErrors, setLocalErrors] = useState<Partial<Record<string, string>>>();
  const { formRef, fieldError, formError, hasFieldErrors } = useFormErrors(change.error, FIELDS, { localErrors });

  if (issue.allowed_next.length === 0) {
    return (
      <>
        {done && <Announcement text={t('console.status.changed', { status: t(`issueStatus.${done}`) })} />}
        <p>{t('console.status.finished')}</p>
      </>
    );
  }

  const onSubmit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const errors: Partial<Record<string, string>> = {};
    if (status === '') errors.status = t('console.status.chooseStatus');
    if (needsJustification(status) && message.trim() === '') errors.message = t('console.status.justificationRequired');
    if (status === 'closed' && reason === '') errors.close_reason = t('console.status.reasonRequired');
    if (status === '' || Object.keys(errors).length > 0) {
      setLocalErrors(errors);
      return;
    }
    setLocalErrors(undefined);
    setDone(undefined);
    change.mutate(
      {
        status,
        message: message.trim() === '' ? null : message.trim(),
        close_reason: status === 'closed' && reason !== '' ? reason : null,
      },
      {
        onSuccess: () => {
          setDone(status);
          setStatus('');
          setMessage('');
          setReason('');
        },
      },
    );
  };

  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="form">
      <FormFeedback formError={formError} hasFieldErrors={hasFieldErrors} />
      {done && (
        <FormSuccess>
          <p>{t('console.status.changed', { status: t(`issueStatus.${done}`) })}</p>
        </FormSuccess>
      )}
      <SelectField
        name="status"
        label={t('console.status.next')}
        value={status}
        error={fieldError('status')}
        onChange={(event) => {
          setStatus(issue.allowed_next.find((allowed) => allowed === event.target.value) ?? '');
        }}
        options={[
          { value: '', label: t('console.status.choose') },
          ...issue.allowed_next.map((allowed) => ({ value: allowed, label: t(`issueStatus.${allowed}`) })),
        ]}
      />
      {status === 'closed' && (
        <SelectField
          name="close_reason"
          label={t('issue.closeReason')}
          value={reason}
          error={fieldError('close_reason')}
          onChange={(event) => {
            setReason(CLOSE_REASONS.find((candidate) => candidate === event.target.value) ?? '');
          }}
          options={[
            { value: '', label: t('console.status.chooseReason') },
            ...CLOSE_REASONS.map((candidate) => ({ value: candidate, label: t(`closeReason.${candidate}`) })),
          ]}
        />
      )}
      {status !== '' && status !== 'new' && (
        <TemplatePicker
          number={issue.number}
          status={status}
          onUse={(text) => {
            setMessage(text);
            focusField(formRef.current, 'message');
          }}
        />
      )}
      <TextAreaField
        name="message"
        rows={4}
        label={t('console.status.justification')}
        hint={t('console.status.justificationHint')}
        optional={!needsJustification(status)}
        maxLength={MESSAGE_MAX}
        value={message}
        onChange={(event) => {
          setMessage(event.target.value);
        }}
        error={fieldError('message')}
      />
      <div className="form__actions">
        <button type="submit" disabled={change.isPending}>
          {t('console.status.submit')}
        </button>
      </div>
    </form>
  );
}
