import type { Actor } from '../../../store/tickets/index.ts';
import type { TicketEnv } from '../tickets/env.ts';
import { isOpen } from '../tickets/thread.ts';

/**
 * Assignment as a service with no Telegram in it, so the officers' dashboard can call the same
 * rules: who may own a ticket, handing it on, and returning the tickets of removed officers.
 */

/** An officer's display name: first name and @username when known, else the id. */
export function officerName(env: Pick<TicketEnv, 'users'>, officerId: number): string {
  const user = env.users.get(officerId);
  if (!user) return `#${officerId}`;
  return user.username ? `${user.firstName} (@${user.username})` : user.firstName;
}

/** Reads `12345`, `@username` or a first name as one of OFFICER_IDS; undefined if none or ambiguous. */
export function resolveOfficer(
  env: Pick<TicketEnv, 'users' | 'config'>,
  raw: string,
): number | undefined {
  const wanted = raw.trim().replace(/^@/, '').toLowerCase();
  if (!wanted) return undefined;
  const officers = env.config.OFFICER_IDS;
  if (/^\d+$/.test(wanted)) return officers.find((id) => String(id) === wanted);
  const matches = officers.filter((id) => {
    const user = env.users.get(id);
    return (
      user !== undefined &&
      (user.username?.toLowerCase() === wanted || user.firstName.toLowerCase() === wanted)
    );
  });
  return matches.length === 1 ? matches[0] : undefined;
}

/** Open tickets an officer owns, for routing by load and for /tickets mine. */
export function openCountOf(env: Pick<TicketEnv, 'tickets'>, officerId: number): number {
  return env.tickets
    .list()
    .filter(
      (view) =>
        view.assignee === officerId && (view.status === 'new' || view.status === 'in_progress'),
    ).length;
}

export type AssignOutcome = 'assigned' | 'notOfficer' | 'closed' | 'same';

/** Hands an open ticket to an officer in OFFICER_IDS (or back to the queue with null). */
export async function assignTicket(
  env: Pick<TicketEnv, 'tickets' | 'config'>,
  code: string,
  officerId: number | null,
  by: Actor,
): Promise<AssignOutcome> {
  const ticket = env.tickets.get(code);
  if (!ticket || !isOpen(ticket)) return 'closed';
  if (officerId !== null && !env.config.OFFICER_IDS.includes(officerId)) return 'notOfficer';
  if (ticket.assignee === officerId) return 'same';
  await env.tickets.assign(code, officerId, by);
  return 'assigned';
}

/**
 * Open tickets owned by someone no longer in OFFICER_IDS go back to the queue (owner cleared,
 * recorded as the system's doing); returns their codes for the notice to the group.
 */
export async function returnOrphanedTickets(
  env: Pick<TicketEnv, 'tickets' | 'config'>,
): Promise<string[]> {
  const orphans = env.tickets
    .list()
    .filter(
      (view) =>
        (view.status === 'new' || view.status === 'in_progress') &&
        view.assignee !== null &&
        !env.config.OFFICER_IDS.includes(view.assignee),
    );
  for (const view of orphans) await env.tickets.assign(view.code, null, 'system');
  return orphans.map((view) => view.code);
}
