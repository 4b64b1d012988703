import { useId, useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage, FormAlert } from '@/components/form';
import { Section } from '@/components/section';
import { ApiError } from '@/lib/api/errors';
import { toInstant } from '@/lib/date-input';
import { usePublishDraft } from '../api/drafts';
import type { DraftSummary } from '../api/types';

type PublishFormProps = {
  draftId: string;
  onPublished: (result: DraftSummary) => void;
};

/** The publisher's decision to publish: now, or at a chosen date and time (scheduled). */
export function PublishForm({ draftId, onPublished }: PublishFormProps) {
  const { t } = useTranslation();
  const publish = usePublishDraft(draftId);
  const [when, setWhen] = useState<'now' | 'later'>('now');
  const [at, setAt] = useState('');
  const [atError, setAtError] = useState(false);
  const id = useId();

  const send = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const instant = when === 'later' ? toInstant(at) : undefined;
    if (instant !== undefined && (at === '' || !(new Date(instant).getTime() > Date.now()))) {
      setAtError(true);
      document.getElementById(`${id}-at`)?.focus();
      return;
    }
    setAtError(false);
    publish.mutate(instant, { onSuccess: onPublished });
  };
  const failure = publish.error
    ? publish.error instanceof ApiError
      ? (publish.error.code ?? `http_${String(publish.error.status)}`)
      : 'network'
    : undefined;

  return (
    <Section title={t('knowledge.review.decision')}>
      <form className="form" onSubmit={send} noValidate>
        {failure && (
          <FormAlert>
            <p>{errorMessage(t, { code: failure })}</p>
          </FormAlert>
        )}
        <fieldset className="choice-group">
          <legend>{t('knowledge.review.when')}</legend>
          {(['now', 'later'] as const).map((option) => (
            <div key={option} className="checkbox-field">
              <input
                type="radio"
                id={`${id}-${option}`}
                name={`${id}-when`}
                value={option}
                checked={when === option}
                onChange={() => {
                  setWhen(option);
                }}
              />
              <label htmlFor={`${id}-${option}`}>{t(`knowledge.review.${option}`)}</label>
            </div>
          ))}
        </fieldset>
        {when === 'later' && (
          <div className={atError ? 'field field--invalid' : 'field'}>
            <label htmlFor={`${id}-at`}>{t('knowledge.review.at')}</label>
            {atError && (
              <p id={`${id}-at-error`} className="field__error">
                {t('knowledge.review.atRequired')}
              </p>
            )}
            <input
              id={`${id}-at`}
              type="datetime-local"
              value={at}
              aria-invalid={atError ? true : undefined}
              aria-describedby={atError ? `${id}-at-error` : undefined}
              onChange={(event) => {
                setAt(event.target.value);
              }}
            />
          </div>
        )}
        <div className="form__actions">
          <button type="submit" disabled={publish.isPending}>
            {when === 'now' ? t('knowledge.review.publish') : t('knowledge.review.schedule')}
          </button>
        </div>
      </form>
    </Section>
  );
}
