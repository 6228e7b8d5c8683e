import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import { parseReminder } from '../../src/scheduling/index.ts';
import type { Repeat } from '../../src/scheduling/types.ts';

/** The bot's default zone. */
export const HCM = 'Asia/Ho_Chi_Minh';

/**
 * The instant at which the wall clock in `timeZone` reads `wall` ("2026-06-15 10:00"). Built with
 * TZDate directly rather than the code under test, so the tests do not check the code against itself.
 */
export function at(wall: string, timeZone: string = HCM): Date {
  const match = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2})$/.exec(wall);
  if (!match) throw new Error(`bad wall time ${wall}`);
  const [year, month, day, hour, minute] = match.slice(1).map(Number) as [
    number,
    number,
    number,
    number,
    number,
  ];
  return new Date(new TZDate(year, month - 1, day, hour, minute, timeZone).getTime());
}

/** "2026-06-16 08:00 Tue": the wall clock in `timeZone`, so failures read as meaning. */
export function local(date: Date | null, timeZone: string = HCM): string {
  if (date === null) return 'null';
  return format(new TZDate(date.getTime(), timeZone), 'yyyy-MM-dd HH:mm EEE');
}

/** Fixed clock of most grammar tests: Monday 15 June 2026, 10:00. */
export const NOW_WALL = '2026-06-15 10:00';

/** A successful parse as readable values, or the error code. */
export type Outcome = { due: string; repeat: Repeat; text: string } | string;

/** Parses `input` at wall time `nowWall` in `timeZone` and returns a readable outcome. */
export function outcome(input: string, nowWall = NOW_WALL, timeZone: string = HCM): Outcome {
  const result = parseReminder(input, { now: at(nowWall, timeZone), timeZone });
  if (!result.ok) return result.error;
  const { firstDue, repeat, text } = result.value;
  return { due: local(firstDue, timeZone), repeat, text };
}

/** Just the due wall time of a successful parse, or the error code. */
export function due(input: string, nowWall = NOW_WALL, timeZone: string = HCM): string {
  const result = outcome(input, nowWall, timeZone);
  return typeof result === 'string' ? result : result.due;
}

export const ONCE: Repeat = { kind: 'once' };
