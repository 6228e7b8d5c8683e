import { describe, expect, it } from 'vitest';
import { describeRepeat, formatWhen } from '../../src/scheduling/format.ts';
import { at, HCM } from './helpers.ts';

describe('formatWhen', () => {
  it('formats in the given zone, in Vietnamese and English', () => {
    const christmas = at('2026-12-25 08:00');
    expect(formatWhen(christmas, 'vi', HCM)).toBe('08:00 thứ Sáu, 25/12/2026');
    expect(formatWhen(christmas, 'en', HCM)).toBe('Fri 25 Dec 2026, 08:00');
    expect(formatWhen(christmas, 'en', 'Asia/Tokyo')).toBe('Fri 25 Dec 2026, 10:00');
  });

  it('names Sunday and pads small numbers', () => {
    const sunday = at('2026-06-07 07:05');
    expect(formatWhen(sunday, 'vi', HCM)).toBe('07:05 Chủ nhật, 07/06/2026');
    expect(formatWhen(sunday, 'en', HCM)).toBe('Sun 7 Jun 2026, 07:05');
  });
});

describe('describeRepeat', () => {
  it.each([
    [{ kind: 'once' } as const, 'một lần', 'once'],
    [{ kind: 'daily', hour: 8, minute: 0 } as const, 'hằng ngày lúc 08:00', 'every day at 08:00'],
    [
      { kind: 'weekly', weekday: 1, hour: 9, minute: 0 } as const,
      'thứ Hai hằng tuần lúc 09:00',
      'every Monday at 09:00',
    ],
    [
      { kind: 'weekly', weekday: 0, hour: 17, minute: 30 } as const,
      'Chủ nhật hằng tuần lúc 17:30',
      'every Sunday at 17:30',
    ],
    [
      { kind: 'monthly', day: 10, hour: 8, minute: 0 } as const,
      'ngày 10 hằng tháng lúc 08:00',
      'on day 10 of every month at 08:00',
    ],
    [
      { kind: 'monthly', day: 31, hour: 8, minute: 0 } as const,
      'ngày 31 hằng tháng lúc 08:00 (tháng ngắn hơn: ngày cuối tháng)',
      'on day 31 of every month at 08:00 (or the last day of shorter months)',
    ],
  ])('%j', (repeat, vi, en) => {
    expect(describeRepeat(repeat, 'vi')).toBe(vi);
    expect(describeRepeat(repeat, 'en')).toBe(en);
  });
});
