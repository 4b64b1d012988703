import { useEffect, useId, useRef, type ReactNode, type RefObject, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';

export type StepPosition = {
  index: number;
  count: number;
  /** Focus the step's heading when it appears (after moving between steps, not on page load). */
  focus: boolean;
};

type StepFormProps = {
  title: string;
  position: StepPosition;
  formRef: RefObject<HTMLFormElement | null>;
  onSubmit: (event: SubmitEvent<HTMLFormElement>) => void;
  onBack?: (() => void) | undefined;
  submitLabel?: string;
  pending?: boolean;
  children: ReactNode;
};

/**
 * One step of the report form: its heading ("Step 2 of 6: Place"), its fields, and Back and
 * Next. Each step is its own form, so Enter in a field moves on, as a single-page form would send.
 */
export function StepForm({ title, position, formRef, onSubmit, onBack, submitLabel, pending = false, children }: StepFormProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const { focus } = position;

  useEffect(() => {
    if (focus) headingRef.current?.focus();
  }, [focus]);

  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="form report-step" aria-labelledby={headingId}>
      <h2 id={headingId} ref={headingRef} tabIndex={-1} className="report-step__title">
        {t('report.stepHeading', { index: position.index + 1, count: position.count, title })}
      </h2>
      {children}
      <div className="form__actions">
        {onBack && (
          <button type="button" className="secondary" onClick={onBack}>
            {t('report.back')}
          </button>
        )}
        <button type="submit" disabled={pending}>
          {submitLabel ?? t('report.next')}
        </button>
      </div>
    </form>
  );
}
