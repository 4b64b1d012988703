import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFocusOnMount } from '@/hooks/use-focus-on-mount';

type ConfirmActionProps = {
  /** The button's text. */
  label: string;
  /** The button's accessible name when the text alone does not say what it acts on. */
  accessibleLabel?: string;
  /** What will happen, asked before it does. */
  question: string;
  confirmLabel: string;
  pending: boolean;
  onConfirm: () => void;
};

function Question({ question, confirmLabel, pending, onConfirm, onCancel }: Omit<ConfirmActionProps, 'label' | 'accessibleLabel'> & {
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  // The button that asked is gone: focus goes to the question.
  const questionRef = useFocusOnMount<HTMLParagraphElement>();
  return (
    <div className="confirm-action">
      <p id={id} ref={questionRef} tabIndex={-1} className="alert">
        {question}
      </p>
      <div className="form__actions">
        <button type="button" className="danger" disabled={pending} aria-describedby={id} onClick={onConfirm}>
          {confirmLabel}
        </button>
        <button type="button" className="secondary" onClick={onCancel}>
          {t('admin.confirm.cancel')}
        </button>
      </div>
    </div>
  );
}

/** An action that cannot be undone (revoking a key, deleting a subscription): asked before it is taken. */
export function ConfirmAction({ label, accessibleLabel, ...question }: ConfirmActionProps) {
  const [asking, setAsking] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const cancelled = useRef(false);
  useEffect(() => {
    // Back from a cancelled question, focus returns to the button that asked it.
    if (!asking && cancelled.current) {
      cancelled.current = false;
      buttonRef.current?.focus();
    }
  }, [asking]);

  if (asking) {
    return (
      <Question
        {...question}
        onCancel={() => {
          cancelled.current = true;
          setAsking(false);
        }}
      />
    );
  }
  return (
    <button
      ref={buttonRef}
      type="button"
      className="secondary"
      aria-label={accessibleLabel}
      onClick={() => {
        setAsking(true);
      }}
    >
      {label}
    </button>
  );
}
