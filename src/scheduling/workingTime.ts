import { addCalendarDays, type CalendarDate, fromWallClock, toWallClock } from './zoned.ts';

/**
 * When officers work: weekdays (0 = Sunday … 6 = Saturday), the daily window in minutes after
 * midnight, the zone those are read in, and holidays as `yyyy-MM-dd` in that zone.
 */
export interface WorkingCalendar {
  days: readonly number[];
  startMinute: number;
  endMinute: number;
  timeZone: string;
  holidays: ReadonlySet<string>;
}

const MINUTE_MS = 60_000;
/** A year of calendar days: far more than any service target, and a stop for a calendar with no working day. */
const MAX_DAYS = 366;

const isoDay = (date: CalendarDate) =>
  `${date.year}-${String(date.month).padStart(2, '0')}-${String(date.day).padStart(2, '0')}`;

/** Length of one working day, to turn "resolve within N days" into working time. */
export function workingDayMs(calendar: WorkingCalendar): number {
  return (calendar.endMinute - calendar.startMinute) * MINUTE_MS;
}

function isWorkingDay(calendar: WorkingCalendar, date: CalendarDate): boolean {
  const weekday = new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay();
  return calendar.days.includes(weekday) && !calendar.holidays.has(isoDay(date));
}

/** The working window of one calendar day as instants, or null on a day off. */
function windowOf(calendar: WorkingCalendar, date: CalendarDate): [number, number] | null {
  if (!isWorkingDay(calendar, date)) return null;
  const at = (minute: number) =>
    fromWallClock(date, Math.floor(minute / 60), minute % 60, calendar.timeZone).getTime();
  return [at(calendar.startMinute), at(calendar.endMinute)];
}

/**
 * The instant at which `durationMs` of working time has passed since `start`: nights, weekends
 * and holidays do not count, so a target set on Friday evening runs from Monday morning.
 */
export function addWorkingTime(start: Date, durationMs: number, calendar: WorkingCalendar): Date {
  let left = durationMs;
  let day: CalendarDate = toWallClock(start, calendar.timeZone);
  for (let i = 0; i < MAX_DAYS; i += 1, day = addCalendarDays(day, 1)) {
    const window = windowOf(calendar, day);
    if (!window) continue;
    const from = Math.max(window[0], start.getTime());
    if (from >= window[1]) continue;
    if (from + left <= window[1]) return new Date(from + left);
    left -= window[1] - from;
  }
  throw new RangeError('the working calendar has no working day within a year');
}

/** Working time between two instants (0 when `to` is not after `from`). */
export function workingTimeBetween(from: Date, to: Date, calendar: WorkingCalendar): number {
  let total = 0;
  let day: CalendarDate = toWallClock(from, calendar.timeZone);
  for (let i = 0; i < MAX_DAYS * 5; i += 1, day = addCalendarDays(day, 1)) {
    const window = windowOf(calendar, day);
    const dayStart = fromWallClock(day, 0, 0, calendar.timeZone).getTime();
    if (dayStart >= to.getTime()) break;
    if (!window) continue;
    const start = Math.max(window[0], from.getTime());
    const end = Math.min(window[1], to.getTime());
    if (end > start) total += end - start;
  }
  return total;
}

/** `1-5` or `1,2,3,4,5,6` (0 = Sunday) as weekday numbers; null when malformed. */
export function parseWorkDays(raw: string): number[] | null {
  const days = new Set<number>();
  for (const part of raw.split(',').map((piece) => piece.trim())) {
    const match = /^([0-6])(?:-([0-6]))?$/.exec(part);
    if (!match) return null;
    const first = Number(match[1]);
    const last = match[2] === undefined ? first : Number(match[2]);
    if (last < first) return null;
    for (let day = first; day <= last; day += 1) days.add(day);
  }
  return [...days].sort();
}

/** `08:00-17:00` as minutes after midnight; null when malformed or empty. */
export function parseWorkHours(raw: string): { startMinute: number; endMinute: number } | null {
  const match = /^(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})$/.exec(raw.trim());
  if (!match) return null;
  const [h1, m1, h2, m2] = match.slice(1).map(Number) as [number, number, number, number];
  if (h1 > 23 || h2 > 24 || m1 > 59 || m2 > 59) return null;
  const startMinute = h1 * 60 + m1;
  const endMinute = h2 * 60 + m2;
  return endMinute > startMinute && endMinute <= 24 * 60 ? { startMinute, endMinute } : null;
}
