import { useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormFeedback, TextAreaField, TextField, useFormErrors } from '@/components/form';
import type { StaffIssue } from '@/lib/issues/staff';
import { useNearby, type useMerge } from '../api/issue';
import { focusField } from '../utils/focus';

type Merging = ReturnType<typeof useMerge>;

const FIELDS = ['into', 'message'] as const;
const NUMBER = /^\d{4}[/-]\d{6}$/;
const MESSAGE_MAX = 5000;

/** Open issues of the same category nearby, offered as the one to keep. */
function Suggestions({ issue, onPick }: { issue: StaffIssue; onPick: (number: string) => void }) {
  const { t } = useTranslation();
  const nearby = useNearby(issue.category.slug, issue.location);
  const others = (nearby.data ?? []).filter((candidate) => candidate.number !== issue.number);
  if (others.length === 0) return null;
  return (
    <div className="merge-suggestions">
      <p>{t('console.merge.nearby')}</p>
      <ul>
        {others.map((candidate) => (
          <li key={candidate.number}>
            <button
              type="button"
              className="link-button"
              onClick={() => {
                onPick(candidate.number);
              }}
            >
              {t('console.merge.pick', {
                number: candidate.number,
                title: candidate.title,
                distance: Math.round(candidate.distance_m),
              })}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}

/**
 * Merging a duplicate into the issue that stays (R10.2): this one is closed as a duplicate and
 * its supporters and followers move over. It cannot be undone, so the number is typed (or
 * taken from the nearby issues) and the form says what will happen. The merge is held by the
 * page: once done, the issue is finished and this form is gone.
 */
export function MergeForm({ issue, merge }: { issue: StaffIssue; merge: Merging }) {
  const { t } = useTranslation();
  const [into, setInto] = useState('');
  const [localErrors, setLocalErrors] = useState<Partial<Record<string, string>>>();
  const { formRef, fieldError, formError, hasFieldErrors } = useFormErrors(merge.error, FIELDS, { localErrors });

  const onSubmit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const number = into.trim();
    if (!NUMBER.test(number)) {
      setLocalErrors({ into: t('console.merge.numberFormat') });
      return;
    }
    setLocalErrors(undefined);
    const message = new FormData(event.currentTarget).get('message');
    const text = typeof message === 'string' ? message.trim() : '';
    merge.mutate({ into: number.replace('-', '/'), message: text === '' ? null : text });
  };

  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="form">
      <FormFeedback formError={formError} hasFieldErrors={hasFieldErrors} />
      <p>{t('console.merge.explanation')}</p>
      <Suggestions
        issue={issue}
        onPick={(number) => {
          setInto(number);
          focusField(formRef.current, 'into');
        }}
      />
      <TextField
        name="into"
        label={t('console.merge.into')}
        hint={t('console.merge.intoHint')}
        value={into}
        onChange={(event) => {
          setInto(event.target.value);
        }}
        error={fieldError('into')}
      />
      <TextAreaField
        name="message"
        rows={3}
        label={t('console.merge.message')}
        hint={t('console.merge.messageHint')}
        optional
        maxLength={MESSAGE_MAX}
        error={fieldError('message')}
      />
      <div className="form__actions">
        <button type="submit" className="danger" disabled={merge.isPending}>
          {t('console.merge.submit')}
        </button>
      </div>
    </form>
  );
}
