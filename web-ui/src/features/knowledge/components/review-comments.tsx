import { useId, useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { DateTime } from '@/components/date-time';
import { FormFeedback, useFormErrors } from '@/components/form';
import { Section } from '@/components/section';
import { useCommentDraft } from '../api/drafts';
import type { Draft } from '../api/types';
import { TextBlock } from './text-block';

const FIELDS = ['body'] as const;

/** The review's comments, oldest first, and a form to add one (editors and publishers). */
export function ReviewComments({ draft }: { draft: Draft }) {
  const { t } = useTranslation();
  const comment = useCommentDraft(draft.id);
  const [text, setText] = useState('');
  const [added, setAdded] = useState(false);
  const { formRef, fieldError, formError, hasFieldErrors } = useFormErrors(comment.error, FIELDS);
  const id = useId();
  const error = fieldError('body');

  const send = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    setAdded(false);
    comment.mutate(text, {
      onSuccess: () => {
        setText('');
        setAdded(true);
      },
    });
  };

  return (
    <Section title={t('knowledge.comments.title')}>
      {draft.comments.length === 0 ? (
        <p>{t('knowledge.comments.empty')}</p>
      ) : (
        <ol className="review-comments">
          {draft.comments.map((entry) => (
            <li key={entry.id} className="review-comment">
              <p className="review-comment__meta">
                {entry.author}, <DateTime value={entry.created_at} />
              </p>
              <TextBlock text={entry.body} />
            </li>
          ))}
        </ol>
      )}
      <form ref={formRef} className="form" onSubmit={send} noValidate>
        <FormFeedback formError={formError} hasFieldErrors={hasFieldErrors} />
        <div className={error ? 'field field--invalid' : 'field'}>
          <label htmlFor={id}>{t('knowledge.comments.label')}</label>
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
          <button type="submit" className="secondary" disabled={comment.isPending}>
            {t('knowledge.comments.add')}
          </button>
        </div>
        <p role="status">{added && t('knowledge.comments.added')}</p>
      </form>
    </Section>
  );
}
