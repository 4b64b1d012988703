import type { components } from '@/lib/api/schema';

export type FieldDefinition = components['schemas']['FieldDefinition'];
export type FieldType = components['schemas']['FieldType'];

/** Every kind of extra field, in the order the editor offers them. */
export const FIELD_TYPES = ['text', 'number', 'select', 'multi_select', 'boolean', 'date'] as const satisfies readonly FieldType[];

// Fails to compile when the API gains a field type that the list above lacks.
type MissingType = Exclude<FieldType, (typeof FIELD_TYPES)[number]>;
export const FIELD_TYPES_ARE_COMPLETE: MissingType extends never ? true : never = true;

export function isFieldType(value: string): value is FieldType {
  return (FIELD_TYPES as readonly string[]).includes(value);
}

/** Field types whose value is chosen from options. */
export function hasOptions(type: FieldType): boolean {
  return type === 'select' || type === 'multi_select';
}

export type OptionDraft = { id: string; value: string; label_pl: string; label_en: string };

/**
 * An extra field as the editor holds it: texts as typed (numbers too, so a half-typed bound
 * stays as it is), and a local id that follows the field when it moves (React keys, focus).
 */
export type FieldDraft = {
  id: string;
  key: string;
  type: FieldType;
  required: boolean;
  label_pl: string;
  label_en: string;
  help_pl: string;
  help_en: string;
  options: OptionDraft[];
  min: string;
  max: string;
  max_length: string;
};

let lastId = 0;
function localId(): string {
  lastId += 1;
  return `draft-${String(lastId)}`;
}

export function newOption(): OptionDraft {
  return { id: localId(), value: '', label_pl: '', label_en: '' };
}

export function newField(): FieldDraft {
  return {
    id: localId(),
    key: '',
    type: 'text',
    required: false,
    label_pl: '',
    label_en: '',
    help_pl: '',
    help_en: '',
    options: [],
    min: '',
    max: '',
    max_length: '',
  };
}

const numberText = (value: number | null | undefined) => (value === null || value === undefined ? '' : String(value));

/** A category's stored fields as drafts, in form order. */
export function draftsOf(fields: readonly FieldDefinition[]): FieldDraft[] {
  return [...fields]
    .sort((a, b) => (a.order ?? 0) - (b.order ?? 0))
    .map((field) => ({
      id: localId(),
      key: field.key,
      type: field.type,
      required: field.required ?? false,
      label_pl: field.label_pl,
      label_en: field.label_en,
      help_pl: field.help_pl ?? '',
      help_en: field.help_en ?? '',
      options: (field.options ?? []).map((option) => ({ id: localId(), ...option })),
      min: numberText(field.min),
      max: numberText(field.max),
      max_length: numberText(field.max_length),
    }));
}

const optionalNumber = (text: string) => (text.trim() === '' ? undefined : Number(text));
const optionalText = (text: string) => (text.trim() === '' ? undefined : text.trim());

/**
 * The drafts as the API takes them: numbered in list order, and with only what the field's type
 * uses (options of a field changed from a select to text are dropped, not sent).
 */
export function definitionsOf(drafts: readonly FieldDraft[]): FieldDefinition[] {
  return drafts.map((draft, index) => {
    const field: FieldDefinition = {
      key: draft.key.trim(),
      type: draft.type,
      required: draft.required,
      order: index + 1,
      label_pl: draft.label_pl.trim(),
      label_en: draft.label_en.trim(),
    };
    const help_pl = optionalText(draft.help_pl);
    const help_en = optionalText(draft.help_en);
    if (help_pl !== undefined) field.help_pl = help_pl;
    if (help_en !== undefined) field.help_en = help_en;
    if (hasOptions(draft.type)) {
      field.options = draft.options.map(({ value, label_pl, label_en }) => ({
        value: value.trim(),
        label_pl: label_pl.trim(),
        label_en: label_en.trim(),
      }));
    }
    if (draft.type === 'number') {
      const min = optionalNumber(draft.min);
      const max = optionalNumber(draft.max);
      if (min !== undefined) field.min = min;
      if (max !== undefined) field.max = max;
    }
    if (draft.type === 'text') {
      const maxLength = optionalNumber(draft.max_length);
      if (maxLength !== undefined) field.max_length = maxLength;
    }
    return field;
  });
}

/** The list with the item at `index` moved by `by` places (unchanged when that leaves the list). */
export function moved<T>(items: readonly T[], index: number, by: number): T[] {
  const target = index + by;
  const item = items[index];
  if (item === undefined || target < 0 || target >= items.length) return [...items];
  const rest = items.filter((_, i) => i !== index);
  return [...rest.slice(0, target), item, ...rest.slice(target)];
}

/** The list without the item at `index`. */
export function without<T>(items: readonly T[], index: number): T[] {
  return items.filter((_, i) => i !== index);
}

/** The list with the item at `index` changed. */
export function changed<T>(items: readonly T[], index: number, change: Partial<T>): T[] {
  return items.map((item, i) => (i === index ? { ...item, ...change } : item));
}

/** A field changed to another type; a new select starts with one empty option to fill in. */
export function withType(draft: FieldDraft, type: FieldType): FieldDraft {
  const options = hasOptions(type) && draft.options.length === 0 ? [newOption()] : draft.options;
  return { ...draft, type, options };
}

/** The API's name of a property of the field at `index` (`fields[2].key`), as its errors name it. */
export function fieldPath(index: number, property: string): string {
  return `fields[${String(index)}].${property}`;
}

/** The name of a property of an option (`fields[2].options[0].value`). */
export function optionPath(fieldIndex: number, optionIndex: number, property: string): string {
  return fieldPath(fieldIndex, `options[${String(optionIndex)}].${property}`);
}

const FIELD_PROPERTIES = ['key', 'type', 'required', 'label_pl', 'label_en', 'help_pl', 'help_en', 'options', 'min', 'max', 'max_length'];
const OPTION_PROPERTIES = ['value', 'label_pl', 'label_en'];

/** Every name an error can give to a part of the drafts (for `useFormErrors`). */
export function draftErrorNames(drafts: readonly FieldDraft[]): string[] {
  return drafts.flatMap((draft, index) => [
    ...FIELD_PROPERTIES.map((property) => fieldPath(index, property)),
    ...draft.options.flatMap((_, optionIndex) => OPTION_PROPERTIES.map((property) => optionPath(index, optionIndex, property))),
  ]);
}

/**
 * What is wrong with the options of select fields, as error codes by name. The API accepts
 * empty and repeated option values, which residents could not tell apart; they are refused here.
 */
export function optionErrors(drafts: readonly FieldDraft[]): Record<string, string> {
  const errors: Record<string, string> = {};
  drafts.forEach((draft, index) => {
    if (!hasOptions(draft.type)) return;
    const seen = new Set<string>();
    draft.options.forEach((option, optionIndex) => {
      const value = option.value.trim();
      if (value === '') errors[optionPath(index, optionIndex, 'value')] = 'required';
      else if (seen.has(value)) errors[optionPath(index, optionIndex, 'value')] = 'duplicate';
      seen.add(value);
      for (const label of ['label_pl', 'label_en'] as const) {
        if (option[label].trim() === '') errors[optionPath(index, optionIndex, label)] = 'required';
      }
    });
  });
  return errors;
}
