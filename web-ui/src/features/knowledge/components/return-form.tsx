import { useId, useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormFeedback, useFormErrors } from '@/components/form';
import { Section } from '@/components/section';
import { useReturnDraft } from '../api/drafts';

const FIELDS = ['body'] as const;

/** The publisher returns the draft to its editor, saying what to change. */
export function ReturnForm({ draftId }: { draftId: string }) {
  const { t } = useTranslation();
  const giveBack = useReturnDraft(draftId);
  const [text, setText] = useState('');
  const [returned, setReturned] = useState(false);
  const { formRef, fieldError, formError, hasFieldErrors } = useFormErrors(giveBack.error, FIELDS);
  const id = useId();
  const error = fieldError('body');

  const send = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    giveBack.mutate(text, {
      onSuccess: () => {
        setText('');
        setReturned(true);
      },
    });
  };

  return (
    <Section title={t('knowledge.review.returnTitle')}>
      <form ref={formRef} className="form" onSubmit={send} noValidate>
        <FormFeedback formError={formError} hasFieldErrors={hasFieldErrors} />
        <div className={error ? 'field field--invalid' : 'field'}>
          <label htmlFor={id}>{t('knowledge.review.returnLabel')}</label>
          {error && (
            <p id={`${id}-error`} className="field__error">
              {error}
            </p>
          )}
          <textarea
            id={id}
            rows={3}
            value={text}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${id}-error` : undefined}
            onChange={(event) => {
              setText(event.target.value);
            }}
          />
        </div>
        <div className="form__actions">
          <button type="submit" className="danger" disabled={giveBack.isPending}>
            {t('knowledge.review.return')}
          </button>
        </div>
        <p role="status">{returned && t('knowledge.review.returned')}</p>
      </form>
    </Section>
  );
}
