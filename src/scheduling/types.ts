/**
 * Shared types of the scheduling core. They live apart from the parser so that the store and the
 * bot can depend on the shapes without pulling in the grammar tables.
 */

/** 0 = Sunday … 6 = Saturday, the same numbering as `Date#getDay`, so no mapping is needed. */
export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6;

/**
 * How a reminder repeats. Times are wall-clock values in the chat's time zone, not offsets, so a
 * "08:00 every day" reminder stays at 08:00 even in zones with daylight saving time.
 */
export type Repeat =
  | { kind: 'once' }
  | { kind: 'daily'; hour: number; minute: number }
  | { kind: 'weekly'; weekday: Weekday; hour: number; minute: number }
  | {
      kind: 'monthly';
      /** 1..31; in shorter months the reminder fires on the last day of the month instead. */
      day: number;
      hour: number;
      minute: number;
    };

/** What `/remind …` turned into: when it first fires, how it repeats and what to say. */
export interface ParsedReminder {
  firstDue: Date;
  repeat: Repeat;
  text: string;
}

/**
 * Why a reminder could not be read. Each maps to one user-facing hint:
 * - `empty`: nothing after `/remind`;
 * - `no_time`: no time expression at the start (or a repeat without its day), so we refuse to guess;
 * - `invalid_date`: a date or time that does not exist (31/02, 25/13, 24:00) or parts that
 *   contradict each other (e.g. "today" and "tomorrow", "8am tối");
 * - `in_past`: an explicit date/time that has already passed;
 * - `no_text`: a time but nothing to remind about;
 * - `unread_time`: the time expression goes on past what the grammar understood ("tomorrow at
 *   nine", "9h kém"): the words that look like time are never silently kept as reminder text;
 * - `ambiguous`: an unaccented word that is both a time word and an ordinary one (`toi` = tối
 *   "evening" or tôi "I"), so the user is asked to type the accents.
 */
export type ParseError =
  | 'empty'
  | 'no_time'
  | 'invalid_date'
  | 'in_past'
  | 'no_text'
  | 'unread_time'
  | 'ambiguous';

/**
 * Result type of `parseReminder`: errors are values because bad input is the normal case. `near`
 * quotes the words the error is about (the unread time words, the ambiguous word) for the hint.
 */
export type ParseResult =
  | { ok: true; value: ParsedReminder }
  | { ok: false; error: ParseError; near?: string };

/** Where and when a text is interpreted; `now` is injected so tests and replays are deterministic. */
export interface ParseContext {
  now: Date;
  /** IANA zone of the chat, e.g. `Asia/Ho_Chi_Minh`; the host's zone is never used. */
  timeZone: string;
}
