import type { OfficerTicketView } from '../../../store/tickets/index.ts';

const HOUR = 3_600_000;

export interface TicketStats {
  total: number;
  byStatus: Record<string, number>;
  byCategory: Record<string, number>;
  /** Keyed by park id; '-' for "Other / not sure". */
  byPark: Record<string, number>;
  /** Median hours from filing to the first officer response; null when none responded yet. */
  medianFirstResponseHours: number | null;
  /** Median hours from filing to resolution or rejection. */
  medianResolutionHours: number | null;
  ratings: { count: number; average: number | null };
}

/** The middle value (mean of the two middle ones for an even count); null for none. */
export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const upper = sorted[mid] ?? 0;
  return sorted.length % 2 === 1 ? upper : ((sorted[mid - 1] ?? 0) + upper) / 2;
}

const hoursBetween = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / HOUR;

/** The /stats figures, computed from officer views only (no identity needed for any of them). */
export function computeStats(views: readonly OfficerTicketView[]): TicketStats {
  const count = (record: Record<string, number>, key: string) => {
    record[key] = (record[key] ?? 0) + 1;
  };
  const stats: TicketStats = {
    total: views.length,
    byStatus: {},
    byCategory: {},
    byPark: {},
    medianFirstResponseHours: null,
    medianResolutionHours: null,
    ratings: { count: 0, average: null },
  };
  const firstResponse: number[] = [];
  const resolution: number[] = [];
  const ratings: number[] = [];
  for (const view of views) {
    count(stats.byStatus, view.status);
    count(stats.byCategory, view.category);
    count(stats.byPark, view.parkId ?? '-');
    if (view.firstResponseAt)
      firstResponse.push(hoursBetween(view.createdAt, view.firstResponseAt));
    if (view.resolvedAt) resolution.push(hoursBetween(view.createdAt, view.resolvedAt));
    if (view.rating !== null) ratings.push(view.rating);
  }
  stats.medianFirstResponseHours = median(firstResponse);
  stats.medianResolutionHours = median(resolution);
  stats.ratings = {
    count: ratings.length,
    average: ratings.length ? ratings.reduce((a, b) => a + b, 0) / ratings.length : null,
  };
  return stats;
}
