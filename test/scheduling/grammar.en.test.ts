import { describe, expect, it } from 'vitest';
import { due, ONCE, outcome } from './helpers.ts';

// Clock: Monday 2026-06-15 10:00 in Asia/Ho_Chi_Minh.

describe('parseReminder: English absolute times', () => {
  it.each([
    ['tomorrow 9:00 call the customs office', '2026-06-16 09:00 Tue', 'call the customs office'],
    ['today 17:00 submit the report', '2026-06-15 17:00 Mon', 'submit the report'],
    ['on 25/12 at 8am visit', '2026-12-25 08:00 Fri', 'visit'],
    ['8am tomorrow send invoices', '2026-06-16 08:00 Tue', 'send invoices'],
    ['tomorrow at 2:30pm meeting', '2026-06-16 14:30 Tue', 'meeting'],
    ['tomorrow 8 pm dinner', '2026-06-16 20:00 Tue', 'dinner'],
    ['tonight 9pm call home', '2026-06-15 21:00 Mon', 'call home'],
    ['tomorrow morning check mail', '2026-06-16 08:00 Tue', 'check mail'],
    ['day after tomorrow 10am audit', '2026-06-17 10:00 Wed', 'audit'],
    ['friday 4pm review', '2026-06-19 16:00 Fri', 'review'],
    ['on 2026-12-25 at 9:15 deliver', '2026-12-25 09:15 Fri', 'deliver'],
    ['12am reset', '2026-06-16 00:00 Tue', 'reset'],
    ['12pm lunch', '2026-06-15 12:00 Mon', 'lunch'],
    ['at 11:45 stand-up', '2026-06-15 11:45 Mon', 'stand-up'],
  ])('%s', (input, expectedDue, text) => {
    expect(outcome(input)).toEqual({ due: expectedDue, repeat: ONCE, text });
  });
});

describe('parseReminder: English relative times', () => {
  it.each([
    ['in 2 hours call back', '2026-06-15 12:00 Mon'],
    ['in 30 minutes call back', '2026-06-15 10:30 Mon'],
    ['in 30 min call back', '2026-06-15 10:30 Mon'],
    ['in 3 days call back', '2026-06-18 10:00 Thu'],
    ['in an hour call back', '2026-06-15 11:00 Mon'],
    ['in 1 hour and 30 minutes call back', '2026-06-15 11:30 Mon'],
    ['in 2 weeks call back', '2026-06-29 10:00 Mon'],
    ['45 minutes later call back', '2026-06-15 10:45 Mon'],
    ['2 hours from now call back', '2026-06-15 12:00 Mon'],
  ])('%s', (input, expectedDue) => {
    expect(outcome(input)).toEqual({ due: expectedDue, repeat: ONCE, text: 'call back' });
  });
});

describe('parseReminder: English repeats', () => {
  it.each([
    ['every day 8:00 x', { kind: 'daily', hour: 8, minute: 0 }, '2026-06-16 08:00 Tue'],
    ['every day at 6pm x', { kind: 'daily', hour: 18, minute: 0 }, '2026-06-15 18:00 Mon'],
    ['daily 7:30 x', { kind: 'daily', hour: 7, minute: 30 }, '2026-06-16 07:30 Tue'],
    [
      'every monday 9:00 x',
      { kind: 'weekly', weekday: 1, hour: 9, minute: 0 },
      '2026-06-22 09:00 Mon',
    ],
    [
      'every week on friday 5pm x',
      { kind: 'weekly', weekday: 5, hour: 17, minute: 0 },
      '2026-06-19 17:00 Fri',
    ],
    ['every sunday x', { kind: 'weekly', weekday: 0, hour: 8, minute: 0 }, '2026-06-21 08:00 Sun'],
    [
      'every month on the 10th 9am x',
      { kind: 'monthly', day: 10, hour: 9, minute: 0 },
      '2026-07-10 09:00 Fri',
    ],
    [
      'monthly on the 1st x',
      { kind: 'monthly', day: 1, hour: 8, minute: 0 },
      '2026-07-01 08:00 Wed',
    ],
    [
      'on the 20th of every month at 9:30 x',
      { kind: 'monthly', day: 20, hour: 9, minute: 30 },
      '2026-06-20 09:30 Sat',
    ],
  ])('%s', (input, repeat, expectedDue) => {
    expect(outcome(input)).toEqual({ due: expectedDue, repeat, text: 'x' });
  });

  it('reads a bare English time as its next occurrence', () => {
    expect(due('9am standup')).toBe('2026-06-16 09:00 Tue');
    expect(due('3pm standup')).toBe('2026-06-15 15:00 Mon');
  });
});
