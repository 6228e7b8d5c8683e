import { describe, expect, it } from 'vitest';
import { parseReminder } from '../../src/scheduling/index.ts';
import { at, due, ONCE, outcome } from './helpers.ts';

// Clock: Monday 2026-06-15 10:00 in Asia/Ho_Chi_Minh unless a test says otherwise.

describe('parseReminder: reads the whole time expression', () => {
  it.each([
    ['tomorrow at 9 call the bank', '2026-06-16 09:00 Tue', 'call the bank'],
    ['tomorrow at 9 o’clock call the bank', '2026-06-16 09:00 Tue', 'call the bank'],
    ['lúc 9 họp giao ban', '2026-06-16 09:00 Tue', 'họp giao ban'],
    ['mai lúc 15 họp', '2026-06-16 15:00 Tue', 'họp'],
    ['9h kém 15 sáng mai nộp hồ sơ', '2026-06-16 08:45 Tue', 'nộp hồ sơ'],
    ['9h kem 15 sang mai nop ho so', '2026-06-16 08:45 Tue', 'nop ho so'],
    ['9 giờ kém 15 phút mai họp', '2026-06-16 08:45 Tue', 'họp'],
    ['5 kém 10 chiều nay họp', '2026-06-15 16:50 Mon', 'họp'],
    ['8 rưỡi tối nay gọi mẹ', '2026-06-15 20:30 Mon', 'gọi mẹ'],
    ['8 ruoi toi nay goi me', '2026-06-15 20:30 Mon', 'goi me'],
    ['8:30 SA mai họp', '2026-06-16 08:30 Tue', 'họp'],
    ['8:30SA mai họp', '2026-06-16 08:30 Tue', 'họp'],
    ['2:15 CH hôm nay họp', '2026-06-15 14:15 Mon', 'họp'],
    ['3 CH họp', '2026-06-15 15:00 Mon', 'họp'],
    ['nửa tiếng nữa gọi lại', '2026-06-15 10:30 Mon', 'gọi lại'],
    ['nua tieng nua goi lai', '2026-06-15 10:30 Mon', 'goi lai'],
    ['sau nửa tiếng gọi lại', '2026-06-15 10:30 Mon', 'gọi lại'],
    ['in half an hour call back', '2026-06-15 10:30 Mon', 'call back'],
    ['thứ 2 tuần sau 9h họp', '2026-06-22 09:00 Mon', 'họp'],
    ['thu 6 tuan toi 14h hop', '2026-06-26 14:00 Fri', 'hop'],
    ['thứ 6 tuần này nộp báo cáo', '2026-06-19 08:00 Fri', 'nộp báo cáo'],
    ['tuần sau họp', '2026-06-22 08:00 Mon', 'họp'],
    ['ngày 10 tháng sau đóng phí', '2026-07-10 08:00 Fri', 'đóng phí'],
    ['tháng sau gia hạn', '2026-07-15 08:00 Wed', 'gia hạn'],
    ['next monday 9am standup', '2026-06-22 09:00 Mon', 'standup'],
    ['next friday review', '2026-06-26 08:00 Fri', 'review'],
    ['this friday 5pm review', '2026-06-19 17:00 Fri', 'review'],
    ['next week renew the permit', '2026-06-22 08:00 Mon', 'renew the permit'],
    ['next month renew the permit', '2026-07-15 08:00 Wed', 'renew the permit'],
    ['tomorrow 9am at the office meet Lan', '2026-06-16 09:00 Tue', 'at the office meet Lan'],
  ])('%s', (input, expectedDue, text) => {
    expect(outcome(input)).toEqual({ due: expectedDue, repeat: ONCE, text });
  });

  it('reads "12h đêm nay" late in the evening as the coming midnight', () => {
    expect(due('12h đêm nay tắt máy', '2026-06-15 23:47')).toBe('2026-06-16 00:00 Tue');
    expect(due('1h đêm nay kiểm tra', '2026-06-15 22:00')).toBe('2026-06-16 01:00 Tue');
    expect(due('12h đêm mai x')).toBe('2026-06-17 00:00 Wed');
    expect(due('11h đêm nay x')).toBe('2026-06-15 23:00 Mon');
  });

  it('keeps a day of next month that does not exist an error', () => {
    expect(outcome('ngày 31 tháng sau x', '2026-01-15 10:00')).toBe('invalid_date');
    expect(due('tháng sau x', '2026-01-31 10:00')).toBe('2026-02-28 08:00 Sat');
  });

  it('refuses "this monday" once it has passed', () => {
    expect(outcome('this monday 9am x')).toBe('in_past');
  });
});

describe('parseReminder: refuses the rest of a time rather than keeping it as text', () => {
  it.each([
    ['tomorrow at nine call the bank', 'at nine call'],
    ['mai 8.30 họp', '8.30 họp'],
    ['8h sáng mai kém 15 họp', 'kém 15 họp'],
    ['tomorrow am call', 'am call'],
  ])('%j → unread_time quoting %j', (input, near) => {
    const result = parseReminder(input, {
      now: at('2026-06-15 10:00'),
      timeZone: 'Asia/Ho_Chi_Minh',
    });
    expect(result).toEqual({ ok: false, error: 'unread_time', near });
  });

  it.each([['9h kém x'], ['0h kém 15 x'], ['9h kém 60 x'], ['at 25 x']])(
    'an impossible "kém" or hour %j → invalid_date',
    (input) => {
      expect(outcome(input)).toBe('invalid_date');
    },
  );

  it.each([['8h toi nop bao cao'], ['toi 8h di hop'], ['sau 2 gio toi goi lai']])(
    'asks about unaccented "toi" in %j instead of guessing',
    (input) => {
      const result = parseReminder(input, {
        now: at('2026-06-15 10:00'),
        timeZone: 'Asia/Ho_Chi_Minh',
      });
      expect(result).toEqual({ ok: false, error: 'ambiguous', near: 'toi' });
    },
  );

  it('still reads "toi nay" and accented tối / tôi without asking', () => {
    expect(due('9h toi nay goi dien')).toBe('2026-06-15 21:00 Mon');
    expect(due('8h tối họp')).toBe('2026-06-15 20:00 Mon');
    expect(outcome('8h tôi họp')).toMatchObject({ text: 'tôi họp' });
  });
});
