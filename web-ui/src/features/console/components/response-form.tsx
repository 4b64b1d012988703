import { useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ChoiceGroup, FormFeedback, FormSuccess, TextAreaField, useFormErrors } from '@/components/form';
import type { StaffIssue } from '@/lib/issues/staff';
import { useAddResponse } from '../api/issue';
import { focusField } from '../utils/focus';
import { TemplatePicker } from './template-picker';

const FIELDS = ['message', 'public'] as const;
const MESSAGE_MAX = 5000;

/**
 * A public response (on the issue's page, mailed to the reporter) or an internal note for
 * colleagues only (R10.2, R10.4). Which one is asked every time, with nothing chosen for the
 * person: a note must never become public by a slip.
 */
export function ResponseForm({ issue }: { issue: StaffIssue }) {
  const { t } = useTranslation();
  const respond = useAddResponse(issue.number);
  const [message, setMessage] = useState('');
  const [localErrors, setLocalErrors] = useState<Partial<Record<string, string>>>();
  const { formRef, fieldError, formError, hasFieldErrors } = useFormErrors(respond.error, FIELDS, { localErrors });

  const onSubmit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const kind = new FormData(form).get('public');
    const errors: Partial<Record<string, string>> = {};
    if (kind !== 'true' && kind !== 'false') errors.public = t('console.response.chooseKind');
    if (message.trim() === '') errors.message = t('errors.required');
    if (Object.keys(errors).length > 0) {
      setLocalErrors(errors);
      return;
    }
    setLocalErrors(undefined);
    respond.mutate(
      { message: message.trim(), public: kind === 'true' },
      {
        onSuccess: () => {
          setMessage('');
          form.reset();
        },
      },
    );
  };

  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="form">
      <FormFeedback formError={formError} hasFieldErrors={hasFieldErrors} />
      {respond.isSuccess && (
        <FormSuccess>
          <p>{respond.variables.public ? t('console.response.published') : t('console.response.noted')}</p>
        </FormSuccess>
      )}
      <ChoiceGroup
        type="radio"
        name="public"
        legend={t('console.response.kind')}
        error={fieldError('public')}
        choices={[
          { value: 'true', label: t('console.response.public') },
          { value: 'false', label: t('console.response.internal') },
        ]}
      />
      <TemplatePicker
        number={issue.number}
        status={undefined}
        onUse={(text) => {
          setMessage(text);
          focusField(formRef.current, 'message');
        }}
      />
      <TextAreaField
        name="message"
        rows={4}
        label={t('console.response.message')}
        maxLength={MESSAGE_MAX}
        value={message}
        onChange={(event) => {
          setMessage(event.target.value);
        }}
        error={fieldError('message')}
      />
      <div className="form__actions">
        <button type="submit" disabled={respond.isPending}>
          {t('console.response.submit')}
        </button>
      </div>
    </form>
  );
}
