import { TZDate } from '@date-fns/tz';
import { addWeeks, format, startOfWeek } from 'date-fns';
import { median } from '../../bot/features/tickets/stats.ts';
import { targetFor } from '../../bot/features/tickets/targets.ts';
import type { Config } from '../../config.ts';
import type { OfficerTicketView, TicketCategory } from '../../store/tickets/index.ts';
import type { FiguresResponse } from './schemas.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export interface FiguresRange {
  /** Inclusive local day, yyyy-mm-dd. */
  from: string;
  /** Inclusive local day, yyyy-mm-dd. */
  until: string;
}

const localDay = (time: number, zone: string) => format(new TZDate(time, zone), 'yyyy-MM-dd');

function dayStart(day: string, zone: string): number {
  const [year, month, date] = day.split('-').map(Number);
  return new TZDate(year ?? 1970, (month ?? 1) - 1, date ?? 1, zone).getTime();
}

/** The default range: the last twelve weeks up to today. */
export function defaultRange(now: Date, zone: string): FiguresRange {
  return { from: localDay(now.getTime() - 83 * DAY, zone), until: localDay(now.getTime(), zone) };
}

/** Monday 00:00 (local) of every week that touches the range, oldest first, as times. */
function weeksOf(range: FiguresRange, zone: string): number[] {
  const end = dayStart(range.until, zone);
  const weeks: number[] = [];
  let week = startOfWeek(new TZDate(dayStart(range.from, zone), zone), { weekStartsOn: 1 });
  while (week.getTime() <= end && weeks.length < 160) {
    weeks.push(week.getTime());
    week = addWeeks(week, 1);
  }
  return weeks;
}

/** Counts per week by binary search over the week starts: no calendar work per ticket. */
function perWeek(times: readonly number[], weeks: readonly number[], zone: string) {
  const counts = weeks.map(() => 0);
  const last = weeks.length - 1;
  const endOfLast = last >= 0 ? addWeeks(new TZDate(weeks[last] ?? 0, zone), 1).getTime() : 0;
  for (const time of times) {
    if (last < 0 || time < (weeks[0] ?? 0) || time >= endOfLast) continue;
    let low = 0;
    let high = last;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((weeks[mid] ?? 0) <= time) low = mid;
      else high = mid - 1;
    }
    counts[low] = (counts[low] ?? 0) + 1;
  }
  return weeks.map((week, index) => ({
    week: format(new TZDate(week, zone), 'yyyy-MM-dd'),
    count: counts[index] ?? 0,
  }));
}

/**
 * The dashboard's figures for tickets filed in the range, from officer views only (no identity
 * is needed for any figure). Targets are the configured service goals, not legal deadlines.
 */
export function computeFigures(
  config: Config,
  views: readonly OfficerTicketView[],
  unansweredTimes: readonly string[],
  range: FiguresRange,
  now: Date,
): FiguresResponse {
  const zone = config.TZ;
  const start = dayStart(range.from, zone);
  const end = dayStart(range.until, zone) + DAY;
  const inRange = (time: number) => time >= start && time < end;
  const shown = views.filter((view) => inRange(Date.parse(view.createdAt)));
  const weeks = weeksOf(range, zone);

  const parks = new Map<string, Partial<Record<TicketCategory, number>>>();
  const firstResponse: number[] = [];
  const resolution: number[] = [];
  const response = { within: 0, of: 0 };
  const resolved = { within: 0, of: 0 };
  const distribution = [0, 0, 0, 0, 0];
  for (const view of shown) {
    const key = view.parkId ?? '-';
    const row = parks.get(key) ?? {};
    row[view.category] = (row[view.category] ?? 0) + 1;
    parks.set(key, row);
    const created = Date.parse(view.createdAt);
    const target = targetFor(config, view.category);
    if (view.firstResponseAt) {
      const hours = (Date.parse(view.firstResponseAt) - created) / HOUR;
      firstResponse.push(hours);
      response.of += 1;
      if (hours <= target.responseHours) response.within += 1;
    } else if (now.getTime() - created > target.responseHours * HOUR) {
      response.of += 1;
    }
    if (view.resolvedAt) {
      const hours = (Date.parse(view.resolvedAt) - created) / HOUR;
      resolution.push(hours);
      resolved.of += 1;
      if (hours <= target.resolutionDays * 24) resolved.within += 1;
    } else if (now.getTime() - created > target.resolutionDays * DAY) {
      resolved.of += 1;
    }
    if (view.rating !== null)
      distribution[view.rating - 1] = (distribution[view.rating - 1] ?? 0) + 1;
  }
  const ratingCount = distribution.reduce((a, b) => a + b, 0);
  const ratingSum = distribution.reduce((sum, count, index) => sum + count * (index + 1), 0);
  return {
    range,
    total: shown.length,
    ticketsPerWeek: perWeek(
      shown.map((view) => Date.parse(view.createdAt)),
      weeks,
      zone,
    ),
    parkCategory: [...parks.entries()]
      .map(([parkId, byCategory]) => ({
        parkId: parkId === '-' ? null : parkId,
        byCategory,
        total: Object.values(byCategory).reduce((a, b) => a + b, 0),
      }))
      .sort((a, b) => b.total - a.total),
    medianFirstResponseHours: median(firstResponse),
    medianResolutionHours: median(resolution),
    withinTarget: { response, resolution: resolved },
    ratings: {
      count: ratingCount,
      average: ratingCount ? ratingSum / ratingCount : null,
      distribution,
    },
    unansweredPerWeek: perWeek(
      unansweredTimes.map((at) => Date.parse(at)).filter(inRange),
      weeks,
      zone,
    ),
  };
}
