import type { ClockTime, DayPeriod, Found, Matcher, MatchResult, Spec } from './spec.ts';
import { smallNumber } from './spec.ts';
import { isKeyword, keyword, type Token } from './tokens.ts';

/**
 * Time-of-day recognition: `8h`, `8h30`, `8 giờ 30`, `8 giờ rưỡi`, `8 rưỡi`, `9h kém 15`, `8:30`,
 * `8am`, `8 pm`, `8:30 SA`, `2 CH`, `sáng`…
 */

const HOUR_WORD = keyword('giờ', 'h', 'g');
const MINUTE_WORD = keyword('phút', 'p', 'ph');
const HALF_WORD = keyword('rưỡi');
/** "9h kém 15" = 08:45: Vietnamese counts the minutes left to the hour. */
const TO_WORD = keyword('kém');
const TODAY_WORD = keyword('nay');
const TOMORROW_WORD = keyword('mai');
const THIS_WORD = keyword('this');

const PERIOD_WORDS: ReadonlyArray<[DayPeriod, ReturnType<typeof keyword>]> = [
  ['morning', keyword('sáng', 'morning')],
  ['noon', keyword('trưa', 'noon')],
  ['afternoon', keyword('chiều', 'afternoon')],
  ['evening', keyword('tối', 'evening')],
  ['night', keyword('đêm', 'night')],
];

/** Used when a day is named without a time: "chiều mai" = 14:00, a bare date = 08:00. */
export const PERIOD_DEFAULT_HOUR: Readonly<Record<DayPeriod, number>> = {
  morning: 8,
  noon: 12,
  afternoon: 14,
  evening: 20,
  night: 22,
};

/** am/pm and the Vietnamese SA (sáng) / CH (chiều) printed on phones and forms. */
const MERIDIEM = /^(?:(a|p)\.?m\.?|(sa|ch))$/;

function meridiemOf(token: Token | undefined): 'am' | 'pm' | null {
  const match = token === undefined ? null : MERIDIEM.exec(token.folded);
  if (!match) return null;
  return match[1] === 'a' || match[2] === 'sa' ? 'am' : 'pm';
}

/** `am`, `a.m.`, `sa` → am; `pm`, `ch` → pm; anything else (or nothing) → undefined. */
function suffixMeridiem(suffix: string | undefined): 'am' | 'pm' | undefined {
  if (suffix === undefined) return undefined;
  return suffix.startsWith('a') || suffix === 'sa' ? 'am' : 'pm';
}

function found(length: number, spec: Spec): Found {
  return { length, spec };
}

function validTime(time: ClockTime): boolean {
  const maxHour = time.meridiem === undefined ? 23 : 12;
  const minHour = time.meridiem === undefined ? 0 : 1;
  return time.hour >= minHour && time.hour <= maxHour && time.minute >= 0 && time.minute <= 59;
}

function timeFound(length: number, time: ClockTime): MatchResult {
  return validTime(time) ? found(length, { time }) : 'invalid';
}

/** Adds a separate trailing `am`/`pm` token ("8:30 pm") when present. */
function withMeridiem(tokens: readonly Token[], next: number, time: ClockTime): MatchResult {
  const meridiem = meridiemOf(tokens[next]);
  if (meridiem === null || time.meridiem !== undefined) return timeFound(next, time);
  return timeFound(next + 1, { ...time, meridiem });
}

/** Reads optional minutes after an hour word: "30", "30 phút", "rưỡi". */
function minutesAfterHour(
  tokens: readonly Token[],
  index: number,
  allowBare: boolean,
): { minute: number; length: number } {
  const token = tokens[index];
  if (isKeyword(token, HALF_WORD)) return { minute: 30, length: 1 };
  if (isKeyword(token, TO_WORD)) return minutesToHour(tokens, index + 1);
  const combined = token === undefined ? null : /^(\d{1,2})(?:p|ph|phut)$/.exec(token.folded);
  if (combined) return { minute: Number(combined[1]), length: 1 };
  const bare = smallNumber(token?.key);
  if (bare === null) return { minute: 0, length: 0 };
  if (isKeyword(tokens[index + 1], MINUTE_WORD)) return { minute: bare, length: 2 };
  return allowBare ? { minute: bare, length: 1 } : { minute: 0, length: 0 };
}

/**
 * The minutes after `kém`: "15", "15 phút", "15p". Returned as a negative minute so the caller
 * subtracts them from the hour; a `kém` with no number is consumed and made invalid (minute 99).
 */
function minutesToHour(
  tokens: readonly Token[],
  index: number,
): { minute: number; length: number } {
  const token = tokens[index];
  const combined = token === undefined ? null : /^(\d{1,2})(?:p|ph|phut)$/.exec(token.folded);
  if (combined) return { minute: -Number(combined[1]), length: 2 };
  const bare = smallNumber(token?.key);
  if (bare === null) return { minute: INVALID_MINUTE, length: 1 };
  const unit = isKeyword(tokens[index + 1], MINUTE_WORD) ? 1 : 0;
  return { minute: -bare, length: 2 + unit };
}

/** Marks a time as impossible so that `validTime` rejects it. */
const INVALID_MINUTE = 99;

/** Applies a `kém` offset (negative minute) to a whole hour: 9h kém 15 → 08:45. */
function withMinutes(hour: number, minute: number): ClockTime {
  if (minute >= 0) return { hour, minute };
  if (minute <= -60 || hour === 0) return { hour, minute: INVALID_MINUTE };
  return { hour: hour - 1, minute: 60 + minute };
}

/** Recognises a clock time starting at `index`; lengths are counted from `index`. */
export const matchClockTime: Matcher = (tokens, index) => {
  const token = tokens[index];
  if (token === undefined) return null;
  const word = token.folded;
  const rest = tokens.slice(index);

  const colon = /^(\d{1,2}):(\d{2})(?:(a|p)\.?m\.?|(sa|ch))?$/.exec(word);
  if (colon) {
    const time: ClockTime = { hour: Number(colon[1]), minute: Number(colon[2]) };
    const meridiem = suffixMeridiem(colon[3] ?? colon[4]);
    if (meridiem !== undefined) time.meridiem = meridiem;
    return withMeridiem(rest, 1, time);
  }
  const compact = /^(\d{1,2})(?::(\d{2}))?(?:(a|p)\.?m\.?|(sa|ch))$/.exec(word);
  if (compact) {
    const meridiem = suffixMeridiem(compact[3] ?? compact[4]) ?? 'am';
    return timeFound(1, { hour: Number(compact[1]), minute: Number(compact[2] ?? 0), meridiem });
  }
  const hourMark = /^(\d{1,2})(?:h|g|gio)(\d{1,2})?(?:p|ph|phut)?$/.exec(word);
  if (hourMark) {
    const time: ClockTime = { hour: Number(hourMark[1]), minute: Number(hourMark[2] ?? 0) };
    if (hourMark[2] !== undefined) return withMeridiem(rest, 1, time);
    const extra = minutesAfterHour(rest, 1, false);
    return withMeridiem(rest, 1 + extra.length, withMinutes(time.hour, extra.minute));
  }
  const hour = smallNumber(token.key);
  if (hour === null || hour > 99) return null;
  if (isKeyword(rest[1], HOUR_WORD)) {
    const extra = minutesAfterHour(rest, 2, true);
    return withMeridiem(rest, 2 + extra.length, withMinutes(hour, extra.minute));
  }
  if (isKeyword(rest[1], HALF_WORD) || isKeyword(rest[1], TO_WORD)) {
    const extra = minutesAfterHour(rest, 1, false);
    return withMeridiem(rest, 1 + extra.length, withMinutes(hour, extra.minute));
  }
  if (meridiemOf(rest[1]) !== null) return withMeridiem(rest, 1, { hour, minute: 0 });
  return null;
};

/** Recognises "sáng", "tối nay", "chiều mai", "this evening", "tonight". */
export const matchDayPeriod: Matcher = (tokens, index) => {
  const token = tokens[index];
  if (token?.folded === 'tonight') return found(1, { period: 'evening', dayOffset: 0 });
  const leadingThis = isKeyword(token, THIS_WORD) ? 1 : 0;
  const periodToken = tokens[index + leadingThis];
  const entry = PERIOD_WORDS.find(([, word]) => isKeyword(periodToken, word));
  if (entry === undefined) return null;
  const [period] = entry;
  if (leadingThis === 1) return found(2, { period, dayOffset: 0 });
  const next = tokens[index + 1];
  if (isKeyword(next, TODAY_WORD)) return found(2, { period, dayOffset: 0 });
  if (isKeyword(next, TOMORROW_WORD)) return found(2, { period, dayOffset: 1 });
  if (periodToken !== undefined && isAmbiguousPeriod(periodToken)) {
    return found(1, { period, ambiguous: periodToken.key });
  }
  return found(1, { period });
};

/** Unaccented `toi` is tối (evening) or tôi (I): only "toi nay"/"toi mai" are clearly evening. */
function isAmbiguousPeriod(token: Token): boolean {
  return token.ascii && token.folded === 'toi';
}

/**
 * The 24-hour hour for a typed hour and part of day, or `null` when they contradict ("15h sáng").
 * chiều/tối add 12 to hours below 12; trưa treats 1–3 as 13–15; đêm treats 6–11 as 18–23 and 12 as 0.
 */
export function applyPeriod(hour: number, period: DayPeriod): number | null {
  switch (period) {
    case 'morning':
      return hour <= 11 ? hour : null;
    case 'noon':
      if (hour >= 1 && hour <= 3) return hour + 12;
      return hour >= 10 && hour <= 15 ? hour : null;
    case 'afternoon':
    case 'evening':
      return hour < 12 ? hour + 12 : hour;
    case 'night':
      if (hour === 12) return 0;
      return hour >= 6 && hour <= 11 ? hour + 12 : hour;
  }
}

/** 24-hour hour for an am/pm time: 12am = 0, 12pm = 12. */
export function applyMeridiem(hour: number, meridiem: 'am' | 'pm'): number {
  const base = hour % 12;
  return meridiem === 'am' ? base : base + 12;
}
