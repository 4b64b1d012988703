import type { components } from '@/lib/api/schema';

export type Deadline = components['schemas']['DeadlineView'];

/** How much time an issue's deadline leaves, counted as the server counts it: in working days. */
export type Countdown =
  | { kind: 'paused' }
  | { kind: 'today' }
  | { kind: 'left'; workingDays: number }
  | { kind: 'overdue'; workingDays: number };

const DAY_MS = 24 * 60 * 60 * 1000;

/** A calendar day in the city (Europe/Warsaw) as a UTC midnight, so days can be stepped through safely. */
function cityDay(at: Date): Date {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Warsaw',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(at);
  const part = (type: string) => Number(parts.find((candidate) => candidate.type === type)?.value);
  return new Date(Date.UTC(part('year'), part('month') - 1, part('day')));
}

/** Easter Sunday of a year (the anonymous Gregorian algorithm), as a UTC midnight. */
export function easter(year: number): Date {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return new Date(Date.UTC(year, month - 1, day));
}

/** The Polish statutory holidays of a year, as `YYYY-MM-DD` (the server's calendar; its extra days off are not known here). */
function holidays(year: number): Set<string> {
  const fixed = ['01-01', '01-06', '05-01', '05-03', '08-15', '11-01', '11-11', '12-24', '12-25', '12-26']
    .filter((day) => year >= 2025 || day !== '12-24')
    .map((day) => `${String(year)}-${day}`);
  const sunday = easter(year).getTime();
  // Easter Sunday and Monday, Pentecost Sunday, Corpus Christi.
  const movable = [0, 1, 49, 60].map((offset) => new Date(sunday + offset * DAY_MS).toISOString().slice(0, 10));
  return new Set([...fixed, ...movable]);
}

export function isWorkingDay(day: Date): boolean {
  const weekday = day.getUTCDay();
  return weekday !== 0 && weekday !== 6 && !holidays(day.getUTCFullYear()).has(day.toISOString().slice(0, 10));
}

/** Working days after `from` up to and including `to` (both city days); 0 when `to` is not later. */
function workingDaysBetween(from: Date, to: Date): number {
  let count = 0;
  for (let day = from.getTime() + DAY_MS; day <= to.getTime(); day += DAY_MS) {
    if (isWorkingDay(new Date(day))) count += 1;
  }
  return count;
}

/**
 * The last moment within a deadline: the API gives its end (midnight after the last day), so
 * the day to show is the one before, as the server's own messages show it.
 */
export function lastMoment(deadline: Pick<Deadline, 'due_at'>): string {
  return new Date(new Date(deadline.due_at).getTime() - 1000).toISOString();
}

/** How long an issue has left, or how long it is overdue, in working days at `now`. */
export function countdown(deadline: Deadline, now: Date): Countdown {
  if (deadline.paused) return { kind: 'paused' };
  const today = cityDay(now);
  const last = cityDay(new Date(lastMoment(deadline)));
  if (deadline.overdue) return { kind: 'overdue', workingDays: workingDaysBetween(last, today) };
  const left = workingDaysBetween(today, last);
  return left > 0 ? { kind: 'left', workingDays: left } : { kind: 'today' };
}
