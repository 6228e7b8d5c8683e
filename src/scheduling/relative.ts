import type { Found, Matcher } from './spec.ts';
import { smallNumber } from './spec.ts';
import { isKeyword, keyword, type Token } from './tokens.ts';

/**
 * Relative times: "sau 2 giờ", "30 phút nữa", "sau 1 tiếng rưỡi", "nửa tiếng nữa", "in 2 hours",
 * "in an hour", "in half an hour", "3 days later". A duration needs an explicit marker (sau/in/after before it, nữa/later after it)
 * because a bare "2 giờ" is a clock time, not a duration.
 */

type Unit = 'week' | 'day' | 'hour' | 'minute';

const UNIT_WORDS: ReadonlyArray<[Unit, ReturnType<typeof keyword>]> = [
  ['week', keyword('tuần', 'w', 'week', 'weeks', 'wk', 'wks')],
  ['day', keyword('ngày', 'd', 'day', 'days')],
  ['hour', keyword('giờ', 'tiếng', 'h', 'g', 'hour', 'hours', 'hr', 'hrs')],
  ['minute', keyword('phút', 'p', 'ph', 'm', 'min', 'mins', 'minute', 'minutes')],
];
const COMPACT_UNITS: Readonly<Record<string, Unit>> = {
  w: 'week',
  tuan: 'week',
  d: 'day',
  ngay: 'day',
  h: 'hour',
  g: 'hour',
  gio: 'hour',
  tieng: 'hour',
  hr: 'hour',
  hrs: 'hour',
  p: 'minute',
  ph: 'minute',
  phut: 'minute',
  m: 'minute',
  min: 'minute',
  mins: 'minute',
};
const RANK: Readonly<Record<Unit, number>> = { week: 4, day: 3, hour: 2, minute: 1 };
const MINUTES_PER: Readonly<Record<Unit, number>> = { week: 0, day: 0, hour: 60, minute: 1 };
const DAYS_PER: Readonly<Record<Unit, number>> = { week: 7, day: 1, hour: 0, minute: 0 };

const BEFORE = keyword('sau', 'in', 'after');
const AFTER = keyword('nữa', 'later');
const HALF = keyword('rưỡi');
const ARTICLE = keyword('a', 'an');
/** "nửa tiếng", "half an hour": only hours can be halved, "nửa ngày" has no agreed length. */
const HALF_OF = keyword('nửa', 'half');
const AND = keyword('và', 'and');

/** Ten years: anything longer is a typo, not a reminder. */
const MAX_DAYS = 3660;

interface Amount {
  value: number;
  unit: Unit;
  length: number;
  /** Written as h/g/giờ, which also spell a clock time ("8h"). */
  clockLike: boolean;
}

const CLOCK_LIKE_UNITS: ReadonlySet<string> = new Set(['h', 'g', 'gio']);

function unitOf(token: Token | undefined): Unit | null {
  return UNIT_WORDS.find(([, word]) => isKeyword(token, word))?.[0] ?? null;
}

function readAmount(tokens: readonly Token[], index: number, allowArticle: boolean): Amount | null {
  const token = tokens[index];
  if (token === undefined) return null;
  const compact = /^(\d{1,6})([a-z]+)$/.exec(token.folded);
  const compactUnit = compact?.[2] === undefined ? undefined : COMPACT_UNITS[compact[2]];
  if (compact && compactUnit !== undefined) {
    const clockLike = CLOCK_LIKE_UNITS.has(compact[2] ?? '');
    return { value: Number(compact[1]), unit: compactUnit, length: 1, clockLike };
  }
  if (isKeyword(token, HALF_OF)) {
    const article = isKeyword(tokens[index + 1], ARTICLE) ? 1 : 0;
    if (unitOf(tokens[index + 1 + article]) !== 'hour') return null;
    return { value: 0.5, unit: 'hour', length: 2 + article, clockLike: false };
  }
  const value = allowArticle && isKeyword(token, ARTICLE) ? 1 : smallNumber(token.key);
  const unitToken = tokens[index + 1];
  const unit = unitOf(unitToken);
  if (value === null || unit === null) return null;
  return { value, unit, length: 2, clockLike: CLOCK_LIKE_UNITS.has(unitToken?.folded ?? '') };
}

/**
 * Reads "1 giờ 30 phút", "2 tiếng rưỡi", "1 day and 2 hours": units must shrink so that
 * "sau 2 giờ 8h" is not summed into ten hours. After days, "8h"/"8 giờ" is the clock time
 * ("sau 3 ngày 8h" = in 3 days at 08:00); "8 tiếng"/"8 hours" would still extend the duration.
 */
function readDuration(
  tokens: readonly Token[],
  index: number,
  allowArticle: boolean,
): { minutes: number; days: number; length: number } | null {
  let minutes = 0;
  let days = 0;
  let length = 0;
  let lastRank = Number.POSITIVE_INFINITY;
  for (;;) {
    const joiner = length > 0 && isKeyword(tokens[index + length], AND) ? 1 : 0;
    const amount = readAmount(tokens, index + length + joiner, allowArticle && length === 0);
    if (amount === null || RANK[amount.unit] >= lastRank) break;
    if (amount.clockLike && length > 0 && lastRank >= RANK.day) break;
    minutes += amount.value * MINUTES_PER[amount.unit];
    days += amount.value * DAYS_PER[amount.unit];
    length += joiner + amount.length;
    lastRank = RANK[amount.unit];
    if (amount.unit === 'hour') {
      const after = tokens[index + length];
      if (isKeyword(after, HALF)) {
        minutes += 30;
        length += 1;
        lastRank = RANK.minute;
      } else if (smallNumber(after?.key) !== null && unitOf(tokens[index + length + 1]) === null) {
        minutes += Number(after?.key);
        length += 1;
        lastRank = RANK.minute;
      }
    }
  }
  return length === 0 ? null : { minutes, days, length };
}

function relativeFound(
  duration: { minutes: number; days: number },
  length: number,
): Found | 'invalid' {
  const total = duration.days + duration.minutes / 1440;
  if (total <= 0 || total > MAX_DAYS) return 'invalid';
  return { length, spec: { relative: { minutes: duration.minutes, days: duration.days } } };
}

/** Recognises a relative time; see the module comment for the accepted shapes. */
export const matchRelative: Matcher = (tokens, index) => {
  if (isKeyword(tokens[index], BEFORE)) {
    const duration = readDuration(tokens, index + 1, true);
    return duration === null ? null : relativeFound(duration, duration.length + 1);
  }
  const duration = readDuration(tokens, index, false);
  if (duration === null) return null;
  const marker = tokens[index + duration.length];
  const fromNow =
    marker?.folded === 'from' && tokens[index + duration.length + 1]?.folded === 'now';
  if (fromNow) return relativeFound(duration, duration.length + 2);
  return isKeyword(marker, AFTER) ? relativeFound(duration, duration.length + 1) : null;
};
