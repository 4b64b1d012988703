import { characterCount } from '../utils/text-length';
import { inputId } from '../utils/editor-state';
import { CharacterCounter } from './character-counter';

type EditorFieldProps = {
  /** The API's path of the value: the input's id comes from it, and its errors are shown here. */
  path: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
  hint?: string | undefined;
  /** A limit in characters: a live counter is shown and the field is marked when over it. */
  max?: number | undefined;
  multiline?: boolean;
  rows?: number;
  type?: 'text' | 'date' | 'url' | 'tel';
  lang?: string;
  inputMode?: 'decimal' | 'numeric' | 'text';
};

/** A labelled text input or text area of the procedure editor, with its hint, error and counter. */
export function EditorField({
  path,
  label,
  value,
  onChange,
  error,
  hint,
  max,
  multiline = false,
  rows = 4,
  type = 'text',
  lang,
  inputMode,
}: EditorFieldProps) {
  const id = inputId(path);
  const count = characterCount(value);
  const over = max !== undefined && count > max;
  const describedBy =
    [hint && `${id}-hint`, error && `${id}-error`, max !== undefined && `${id}-counter`].filter(Boolean).join(' ') ||
    undefined;
  const control = {
    id,
    value,
    lang,
    'aria-invalid': error || over ? true : undefined,
    'aria-describedby': describedBy,
  } as const;
  return (
    <div className={error || over ? 'field field--invalid' : 'field'}>
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p id={`${id}-hint`} className="field__hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="field__error">
          {error}
        </p>
      )}
      {multiline ? (
        <textarea
          {...control}
          rows={rows}
          onChange={(event) => {
            onChange(event.target.value);
          }}
        />
      ) : (
        <input
          {...control}
          type={type}
          inputMode={inputMode}
          autoComplete="off"
          onChange={(event) => {
            onChange(event.target.value);
          }}
        />
      )}
      {max !== undefined && <CharacterCounter id={`${id}-counter`} count={count} max={max} field={label} />}
    </div>
  );
}

type EditorCheckboxProps = {
  path: string;
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  error?: string | undefined;
};

export function EditorCheckbox({ path, label, checked, onChange, error }: EditorCheckboxProps) {
  const id = inputId(path);
  return (
    <div className={error ? 'checkbox-field field--invalid' : 'checkbox-field'}>
      <input
        id={id}
        type="checkbox"
        checked={checked}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(event) => {
          onChange(event.target.checked);
        }}
      />
      <div>
        <label htmlFor={id}>{label}</label>
        {error && (
          <p id={`${id}-error`} className="field__error">
            {error}
          </p>
        )}
      </div>
    </div>
  );
}

type EditorSelectProps = {
  path: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  options: readonly { value: string; label: string }[];
  error?: string | undefined;
  hint?: string | undefined;
};

export function EditorSelect({ path, label, value, onChange, options, error, hint }: EditorSelectProps) {
  const id = inputId(path);
  const describedBy = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ') || undefined;
  return (
    <div className={error ? 'field field--invalid' : 'field'}>
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p id={`${id}-hint`} className="field__hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="field__error">
          {error}
        </p>
      )}
      <select
        id={id}
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        onChange={(event) => {
          onChange(event.target.value);
        }}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}
