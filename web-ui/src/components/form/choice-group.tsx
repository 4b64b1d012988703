import { useId } from 'react';
import { useTranslation } from 'react-i18next';

type Choice = { value: string; label: string };

type ChoiceGroupProps = {
  /** `radio`: one of the choices; `checkbox`: any of them. */
  type: 'radio' | 'checkbox';
  name: string;
  legend: string;
  hint?: string | undefined;
  error?: string | undefined;
  optional?: boolean;
  choices: readonly Choice[];
  defaultValue?: string | readonly string[] | undefined;
};

/** A labelled group of radio buttons or checkboxes; its hint and error are read with each choice. */
export function ChoiceGroup({ type, name, legend, hint, error, optional, choices, defaultValue }: ChoiceGroupProps) {
  const { t } = useTranslation();
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : undefined, error ? errorId : undefined].filter(Boolean).join(' ') || undefined;
  const chosen = new Set(typeof defaultValue === 'string' ? [defaultValue] : (defaultValue ?? []));
  return (
    // A radio button cannot be marked invalid, its group can: then the group takes the focus after a
    // failed submission. Checkboxes are each marked.
    <fieldset
      className={error ? 'choice-group field--invalid' : 'choice-group'}
      role={type === 'radio' ? 'radiogroup' : undefined}
      aria-invalid={type === 'radio' && error ? true : undefined}
      aria-required={type === 'radio' && !optional ? true : undefined}
      aria-describedby={type === 'radio' ? describedBy : undefined}
      tabIndex={type === 'radio' && error ? -1 : undefined}
    >
      <legend>
        {legend}
        {optional && <span className="field__optional"> {t('form.optional')}</span>}
      </legend>
      {hint && (
        <p id={hintId} className="field__hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={errorId} className="field__error">
          {error}
        </p>
      )}
      {choices.map((choice, index) => (
        <div key={choice.value} className="checkbox-field">
          <input
            type={type}
            id={`${id}-${String(index)}`}
            name={name}
            value={choice.value}
            defaultChecked={chosen.has(choice.value)}
            aria-invalid={type === 'checkbox' && error ? true : undefined}
            aria-describedby={type === 'checkbox' ? describedBy : undefined}
          />
          <label htmlFor={`${id}-${String(index)}`}>{choice.label}</label>
        </div>
      ))}
    </fieldset>
  );
}
