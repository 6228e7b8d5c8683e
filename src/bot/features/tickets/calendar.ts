import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { z } from 'zod';
import type { Config } from '../../../config.ts';
import type { WorkingCalendar } from '../../../scheduling/workingTime.ts';

const holidaysSchema = z
  .object({
    holidays: z
      .array(z.union([z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'is not yyyy-MM-dd'), z.date()]))
      .default([]),
  })
  .strict();

/** Raised for a holidays file that cannot be read as dates; the bot stops with this message. */
export class HolidaysFileError extends Error {
  constructor(file: string, problem: string) {
    super(
      `${file}: ${problem}. Write each holiday as yyyy-MM-dd under "holidays:" and start again.`,
    );
    this.name = 'HolidaysFileError';
  }
}

/** `yyyy-MM-dd` of a date YAML read as a timestamp (unquoted dates become Date objects). */
const isoOf = (value: string | Date) =>
  typeof value === 'string' ? value : value.toISOString().slice(0, 10);

/** Reads the holidays list; a missing file means no holidays. */
export function loadHolidays(file: string): Set<string> {
  let raw: string;
  try {
    raw = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return new Set();
    throw error;
  }
  let parsed: unknown;
  try {
    parsed = parse(raw) ?? {};
  } catch (error) {
    throw new HolidaysFileError(file, `not valid YAML (${(error as Error).message})`);
  }
  const result = holidaysSchema.safeParse(parsed);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new HolidaysFileError(
      file,
      `${issue?.path.join('.') ?? ''} ${issue?.message ?? ''}`.trim(),
    );
  }
  return new Set(result.data.holidays.map(isoOf));
}

const calendars = new WeakMap<Config, WorkingCalendar>();

/**
 * The working calendar service targets count in, from the configuration and the holidays file;
 * read once per configuration (the file is operator-edited and read at start).
 */
export function workingCalendar(config: Config): WorkingCalendar {
  const known = calendars.get(config);
  if (known) return known;
  const calendar: WorkingCalendar = {
    days: config.WORK_DAYS,
    startMinute: config.WORK_HOURS.startMinute,
    endMinute: config.WORK_HOURS.endMinute,
    timeZone: config.TZ,
    holidays: loadHolidays(config.HOLIDAYS_FILE),
  };
  calendars.set(config, calendar);
  return calendar;
}
