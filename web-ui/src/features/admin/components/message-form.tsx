import type { SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormFeedback, FormSuccess, submittedValues, TextAreaField, TextField, useFormErrors } from '@/components/form';

const FIELDS = ['subject', 'body'] as const;

type MessageFormProps = {
  send: {
    mutate: (body: { subject: string; body: string }, options: { onSuccess: () => void }) => void;
    isPending: boolean;
    isSuccess: boolean;
    error: unknown;
  };
  submitLabel: string;
  sentMessage: string;
};

/** A subject and a text: a private message or an announcement. */
export function MessageForm({ send, submitLabel, sentMessage }: MessageFormProps) {
  const { t } = useTranslation();
  const { formRef, fieldError, formError, hasFieldErrors } = useFormErrors(send.error, FIELDS);
  const onSubmit = (event: SubmitEvent<HTMLFormElement>) => {
    const form = event.currentTarget;
    const values = submittedValues(event);
    send.mutate({ subject: values.text('subject'), body: values.text('body') }, { onSuccess: () => { form.reset(); } });
  };
  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="form">
      <FormFeedback formError={formError} hasFieldErrors={hasFieldErrors} />
      {send.isSuccess && (
        <FormSuccess>
          <p>{sentMessage}</p>
        </FormSuccess>
      )}
      <TextField name="subject" label={t('admin.message.subject')} error={fieldError('subject')} />
      <TextAreaField name="body" label={t('admin.message.body')} error={fieldError('body')} />
      <button type="submit" disabled={send.isPending}>
        {submitLabel}
      </button>
    </form>
  );
}
