import { applyMeridiem, applyPeriod, PERIOD_DEFAULT_HOUR } from './clock.ts';
import { nextOccurrence } from './repeat.ts';
import type { Spec, TypedDate } from './spec.ts';
import type { ParseError, Repeat } from './types.ts';
import {
  addCalendarDays,
  addCalendarMonths,
  type CalendarDate,
  clampedDay,
  fromWallClock,
  isValidCalendarDate,
  toWallClock,
  weekdayOf,
} from './zoned.ts';

/** Turns recognised elements into an instant and a repeat rule, in the chat's time zone. */

/** Time used when a day is named without a time ("ngày 10 hằng tháng", "25/12 …"). */
export const DEFAULT_HOUR = 8;

/** How far ahead a date without a year may look: 8 years always contains a 29 February. */
const YEARS_AHEAD = 8;

type Resolved = { ok: true; firstDue: Date; repeat: Repeat } | { ok: false; error: ParseError };
type Clock = { hour: number; minute: number };

const fail = (error: ParseError): Resolved => ({ ok: false, error });

/** The 24-hour clock the user meant; `null` = none given; `'invalid'` = contradictory. */
function clockOf(spec: Spec): Clock | null | 'invalid' {
  const { time, period } = spec;
  if (time === undefined) {
    return period === undefined ? null : { hour: PERIOD_DEFAULT_HOUR[period], minute: 0 };
  }
  const fromMeridiem = time.meridiem === undefined ? null : applyMeridiem(time.hour, time.meridiem);
  const fromPeriod = period === undefined ? null : applyPeriod(time.hour, period);
  if (period !== undefined && fromPeriod === null) return 'invalid';
  if (fromMeridiem !== null && fromPeriod !== null && fromMeridiem !== fromPeriod) return 'invalid';
  return { hour: fromMeridiem ?? fromPeriod ?? time.hour, minute: time.minute };
}

function once(firstDue: Date, now: Date): Resolved {
  if (firstDue.getTime() <= now.getTime()) return fail('in_past');
  return { ok: true, firstDue, repeat: { kind: 'once' } };
}

function repeating(repeat: Exclude<Repeat, { kind: 'once' }>, now: Date, zone: string): Resolved {
  const firstDue = nextOccurrence(repeat, now, zone);
  return firstDue === null ? fail('invalid_date') : { ok: true, firstDue, repeat };
}

function resolveRelative(spec: Spec, clock: Clock | null, now: Date, zone: string): Resolved {
  const { relative } = spec;
  if (relative === undefined) return fail('no_time');
  const dayNamed = spec.date ?? spec.dayOffset ?? spec.weekday ?? spec.week ?? spec.monthOffset;
  if (dayNamed !== undefined) return fail('invalid_date');
  if (relative.minutes > 0) {
    if (clock !== null) return fail('invalid_date');
    const total = (relative.days * 1440 + relative.minutes) * 60_000;
    return once(new Date(now.getTime() + total), now);
  }
  const today = toWallClock(now, zone);
  const time = clock ?? today;
  return once(
    fromWallClock(addCalendarDays(today, relative.days), time.hour, time.minute, zone),
    now,
  );
}

function resolveRepeat(spec: Spec, clock: Clock, now: Date, zone: string): Resolved {
  const { hour, minute } = clock;
  if (spec.dayOffset !== undefined || spec.week !== undefined || spec.monthOffset !== undefined) {
    return fail('invalid_date');
  }
  if (spec.repeat === 'daily') {
    if (spec.date !== undefined || spec.weekday !== undefined) return fail('invalid_date');
    return repeating({ kind: 'daily', hour, minute }, now, zone);
  }
  if (spec.repeat === 'weekly') {
    if (spec.date !== undefined) return fail('invalid_date');
    if (spec.weekday === undefined) return fail('no_time');
    return repeating({ kind: 'weekly', weekday: spec.weekday, hour, minute }, now, zone);
  }
  if (spec.weekday !== undefined) return fail('invalid_date');
  if (spec.date === undefined) return fail('no_time');
  if (spec.date.month !== undefined) return fail('invalid_date');
  return repeating({ kind: 'monthly', day: spec.date.day, hour, minute }, now, zone);
}

/** Candidate days for a typed date, earliest first: the year given, else this year onwards. */
function candidateDays(date: TypedDate, today: CalendarDate): CalendarDate[] {
  const { day, month, year } = date;
  if (month !== undefined && year !== undefined) return [{ year, month, day }];
  const days: CalendarDate[] = [];
  if (month !== undefined) {
    for (let offset = 0; offset <= YEARS_AHEAD; offset += 1) {
      days.push({ year: today.year + offset, month, day });
    }
    return days;
  }
  for (let offset = 0; offset <= 12; offset += 1) {
    const first = addCalendarMonths(today, offset);
    days.push({ ...first, day });
  }
  return days;
}

/** "thứ 6 tuần này", "next monday", "tuần sau": a day counted from this week's Monday. */
function resolveWeek(spec: Spec, week: 0 | 1, clock: Clock, now: Date, zone: string): Resolved {
  if (spec.date !== undefined || spec.dayOffset !== undefined || spec.monthOffset !== undefined) {
    return fail('invalid_date');
  }
  const today = toWallClock(now, zone);
  let day: CalendarDate;
  if (spec.weekday !== undefined) {
    const monday = addCalendarDays(today, -((weekdayOf(today) + 6) % 7));
    day = addCalendarDays(monday, week * 7 + ((spec.weekday + 6) % 7));
  } else if (week === 1) {
    day = addCalendarDays(today, 7);
  } else {
    return fail('no_time');
  }
  return once(fromWallClock(day, clock.hour, clock.minute, zone), now);
}

/** "tháng sau" (same day next month, or its last day), "ngày 10 tháng sau". */
function resolveNextMonth(spec: Spec, clock: Clock, now: Date, zone: string): Resolved {
  if (
    spec.dayOffset !== undefined ||
    spec.weekday !== undefined ||
    spec.date?.month !== undefined
  ) {
    return fail('invalid_date');
  }
  const today = toWallClock(now, zone);
  const first = addCalendarMonths(today, 1);
  const wanted = spec.date?.day;
  if (wanted !== undefined && !isValidCalendarDate(first.year, first.month, wanted)) {
    return fail('invalid_date');
  }
  const day = clampedDay(first, wanted ?? today.day);
  return once(fromWallClock(day, clock.hour, clock.minute, zone), now);
}

/**
 * "12h đêm nay", "1h đêm mai": a small hour said with đêm belongs to the night that follows the
 * named day, so it is the next calendar day (the coming midnight, not the one already past).
 */
function nightShift(spec: Spec, clock: Clock | null): number {
  return spec.period === 'night' && spec.time !== undefined && clock !== null && clock.hour < 6
    ? 1
    : 0;
}

function resolveDate(spec: Spec, clock: Clock | null, now: Date, zone: string): Resolved {
  const today = toWallClock(now, zone);
  const { hour, minute } = clock ?? { hour: DEFAULT_HOUR, minute: 0 };
  if (spec.week !== undefined) return resolveWeek(spec, spec.week, { hour, minute }, now, zone);
  if (spec.monthOffset !== undefined) return resolveNextMonth(spec, { hour, minute }, now, zone);
  if (spec.date !== undefined) {
    if (spec.dayOffset !== undefined) return fail('invalid_date');
    const explicitYear = spec.date.year !== undefined;
    const valid = candidateDays(spec.date, today).filter((d) =>
      isValidCalendarDate(d.year, d.month, d.day),
    );
    const matching = valid.filter(
      (d) => spec.weekday === undefined || weekdayOf(d) === spec.weekday,
    );
    if (matching.length === 0) return fail('invalid_date');
    const instants = matching.map((d) => fromWallClock(d, hour, minute, zone));
    const ahead = instants.find((instant) => instant.getTime() > now.getTime());
    if (ahead === undefined) return fail(explicitYear ? 'in_past' : 'invalid_date');
    return once(ahead, now);
  }
  if (spec.dayOffset !== undefined) {
    const day = addCalendarDays(today, spec.dayOffset + nightShift(spec, clock));
    if (spec.weekday !== undefined && weekdayOf(day) !== spec.weekday) return fail('invalid_date');
    return once(fromWallClock(day, hour, minute, zone), now);
  }
  if (spec.weekday !== undefined) {
    const weekly: Repeat = { kind: 'weekly', weekday: spec.weekday, hour, minute };
    const firstDue = nextOccurrence(weekly, now, zone);
    return firstDue === null ? fail('invalid_date') : once(firstDue, now);
  }
  if (clock === null) return fail('no_time');
  const firstDue = nextOccurrence({ kind: 'daily', hour, minute }, now, zone);
  return firstDue === null ? fail('invalid_date') : once(firstDue, now);
}

/**
 * Resolves the elements. Defaults: no time → 08:00 (or the part of day's hour: chiều 14:00,
 * tối 20:00…); a bare time with no day → its next occurrence (today if still ahead, else
 * tomorrow); a date without a year → the next such date; an explicit day already past → in_past.
 */
export function resolveSpec(spec: Spec, now: Date, zone: string): Resolved {
  const clock = clockOf(spec);
  if (clock === 'invalid') return fail('invalid_date');
  if (spec.relative !== undefined) {
    return spec.repeat === undefined
      ? resolveRelative(spec, clock, now, zone)
      : fail('invalid_date');
  }
  if (spec.repeat !== undefined) {
    return resolveRepeat(spec, clock ?? { hour: DEFAULT_HOUR, minute: 0 }, now, zone);
  }
  return resolveDate(spec, clock, now, zone);
}
