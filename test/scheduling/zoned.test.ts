import { TZDate } from '@date-fns/tz';
import { describe, expect, it } from 'vitest';
import { fromWallClock, toWallClock } from '../../src/scheduling/zoned.ts';

/** Zones with and without daylight saving, and a half-hour one. */
const ZONES = ['Asia/Ho_Chi_Minh', 'America/New_York', 'Europe/London', 'Australia/Adelaide'];
/** Days around every 2026 transition of those zones, plus an ordinary day. */
const DAYS = [
  '2026-03-08',
  '2026-03-29',
  '2026-04-05',
  '2026-10-04',
  '2026-10-25',
  '2026-11-01',
  '2026-06-15',
];

describe('zoned conversions agree with TZDate', () => {
  it.each(ZONES)('round-trips every half hour around transitions in %s', (zone) => {
    for (const day of DAYS) {
      const [year, month, date] = day.split('-').map(Number) as [number, number, number];
      for (let halfHours = 0; halfHours < 48; halfHours += 1) {
        const hour = Math.floor(halfHours / 2);
        const minute = (halfHours % 2) * 30;
        const expected = new TZDate(year, month - 1, date, hour, minute, zone);
        const actual = fromWallClock({ year, month, day: date }, hour, minute, zone);
        expect(actual.getTime(), `${zone} ${day} ${hour}:${minute}`).toBe(expected.getTime());
        const wall = toWallClock(actual, zone);
        expect([wall.hour, wall.minute, wall.weekday]).toEqual([
          expected.getHours(),
          expected.getMinutes(),
          expected.getDay(),
        ]);
      }
    }
  });
});
