import { describe, expect, it } from 'vitest';
import { toInstant, toLocalInput } from './date-input';

describe('datetime-local values', () => {
  it('goes from an instant to the local wall time and back', () => {
    const instant = '2026-11-01T05:30:00.000Z';
    const local = toLocalInput(instant);
    expect(local).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/);
    expect(toInstant(local)).toBe(instant);
  });

  it('shows nothing for no instant or a broken one', () => {
    expect(toLocalInput(null)).toBe('');
    expect(toLocalInput(undefined)).toBe('');
    expect(toLocalInput('soon')).toBe('');
  });

  it('leaves a value it cannot read for the API to refuse', () => {
    expect(toInstant('tomorrow')).toBe('tomorrow');
  });
});
