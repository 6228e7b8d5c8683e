import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import type { Config } from '../../../config.ts';
import {
  addWorkingTime,
  type WorkingCalendar,
  workingDayMs,
} from '../../../scheduling/workingTime.ts';
import type { OfficerTicketView, TicketCategory } from '../../../store/tickets/index.ts';
import { workingCalendar } from './calendar.ts';

export const HOUR = 3_600_000;

export interface Target {
  responseHours: number;
  resolutionDays: number;
}

/** Response and resolution targets (service goals, not legal deadlines) for a category. */
export function targetFor(config: Config, category: TicketCategory): Target {
  return (
    config.TICKET_TARGETS[category] ?? {
      responseHours: config.TICKET_RESPONSE_HOURS,
      resolutionDays: config.TICKET_RESOLUTION_DAYS,
    }
  );
}

/** When the response and resolution targets fall, counting working time only. */
export function targetDue(
  config: Config,
  calendar: WorkingCalendar,
  ticket: Pick<OfficerTicketView, 'category' | 'createdAt'>,
): { response: Date; resolution: Date } {
  const target = targetFor(config, ticket.category);
  const filed = new Date(ticket.createdAt);
  return {
    response: addWorkingTime(filed, target.responseHours * HOUR, calendar),
    resolution: addWorkingTime(filed, target.resolutionDays * workingDayMs(calendar), calendar),
  };
}

/**
 * Overdue: no first response by the response target, or still open past the resolution target,
 * both counted in working time (nights, weekends and holidays excluded).
 */
export function isOverdue(
  config: Config,
  ticket: Pick<OfficerTicketView, 'category' | 'status' | 'createdAt' | 'firstResponseAt'>,
  now: Date,
  calendar: WorkingCalendar = workingCalendar(config),
): boolean {
  if (ticket.status !== 'new' && ticket.status !== 'in_progress') return false;
  const due = targetDue(config, calendar, ticket);
  if (ticket.firstResponseAt === null && now > due.response) return true;
  return now > due.resolution;
}

/**
 * The share of tickets that met their targets: first responses given by the response target
 * (among tickets answered), and resolutions by the resolution target (among those resolved).
 */
export function withinTargetShares(
  config: Config,
  calendar: WorkingCalendar,
  views: readonly OfficerTicketView[],
): { response: number | null; resolution: number | null } {
  let answered = 0;
  let answeredInTime = 0;
  let resolved = 0;
  let resolvedInTime = 0;
  for (const view of views) {
    const due = targetDue(config, calendar, view);
    if (view.firstResponseAt !== null) {
      answered += 1;
      if (new Date(view.firstResponseAt) <= due.response) answeredInTime += 1;
    }
    if (view.resolvedAt !== null) {
      resolved += 1;
      if (new Date(view.resolvedAt) <= due.resolution) resolvedInTime += 1;
    }
  }
  return {
    response: answered === 0 ? null : answeredInTime / answered,
    resolution: resolved === 0 ? null : resolvedInTime / resolved,
  };
}

/** A stored ISO time as local `dd/MM/yyyy HH:mm` in the board's time zone. */
export function localTime(iso: string | null, zone: string): string {
  if (iso === null) return '';
  return format(new TZDate(Date.parse(iso), zone), 'dd/MM/yyyy HH:mm');
}
