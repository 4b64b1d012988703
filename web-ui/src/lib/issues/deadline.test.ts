import { describe, expect, it } from 'vitest';
import { countdown, easter, isWorkingDay, lastMoment, type Deadline } from './deadline';

/** A deadline ending at the end of `day` in the city (midnight, Warsaw time, winter). */
function dueEndOf(day: string, extra: Partial<Deadline> = {}): Deadline {
  const end = new Date(`${day}T23:00:00Z`);
  return { kind: 'verify', due_at: end.toISOString(), paused: false, overdue: false, ...extra };
}

const at = (iso: string) => new Date(iso);

describe('working days', () => {
  it('knows Easter', () => {
    expect(easter(2025).toISOString().slice(0, 10)).toBe('2025-04-20');
    expect(easter(2026).toISOString().slice(0, 10)).toBe('2026-04-05');
  });

  it('skips weekends and public holidays, Christmas Eve from 2025 on', () => {
    expect(isWorkingDay(at('2026-11-23T00:00:00Z'))).toBe(true);
    expect(isWorkingDay(at('2026-11-28T00:00:00Z'))).toBe(false);
    expect(isWorkingDay(at('2026-11-11T00:00:00Z'))).toBe(false);
    // Corpus Christi 2026: 60 days after Easter.
    expect(isWorkingDay(at('2026-06-04T00:00:00Z'))).toBe(false);
    expect(isWorkingDay(at('2026-12-24T00:00:00Z'))).toBe(false);
    expect(isWorkingDay(at('2024-12-24T00:00:00Z'))).toBe(true);
  });
});

describe('countdown', () => {
  it('counts the working days left after today', () => {
    // Monday; the deadline ends with Thursday.
    expect(countdown(dueEndOf('2026-11-26'), at('2026-11-23T10:00:00Z'))).toEqual({ kind: 'left', workingDays: 3 });
    // Friday evening; the deadline ends with Tuesday.
    expect(countdown(dueEndOf('2026-12-01'), at('2026-11-27T20:00:00Z'))).toEqual({ kind: 'left', workingDays: 2 });
  });

  it('leaves out holidays', () => {
    // Tuesday 10 November; Wednesday 11 November is Independence Day.
    expect(countdown(dueEndOf('2026-11-12'), at('2026-11-10T09:00:00Z'))).toEqual({ kind: 'left', workingDays: 1 });
  });

  it('says when the last day is today, in the city time zone', () => {
    expect(countdown(dueEndOf('2026-11-26'), at('2026-11-26T22:30:00Z'))).toEqual({ kind: 'today' });
  });

  it('counts working days past an overdue deadline', () => {
    const overdue = dueEndOf('2026-11-26', { overdue: true });
    expect(countdown(overdue, at('2026-11-30T08:00:00Z'))).toEqual({ kind: 'overdue', workingDays: 2 });
    // Saturday right after a Friday deadline: overdue, but no working day yet.
    expect(countdown(dueEndOf('2026-11-27', { overdue: true }), at('2026-11-28T08:00:00Z'))).toEqual({
      kind: 'overdue',
      workingDays: 0,
    });
  });

  it('stands still while the reporter is asked', () => {
    expect(countdown(dueEndOf('2026-11-26', { paused: true }), at('2026-11-30T08:00:00Z'))).toEqual({ kind: 'paused' });
  });

  it('shows the last day within the deadline, not the midnight after it', () => {
    expect(lastMoment({ due_at: '2026-11-26T23:00:00Z' })).toBe('2026-11-26T22:59:59.000Z');
    // Summer time: the day ends at 22:00 UTC.
    const summer = { kind: 'start_work', due_at: '2026-06-30T22:00:00Z', paused: false, overdue: false } as const;
    expect(countdown(summer, at('2026-06-29T21:30:00Z'))).toEqual({ kind: 'left', workingDays: 1 });
  });
});
