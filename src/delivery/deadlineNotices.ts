import { type DeadlineRule, nextDeadline, noticeTimes } from '../scheduling/index.ts';

/** How many deadlines ahead to look for a notice time before giving up (a year of months). */
const LOOKAHEAD = 24;

/**
 * The first notice strictly after `after`, with the deadline it announces, or null when the rule
 * has no future deadline. Deadlines whose notices all fell before `after` are skipped.
 */
export function nextNotice(
  rule: DeadlineRule,
  leadDays: readonly number[],
  after: Date,
  timeZone: string,
): { noticeAt: Date; deadlineAt: Date } | null {
  let from = after;
  for (let i = 0; i < LOOKAHEAD; i += 1) {
    const deadline = nextDeadline(rule, from, timeZone);
    if (deadline === null) return null;
    const notice = noticeTimes(deadline, [...leadDays], timeZone).find(
      (time) => time.getTime() > after.getTime(),
    );
    if (notice) return { noticeAt: notice, deadlineAt: deadline };
    from = deadline;
  }
  return null;
}
