import { sortedFields } from '@/lib/issues/fields';
import type { FieldDefinition, FieldValue, FieldValues } from '@/lib/issues/types';

/** Longest text value when a field sets none (the server's default). */
export const DEFAULT_MAX_LENGTH = 500;

/** Why a value was refused before sending; the same checks the server makes (R1.3). */
export type FieldProblem =
  | { code: 'required' }
  | { code: 'not_a_number' }
  | { code: 'too_small'; min: number }
  | { code: 'too_large'; max: number }
  | { code: 'invalid_option' }
  | { code: 'too_long'; max: number }
  | { code: 'invalid_date' };

/** Reads a submitted form by control name. */
export type FormReader = {
  text: (name: string) => string;
  all: (name: string) => string[];
};

/** The name of a field's control: the API's name for it, so server errors land on it too. */
export function controlName(field: FieldDefinition): string {
  return `field_values.${field.key}`;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function isValidDate(text: string): boolean {
  if (!DATE.test(text)) return false;
  const day = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(day.getTime()) && day.toISOString().startsWith(text);
}

/** One field's value from the form: a value, nothing (left empty), or a problem. */
function readField(field: FieldDefinition, form: FormReader): FieldValue | FieldProblem | undefined {
  const name = controlName(field);
  const options = new Set((field.options ?? []).map((option) => option.value));
  if (field.type === 'multi_select') {
    const chosen = form.all(name);
    if (chosen.length === 0) return undefined;
    return chosen.every((value) => options.has(value)) ? chosen : { code: 'invalid_option' };
  }
  const text = form.text(name).trim();
  if (text === '') return undefined;
  switch (field.type) {
    case 'number': {
      // A decimal comma is how Polish writes numbers.
      const value = Number(text.replace(',', '.'));
      if (!Number.isFinite(value)) return { code: 'not_a_number' };
      if (field.min !== null && field.min !== undefined && value < field.min) return { code: 'too_small', min: field.min };
      if (field.max !== null && field.max !== undefined && value > field.max) return { code: 'too_large', max: field.max };
      return value;
    }
    case 'select':
      return options.has(text) ? text : { code: 'invalid_option' };
    case 'boolean':
      return text === 'true';
    case 'date':
      return isValidDate(text) ? text : { code: 'invalid_date' };
    case 'text': {
      const max = field.max_length ?? DEFAULT_MAX_LENGTH;
      // Counted in code points, as the server counts characters.
      return Array.from(text).length > max ? { code: 'too_long', max } : text;
    }
  }
}

function isProblem(value: FieldValue | FieldProblem | undefined): value is FieldProblem {
  return typeof value === 'object' && !Array.isArray(value);
}

/**
 * Reads and checks a category's extra fields: the values to send (empty optional fields are
 * left out) and a problem per wrong field, keyed by control name.
 */
export function readFieldValues(
  fields: readonly FieldDefinition[],
  form: FormReader,
): { values: FieldValues; problems: Partial<Record<string, FieldProblem>> } {
  const values: FieldValues = {};
  const problems: Partial<Record<string, FieldProblem>> = {};
  for (const field of sortedFields(fields)) {
    const value = readField(field, form);
    if (isProblem(value)) {
      problems[controlName(field)] = value;
    } else if (value === undefined) {
      if (field.required) problems[controlName(field)] = { code: 'required' };
    } else {
      values[field.key] = value;
    }
  }
  return { values, problems };
}
