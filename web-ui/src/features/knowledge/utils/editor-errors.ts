import { ApiError } from '@/lib/api/errors';
import { errorTarget } from './field-paths';

/** One error the form has no input for: listed in the summary with its path in words. */
export type UnplacedError = { path: string; code: string };

/** The errors of a save, placed on the editor's inputs. */
export type PlacedErrors = {
  /** Error codes by the path of the input (or group) that shows them; the first per input. */
  byPath: Record<string, string>;
  /** Field errors for which the form has no input. */
  unplaced: UnplacedError[];
  /** An error of the request as a whole (a conflict, a lost connection). */
  form: string | undefined;
};

export const NO_ERRORS: PlacedErrors = { byPath: {}, unplaced: [], form: undefined };

/**
 * Puts the errors of a failed save where the editor shows them: each field error of the API
 * ("content.fields.steps[0].name") at the input of that path, or at the closest group above
 * it ("content.fields.topics[2]" at the topics); the rest into the summary.
 */
export function placeErrors(error: unknown, targets: ReadonlySet<string>): PlacedErrors {
  if (!(error instanceof ApiError)) return { ...NO_ERRORS, form: 'network' };
  if (error.fieldErrors.length === 0) {
    return { ...NO_ERRORS, form: error.code ?? `http_${String(error.status)}` };
  }
  const byPath: Record<string, string> = {};
  const unplaced: UnplacedError[] = [];
  for (const { field, code } of error.fieldErrors) {
    const target = errorTarget(field, (path) => targets.has(path));
    if (target === undefined) unplaced.push({ path: field, code });
    else byPath[target] ??= code;
  }
  return { byPath, unplaced, form: undefined };
}

/** The errors without those at or under `path` (a list whose items moved: its positions changed). */
export function withoutErrorsUnder(errors: PlacedErrors, path: string): PlacedErrors {
  const byPath = Object.fromEntries(
    Object.entries(errors.byPath).filter(([key]) => key !== path && !key.startsWith(`${path}[`) && !key.startsWith(`${path}.`)),
  );
  return { ...errors, byPath };
}
