import { TZDate } from '@date-fns/tz';
import { addDays } from 'date-fns';
import { type BackgroundService, timerService } from '../../../lifecycle.ts';
import type { Translate } from '../../i18n/index.ts';
import type { TicketEnv } from './env.ts';
import { toFiler } from './noticeTargets.ts';
import { officerChats } from './notify.ts';
import { filterTickets } from './officerList.ts';
import { officerLine } from './render.ts';

export const DIGEST_HOUR = 8;
const AUTO_CLOSE_EVERY_MS = 3_600_000;

/** The next working day (Mon–Fri) at 08:00 in `zone`, strictly after `now`. */
export function nextDigestAt(now: Date, zone: string): Date {
  const local = new TZDate(now.getTime(), zone);
  let candidate = new TZDate(
    local.getFullYear(),
    local.getMonth(),
    local.getDate(),
    DIGEST_HOUR,
    0,
    0,
    zone,
  );
  for (;;) {
    const day = candidate.getDay();
    if (candidate.getTime() > now.getTime() && day !== 0 && day !== 6) {
      return new Date(candidate.getTime());
    }
    const next = addDays(candidate, 1);
    candidate = new TZDate(
      next.getFullYear(),
      next.getMonth(),
      next.getDate(),
      DIGEST_HOUR,
      0,
      0,
      zone,
    );
  }
}

/** The digest as an officer reads it: new and overdue tickets, codes and categories only. */
export function digestText(env: TicketEnv, t: Translate): string {
  const fresh = env.tickets.list().filter((view) => view.status === 'new');
  const overdue = filterTickets(env, 'overdue', 0);
  return [
    t('tickets.digest.title'),
    t('tickets.digest.new', { count: fresh.length }),
    ...fresh.slice(0, 30).map((view) => officerLine(env, t, view)),
    t('tickets.digest.overdue', { count: overdue.length }),
    ...overdue.slice(0, 30).map((view) => officerLine(env, t, view)),
    t('tickets.digest.footer'),
  ].join('\n');
}

/**
 * Queues today's digest for every officer chat (once per local day, however often the timer
 * fires); the ticket notice worker delivers it, with the figures as they are when it is sent.
 */
export async function sendDigest(env: TicketEnv): Promise<void> {
  const day = new Intl.DateTimeFormat('en-CA', { timeZone: env.config.TZ }).format(env.now());
  await env.tickets.digests.queue(`digest-${day}`, officerChats(env), env.now().toISOString());
  env.wakeOutbox();
}

/** Closes resolutions the filer left unconfirmed for TICKET_AUTOCLOSE_DAYS and asks for a rating. */
export async function autoCloseResolved(env: TicketEnv): Promise<string[]> {
  const days = env.config.TICKET_AUTOCLOSE_DAYS;
  const before = new Date(env.now().getTime() - days * 86_400_000);
  const codes = await env.tickets.autoClose(before, [toFiler({ event: 'autoClosed' })]);
  if (codes.length > 0) env.wakeOutbox();
  if (codes.length > 0) env.logger.info({ count: codes.length }, 'tickets auto-closed');
  return codes;
}

/**
 * The morning digest (Mon–Fri 08:00, config.TZ) and the hourly auto-close, beside the update loop.
 * Their failures are logged by name and message only: a Bot API error carries ticket text.
 */
export function ticketDigestServices(env: TicketEnv): BackgroundService[] {
  let lastDue = 0;
  const digest = timerService({
    name: 'ticket digest',
    next: () => {
      // From the last due time too, so a timer firing a little early cannot send twice.
      const from = new Date(Math.max(env.now().getTime(), lastDue));
      lastDue = nextDigestAt(from, env.config.TZ).getTime();
      return Math.max(lastDue - env.now().getTime(), 1000);
    },
    run: () => sendDigest(env),
    logger: env.logger,
  });
  const autoClose = timerService({
    name: 'ticket auto-close',
    runAtStart: true,
    next: () => AUTO_CLOSE_EVERY_MS,
    run: () => autoCloseResolved(env),
    logger: env.logger,
  });
  return [digest, autoClose];
}
