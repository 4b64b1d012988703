import type { SubmitEvent } from 'react';

/**
 * Reads a submitted form's text values by name (and stops the browser's own submission).
 * Forms stay uncontrolled: the values are read once, when they are sent.
 */
export function submittedValues(event: SubmitEvent<HTMLFormElement>) {
  event.preventDefault();
  const data = new FormData(event.currentTarget);
  return {
    text(name: string): string {
      const value = data.get(name);
      return typeof value === 'string' ? value : '';
    },
    checked(name: string): boolean {
      return data.get(name) !== null;
    },
    /** Every text value of a name (a group of checkboxes). */
    all(name: string): string[] {
      return data.getAll(name).filter((value): value is string => typeof value === 'string');
    },
  };
}
