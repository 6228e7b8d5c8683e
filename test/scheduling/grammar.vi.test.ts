import { describe, expect, it } from 'vitest';
import { due, ONCE, outcome } from './helpers.ts';

// Clock: Monday 2026-06-15 10:00 in Asia/Ho_Chi_Minh.

describe('parseReminder: Vietnamese absolute times', () => {
  it.each([
    ['25/12 08:00 nộp báo cáo', '2026-12-25 08:00 Fri', 'nộp báo cáo'],
    ['25/12/2026 8h30 họp giao ban', '2026-12-25 08:30 Fri', 'họp giao ban'],
    ['ngày 25/12 lúc 8h nộp hồ sơ', '2026-12-25 08:00 Fri', 'nộp hồ sơ'],
    ['8h sáng mai nộp báo cáo', '2026-06-16 08:00 Tue', 'nộp báo cáo'],
    ['8h sang mai nop bao cao', '2026-06-16 08:00 Tue', 'nop bao cao'],
    ['9h tối nay gọi điện', '2026-06-15 21:00 Mon', 'gọi điện'],
    ['9h toi nay goi dien', '2026-06-15 21:00 Mon', 'goi dien'],
    ['14:30 hôm nay họp', '2026-06-15 14:30 Mon', 'họp'],
    ['14:30 hom nay hop', '2026-06-15 14:30 Mon', 'hop'],
    ['ngày mai 7h kiểm tra PCCC', '2026-06-16 07:00 Tue', 'kiểm tra PCCC'],
    ['ngay mai 7h kiem tra', '2026-06-16 07:00 Tue', 'kiem tra'],
    ['mai 8h30 đón đoàn', '2026-06-16 08:30 Tue', 'đón đoàn'],
    ['chiều mai họp', '2026-06-16 14:00 Tue', 'họp'],
    ['ngày kia 9h họp', '2026-06-17 09:00 Wed', 'họp'],
    ['thứ 6 9h nộp báo cáo', '2026-06-19 09:00 Fri', 'nộp báo cáo'],
    ['thứ sáu 16h họp', '2026-06-19 16:00 Fri', 'họp'],
    ['ngày 10 8h đóng phí', '2026-07-10 08:00 Fri', 'đóng phí'],
  ])('%s', (input, expectedDue, text) => {
    expect(outcome(input)).toEqual({ due: expectedDue, repeat: ONCE, text });
  });

  it('reads a date without a year as the next such date: next year when already past', () => {
    expect(due('01/03 8h x')).toBe('2027-03-01 08:00 Mon');
    expect(due('15/06 9h x')).toBe('2027-06-15 09:00 Tue');
    expect(due('15/06 11h x')).toBe('2026-06-15 11:00 Mon');
    expect(due('29/02 8h x')).toBe('2028-02-29 08:00 Tue');
  });

  it('defaults to 08:00 when only a day is given', () => {
    expect(due('25/12 nộp báo cáo')).toBe('2026-12-25 08:00 Fri');
    expect(due('ngày mai nộp báo cáo')).toBe('2026-06-16 08:00 Tue');
  });

  it('reads a bare time as its next occurrence: today if ahead, else tomorrow', () => {
    expect(due('11h họp')).toBe('2026-06-15 11:00 Mon');
    expect(due('8h họp')).toBe('2026-06-16 08:00 Tue');
    expect(due('10:00 họp')).toBe('2026-06-16 10:00 Tue');
  });
});

describe('parseReminder: Vietnamese time words', () => {
  it.each([
    ['8h x', '08:00'],
    ['8h30 x', '08:30'],
    ['8 giờ x', '08:00'],
    ['8 gio x', '08:00'],
    ['8 giờ 30 x', '08:30'],
    ['8 giờ 30 phút x', '08:30'],
    ['8 giờ rưỡi x', '08:30'],
    ['8:30 x', '08:30'],
    ['8g15 x', '08:15'],
    ['7h sáng x', '07:00'],
    ['12h trưa x', '12:00'],
    ['1h trưa x', '13:00'],
    ['3h chiều x', '15:00'],
    ['3h chieu x', '15:00'],
    ['15h chiều x', '15:00'],
    ['8h tối x', '20:00'],
    ['8 giờ 30 tối x', '20:30'],
    ['11h đêm x', '23:00'],
    ['11h dem x', '23:00'],
    ['lúc 10h30 x', '10:30'],
    ['vào lúc 16:45 x', '16:45'],
  ])('%s → %s', (input, clock) => {
    expect(due(input).slice(11, 16)).toBe(clock);
  });

  it('reads a part of day without an hour with its default hour', () => {
    expect(due('tối nay gọi mẹ')).toBe('2026-06-15 20:00 Mon');
    expect(due('sáng mai họp')).toBe('2026-06-16 08:00 Tue');
  });

  it('keeps "tôi" (I) apart from "tối" (evening) when diacritics are typed', () => {
    expect(outcome('8h tôi họp')).toEqual({
      due: '2026-06-16 08:00 Tue',
      repeat: ONCE,
      text: 'tôi họp',
    });
    expect(outcome('8h tối họp')).toEqual({
      due: '2026-06-15 20:00 Mon',
      repeat: ONCE,
      text: 'họp',
    });
  });

  it('lets a separator protect unaccented text that looks like a time word', () => {
    expect(outcome('8h - toi nop bao cao')).toEqual({
      due: '2026-06-16 08:00 Tue',
      repeat: ONCE,
      text: 'toi nop bao cao',
    });
  });

  it('accepts dashed and ISO dates', () => {
    expect(due('25-12-2026 9h x')).toBe('2026-12-25 09:00 Fri');
    expect(due('2026-12-25 9h x')).toBe('2026-12-25 09:00 Fri');
  });

  it('reads "8 tiếng" after days as duration but "8h" as the time of day', () => {
    expect(due('sau 3 ngày 8 tiếng x')).toBe('2026-06-18 18:00 Thu');
    expect(due('sau 3 ngày 8h x')).toBe('2026-06-18 08:00 Thu');
  });

  it('drops a separator between the time and the text', () => {
    expect(outcome('8h sáng mai - nộp báo cáo')).toMatchObject({ text: 'nộp báo cáo' });
    expect(outcome('8h: họp')).toMatchObject({ text: 'họp' });
    expect(outcome('mai 8h, họp')).toMatchObject({ text: 'họp' });
  });
});

describe('parseReminder: Vietnamese relative times', () => {
  it.each([
    ['sau 2 giờ gọi lại', '2026-06-15 12:00 Mon', 'gọi lại'],
    ['sau 2 gio goi lai', '2026-06-15 12:00 Mon', 'goi lai'],
    ['sau 2 tiếng x', '2026-06-15 12:00 Mon', 'x'],
    ['sau 2h x', '2026-06-15 12:00 Mon', 'x'],
    ['sau 1 tiếng rưỡi x', '2026-06-15 11:30 Mon', 'x'],
    ['sau 1 giờ 15 phút x', '2026-06-15 11:15 Mon', 'x'],
    ['30 phút nữa gọi lại', '2026-06-15 10:30 Mon', 'gọi lại'],
    ['30 phut nua goi lai', '2026-06-15 10:30 Mon', 'goi lai'],
    ['30p nữa x', '2026-06-15 10:30 Mon', 'x'],
    ['2 giờ nữa x', '2026-06-15 12:00 Mon', 'x'],
    ['sau 3 ngày kiểm tra', '2026-06-18 10:00 Thu', 'kiểm tra'],
    ['sau 3 ngay kiem tra', '2026-06-18 10:00 Thu', 'kiem tra'],
    ['sau 2 tuần x', '2026-06-29 10:00 Mon', 'x'],
    ['sau 3 ngày 8h x', '2026-06-18 08:00 Thu', 'x'],
    ['sau 20 ngày x', '2026-07-05 10:00 Sun', 'x'],
  ])('%s', (input, expectedDue, text) => {
    expect(outcome(input)).toEqual({ due: expectedDue, repeat: ONCE, text });
  });
});

describe('parseReminder: Vietnamese repeats', () => {
  it.each([
    ['hằng ngày 8h x', { kind: 'daily', hour: 8, minute: 0 }, '2026-06-16 08:00 Tue'],
    ['hàng ngày 8h x', { kind: 'daily', hour: 8, minute: 0 }, '2026-06-16 08:00 Tue'],
    ['hang ngay 8h x', { kind: 'daily', hour: 8, minute: 0 }, '2026-06-16 08:00 Tue'],
    ['mỗi ngày 17h30 x', { kind: 'daily', hour: 17, minute: 30 }, '2026-06-15 17:30 Mon'],
    ['moi ngay 17h30 x', { kind: 'daily', hour: 17, minute: 30 }, '2026-06-15 17:30 Mon'],
    [
      'thứ 2 hằng tuần 9h x',
      { kind: 'weekly', weekday: 1, hour: 9, minute: 0 },
      '2026-06-22 09:00 Mon',
    ],
    [
      'thu 2 hang tuan 9h x',
      { kind: 'weekly', weekday: 1, hour: 9, minute: 0 },
      '2026-06-22 09:00 Mon',
    ],
    [
      't2 hằng tuần 9h x',
      { kind: 'weekly', weekday: 1, hour: 9, minute: 0 },
      '2026-06-22 09:00 Mon',
    ],
    [
      'thứ 2 hằng tuần 11h x',
      { kind: 'weekly', weekday: 1, hour: 11, minute: 0 },
      '2026-06-15 11:00 Mon',
    ],
    [
      'thứ 7 hằng tuần 9h x',
      { kind: 'weekly', weekday: 6, hour: 9, minute: 0 },
      '2026-06-20 09:00 Sat',
    ],
    [
      'thứ bảy hằng tuần 9h x',
      { kind: 'weekly', weekday: 6, hour: 9, minute: 0 },
      '2026-06-20 09:00 Sat',
    ],
    [
      'chủ nhật hằng tuần 9h x',
      { kind: 'weekly', weekday: 0, hour: 9, minute: 0 },
      '2026-06-21 09:00 Sun',
    ],
    [
      'chu nhat hang tuan 9h x',
      { kind: 'weekly', weekday: 0, hour: 9, minute: 0 },
      '2026-06-21 09:00 Sun',
    ],
    [
      'cn hằng tuần 9h x',
      { kind: 'weekly', weekday: 0, hour: 9, minute: 0 },
      '2026-06-21 09:00 Sun',
    ],
    [
      'mỗi thứ 4 14h x',
      { kind: 'weekly', weekday: 3, hour: 14, minute: 0 },
      '2026-06-17 14:00 Wed',
    ],
    [
      'ngày 10 hằng tháng 8h x',
      { kind: 'monthly', day: 10, hour: 8, minute: 0 },
      '2026-07-10 08:00 Fri',
    ],
    [
      'ngay 10 hang thang 8h x',
      { kind: 'monthly', day: 10, hour: 8, minute: 0 },
      '2026-07-10 08:00 Fri',
    ],
    [
      'ngày 20 hằng tháng 9h x',
      { kind: 'monthly', day: 20, hour: 9, minute: 0 },
      '2026-06-20 09:00 Sat',
    ],
    [
      'ngày 31 hằng tháng x',
      { kind: 'monthly', day: 31, hour: 8, minute: 0 },
      '2026-06-30 08:00 Tue',
    ],
  ])('%s', (input, repeat, expectedDue) => {
    expect(outcome(input)).toEqual({ due: expectedDue, repeat, text: 'x' });
  });

  it('uses 08:00 when a repeat has no time', () => {
    expect(outcome('ngày 10 hằng tháng đóng phí')).toEqual({
      due: '2026-07-10 08:00 Fri',
      repeat: { kind: 'monthly', day: 10, hour: 8, minute: 0 },
      text: 'đóng phí',
    });
    expect(outcome('hằng ngày chấm công')).toMatchObject({
      repeat: { kind: 'daily', hour: 8, minute: 0 },
    });
  });
});
