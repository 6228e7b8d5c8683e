import type { Found, Matcher, MatchResult, Spec } from './spec.ts';
import { smallNumber } from './spec.ts';
import { isKeyword, keyword, type Token } from './tokens.ts';
import type { Weekday } from './types.ts';
import { daysInMonth, isValidCalendarDate } from './zoned.ts';

/** Day-level words: dates, weekdays, today/tomorrow and repeat markers, in Vietnamese and English. */

const EVERY = keyword('hằng', 'hàng', 'mỗi', 'every', 'each');
const DAY = keyword('ngày', 'day');
const WEEK = keyword('tuần', 'week');
const MONTH = keyword('tháng', 'month');
const WEEKDAY_PREFIX = keyword('thứ');
const SUNDAY_VI = keyword('chủ');
const SUNDAY_VI_TAIL = keyword('nhật');
const TODAY_VI = keyword('hôm');
const NAY = keyword('nay');
const MAI = keyword('mai');
const KIA = keyword('kia');
const THE = keyword('the');
const NEXT_VI = keyword('sau', 'tới');
const THIS_VI = keyword('này');
const NEXT_EN = keyword('next');
const THIS_EN = keyword('this');

const VI_WEEKDAY_NAMES: ReadonlyArray<[Weekday, ReturnType<typeof keyword>]> = [
  [1, keyword('hai', '2')],
  [2, keyword('ba', '3')],
  [3, keyword('tư', '4')],
  [4, keyword('năm', '5')],
  [5, keyword('sáu', '6')],
  [6, keyword('bảy', '7')],
];
const EN_WEEKDAYS: Readonly<Record<string, Weekday>> = {
  sunday: 0,
  sun: 0,
  monday: 1,
  mon: 1,
  tuesday: 2,
  tue: 2,
  tues: 2,
  wednesday: 3,
  wed: 3,
  thursday: 4,
  thu: 4,
  thurs: 4,
  friday: 5,
  fri: 5,
  saturday: 6,
  sat: 6,
};
const SINGLE_WORD_REPEATS: Readonly<Record<string, Spec['repeat']>> = {
  daily: 'daily',
  everyday: 'daily',
  weekly: 'weekly',
  monthly: 'monthly',
};
const DAY_WORDS: Readonly<Record<string, number>> = { today: 0, tomorrow: 1 };

function found(length: number, spec: Spec): Found {
  return { length, spec };
}

/** "thứ 2", "thứ hai", "thu 2", "thứ2", "t2", "cn", "chủ nhật", "monday", "mon". */
export const matchWeekday: Matcher = (tokens, index) => {
  const token = tokens[index];
  if (token === undefined) return null;
  const glued = /^(?:t|thu)([2-7])$/.exec(token.folded);
  if (glued && (token.ascii || token.key.startsWith('thứ'))) {
    return found(1, { weekday: (Number(glued[1]) - 1) as Weekday });
  }
  if (token.folded === 'cn' && token.ascii) return found(1, { weekday: 0 });
  if (isKeyword(token, SUNDAY_VI) && isKeyword(tokens[index + 1], SUNDAY_VI_TAIL)) {
    return found(2, { weekday: 0 });
  }
  const name = isKeyword(token, WEEKDAY_PREFIX)
    ? VI_WEEKDAY_NAMES.find(([, word]) => isKeyword(tokens[index + 1], word))
    : undefined;
  if (name !== undefined) return found(2, { weekday: name[0] });
  const english = token.ascii ? EN_WEEKDAYS[token.key] : undefined;
  return english === undefined ? null : found(1, { weekday: english });
};

/** "hằng ngày", "mỗi tuần", "hàng tháng", "mỗi thứ 2", "every day", "every monday", "daily". */
export const matchRepeat: Matcher = (tokens, index) => {
  const token = tokens[index];
  if (token === undefined) return null;
  const single = token.ascii ? SINGLE_WORD_REPEATS[token.key] : undefined;
  if (single !== undefined) return found(1, { repeat: single });
  if (!isKeyword(token, EVERY)) return null;
  const next = tokens[index + 1];
  if (isKeyword(next, DAY)) return found(2, { repeat: 'daily' });
  if (isKeyword(next, WEEK)) return found(2, { repeat: 'weekly' });
  if (isKeyword(next, MONTH)) return found(2, { repeat: 'monthly' });
  const weekday = matchWeekday(tokens, index + 1);
  if (weekday === null || weekday === 'invalid') return weekday;
  return found(1 + weekday.length, { repeat: 'weekly', weekday: weekday.spec.weekday });
};

function dateFound(length: number, day: number, month?: number, year?: number): MatchResult {
  if (year !== undefined) {
    return isValidCalendarDate(year, month ?? 1, day)
      ? found(length, { date: { day, month, year } })
      : 'invalid';
  }
  const maxDay =
    month === undefined ? 31 : month >= 1 && month <= 12 ? daysInMonth(2000, month) : 0;
  if (day < 1 || day > maxDay) return 'invalid';
  return found(length, { date: month === undefined ? { day } : { day, month } });
}

/** A date in one token: dd/mm, dd/mm/yyyy, dd-mm-yyyy, yyyy-mm-dd; year must have 4 digits. */
function matchDateToken(token: Token | undefined, length: number): MatchResult {
  if (token === undefined) return null;
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(token.key);
  if (iso) return dateFound(length, Number(iso[3]), Number(iso[2]), Number(iso[1]));
  const dayFirst =
    /^(\d{1,2})\/(\d{1,2})(?:\/(\d+))?$/.exec(token.key) ??
    /^(\d{1,2})-(\d{1,2})-(\d+)$/.exec(token.key);
  if (!dayFirst) return null;
  const yearText = dayFirst[3];
  if (yearText !== undefined && yearText.length !== 4) return 'invalid';
  const year = yearText === undefined ? undefined : Number(yearText);
  return dateFound(length, Number(dayFirst[1]), Number(dayFirst[2]), year);
}

/** "25/12", "ngày 25/12/2026", "ngày 10", "ngày mai", "ngày kia", "the 10th", "day 10", "10th". */
export const matchDate: Matcher = (tokens, index) => {
  const token = tokens[index];
  if (token === undefined) return null;
  const direct = matchDateToken(token, 1);
  if (direct !== null) return direct;
  if (isKeyword(token, DAY)) {
    const next = tokens[index + 1];
    if (isKeyword(next, MAI)) return found(2, { dayOffset: 1 });
    if (isKeyword(next, KIA)) return found(2, { dayOffset: 2 });
    const withDate = matchDateToken(next, 2);
    if (withDate !== null) return withDate;
    const day = smallNumber(next?.key);
    return day === null ? null : dateFound(2, day);
  }
  const hasThe = isKeyword(token, THE) ? 1 : 0;
  const ordinal = /^(\d{1,2})(?:st|nd|rd|th)$/.exec(tokens[index + hasThe]?.folded ?? '');
  return ordinal ? dateFound(1 + hasThe, Number(ordinal[1])) : null;
};

/** "hôm nay", "mai", "today", "tomorrow", "day after tomorrow". */
export const matchDayWord: Matcher = (tokens, index) => {
  const token = tokens[index];
  if (token === undefined) return null;
  if (isKeyword(token, TODAY_VI) && isKeyword(tokens[index + 1], NAY)) {
    return found(2, { dayOffset: 0 });
  }
  if (isKeyword(token, MAI)) return found(1, { dayOffset: 1 });
  const words = tokens.slice(index, index + 3).map((t) => t.key);
  if (words.join(' ') === 'day after tomorrow') return found(3, { dayOffset: 2 });
  const offset = token.ascii ? DAY_WORDS[token.key] : undefined;
  return offset === undefined ? null : found(1, { dayOffset: offset });
};

/**
 * "tuần sau", "tuần tới", "tuần này", "tháng sau", "tháng tới", "next week", "next month",
 * "next monday" (Monday of next week), "this friday" (Friday of this week). Weeks start on Monday,
 * as on Vietnamese calendars.
 */
export const matchWeekOrMonth: Matcher = (tokens, index) => {
  const token = tokens[index];
  if (token === undefined) return null;
  const next = tokens[index + 1];
  if (isKeyword(token, WEEK)) {
    if (isKeyword(next, NEXT_VI)) return found(2, { week: 1 });
    if (isKeyword(next, THIS_VI)) return found(2, { week: 0 });
    return null;
  }
  if (isKeyword(token, MONTH) && isKeyword(next, NEXT_VI)) return found(2, { monthOffset: 1 });
  const english = isKeyword(token, NEXT_EN) ? 1 : isKeyword(token, THIS_EN) ? 0 : null;
  if (english === null) return null;
  if (isKeyword(next, WEEK)) return found(2, { week: english });
  if (english === 1 && isKeyword(next, MONTH)) return found(2, { monthOffset: 1 });
  const weekday = matchWeekday(tokens, index + 1);
  if (weekday === null || weekday === 'invalid') return weekday;
  return found(1 + weekday.length, { weekday: weekday.spec.weekday, week: english });
};
