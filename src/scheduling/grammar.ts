import {
  matchDate,
  matchDayWord,
  matchRepeat,
  matchWeekday,
  matchWeekOrMonth,
} from './calendarWords.ts';
import { matchClockTime, matchDayPeriod } from './clock.ts';
import { matchRelative } from './relative.ts';
import { resolveSpec } from './resolve.ts';
import { type Matcher, type MatchResult, type Spec, smallNumber } from './spec.ts';
import { isKeyword, isSeparator, keyword, type Token, tokenize } from './tokens.ts';
import type { ParseContext, ParseResult } from './types.ts';

/**
 * Order matters: durations first ("2 giờ nữa" is not 02:00), repeat markers before dates
 * ("mỗi ngày" is not "ngày …"), and clock times last.
 */
const MATCHERS: readonly Matcher[] = [
  matchRelative,
  matchRepeat,
  matchDate,
  matchWeekOrMonth,
  matchWeekday,
  matchDayWord,
  matchDayPeriod,
  matchClockTime,
];

/** Filler words allowed before an element: "lúc 8h", "vào thứ 2", "at 9am", "on 25/12". */
const CONNECTOR = keyword('lúc', 'vào', 'at', 'on', 'of');

function matchElement(tokens: readonly Token[], index: number): MatchResult {
  for (const matcher of MATCHERS) {
    const result = matcher(tokens, index);
    if (result !== null) return result;
  }
  if (!isKeyword(tokens[index], CONNECTOR)) return null;
  const after = matchElement(tokens, index + 1);
  if (after === 'invalid') return after;
  if (after === null) return bareHourAfterConnector(tokens, index);
  return { length: after.length + 1, spec: after.spec };
}

const HOUR_CONNECTOR = keyword('lúc', 'at');

/** "at 9", "lúc 9": after these words a bare number is an hour, not text. */
function bareHourAfterConnector(tokens: readonly Token[], index: number): MatchResult {
  if (!isKeyword(tokens[index], HOUR_CONNECTOR)) return null;
  const hour = smallNumber(tokens[index + 1]?.key);
  if (hour === null) return null;
  if (hour > 23) return 'invalid';
  const oClock = /^o['’]?clock$/u.test(tokens[index + 2]?.folded ?? '') ? 1 : 0;
  return { length: 2 + oClock, spec: { time: { hour, minute: 0 } } };
}

/**
 * Words that can only continue a time expression. When the text would begin with one of them, the
 * grammar has stopped inside the time ("tomorrow at nine", "9h kém"), and keeping the rest as the
 * reminder text would fire at the wrong moment.
 */
const TIME_ONLY = keyword(
  'kém',
  'rưỡi',
  'giờ',
  'phút',
  'nữa',
  'sáng',
  'trưa',
  'chiều',
  'tối',
  'đêm',
  'hôm',
  'am',
  'pm',
  'today',
  'tomorrow',
  'tonight',
  'morning',
  'afternoon',
  'evening',
  'noon',
  'midnight',
  'o’clock',
  "o'clock",
);
/** Spelt-out hours ("at nine") are not read, so they must not become text either. */
const NUMBER_WORDS: ReadonlySet<string> = new Set(
  'one two three four five six seven eight nine ten eleven twelve noon midnight'.split(' '),
);
const TIME_LIKE = /^\d{1,2}(?:[:h.]\d{0,2}|g\d{0,2}|am|pm|sa|ch)$/u;

/** The words from `index` that look like an unread part of the time, or `null` when none. */
function unreadTime(input: string, tokens: readonly Token[], index: number): string | null {
  const first = tokens[index];
  if (first === undefined) return null;
  const next = tokens[index + 1]?.folded ?? '';
  const connectorBeforeNumber =
    isKeyword(first, HOUR_CONNECTOR) && (/^\d/u.test(next) || NUMBER_WORDS.has(next));
  if (!connectorBeforeNumber && !isKeyword(first, TIME_ONLY) && !TIME_LIKE.test(first.folded)) {
    return null;
  }
  const last = tokens[Math.min(index + 2, tokens.length - 1)] as Token;
  return input.slice(first.start, last.start + last.key.length).trim();
}

/** Merges a new element, refusing a second value for anything already said. */
function merge(spec: Spec, addition: Spec): Spec | null {
  for (const key of Object.keys(addition) as (keyof Spec)[]) {
    if (spec[key] !== undefined && !(key === 'repeat' && spec.repeat === addition.repeat)) {
      return null;
    }
  }
  return { ...spec, ...addition };
}

type Scan = { ok: true; spec: Spec; used: number } | { ok: false; error: 'invalid_date' };

/** Reads time elements from the start of the input until something else begins. */
function scanSpec(tokens: readonly Token[]): Scan {
  let spec: Spec = {};
  let index = 0;
  while (index < tokens.length) {
    const result = matchElement(tokens, index);
    if (result === null) break;
    if (result === 'invalid') return { ok: false, error: 'invalid_date' };
    const merged = merge(spec, result.spec);
    if (merged === null) return { ok: false, error: 'invalid_date' };
    spec = merged;
    index += result.length;
  }
  return { ok: true, spec, used: index };
}

/** The reminder text: everything after the time, minus separators like "-" or ":". */
function reminderText(input: string, tokens: readonly Token[], used: number): string {
  let index = used;
  while (index < tokens.length && isSeparator(tokens[index] as Token)) index += 1;
  const first = tokens[index];
  if (first === undefined) return '';
  return input
    .slice(first.start)
    .replace(/^[-–—:|>,]+\s*/u, '')
    .trim();
}

/**
 * Parses what a user typed after `/remind` into its first due time, repeat rule and text.
 *
 * The time expression must come first ("8h sáng mai nộp báo cáo", "tomorrow 9:00 call Lan"), in
 * Vietnamese with or without diacritics or in English; the README section "/remind reminder syntax"
 * lists every accepted form. The whole time expression is read or the input is refused: text that
 * begins with a time word is `unread_time`, and unaccented `toi` without nay/mai is `ambiguous`.
 * Wall-clock times are read in `context.timeZone`, never in the host's zone. Anything the grammar
 * cannot read is an error rather than a guess, because a reminder firing at the wrong hour is worse
 * than asking the user to rephrase.
 */
export function parseReminder(input: string, context: ParseContext): ParseResult {
  const normalized = input.normalize('NFC').trim();
  if (normalized === '') return { ok: false, error: 'empty' };
  const tokens = tokenize(normalized);
  const scan = scanSpec(tokens);
  if (!scan.ok) return scan;
  if (scan.used === 0) return { ok: false, error: 'no_time' };
  if (scan.spec.ambiguous !== undefined) {
    return { ok: false, error: 'ambiguous', near: scan.spec.ambiguous };
  }
  const unread = unreadTime(normalized, tokens, scan.used);
  if (unread !== null) return { ok: false, error: 'unread_time', near: unread };
  const resolved = resolveSpec(scan.spec, context.now, context.timeZone);
  if (!resolved.ok) return resolved;
  const text = reminderText(normalized, tokens, scan.used);
  if (text === '') return { ok: false, error: 'no_text' };
  return { ok: true, value: { firstDue: resolved.firstDue, repeat: resolved.repeat, text } };
}
