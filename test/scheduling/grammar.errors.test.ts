import { describe, expect, it } from 'vitest';
import { due, outcome } from './helpers.ts';

// Clock: Monday 2026-06-15 10:00 in Asia/Ho_Chi_Minh.

describe('parseReminder: refuses rather than guesses', () => {
  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['asdf qwer zxcv', 'no_time'],
    ['nộp báo cáo lúc 8h', 'no_time'],
    ['báo cáo', 'no_time'],
    ['2 người họp', 'no_time'],
    ['8.30 họp', 'no_time'],
    ['hằng tuần 9h họp', 'no_time'],
    ['hằng tháng 9h họp', 'no_time'],
    ['every week at 9am x', 'no_time'],
  ])('%j → %s', (input, error) => {
    expect(outcome(input)).toBe(error);
  });

  it.each([
    ['31/02 x'],
    ['31/02/2027 x'],
    ['30/02 x'],
    ['25/13 x'],
    ['00/12 x'],
    ['ngày 32 hằng tháng x'],
    ['ngày 0 x'],
    ['25/12/26 x'],
    ['24:00 x'],
    ['25h x'],
    ['8h60 x'],
    ['13pm x'],
    ['0am x'],
    ['15h sáng x'],
  ])('impossible date or time %j → invalid_date', (input) => {
    expect(outcome(input)).toBe('invalid_date');
  });

  it.each([
    ['hôm nay ngày mai 8h x'],
    ['today tomorrow 9am x'],
    ['8h 9h x'],
    ['8am tối x'],
    ['sau 2 giờ 8h x'],
    ['in 2 hours tomorrow x'],
    ['hằng ngày thứ 2 8h x'],
    ['25/12 hằng tháng x'],
    ['thứ 2 25/12/2026 x'],
    ['sau 0 phút x'],
    ['in 99999 days x'],
  ])('contradictory or impossible parts %j → invalid_date', (input) => {
    expect(outcome(input)).toBe('invalid_date');
  });

  it('accepts a weekday that agrees with the date', () => {
    expect(due('thứ 6 25/12/2026 x')).toBe('2026-12-25 08:00 Fri');
  });

  it.each([['8:00'], ['8h sáng mai'], ['in 2 hours'], ['hằng ngày 8h'], ['25/12 08:00 -']])(
    '%j without a text → no_text',
    (input) => {
      expect(outcome(input)).toBe('no_text');
    },
  );

  it.each([
    ['01/01/2026 8h x', '2026-06-15 10:00'],
    ['15/06/2026 9h x', '2026-06-15 10:00'],
    ['hôm nay 9h x', '2026-06-15 10:00'],
    ['today 8am x', '2026-06-15 10:00'],
    ['tối nay 8h x', '2026-06-15 21:00'],
  ])('explicit day already past %j at %s → in_past', (input, nowWall) => {
    expect(outcome(input, nowWall)).toBe('in_past');
  });

  it('treats leap days by the calendar', () => {
    expect(due('29/02/2028 8h x')).toBe('2028-02-29 08:00 Tue');
    expect(outcome('29/02/2027 8h x')).toBe('invalid_date');
    expect(due('29/02 8h x', '2027-03-01 10:00')).toBe('2028-02-29 08:00 Tue');
  });
});
