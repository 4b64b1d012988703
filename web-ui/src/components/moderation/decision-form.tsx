import { useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormFeedback, TextAreaField, useFormErrors } from '@/components/form';
import type { Moderation } from '@/lib/issues/types';
import { useModerate, type StaffIssue } from '@/lib/issues/staff';

const FIELDS = ['reason', 'decision'] as const;
type Decision = Exclude<Moderation, 'pending'>;

function isDecision(value: unknown): value is Decision {
  return value === 'approved' || value === 'rejected' || value === 'hidden';
}

/**
 * The decision on an issue: approve it for the public map, reject it (never public), or hide it
 * for unlawful content. A rejection or hiding needs a reason, which only staff and the reporter see.
 * The issue's present state is not offered again.
 */
export function DecisionForm({ issue, onDecided }: { issue: StaffIssue; onDecided: (decision: Decision) => void }) {
  const { t } = useTranslation();
  const moderate = useModerate(issue.number);
  const [localErrors, setLocalErrors] = useState<Partial<Record<string, string>>>();
  const { formRef, fieldError, formError, hasFieldErrors } = useFormErrors(moderate.error, FIELDS, { localErrors });

  const onSubmit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const submitter = event.nativeEvent.submitter;
    const decision = submitter instanceof HTMLButtonElement ? submitter.value : undefined;
    if (!isDecision(decision)) return;
    const given = new FormData(event.currentTarget).get('reason');
    const reason = typeof given === 'string' ? given.trim() : '';
    if (decision !== 'approved' && reason === '') {
      setLocalErrors({ reason: t('moderation.reasonRequired') });
      return;
    }
    setLocalErrors(undefined);
    moderate.mutate(
      { decision, reason: reason === '' ? null : reason },
      {
        onSuccess: () => {
          onDecided(decision);
        },
      },
    );
  };

  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="form decision-form">
      <FormFeedback formError={formError} hasFieldErrors={hasFieldErrors} />
      <TextAreaField
        name="reason"
        rows={2}
        label={t('moderation.reason')}
        hint={t('moderation.reasonHint')}
        optional
        error={fieldError('reason') ?? fieldError('decision')}
      />
      <div className="form__actions">
        {issue.moderation !== 'approved' && (
          <button type="submit" name="decision" value="approved" disabled={moderate.isPending}>
            {t('moderation.approve')}
          </button>
        )}
        {issue.moderation !== 'rejected' && (
          <button type="submit" name="decision" value="rejected" className="secondary" disabled={moderate.isPending}>
            {t('moderation.reject')}
          </button>
        )}
        {issue.moderation !== 'hidden' && (
          <button type="submit" name="decision" value="hidden" className="danger" disabled={moderate.isPending}>
            {t('moderation.hide')}
          </button>
        )}
      </div>
    </form>
  );
}
