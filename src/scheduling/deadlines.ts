import { fold } from './tokens.ts';
import {
  addCalendarDays,
  addCalendarMonths,
  type CalendarDate,
  clampedDay,
  daysInMonth,
  fromWallClock,
  isValidCalendarDate,
  toWallClock,
} from './zoned.ts';

/**
 * Reporting deadlines that officers publish for enterprises (e.g. the labour report due on the 5th
 * of the first month of each quarter) and the notices sent before them.
 *
 * Decision: a deadline is the END of office hours on its day, {@link DEADLINE_HOUR} (17:00) local,
 * because a report may still be filed during the deadline day; a notice "0 days before" is then
 * still useful that morning. Notices go out at `sendHour` (default 08:00) local.
 */

/** A recurring or one-off deadline; days past a month's end fall back to its last day. */
export type DeadlineRule =
  | { kind: 'monthly'; day: number }
  | { kind: 'quarterly'; day: number; monthInQuarter: 1 | 2 | 3 }
  | { kind: 'yearly'; month: number; day: number }
  | { kind: 'once'; date: string };

/** Local hour at which a deadline day ends (offices close at 17:00). */
export const DEADLINE_HOUR = 17;
/** Local hour at which notices are sent unless the caller chooses otherwise. */
export const DEFAULT_SEND_HOUR = 8;
/** Longest lead time an officer may set: a year. */
export const MAX_LEAD_DAYS = 365;

function assertDay(day: number): void {
  if (!Number.isInteger(day) || day < 1 || day > 31) throw new RangeError(`Invalid day: ${day}`);
}

function parseIsoDate(date: string): CalendarDate | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return isValidCalendarDate(year, month, day) ? { year, month, day } : null;
}

/** Whether deadlines of this rule fall in `month` (1..12). */
function ruleMonthMatches(rule: DeadlineRule, month: number): boolean {
  if (rule.kind === 'monthly') return true;
  if (rule.kind === 'quarterly') return (month - 1) % 3 === rule.monthInQuarter - 1;
  return rule.kind === 'yearly' && rule.month === month;
}

/**
 * The first deadline strictly after `after` (at 17:00 local on its day), or `null` when a one-off
 * deadline has passed. Throws RangeError on a malformed rule: rules come from
 * {@link parseDeadlineRule} or storage, so a bad one is a bug, not user input.
 */
export function nextDeadline(rule: DeadlineRule, after: Date, timeZone: string): Date | null {
  if (rule.kind === 'once') {
    const date = parseIsoDate(rule.date);
    if (date === null) throw new RangeError(`Invalid deadline date: ${rule.date}`);
    const deadline = fromWallClock(date, DEADLINE_HOUR, 0, timeZone);
    return deadline.getTime() > after.getTime() ? deadline : null;
  }
  assertDay(rule.day);
  if (
    rule.kind === 'yearly' &&
    !(Number.isInteger(rule.month) && rule.month >= 1 && rule.month <= 12)
  ) {
    throw new RangeError(`Invalid month: ${rule.month}`);
  }
  const today = toWallClock(after, timeZone);
  for (let offset = 0; offset <= 12; offset += 1) {
    const month = addCalendarMonths(today, offset);
    if (!ruleMonthMatches(rule, month.month)) continue;
    const deadline = fromWallClock(clampedDay(month, rule.day), DEADLINE_HOUR, 0, timeZone);
    if (deadline.getTime() > after.getTime()) return deadline;
  }
  return null;
}

/**
 * When to notify before `deadline`: `lead` days earlier at `sendHour` local, ascending. Negative
 * leads are ignored, duplicates collapse, and a notice that would not be before the deadline
 * (lead 0 with sendHour ≥ 17) is dropped. Past notices are kept: the caller knows `now`.
 */
export function noticeTimes(
  deadline: Date,
  leadDays: number[],
  timeZone: string,
  sendHour: number = DEFAULT_SEND_HOUR,
): Date[] {
  if (!Number.isInteger(sendHour) || sendHour < 0 || sendHour > 23) {
    throw new RangeError(`Invalid send hour: ${sendHour}`);
  }
  const deadlineDay = toWallClock(deadline, timeZone);
  const times = new Map<number, Date>();
  for (const lead of leadDays) {
    if (!Number.isInteger(lead) || lead < 0) continue;
    const notice = fromWallClock(addCalendarDays(deadlineDay, -lead), sendHour, 0, timeZone);
    if (notice.getTime() < deadline.getTime()) times.set(notice.getTime(), notice);
  }
  return [...times.values()].sort((a, b) => a.getTime() - b.getTime());
}

const MONTHLY = [
  /^(?:ngay )?(\d{1,2}) (?:hang|moi) thang$/,
  /^(?:hang|moi) thang (?:ngay )?(\d{1,2})$/,
];
const MONTHLY_EN = /^(?:monthly|every month)(?: on)?(?: the)?(?: day)? (\d{1,2})(?:st|nd|rd|th)?$/;
const QUARTERLY = [
  /^(?:hang |moi )?quy(?: ngay)? (\d{1,2})(?: thang (\d))?$/,
  /^(?:ngay )?(\d{1,2})(?: thang (\d))? (?:hang|moi) quy$/,
  /^(?:quarterly|every quarter)(?: on)?(?: the)?(?: day)? (\d{1,2})(?:st|nd|rd|th)?(?: month (\d))?$/,
];
const YEARLY = [
  /^(?:hang|moi) nam(?: ngay)? (\d{1,2})\/(\d{1,2})$/,
  /^(?:ngay )?(\d{1,2})\/(\d{1,2}) (?:hang|moi) nam$/,
  /^(?:yearly|annually|every year)(?: on)? (\d{1,2})\/(\d{1,2})$/,
];
const ONCE = [/^(?:ngay |on )?(\d{1,2})\/(\d{1,2})\/(\d{4})$/, /^(?:on )?(\d{4})-(\d{2})-(\d{2})$/];

function firstMatch(patterns: readonly RegExp[], text: string): RegExpExecArray | null {
  for (const pattern of patterns) {
    const match = pattern.exec(text);
    if (match) return match;
  }
  return null;
}

const iso = (d: CalendarDate): string =>
  `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;

/**
 * Reads an officer's schedule, vi or en, with or without diacritics: "ngày 5 hằng tháng",
 * "monthly 5", "quý ngày 5" (the 5th of each quarter's first month; add "tháng 2" for the
 * second), "quarterly 5", "hằng năm 31/03", "yearly 31/03", "20/01/2027". Returns `null` for
 * anything else, including impossible dates, so the officer is asked again instead of guessed at.
 */
export function parseDeadlineRule(input: string): DeadlineRule | null {
  const text = fold(input.normalize('NFC')).replace(/\s+/g, ' ').trim().replace(/[.:]$/, '');
  const monthly = firstMatch([...MONTHLY, MONTHLY_EN], text);
  if (monthly) {
    const day = Number(monthly[1]);
    return day >= 1 && day <= 31 ? { kind: 'monthly', day } : null;
  }
  const quarterly = firstMatch(QUARTERLY, text);
  if (quarterly) {
    const day = Number(quarterly[1]);
    const monthInQuarter = Number(quarterly[2] ?? 1);
    if (
      day < 1 ||
      day > 31 ||
      (monthInQuarter !== 1 && monthInQuarter !== 2 && monthInQuarter !== 3)
    ) {
      return null;
    }
    return { kind: 'quarterly', day, monthInQuarter };
  }
  const yearly = firstMatch(YEARLY, text);
  if (yearly) {
    const [day, month] = [Number(yearly[1]), Number(yearly[2])];
    const valid = month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(2000, month);
    return valid ? { kind: 'yearly', month, day } : null;
  }
  const once = firstMatch(ONCE, text);
  if (!once) return null;
  const dayFirst = once[3]?.length === 4;
  const [year, month, day] = dayFirst
    ? [Number(once[3]), Number(once[2]), Number(once[1])]
    : [Number(once[1]), Number(once[2]), Number(once[3])];
  return isValidCalendarDate(year, month, day)
    ? { kind: 'once', date: iso({ year, month, day }) }
    : null;
}

/**
 * Reads lead times such as "7,1", "7 1" or "7, 1" into whole days, largest first, duplicates
 * removed. `null` for anything else (negatives, > 365, words) so a typo never silently drops a
 * notice.
 */
export function parseLeadDays(input: string): number[] | null {
  const parts = input
    .trim()
    .split(/[\s,;]+/)
    .filter((part) => part !== '');
  if (parts.length === 0 || !parts.every((part) => /^\d{1,3}$/.test(part))) return null;
  const days = parts.map(Number);
  if (days.some((day) => day > MAX_LEAD_DAYS)) return null;
  return [...new Set(days)].sort((a, b) => b - a);
}
