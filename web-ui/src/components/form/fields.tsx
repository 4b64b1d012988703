import { useId, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';

type Described = {
  label: string;
  /** Help shown under the label, read with the field. */
  hint?: string;
  /** What is wrong with the value, read with the field; marks it invalid. */
  error?: string;
  /** Says "(optional)" after the label; required fields say nothing. */
  optional?: boolean;
};

/** Ids and ARIA attributes that tie a control to its hint and error. */
function useDescribed({ hint, error }: Described) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : undefined, error ? errorId : undefined].filter(Boolean).join(' ');
  return {
    id,
    hintId,
    errorId,
    controlProps: {
      id,
      'aria-invalid': error ? true : undefined,
      'aria-describedby': describedBy || undefined,
    },
  };
}

function FieldFrame({ label, hint, error, optional, ids, children, className = 'field' }: Described & {
  ids: ReturnType<typeof useDescribed>;
  children: ReactNode;
  className?: string;
}) {
  const { t } = useTranslation();
  return (
    <div className={error ? `${className} ${className}--invalid` : className}>
      <label htmlFor={ids.id}>
        {label}
        {optional && <span className="field__optional"> {t('form.optional')}</span>}
      </label>
      {hint && (
        <p id={ids.hintId} className="field__hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={ids.errorId} className="field__error">
          {error}
        </p>
      )}
      {children}
    </div>
  );
}

type TextFieldProps = Described & Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'aria-invalid' | 'aria-describedby'>;

export function TextField({ label, hint, error, optional, ...input }: TextFieldProps) {
  const ids = useDescribed({ label, hint, error });
  return (
    <FieldFrame label={label} hint={hint} error={error} optional={optional} ids={ids}>
      <input type="text" required={!optional} {...input} {...ids.controlProps} />
    </FieldFrame>
  );
}

type TextAreaFieldProps = Described &
  Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id' | 'aria-invalid' | 'aria-describedby'>;

export function TextAreaField({ label, hint, error, optional, ...textarea }: TextAreaFieldProps) {
  const ids = useDescribed({ label, hint, error });
  return (
    <FieldFrame label={label} hint={hint} error={error} optional={optional} ids={ids}>
      <textarea rows={6} required={!optional} {...textarea} {...ids.controlProps} />
    </FieldFrame>
  );
}

type SelectFieldProps = Described &
  Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id' | 'aria-invalid' | 'aria-describedby'> & {
    options: readonly { value: string; label: string }[];
  };

export function SelectField({ label, hint, error, optional, options, ...select }: SelectFieldProps) {
  const ids = useDescribed({ label, hint, error });
  return (
    <FieldFrame label={label} hint={hint} error={error} optional={optional} ids={ids}>
      <select {...select} {...ids.controlProps}>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}

type CheckboxFieldProps = Omit<Described, 'optional'> &
  Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'type' | 'aria-invalid' | 'aria-describedby'>;

export function CheckboxField({ label, hint, error, ...input }: CheckboxFieldProps) {
  const ids = useDescribed({ label, hint, error });
  return (
    <div className={error ? 'checkbox-field field--invalid' : 'checkbox-field'}>
      <input type="checkbox" {...input} {...ids.controlProps} />
      <div>
        <label htmlFor={ids.id}>{label}</label>
        {hint && (
          <p id={ids.hintId} className="field__hint">
            {hint}
          </p>
        )}
        {error && (
          <p id={ids.errorId} className="field__error">
            {error}
          </p>
        )}
      </div>
    </div>
  );
}
