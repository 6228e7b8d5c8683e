import { describe, expect, it } from 'vitest';
import {
  type DeadlineRule,
  nextDeadline,
  noticeTimes,
  parseDeadlineRule,
  parseLeadDays,
} from '../../src/scheduling/deadlines.ts';
import { at, HCM, local } from './helpers.ts';

function next(rule: DeadlineRule, afterWall: string): string {
  return local(nextDeadline(rule, at(afterWall), HCM));
}

describe('nextDeadline (deadline = 17:00 local on the day)', () => {
  it('monthly: this month until 17:00 of the day, then next month; clamps to month end', () => {
    expect(next({ kind: 'monthly', day: 5 }, '2026-06-05 16:59')).toBe('2026-06-05 17:00 Fri');
    expect(next({ kind: 'monthly', day: 5 }, '2026-06-05 17:00')).toBe('2026-07-05 17:00 Sun');
    expect(next({ kind: 'monthly', day: 31 }, '2027-02-01 00:00')).toBe('2027-02-28 17:00 Sun');
    expect(next({ kind: 'monthly', day: 31 }, '2028-02-01 00:00')).toBe('2028-02-29 17:00 Tue');
    expect(next({ kind: 'monthly', day: 10 }, '2026-12-20 00:00')).toBe('2027-01-10 17:00 Sun');
  });

  it('quarterly: the day of the chosen month of each quarter', () => {
    const firstMonth: DeadlineRule = { kind: 'quarterly', day: 5, monthInQuarter: 1 };
    expect(next(firstMonth, '2026-06-15 10:00')).toBe('2026-07-05 17:00 Sun');
    expect(next(firstMonth, '2026-10-06 00:00')).toBe('2027-01-05 17:00 Tue');
    const lastMonth: DeadlineRule = { kind: 'quarterly', day: 31, monthInQuarter: 3 };
    expect(next(lastMonth, '2026-06-15 10:00')).toBe('2026-06-30 17:00 Tue');
  });

  it('yearly: rolls to next year, 29/02 falls back to 28/02', () => {
    expect(next({ kind: 'yearly', month: 3, day: 31 }, '2026-06-15 10:00')).toBe(
      '2027-03-31 17:00 Wed',
    );
    expect(next({ kind: 'yearly', month: 2, day: 29 }, '2026-06-15 10:00')).toBe(
      '2027-02-28 17:00 Sun',
    );
    expect(next({ kind: 'yearly', month: 2, day: 29 }, '2027-03-01 00:00')).toBe(
      '2028-02-29 17:00 Tue',
    );
  });

  it('once: the day if still ahead, else null', () => {
    expect(next({ kind: 'once', date: '2027-01-20' }, '2026-06-15 10:00')).toBe(
      '2027-01-20 17:00 Wed',
    );
    expect(
      nextDeadline({ kind: 'once', date: '2026-01-20' }, at('2026-06-15 10:00'), HCM),
    ).toBeNull();
  });

  it('throws on malformed rules (a bug, not user input)', () => {
    expect(() => nextDeadline({ kind: 'once', date: '2027-02-30' }, new Date(), HCM)).toThrow(
      RangeError,
    );
    expect(() => nextDeadline({ kind: 'monthly', day: 0 }, new Date(), HCM)).toThrow(RangeError);
  });
});

describe('noticeTimes', () => {
  const deadline = at('2026-07-05 17:00');

  it('sends at 08:00 local on deadline-minus-lead days, ascending', () => {
    expect(noticeTimes(deadline, [1, 7, 0], HCM).map((d) => local(d))).toEqual([
      '2026-06-28 08:00 Sun',
      '2026-07-04 08:00 Sat',
      '2026-07-05 08:00 Sun',
    ]);
  });

  it('honours sendHour, drops negatives, duplicates and notices not before the deadline', () => {
    expect(noticeTimes(deadline, [3, 3, -1], HCM, 14).map((d) => local(d))).toEqual([
      '2026-07-02 14:00 Thu',
    ]);
    expect(noticeTimes(deadline, [0], HCM, 18)).toEqual([]);
    expect(() => noticeTimes(deadline, [1], HCM, 24)).toThrow(RangeError);
  });

  it('crosses month boundaries', () => {
    expect(noticeTimes(at('2027-03-01 17:00'), [1], HCM).map((d) => local(d))).toEqual([
      '2027-02-28 08:00 Sun',
    ]);
  });
});

describe('parseDeadlineRule', () => {
  it.each([
    ['ngày 5 hằng tháng', { kind: 'monthly', day: 5 }],
    ['ngay 5 hang thang', { kind: 'monthly', day: 5 }],
    ['hằng tháng ngày 20', { kind: 'monthly', day: 20 }],
    ['monthly 5', { kind: 'monthly', day: 5 }],
    ['Monthly on the 5th', { kind: 'monthly', day: 5 }],
    ['quý ngày 5', { kind: 'quarterly', day: 5, monthInQuarter: 1 }],
    ['quy ngay 5', { kind: 'quarterly', day: 5, monthInQuarter: 1 }],
    ['hằng quý ngày 15 tháng 3', { kind: 'quarterly', day: 15, monthInQuarter: 3 }],
    ['quarterly 5', { kind: 'quarterly', day: 5, monthInQuarter: 1 }],
    ['hằng năm 31/03', { kind: 'yearly', month: 3, day: 31 }],
    ['hang nam 31/03', { kind: 'yearly', month: 3, day: 31 }],
    ['yearly 31/03', { kind: 'yearly', month: 3, day: 31 }],
    ['yearly 29/02', { kind: 'yearly', month: 2, day: 29 }],
    ['20/01/2027', { kind: 'once', date: '2027-01-20' }],
    ['ngày 20/01/2027', { kind: 'once', date: '2027-01-20' }],
    ['2027-01-20', { kind: 'once', date: '2027-01-20' }],
  ])('%s', (input, rule) => {
    expect(parseDeadlineRule(input)).toEqual(rule);
  });

  it.each([
    ['ngày 32 hằng tháng'],
    ['monthly 0'],
    ['quý ngày 5 tháng 4'],
    ['hằng năm 31/04'],
    ['yearly 12/13'],
    ['29/02/2027'],
    ['sometime soon'],
    [''],
  ])('rejects %j', (input) => {
    expect(parseDeadlineRule(input)).toBeNull();
  });
});

describe('parseLeadDays', () => {
  it.each([
    ['7,1', [7, 1]],
    ['7 1', [7, 1]],
    ['1, 7, 7', [7, 1]],
    ['0', [0]],
    ['365', [365]],
  ])('%s', (input, days) => {
    expect(parseLeadDays(input)).toEqual(days);
  });

  it.each([['-1'], ['7,-1'], ['366'], ['a week'], [''], ['1.5']])('rejects %j', (input) => {
    expect(parseLeadDays(input)).toBeNull();
  });
});
