import { ApiError } from '@/lib/api/errors';

/** The steps of the form, in order. `nearby` is shown only when there are open issues close by. */
export const STEPS = ['category', 'place', 'nearby', 'details', 'photos', 'contact', 'summary'] as const;

export type StepId = (typeof STEPS)[number];

/** The step whose fields an API error's `field` belongs to. */
export function stepOfField(field: string): StepId {
  if (field === 'category') return 'category';
  if (field === 'location' || field.startsWith('location.') || field === 'address') return 'place';
  if (field === 'title' || field === 'description' || field.startsWith('field_values')) return 'details';
  if (field === 'photos' || field.startsWith('photos[')) return 'photos';
  if (field.startsWith('contact')) return 'contact';
  return 'summary';
}

/**
 * Where to send the resident after a failed submission: the first step with a wrong field, or
 * the summary for anything that is no field's fault (network, rate limits, a server error).
 */
export function firstStepWithError(error: unknown, steps: readonly StepId[]): StepId {
  if (!(error instanceof ApiError) || error.fieldErrors.length === 0) return 'summary';
  const wrong = new Set(error.fieldErrors.map((fieldError) => stepOfField(fieldError.field)));
  return steps.find((step) => wrong.has(step)) ?? 'summary';
}

/** For each step, a test that a field belongs to another step (whose own form shows its errors). */
export function elsewhereThan(step: StepId): (field: string) => boolean {
  return (field) => stepOfField(field) !== step;
}

/** The index of each photo the API found wrong (`photos[2]` → 2), with the first code for it. */
export function photoErrors(error: unknown): Map<number, string> {
  const found = new Map<number, string>();
  if (!(error instanceof ApiError)) return found;
  for (const { field, code } of error.fieldErrors) {
    const match = /^photos\[(\d+)\]$/.exec(field);
    if (match?.[1] !== undefined && !found.has(Number(match[1]))) {
      found.set(Number(match[1]), code);
    }
  }
  return found;
}
