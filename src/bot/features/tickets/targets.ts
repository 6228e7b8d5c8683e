import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import type { Config } from '../../../config.ts';
import type { OfficerTicketView, TicketCategory } from '../../../store/tickets/index.ts';

const HOUR = 3_600_000;

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

/** Overdue: no first response within the response target, or still open past the resolution target. */
export function isOverdue(
  config: Config,
  ticket: Pick<OfficerTicketView, 'category' | 'status' | 'createdAt' | 'firstResponseAt'>,
  now: Date,
): boolean {
  if (ticket.status !== 'new' && ticket.status !== 'in_progress') return false;
  const target = targetFor(config, ticket.category);
  const age = now.getTime() - Date.parse(ticket.createdAt);
  if (ticket.firstResponseAt === null && age > target.responseHours * HOUR) return true;
  return age > target.resolutionDays * 24 * HOUR;
}

/** A stored ISO time as local `dd/MM/yyyy HH:mm` in the board's time zone. */
export function localTime(iso: string | null, zone: string): string {
  if (iso === null) return '';
  return format(new TZDate(Date.parse(iso), zone), 'dd/MM/yyyy HH:mm');
}
