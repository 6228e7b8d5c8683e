import { TicketNotFoundError, TicketTransitionError } from '../../../store/tickets/index.ts';
import type { OfficerAction } from './dialogues.ts';
import type { TicketEnv } from './env.ts';
import { type Delivery, filerReachable } from './filerDelivery.ts';
import { toFiler } from './noticeTargets.ts';

export const REPLY_LIMIT = 3000;
export const NOTE_LIMIT = 1000;

/** What became of an officer's action; the bot and the dashboard each word it for their reader. */
export type ActionOutcome =
  | { kind: 'done' }
  | { kind: 'undelivered'; delivery: Exclude<Delivery, 'sent'> }
  | { kind: 'tooLong'; limit: number; length: number }
  | { kind: 'notFound' }
  | { kind: 'badTransition' };

/** Turns "no such ticket" and refused transitions into outcomes; anything else is a real failure. */
async function refusals(run: () => Promise<ActionOutcome>): Promise<ActionOutcome> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof TicketNotFoundError) return { kind: 'notFound' };
    if (error instanceof TicketTransitionError) return { kind: 'badTransition' };
    throw error;
  }
}

/**
 * Takes the ticket for `officerId`; the filer's "being handled" notice is written with it and
 * delivered by the outbox. `key` (the update, for the bot) makes a repeat change nothing.
 */
export function takeTicketAs(env: TicketEnv, officerId: number, code: string, key?: string) {
  return refusals(async () => {
    await env.tickets.take(code, officerId, {
      ...(key !== undefined && { key }),
      notify: [toFiler({ event: 'taken' })],
    });
    env.wakeOutbox();
    return { kind: 'done' };
  });
}

/**
 * Carries out a reply, question, resolution or rejection with the officer's text. The change and
 * the filer's notice are one write; the outbox delivers the notice after it, through the stored
 * chat link (never by forwarding, which would expose the officer chat). The one implementation
 * behind both the bot's buttons and the dashboard's API.
 */
export function carryOutOfficerAction(
  env: TicketEnv,
  officerId: number,
  action: OfficerAction,
  code: string,
  text: string,
  key?: string,
): Promise<ActionOutcome> {
  const limit = action === 'reply' || action === 'ask' ? REPLY_LIMIT : NOTE_LIMIT;
  if (text.length > limit) return Promise.resolve({ kind: 'tooLong', limit, length: text.length });
  return refusals(async () => {
    const current = env.tickets.get(code);
    if (!current) throw new TicketNotFoundError(code);
    if ((action === 'reply' || action === 'ask') && !filerReachable(current)) {
      await env.tickets.noteUndelivered(code, officerId, `${action}: erased`);
      return { kind: 'undelivered', delivery: 'erased' };
    }
    const options = key !== undefined ? { key } : {};
    if (action === 'reply' || action === 'ask') {
      await env.tickets.respond(code, officerId, action, text, {
        ...options,
        notify: [toFiler({ event: action, note: text })],
      });
    } else {
      const status = action === 'resolve' ? 'resolved' : 'rejected';
      await env.tickets.transition(code, status, officerId, text, {
        ...options,
        notify: [toFiler({ event: status, note: text })],
      });
    }
    env.wakeOutbox();
    if (env.users.get(current.filer.userId)?.active === false) {
      // Telegram refused the last message to this filer: the officer must not think they know.
      await env.tickets.noteUndelivered(code, officerId, `${action}: blocked`);
      return { kind: 'undelivered', delivery: 'blocked' };
    }
    return { kind: 'done' };
  });
}
