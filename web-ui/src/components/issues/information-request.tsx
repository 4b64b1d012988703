import type { UseMutationResult } from '@tanstack/react-query';
import { useId, useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { DateTime } from '@/components/date-time';
import { FormFeedback, FormSuccess, submittedValues, TextAreaField, useFormErrors } from '@/components/form';
import type { components } from '@/lib/api/schema';
import { lastMoment } from '@/lib/issues/deadline';

export type OpenRequest = components['schemas']['OpenRequest'];
/** Sends the reporter's answer (through the tracking link or the account). */
export type AnswerMutation = UseMutationResult<unknown, Error, string>;

const FIELDS = ['answer'] as const;
const ANSWER_MAX = 10_000;

type InformationRequestProps = {
  /** The question waiting for an answer; gone once answered (then only the thanks is shown). */
  request: OpenRequest | null | undefined;
  answer: AnswerMutation;
  headingLevel?: 2 | 3;
};

/**
 * The city's question to the reporter (R3.5) with the form to answer it. The deadline
 * stands still until the answer comes; without one by the date given it is closed.
 */
export function InformationRequest({ request, answer, headingLevel = 2 }: InformationRequestProps) {
  const { t } = useTranslation();
  const id = useId();
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const [localErrors, setLocalErrors] = useState<Partial<Record<string, string>>>();
  const { formRef, fieldError, formError, hasFieldErrors } = useFormErrors(answer.error, FIELDS, { localErrors });

  if (!request && !answer.isSuccess) return null;

  const onSubmit = (event: SubmitEvent<HTMLFormElement>) => {
    const text = submittedValues(event).text('answer').trim();
    if (text === '') {
      setLocalErrors({ answer: t('errors.required') });
      return;
    }
    setLocalErrors(undefined);
    answer.mutate(text);
  };

  return (
    <section className="information-request" aria-labelledby={id}>
      <Heading id={id}>{t('informationRequest.title')}</Heading>
      {answer.isSuccess ? (
        <FormSuccess>
          <p>{t('informationRequest.answered')}</p>
        </FormSuccess>
      ) : (
        request && (
          <>
            <p className="information-request__asked">
              {t('informationRequest.asked')} <DateTime value={request.asked_at} />
            </p>
            <blockquote className="information-request__message">{request.message}</blockquote>
            <p>
              {t('informationRequest.dueBy')} <DateTime value={lastMoment(request)} dateOnly />.{' '}
              {t('informationRequest.withoutAnswer')}
            </p>
            <form ref={formRef} onSubmit={onSubmit} noValidate className="form">
              <FormFeedback formError={formError} hasFieldErrors={hasFieldErrors} />
              <TextAreaField
                name="answer"
                rows={4}
                label={t('informationRequest.answerLabel')}
                maxLength={ANSWER_MAX}
                error={fieldError('answer')}
              />
              <div className="form__actions">
                <button type="submit" disabled={answer.isPending}>
                  {t('informationRequest.send')}
                </button>
              </div>
            </form>
          </>
        )
      )}
    </section>
  );
}
