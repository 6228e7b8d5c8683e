import { describe, expect, it } from 'vitest';
import { nextOccurrence } from '../../src/scheduling/index.ts';
import type { Repeat } from '../../src/scheduling/types.ts';
import { at, HCM, local } from './helpers.ts';

/** Follows a repeat `count` times from `startWall`, as the scheduler does after each delivery. */
function chain(repeat: Repeat, startWall: string, count: number, zone = HCM): string[] {
  const seen: string[] = [];
  let after = at(startWall, zone);
  for (let i = 0; i < count; i += 1) {
    const next = nextOccurrence(repeat, after, zone);
    if (next === null) break;
    seen.push(local(next, zone));
    after = next;
  }
  return seen;
}

describe('nextOccurrence', () => {
  it('returns null for one-off reminders', () => {
    expect(nextOccurrence({ kind: 'once' }, at('2026-06-15 10:00'), HCM)).toBeNull();
  });

  it('is strictly after: an occurrence exactly at `after` is skipped', () => {
    const daily: Repeat = { kind: 'daily', hour: 8, minute: 0 };
    expect(local(nextOccurrence(daily, at('2026-06-15 08:00'), HCM))).toBe('2026-06-16 08:00 Tue');
    expect(local(nextOccurrence(daily, at('2026-06-15 07:59'), HCM))).toBe('2026-06-15 08:00 Mon');
  });

  it('crosses month and year ends daily', () => {
    expect(chain({ kind: 'daily', hour: 8, minute: 0 }, '2026-12-30 09:00', 3)).toEqual([
      '2026-12-31 08:00 Thu',
      '2027-01-01 08:00 Fri',
      '2027-01-02 08:00 Sat',
    ]);
  });

  it('repeats weekly on the weekday, across the year end', () => {
    expect(
      chain({ kind: 'weekly', weekday: 1, hour: 9, minute: 0 }, '2026-12-21 09:00', 3),
    ).toEqual(['2026-12-28 09:00 Mon', '2027-01-04 09:00 Mon', '2027-01-11 09:00 Mon']);
    expect(
      chain({ kind: 'weekly', weekday: 0, hour: 7, minute: 30 }, '2026-06-15 10:00', 1),
    ).toEqual(['2026-06-21 07:30 Sun']);
  });

  it('clamps day 31 to short months and returns to 31 afterwards', () => {
    expect(chain({ kind: 'monthly', day: 31, hour: 8, minute: 0 }, '2027-01-01 00:00', 5)).toEqual([
      '2027-01-31 08:00 Sun',
      '2027-02-28 08:00 Sun',
      '2027-03-31 08:00 Wed',
      '2027-04-30 08:00 Fri',
      '2027-05-31 08:00 Mon',
    ]);
  });

  it('uses 29 February in leap years', () => {
    expect(chain({ kind: 'monthly', day: 31, hour: 8, minute: 0 }, '2028-02-01 00:00', 2)).toEqual([
      '2028-02-29 08:00 Tue',
      '2028-03-31 08:00 Fri',
    ]);
    expect(chain({ kind: 'monthly', day: 30, hour: 8, minute: 0 }, '2028-02-01 00:00', 1)).toEqual([
      '2028-02-29 08:00 Tue',
    ]);
  });

  it('crosses the year end monthly', () => {
    expect(chain({ kind: 'monthly', day: 10, hour: 8, minute: 0 }, '2026-11-10 08:00', 3)).toEqual([
      '2026-12-10 08:00 Thu',
      '2027-01-10 08:00 Sun',
      '2027-02-10 08:00 Wed',
    ]);
  });

  it('keeps the wall-clock hour across a daylight-saving change', () => {
    const zone = 'America/New_York';
    expect(chain({ kind: 'daily', hour: 8, minute: 0 }, '2026-03-07 09:00', 2, zone)).toEqual([
      '2026-03-08 08:00 Sun',
      '2026-03-09 08:00 Mon',
    ]);
  });

  it('rejects an unknown time zone loudly', () => {
    expect(() =>
      nextOccurrence({ kind: 'daily', hour: 8, minute: 0 }, new Date(), 'Mars/Base'),
    ).toThrow(RangeError);
  });
});
