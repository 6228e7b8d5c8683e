import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { outcome } from './helpers.ts';

const run = promisify(execFile);
const fixture = fileURLToPath(new URL('./fixtures/printParses.ts', import.meta.url));
const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

/** The same wall-clock "now" in each zone must give the same wall-clock answers. */
const ZONES = ['Asia/Ho_Chi_Minh', 'America/New_York', 'Asia/Tokyo', 'Europe/London', 'UTC'];

describe('parseReminder is independent of the zone it runs in', () => {
  it.each(ZONES)('gives the same wall-clock results with context zone %s', (zone) => {
    const expected = [
      ['25/12 08:00 nộp báo cáo', '2026-12-25 08:00 Fri'],
      ['8h sáng mai x', '2026-06-16 08:00 Tue'],
      ['9h tối nay x', '2026-06-15 21:00 Mon'],
      ['sau 3 ngày x', '2026-06-18 10:00 Thu'],
      ['thứ 2 hằng tuần 9h x', '2026-06-22 09:00 Mon'],
      ['ngày 31 hằng tháng x', '2026-06-30 08:00 Tue'],
      ['every month on the 10th 9am x', '2026-07-10 09:00 Fri'],
      ['29/02/2028 7:00 x', '2028-02-29 07:00 Tue'],
    ];
    for (const [input, wall] of expected) {
      expect(outcome(input as string, '2026-06-15 10:00', zone)).toMatchObject({ due: wall });
    }
    expect(outcome('31/02 x', '2026-06-15 10:00', zone)).toBe('invalid_date');
  });

  it('prints identical instants when the host runs in New York, Tokyo or Ho Chi Minh City', async () => {
    const outputs = await Promise.all(
      ['America/New_York', 'Asia/Tokyo', 'Asia/Ho_Chi_Minh'].map(async (hostZone) => {
        return run(process.execPath, ['--import', 'tsx', fixture], {
          cwd: repoRoot,
          env: { ...process.env, TZ: hostZone },
        });
      }),
    );
    expect(outputs.map((output) => output.stderr.trim())).toEqual([
      'host offset 240',
      'host offset -540',
      'host offset -420',
    ]);
    const [newYork, tokyo, hcm] = outputs.map((output) => output.stdout);
    expect(newYork).toBe(tokyo);
    expect(newYork).toBe(hcm);
    expect(newYork).toContain(
      'Asia/Ho_Chi_Minh | 25/12 08:00 nộp báo cáo | 2026-12-25T01:00:00.000Z',
    );
    expect(newYork).toContain(
      'Asia/Ho_Chi_Minh | 8h sáng mai nộp báo cáo | 2026-06-16T01:00:00.000Z',
    );
    expect(newYork).toContain('Europe/London | 9h tối nay gọi | 2026-06-15T20:00:00.000Z');
    expect(newYork).toContain('Asia/Ho_Chi_Minh | 31/02 x | invalid_date');
  });
});
