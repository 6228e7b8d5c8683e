import type { Repeat } from './types.ts';
import {
  addCalendarDays,
  addCalendarMonths,
  clampedDay,
  fromWallClock,
  toWallClock,
} from './zoned.ts';

/**
 * The next time a repeating reminder fires, strictly after `after`; `null` for one-off reminders.
 * "Strictly" lets the scheduler pass the occurrence it just delivered and get the following one
 * without drifting. Monthly reminders on day 29–31 fire on the last day of shorter months and go
 * back to the requested day afterwards (31 Jan → 28 Feb → 31 Mar), because each month is computed
 * from the rule rather than from the previous occurrence.
 */
export function nextOccurrence(repeat: Repeat, after: Date, timeZone: string): Date | null {
  if (repeat.kind === 'once') return null;
  const today = toWallClock(after, timeZone);
  const { hour, minute } = repeat;
  const isAhead = (candidate: Date): boolean => candidate.getTime() > after.getTime();

  if (repeat.kind === 'daily') {
    const sameDay = fromWallClock(today, hour, minute, timeZone);
    return isAhead(sameDay)
      ? sameDay
      : fromWallClock(addCalendarDays(today, 1), hour, minute, timeZone);
  }
  if (repeat.kind === 'weekly') {
    const daysAhead = (repeat.weekday - today.weekday + 7) % 7;
    const candidate = fromWallClock(addCalendarDays(today, daysAhead), hour, minute, timeZone);
    if (isAhead(candidate)) return candidate;
    return fromWallClock(addCalendarDays(today, daysAhead + 7), hour, minute, timeZone);
  }
  const thisMonth = fromWallClock(clampedDay(today, repeat.day), hour, minute, timeZone);
  if (isAhead(thisMonth)) return thisMonth;
  const nextMonth = clampedDay(addCalendarMonths(today, 1), repeat.day);
  return fromWallClock(nextMonth, hour, minute, timeZone);
}
