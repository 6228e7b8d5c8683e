import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config.ts';
import type { OfficerTicketView, TicketCategory } from '../../../src/store/tickets/index.ts';
import { computeFigures } from '../../../src/web/dashboard/figures.ts';

const config = loadConfig({
  BOT_TOKEN: '123456:ABCDEFGHIJKLMNOPQRSTUVWX',
  TICKET_RESPONSE_HOURS: '24',
  TICKET_RESOLUTION_DAYS: '7',
});
const HOUR = 3_600_000;

function view(
  createdAt: string,
  category: TicketCategory,
  parkId: string | null,
  extra: Partial<Pick<OfficerTicketView, 'firstResponseAt' | 'resolvedAt' | 'rating'>> = {},
): OfficerTicketView {
  return {
    code: 'KN-0001',
    seq: 1,
    type: 'complaint',
    category,
    parkId,
    company: null,
    description: '',
    attachments: [],
    anonymous: true,
    status: extra.resolvedAt ? 'resolved' : 'new',
    assignee: null,
    createdAt,
    firstResponseAt: extra.firstResponseAt ?? null,
    resolvedAt: extra.resolvedAt ?? null,
    closedAt: null,
    rating: extra.rating ?? null,
    history: [],
  };
}

const at = (iso: string, plusHours: number) =>
  new Date(Date.parse(iso) + plusHours * HOUR).toISOString();

describe('dashboard figures', () => {
  // Local weeks in Asia/Ho_Chi_Minh (UTC+7) start on Monday 00:00, i.e. Sunday 17:00 UTC.
  const monday = '2026-11-15T17:00:00.000Z'; // Mon 16 Nov 2026 00:00 local
  const views = [
    view(at(monday, -1), 'wages', 'que-vo'), // Sun 15 Nov 23:00 local: the week before
    view(monday, 'wages', 'que-vo', {
      firstResponseAt: at(monday, 2),
      resolvedAt: at(monday, 30),
      rating: 5,
    }),
    view(at(monday, 50), 'safety', null, { firstResponseAt: at(monday, 80), rating: 2 }),
    view(at(monday, 24 * 7), 'wages', 'que-vo'), // next Monday 00:00 local
    view('2026-01-01T00:00:00.000Z', 'wages', 'que-vo'), // outside the range
  ];
  const figures = computeFigures(
    config,
    views,
    [at(monday, 1), at(monday, 3), at(monday, 24 * 7 + 1)],
    { from: '2026-11-09', until: '2026-11-29' },
    new Date(at(monday, 24 * 8)),
  );

  it('counts tickets per local week, a ticket at Monday 00:00 in that week', () => {
    expect(figures.total).toBe(4);
    expect(figures.ticketsPerWeek).toEqual([
      { week: '2026-11-09', count: 1 },
      { week: '2026-11-16', count: 2 },
      { week: '2026-11-23', count: 1 },
    ]);
    expect(figures.unansweredPerWeek.map((week) => week.count)).toEqual([0, 2, 1]);
  });

  it('splits by park and topic, and measures times against the targets', () => {
    expect(figures.parkCategory).toEqual([
      { parkId: 'que-vo', byCategory: { wages: 3 }, total: 3 },
      { parkId: null, byCategory: { safety: 1 }, total: 1 },
    ]);
    expect(figures.medianFirstResponseHours).toBe(16);
    expect(figures.medianResolutionHours).toBe(30);
    // Responses: 2 h (within), 30 h (late), one never answered and 193 h old (late); the last
    // is exactly 24 h old, not yet past its target, so it is not counted either way.
    expect(figures.withinTarget.response).toEqual({ within: 1, of: 3 });
    // Resolution: one in 30 h (within); the first, unresolved at 193 h, is past 7 days; the
    // others are younger than 7 days and still open.
    expect(figures.withinTarget.resolution).toEqual({ within: 1, of: 2 });
    expect(figures.ratings).toEqual({ count: 2, average: 3.5, distribution: [0, 1, 0, 0, 1] });
  });
});
