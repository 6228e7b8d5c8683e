import { describe, expect, it } from 'vitest';
import { csvCell, ticketsCsvInChunks, UTF8_BOM } from '../../src/bot/features/tickets/csv.ts';
import { nextDigestAt } from '../../src/bot/features/tickets/digest.ts';
import { parseLocalDate } from '../../src/bot/features/tickets/figures.ts';
import { computeStats, median } from '../../src/bot/features/tickets/stats.ts';
import { type Ticket, toOfficerView } from '../../src/store/tickets/index.ts';

const ticket = (overrides: Partial<Ticket>): Ticket => ({
  code: 'KN-0001',
  seq: 1,
  type: 'complaint',
  category: 'wages',
  parkId: null,
  company: null,
  description: 'x',
  attachments: [],
  anonymous: true,
  filer: { userId: 4242, chatId: 4242, name: 'Trần Bí Mật', username: 'bimat' },
  status: 'new',
  assignee: null,
  createdAt: '2025-03-03T00:00:00.000Z',
  firstResponseAt: null,
  resolvedAt: null,
  closedAt: null,
  rating: null,
  history: [],
  ...overrides,
});

describe('ticket figures', () => {
  it('computes medians, counts and ratings', () => {
    expect(median([])).toBeNull();
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    const stats = computeStats(
      [
        ticket({ firstResponseAt: '2025-03-03T02:00:00.000Z', rating: 4, status: 'closed' }),
        ticket({
          category: 'safety',
          parkId: 'tien-son',
          firstResponseAt: '2025-03-03T06:00:00.000Z',
          resolvedAt: '2025-03-04T00:00:00.000Z',
          rating: 5,
          status: 'resolved',
        }),
        ticket({}),
      ].map(toOfficerView),
    );
    expect(stats.byStatus).toEqual({ closed: 1, resolved: 1, new: 1 });
    expect(stats.byCategory).toEqual({ wages: 2, safety: 1 });
    expect(stats.byPark).toEqual({ '-': 2, 'tien-son': 1 });
    expect(stats.medianFirstResponseHours).toBe(4);
    expect(stats.medianResolutionHours).toBe(24);
    expect(stats.ratings).toEqual({ count: 2, average: 4.5 });
  });

  it('writes CSV with a BOM, RFC 4180 quoting, formula guards and no anonymous identity', async () => {
    expect(csvCell('=1+1')).toBe("'=1+1");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('-2,5')).toBe(`"'-2,5"`);
    expect(csvCell('say "hi"\nbye')).toBe('"say ""hi""\nbye"');
    const csv = await ticketsCsvInChunks(
      [
        ticket({ description: '=HYPERLINK("x")' }),
        ticket({ code: 'HT-0001', type: 'request', anonymous: false, description: 'điện, nước' }),
      ].map(toOfficerView),
      {
        type: (v) => v.type,
        category: (v) => v.category,
        park: () => 'Khác',
        status: (v) => v.status,
        time: (iso) => iso ?? '',
      },
      1,
    );
    expect(csv.startsWith(UTF8_BOM)).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines[0]).toBe(
      'code,type,category,park,company,status,created,first response,resolved,rating,filer,description',
    );
    expect(lines[1]).toContain(`"'=HYPERLINK(""x"")"`);
    expect(lines[1]).not.toMatch(/4242|Bí Mật|bimat/);
    expect(lines[2]).toContain('Trần Bí Mật @bimat,"điện, nước"');
  });

  it('parses local dates in the board time zone', () => {
    const zone = 'Asia/Ho_Chi_Minh';
    expect(parseLocalDate('05/03/2025', zone)?.toISOString()).toBe('2025-03-04T17:00:00.000Z');
    expect(parseLocalDate('2025-03-05', zone)?.toISOString()).toBe('2025-03-04T17:00:00.000Z');
    expect(parseLocalDate('31/02/2025', zone)).toBeNull();
    expect(parseLocalDate('yesterday', zone)).toBeNull();
  });

  it('schedules the digest at 08:00 local on the next working day', () => {
    const zone = 'Asia/Ho_Chi_Minh';
    const next = (iso: string) => nextDigestAt(new Date(iso), zone).toISOString();
    // Monday 07:59 local → same day 08:00 local (01:00Z).
    expect(next('2025-03-03T00:59:00Z')).toBe('2025-03-03T01:00:00.000Z');
    // Monday 08:00 exactly → Tuesday.
    expect(next('2025-03-03T01:00:00Z')).toBe('2025-03-04T01:00:00.000Z');
    // Friday 09:00 local → Monday.
    expect(next('2025-03-07T02:00:00Z')).toBe('2025-03-10T01:00:00.000Z');
    // Saturday 23:30 local (16:30Z) → Monday.
    expect(next('2025-03-08T16:30:00Z')).toBe('2025-03-10T01:00:00.000Z');
    // Sunday 23:30 UTC is already Monday 06:30 in Hanoi → that Monday 08:00.
    expect(next('2025-03-09T23:30:00Z')).toBe('2025-03-10T01:00:00.000Z');
    expect(nextDigestAt(new Date('2025-03-07T12:00:00Z'), 'Europe/London').toISOString()).toBe(
      '2025-03-10T08:00:00.000Z',
    );
  });
});
