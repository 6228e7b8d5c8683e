import { TZDate } from '@date-fns/tz';
import { addDays } from 'date-fns';
import type { Ticket } from '../../../store/tickets/index.ts';
import type { BackgroundService } from '../../app.ts';
import type { TicketEnv } from './env.ts';
import { ratingKeyboard } from './filer.ts';
import { safeReason, sendToFiler, sendToOfficers } from './notify.ts';
import { filterTickets } from './officerList.ts';
import { officerLine } from './render.ts';

export const DIGEST_HOUR = 8;
const AUTO_CLOSE_EVERY_MS = 3_600_000;
/** setTimeout cannot wait longer than about 24.8 days; a digest is never that far anyway. */
const MAX_TIMER_MS = 2_147_000_000;

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

/** Sends officers the new and overdue tickets (codes and categories only). */
export async function sendDigest(env: TicketEnv): Promise<void> {
  const fresh = env.tickets.list().filter((view) => view.status === 'new');
  const overdue = filterTickets(env, 'overdue', 0);
  await sendToOfficers(env, (t) => ({
    text: [
      t('tickets.digest.title'),
      t('tickets.digest.new', { count: fresh.length }),
      ...fresh.slice(0, 30).map((view) => officerLine(env, t, view)),
      t('tickets.digest.overdue', { count: overdue.length }),
      ...overdue.slice(0, 30).map((view) => officerLine(env, t, view)),
      t('tickets.digest.footer'),
    ].join('\n'),
  }));
}

/** Closes resolutions the filer left unconfirmed for TICKET_AUTOCLOSE_DAYS and asks for a rating. */
export async function autoCloseResolved(env: TicketEnv): Promise<string[]> {
  const days = env.config.TICKET_AUTOCLOSE_DAYS;
  const before = new Date(env.now().getTime() - days * 86_400_000);
  const codes = await env.tickets.autoClose(before);
  for (const code of codes) {
    const ticket: Ticket | undefined = env.tickets.get(code);
    if (!ticket) continue;
    await sendToFiler(env, ticket, (t) => ({
      text: `${t('tickets.filer.autoClosed', { code, days })}\n${t('tickets.rate.ask', { code })}`,
      extra: ratingKeyboard(code),
    }));
  }
  if (codes.length > 0) env.logger.info({ count: codes.length }, 'tickets auto-closed');
  return codes;
}

/** The morning digest (Mon–Fri 08:00, config.TZ) and the hourly auto-close, beside the update loop. */
export function ticketDigestService(env: TicketEnv): BackgroundService {
  let digestTimer: NodeJS.Timeout | undefined;
  let closeTimer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> = Promise.resolve();
  let stopped = true;
  const run = (job: () => Promise<unknown>, what: string) => {
    running = running
      .then(job)
      .catch((error: unknown) =>
        env.logger.error({ reason: safeReason(error) }, `ticket ${what} failed`),
      );
    return running;
  };
  let lastDue = 0;
  const scheduleDigest = () => {
    if (stopped) return;
    // From the last due time too, so a timer firing a little early cannot send twice.
    const from = new Date(Math.max(env.now().getTime(), lastDue));
    const due = nextDigestAt(from, env.config.TZ).getTime();
    lastDue = due;
    const wait = due - env.now().getTime();
    digestTimer = setTimeout(
      () => {
        void run(() => sendDigest(env), 'digest').then(scheduleDigest);
      },
      Math.min(Math.max(wait, 1000), MAX_TIMER_MS),
    );
    digestTimer.unref();
  };
  return {
    name: 'ticket-digest',
    start() {
      stopped = false;
      scheduleDigest();
      void run(() => autoCloseResolved(env), 'auto-close');
      closeTimer = setInterval(
        () => void run(() => autoCloseResolved(env), 'auto-close'),
        AUTO_CLOSE_EVERY_MS,
      );
      closeTimer.unref();
    },
    async stop() {
      stopped = true;
      clearTimeout(digestTimer);
      clearInterval(closeTimer);
      await running;
      await env.tickets.flush();
    },
  };
}
