import { tzOffset } from '@date-fns/tz';
import type { Weekday } from './types.ts';

/**
 * Wall-clock helpers. All calendar arithmetic is done on plain y/m/d numbers through `Date.UTC`
 * (which never consults the host zone) and converted to instants only at the end with the zone's
 * offset from `@date-fns/tz`, so results are identical whatever `TZ` the server runs with. The
 * offset is used directly instead of constructing `TZDate`s because it is about ten times cheaper
 * and the scheduler computes a next occurrence for every delivered repeating reminder; tests check
 * the results against `TZDate`, including daylight-saving transitions.
 */

/** A calendar day; `month` is 1..12 as people write it. */
export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

/** A calendar day plus the wall-clock time and weekday seen in some zone. */
export interface WallClock extends CalendarDate {
  hour: number;
  minute: number;
  weekday: Weekday;
}

const checkedZones = new Set<string>();

/**
 * Throws on an unknown zone. A typo in configuration would otherwise yield `Invalid Date`
 * reminders that never fire, which is far harder to notice than a crash at start-up.
 */
export function assertTimeZone(timeZone: string): void {
  if (checkedZones.has(timeZone)) return;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
  } catch {
    throw new RangeError(`Unknown time zone: ${timeZone}`);
  }
  checkedZones.add(timeZone);
}

const MINUTE_MS = 60_000;

function offsetMs(timeZone: string, epochMs: number): number {
  return tzOffset(timeZone, new Date(epochMs)) * MINUTE_MS;
}

/** The wall clock that people in `timeZone` see at instant `date`. */
export function toWallClock(date: Date, timeZone: string): WallClock {
  assertTimeZone(timeZone);
  const shifted = new Date(date.getTime() + offsetMs(timeZone, date.getTime()));
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
    hour: shifted.getUTCHours(),
    minute: shifted.getUTCMinutes(),
    weekday: shifted.getUTCDay() as Weekday,
  };
}

/**
 * The instant at which the wall clock in `timeZone` shows `date` `hour:minute`. A time skipped by
 * a daylight-saving jump (02:30 on a spring-forward night) moves forward by the jump, as `TZDate`
 * does; a time that occurs twice resolves to the first occurrence.
 */
export function fromWallClock(
  date: CalendarDate,
  hour: number,
  minute: number,
  timeZone: string,
): Date {
  assertTimeZone(timeZone);
  const wallAsUtc = Date.UTC(date.year, date.month - 1, date.day, hour, minute);
  const firstOffset = offsetMs(timeZone, wallAsUtc);
  const first = wallAsUtc - firstOffset;
  const secondOffset = offsetMs(timeZone, first);
  if (secondOffset === firstOffset) return new Date(first);
  const second = wallAsUtc - secondOffset;
  const consistent = offsetMs(timeZone, second) === secondOffset;
  return new Date(consistent ? second : Math.max(first, second));
}

/** Number of days in `month` (1..12) of `year`, leap years included. */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** True when the day exists in the calendar (rejects 31/02, 29/02/2027, 25/13). */
export function isValidCalendarDate(year: number, month: number, day: number): boolean {
  return (
    Number.isInteger(year) &&
    Number.isInteger(month) &&
    Number.isInteger(day) &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month)
  );
}

/** The calendar day `days` after (or before, when negative) `date`. */
export function addCalendarDays(date: CalendarDate, days: number): CalendarDate {
  const shifted = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
  };
}

/** The first day of the month `months` after the month of `date`. */
export function addCalendarMonths(date: CalendarDate, months: number): CalendarDate {
  const index = date.year * 12 + (date.month - 1) + months;
  return { year: Math.floor(index / 12), month: (index % 12) + 1, day: 1 };
}

/** Weekday of a calendar day, independent of any zone. */
export function weekdayOf(date: CalendarDate): Weekday {
  return new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay() as Weekday;
}

/** `day` in the month of `date`, moved back to the month's last day when the month is shorter. */
export function clampedDay(date: CalendarDate, day: number): CalendarDate {
  return {
    year: date.year,
    month: date.month,
    day: Math.min(day, daysInMonth(date.year, date.month)),
  };
}
