import {
  type Ticket,
  TicketNotFoundError,
  TicketTransitionError,
} from '../../../store/tickets/index.ts';
import { callbackButton } from '../../keyboard.ts';
import type { OfficerAction } from './dialogues.ts';
import type { TicketEnv } from './env.ts';
import { type Delivery, deliverToFiler, filerReachable } from './filerDelivery.ts';
import { sendToFiler } from './notify.ts';

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

/** Takes the ticket for `officerId` and tells the filer it is being handled. */
export function takeTicketAs(env: TicketEnv, officerId: number, code: string) {
  return refusals(async () => {
    const ticket = await env.tickets.take(code, officerId);
    await sendToFiler(env, ticket, (t) => ({ text: t('tickets.filer.inProgress', { code }) }));
    return { kind: 'done' };
  });
}

async function deliverAction(
  env: TicketEnv,
  officerId: number,
  action: OfficerAction,
  code: string,
  text: string,
): Promise<Delivery> {
  const addInfo = (label: string) => ({
    reply_markup: { inline_keyboard: [[callbackButton(label, `tf:info:${code}`)]] },
  });
  if (action === 'reply' || action === 'ask') {
    const ticket = await env.tickets.respond(code, officerId, action, text);
    return deliverToFiler(env, ticket, (t) => ({
      text: t(action === 'reply' ? 'tickets.filer.reply' : 'tickets.filer.question', {
        code,
        text,
      }),
      extra: addInfo(t('tickets.btn.addInfo')),
    }));
  }
  if (action === 'resolve') {
    const ticket = await env.tickets.transition(code, 'resolved', officerId, text);
    return deliverToFiler(env, ticket, (t) => ({
      text: t('tickets.filer.resolved', {
        code,
        note: text,
        days: env.config.TICKET_AUTOCLOSE_DAYS,
      }),
      extra: {
        reply_markup: {
          inline_keyboard: [
            [
              callbackButton(t('tickets.btn.confirmResolution'), `tf:confirm:${code}`),
              callbackButton(t('tickets.btn.reopen'), `tf:reopen:${code}`),
            ],
          ],
        },
      },
    }));
  }
  const ticket: Ticket = await env.tickets.transition(code, 'rejected', officerId, text);
  return deliverToFiler(env, ticket, (t) => ({
    text: t('tickets.filer.rejected', { code, note: text }),
  }));
}

/**
 * Carries out a reply, question, resolution or rejection with the officer's text and tells the
 * filer through the stored chat link (never by forwarding, which would expose the officer chat).
 * The one implementation behind both the bot's buttons and the dashboard's API.
 */
export function carryOutOfficerAction(
  env: TicketEnv,
  officerId: number,
  action: OfficerAction,
  code: string,
  text: string,
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
    const delivery = await deliverAction(env, officerId, action, code, text);
    if (delivery === 'sent') return { kind: 'done' };
    await env.tickets.noteUndelivered(code, officerId, `${action}: ${delivery}`);
    return { kind: 'undelivered', delivery };
  });
}
