/**
 * The name of what was just created or deleted, passed in the location's state by the page
 * that did it, for the next page to confirm.
 */
export function doneName(state: unknown, done: 'created' | 'deleted'): string | undefined {
  if (typeof state === 'object' && state !== null && done in state) {
    const name: unknown = (state as Record<string, unknown>)[done];
    return typeof name === 'string' ? name : undefined;
  }
  return undefined;
}
