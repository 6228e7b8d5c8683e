import { describe, expect, it } from 'vitest';
import {
  addWorkingTime,
  parseWorkDays,
  parseWorkHours,
  type WorkingCalendar,
  workingTimeBetween,
} from '../../src/scheduling/workingTime.ts';

const HOUR = 3_600_000;
const calendar = (holidays: string[] = []): WorkingCalendar => ({
  days: [1, 2, 3, 4, 5],
  startMinute: 8 * 60,
  endMinute: 17 * 60,
  timeZone: 'Asia/Ho_Chi_Minh',
  holidays: new Set(holidays),
});
/** Local time in Hanoi (UTC+7) as an instant. */
const local = (iso: string) => new Date(`${iso}+07:00`);

describe('working time', () => {
  it('counts only the working window of working days', () => {
    // Friday 4 Dec 2026 16:00 + 4 working hours = Monday 7 Dec 11:00.
    expect(addWorkingTime(local('2026-12-04T16:00'), 4 * HOUR, calendar())).toEqual(
      local('2026-12-07T11:00'),
    );
  });

  it('skips a holiday', () => {
    expect(addWorkingTime(local('2026-12-04T16:00'), 4 * HOUR, calendar(['2026-12-07']))).toEqual(
      local('2026-12-08T11:00'),
    );
  });

  it('starts a ticket filed at night at the next morning', () => {
    expect(addWorkingTime(local('2026-12-01T22:30'), HOUR, calendar())).toEqual(
      local('2026-12-02T09:00'),
    );
  });

  it('measures working time between two instants', () => {
    expect(
      workingTimeBetween(
        local('2026-12-04T16:00'),
        local('2026-12-08T09:30'),
        calendar(['2026-12-07']),
      ),
    ).toBe(2.5 * HOUR);
    expect(
      workingTimeBetween(local('2026-12-05T09:00'), local('2026-12-05T12:00'), calendar()),
    ).toBe(0);
  });

  it('reads days and hours settings', () => {
    expect(parseWorkDays('1-5')).toEqual([1, 2, 3, 4, 5]);
    expect(parseWorkDays('1-5,6')).toEqual([1, 2, 3, 4, 5, 6]);
    expect(parseWorkDays('mon')).toBeNull();
    expect(parseWorkHours('08:00-17:00')).toEqual({ startMinute: 480, endMinute: 1020 });
    expect(parseWorkHours('17:00-08:00')).toBeNull();
  });
});
