import { matchDate, matchDayWord, matchRepeat, matchWeekday } from './calendarWords.ts';
import { matchClockTime, matchDayPeriod } from './clock.ts';
import { matchRelative } from './relative.ts';
import { resolveSpec } from './resolve.ts';
import type { Matcher, MatchResult, Spec } from './spec.ts';
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
  if (after === null || after === 'invalid') return after;
  return { length: after.length + 1, spec: after.spec };
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
 * Vietnamese with or without diacritics or in English; the README section "/remind reminder syntax" lists every accepted form.
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
  const resolved = resolveSpec(scan.spec, context.now, context.timeZone);
  if (!resolved.ok) return resolved;
  const text = reminderText(normalized, tokens, scan.used);
  if (text === '') return { ok: false, error: 'no_text' };
  return { ok: true, value: { firstDue: resolved.firstDue, repeat: resolved.repeat, text } };
}
