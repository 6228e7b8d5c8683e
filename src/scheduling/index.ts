/** Public surface of the scheduling core: pure functions and data structures, no I/O. */

export {
  DEADLINE_HOUR,
  DEFAULT_SEND_HOUR,
  type DeadlineRule,
  nextDeadline,
  noticeTimes,
  parseDeadlineRule,
  parseLeadDays,
} from './deadlines.ts';
export { type DueEntry, DueQueue } from './dueQueue.ts';
export { describeRepeat, formatWhen, type Lang } from './format.ts';
export { parseReminder } from './grammar.ts';
export { nextOccurrence } from './repeat.ts';
export { DEFAULT_HOUR } from './resolve.ts';
export type {
  ParseContext,
  ParsedReminder,
  ParseError,
  ParseResult,
  Repeat,
  Weekday,
} from './types.ts';
export { assertTimeZone } from './zoned.ts';
