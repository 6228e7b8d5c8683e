import type { Token } from './tokens.ts';
import type { Weekday } from './types.ts';

/**
 * The pieces of a time expression found at the start of the input, before they are combined into
 * an instant. Keeping recognition (what did the user say?) apart from resolution (when is that?)
 * makes contradictions such as "today tomorrow 8h" detectable instead of silently overwritten.
 */

/** Parts of the day that shift a 12-hour number: "8h tối" is 20:00. */
export type DayPeriod = 'morning' | 'noon' | 'afternoon' | 'evening' | 'night';

/** A time as typed; `meridiem` is present only for am/pm input. */
export interface ClockTime {
  hour: number;
  minute: number;
  meridiem?: 'am' | 'pm';
}

/** A date as typed; a missing month means "the next month that has this day". */
export interface TypedDate {
  day: number;
  month?: number;
  year?: number;
}

/** Relative offsets: `minutes` is elapsed time, `days` counts calendar days (weeks × 7). */
export interface RelativeOffset {
  minutes: number;
  days: number;
}

/** Everything recognised; each field may be given at most once. */
export interface Spec {
  time?: ClockTime;
  period?: DayPeriod;
  date?: TypedDate;
  dayOffset?: number;
  weekday?: Weekday;
  relative?: RelativeOffset;
  repeat?: 'daily' | 'weekly' | 'monthly';
  /** Calendar week counted from the current one (Monday first): 0 = "this friday", 1 = "tuần sau". */
  week?: 0 | 1;
  /** Calendar months ahead: "tháng sau", "next month". */
  monthOffset?: 1;
  /** An unaccented word read as a time word that could also be ordinary text (`toi`). */
  ambiguous?: string;
}

/** A recognised element: how many tokens it used and what it says. */
export interface Found {
  length: number;
  spec: Spec;
}

/**
 * `null` means "not this element, try another"; `'invalid'` means the tokens clearly ARE this
 * element but name something impossible (25/13, 24:00), which must stop parsing with an error.
 */
export type MatchResult = Found | 'invalid' | null;

/** Recognises one element starting at `tokens[index]`. */
export type Matcher = (tokens: readonly Token[], index: number) => MatchResult;

/** Parses a string of 1–6 digits; longer numbers are never dates, times or durations. */
export function smallNumber(text: string | undefined): number | null {
  return text !== undefined && /^\d{1,6}$/.test(text) ? Number(text) : null;
}
