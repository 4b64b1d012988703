import { useId, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useDebouncedValue } from '@/hooks/use-debounced-value';
import { MIN_QUERY_LENGTH, usePlaces, type Place } from '@/lib/issues/places';

/** How long typing must pause before places are looked up. */
const LOOKUP_DELAY_MS = 250;

type AddressComboboxProps = {
  name: string;
  label: string;
  hint?: string;
  error?: string | undefined;
  value: string;
  onInput: (text: string) => void;
  onSelect: (place: Place) => void;
};

/**
 * A typed address with suggestions from the city's street register (the ARIA combobox pattern
 * with a list popup): Down and Up move through the suggestions, Enter chooses one, Escape closes
 * the list. Focus stays in the text field, the highlighted suggestion is announced through
 * `aria-activedescendant`, and the number of suggestions through a status message.
 */
export function AddressCombobox({ name, label, hint, error, value, onInput, onSelect }: AddressComboboxProps) {
  const { t } = useTranslation();
  const id = useId();
  const listId = `${id}-list`;
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const query = useDebouncedValue(open ? value.trim() : '', LOOKUP_DELAY_MS);
  const places = usePlaces(query);
  const options = open && query.length >= MIN_QUERY_LENGTH ? (places.data ?? []) : [];
  const expanded = options.length > 0;
  const optionId = (index: number) => `${id}-option-${String(index)}`;

  const choose = (place: Place) => {
    onSelect(place);
    setOpen(false);
    setActive(-1);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        setOpen(true);
        setActive((current) => (options.length === 0 ? -1 : Math.min(current + 1, options.length - 1)));
        break;
      case 'ArrowUp':
        event.preventDefault();
        setActive((current) => Math.max(current - 1, 0));
        break;
      case 'Enter': {
        const place = expanded && active >= 0 ? options[active] : undefined;
        if (place) {
          // Choosing a suggestion is not sending the form.
          event.preventDefault();
          choose(place);
        }
        break;
      }
      case 'Escape':
        if (expanded) {
          event.preventDefault();
          setOpen(false);
          setActive(-1);
        }
        break;
      default:
        break;
    }
  };

  const describedBy = [hint ? hintId : undefined, error ? errorId : undefined].filter(Boolean).join(' ') || undefined;
  let announcement = '';
  if (open && query.length >= MIN_QUERY_LENGTH && places.isSuccess && !places.isPlaceholderData) {
    announcement = options.length > 0 ? t('report.place.suggestions', { count: options.length }) : t('report.place.noSuggestions');
  }

  return (
    <div className={error ? 'field field--invalid combobox' : 'field combobox'}>
      <label htmlFor={id}>{label}</label>
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
      <input
        id={id}
        name={name}
        type="text"
        role="combobox"
        autoComplete="off"
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-activedescendant={expanded && active >= 0 ? optionId(active) : undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        value={value}
        onChange={(event) => {
          onInput(event.target.value);
          setOpen(true);
          setActive(-1);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => {
          setOpen(false);
          setActive(-1);
        }}
      />
      <div id={listId} role="listbox" aria-label={label} className="combobox__list" hidden={!expanded}>
        {options.map((place, index) => (
          <div
            key={`${place.label}-${String(index)}`}
            id={optionId(index)}
            role="option"
            tabIndex={-1}
            aria-selected={index === active}
            className={index === active ? 'combobox__option combobox__option--active' : 'combobox__option'}
            // On mouse down, so the text field keeps focus and does not close the list first.
            onMouseDown={(event) => {
              event.preventDefault();
              choose(place);
            }}
          >
            {place.label}
          </div>
        ))}
      </div>
      <p role="status" className="visually-hidden">
        {announcement}
      </p>
    </div>
  );
}
