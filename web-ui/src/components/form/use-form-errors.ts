import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { formErrorsOf, type ErrorReason } from '@/lib/api/field-errors';
import { errorMessage } from './error-message';

type FormErrorOptions = {
  /** Errors found before sending (kept in state, so they only change on a submission). */
  localErrors?: Partial<Record<string, string>>;
  /** Problem codes that concern one field (`{ wrong_password: 'password' }`); keep stable. */
  problemFields?: Partial<Record<string, string>>;
  /** Fields another step of the form shows (their errors are left to it); keep stable. */
  elsewhere?: (field: string) => boolean;
};

/**
 * The errors of a form's last submission, in words, and focus handling: after a failed
 * submission focus moves to the first wrong field (whose error is read with it), or to the
 * form's alert when no field is at fault.
 *
 * `fields` are the API's field names the form has inputs for (keep the array stable).
 */
export function useFormErrors(error: unknown, fields: readonly string[], options: FormErrorOptions = {}) {
  const { localErrors, problemFields, elsewhere } = options;
  const { t } = useTranslation();
  const formRef = useRef<HTMLFormElement>(null);
  const errors = useMemo(
    () => formErrorsOf(error, fields, problemFields, elsewhere),
    [error, fields, problemFields, elsewhere],
  );
  const concernsThisForm = errors.form !== undefined || Object.keys(errors.fields).length > 0;

  useEffect(() => {
    const form = formRef.current;
    if (!form || (!concernsThisForm && !localErrors)) return;
    const target = form.querySelector<HTMLElement>('[aria-invalid="true"], .form-alert');
    target?.focus();
  }, [error, concernsThisForm, localErrors]);

  const message = (reason: ErrorReason | undefined) => (reason ? errorMessage(t, reason) : undefined);
  return {
    formRef,
    fieldError: (name: string): string | undefined => localErrors?.[name] ?? message(errors.fields[name]),
    formError: message(errors.form),
    hasFieldErrors: Object.keys(errors.fields).length > 0 || Object.keys(localErrors ?? {}).length > 0,
  };
}
