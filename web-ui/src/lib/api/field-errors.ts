import { ApiError } from './errors';

/** A reason something failed, as a stable code to translate, with what it needs. */
export type ErrorReason = { code: string; retryAfter?: number };

/** A failed request split for a form: reasons per field, and one for the form as a whole. */
export type FormErrors = {
  fields: Partial<Record<string, ErrorReason>>;
  form: ErrorReason | undefined;
};

const NO_ERRORS: FormErrors = { fields: {}, form: undefined };

/**
 * Maps an error of a form's request onto the form: each field error of a validation problem
 * goes to the field of that name when the form has it, as does a problem whose code
 * `problemFields` ties to a field (`wrong_password` → the password field); anything else
 * (field errors for fields the form lacks, other problems, network failures) becomes the
 * form's error. A form in several steps says with `elsewhere` which fields another step shows:
 * their errors are left to it.
 */
export function formErrorsOf(
  error: unknown,
  formFields: readonly string[],
  problemFields: Partial<Record<string, string>> = {},
  elsewhere?: (field: string) => boolean,
): FormErrors {
  if (error === null || error === undefined) {
    return NO_ERRORS;
  }
  if (!(error instanceof ApiError)) {
    return { fields: {}, form: { code: 'network' } };
  }
  const fields: FormErrors['fields'] = {};
  let stray: ErrorReason | undefined;
  const ownErrors = elsewhere ? error.fieldErrors.filter((fieldError) => !elsewhere(fieldError.field)) : error.fieldErrors;
  if (ownErrors.length === 0 && error.fieldErrors.length > 0) {
    return NO_ERRORS;
  }
  for (const fieldError of ownErrors) {
    if (formFields.includes(fieldError.field)) {
      // The first error of a field is the one to fix first.
      fields[fieldError.field] ??= { code: fieldError.code };
    } else {
      stray ??= { code: fieldError.code };
    }
  }
  if (Object.keys(fields).length > 0) {
    return { fields, form: stray };
  }
  const field = error.code === undefined ? undefined : problemFields[error.code];
  if (stray === undefined && field !== undefined && error.code !== undefined && formFields.includes(field)) {
    return { fields: { [field]: { code: error.code } }, form: undefined };
  }
  return {
    fields,
    form: stray ?? { code: error.code ?? `http_${String(error.status)}`, retryAfter: error.retryAfter },
  };
}
