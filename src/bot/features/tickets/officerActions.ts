import { TicketNotFoundError, TicketTransitionError } from '../../../store/tickets/index.ts';
import type { BotContext } from '../../context.ts';
import { callbackButton } from '../../keyboard.ts';
import type { OfficerAction } from './dialogues.ts';
import type { TicketEnv } from './env.ts';
import { type Delivery, deliverToFiler, filerReachable } from './filerDelivery.ts';
import { sendToFiler } from './notify.ts';

export const REPLY_LIMIT = 3000;
export const NOTE_LIMIT = 1000;

/** Refuses (and changes nothing) unless the sender is in OFFICER_IDS; checked on every update. */
export async function requireOfficer(ctx: BotContext): Promise<boolean> {
  if (ctx.isOfficer) return true;
  if (ctx.callbackQuery) await ctx.answerCbQuery(ctx.t('error.notOfficer'), { show_alert: true });
  else await ctx.reply(ctx.t('error.notOfficer'));
  return false;
}

/** Runs a store change, turning "no such ticket" and refused transitions into clear replies. */
export async function guarded(ctx: BotContext, code: string, run: () => Promise<void>) {
  try {
    await run();
  } catch (error) {
    if (error instanceof TicketNotFoundError) {
      await ctx.reply(ctx.t('tickets.notFound', { code }));
    } else if (error instanceof TicketTransitionError) {
      await ctx.reply(ctx.t('tickets.badTransition', { code }));
    } else {
      throw error;
    }
  }
}

/** Takes the ticket and tells the filer it is being handled. */
export async function takeTicket(env: TicketEnv, ctx: BotContext, code: string) {
  await guarded(ctx, code, async () => {
    const ticket = await env.tickets.take(code, ctx.profile.id);
    await ctx.reply(ctx.t('tickets.officer.taken', { code }));
    await sendToFiler(env, ticket, (t) => ({ text: t('tickets.filer.inProgress', { code }) }));
  });
}

/**
 * Carries out a reply, question, resolution or rejection with the officer's text, and tells the
 * filer through the stored chat link (never by forwarding, which would expose the officer chat).
 */
export async function performOfficerAction(
  env: TicketEnv,
  ctx: BotContext,
  action: OfficerAction,
  code: string,
  text: string,
): Promise<void> {
  const limit = action === 'reply' || action === 'ask' ? REPLY_LIMIT : NOTE_LIMIT;
  if (text.length > limit) {
    await ctx.reply(ctx.t('tickets.tooLong', { limit, length: text.length }));
    return;
  }
  await guarded(ctx, code, async () => {
    const officerId = ctx.profile.id;
    const current = env.tickets.get(code);
    if (!current) throw new TicketNotFoundError(code);
    if ((action === 'reply' || action === 'ask') && !filerReachable(current)) {
      await env.tickets.noteUndelivered(code, officerId, `${action}: erased`);
      await ctx.reply(ctx.t('reply.erased', { code }));
      return;
    }
    const addInfo = (label: string) => ({
      reply_markup: { inline_keyboard: [[callbackButton(label, `tf:info:${code}`)]] },
    });
    let delivery: Delivery;
    if (action === 'reply' || action === 'ask') {
      const ticket = await env.tickets.respond(code, officerId, action, text);
      delivery = await deliverToFiler(env, ticket, (t) => ({
        text: t(action === 'reply' ? 'tickets.filer.reply' : 'tickets.filer.question', {
          code,
          text,
        }),
        extra: addInfo(t('tickets.btn.addInfo')),
      }));
    } else if (action === 'resolve') {
      const ticket = await env.tickets.transition(code, 'resolved', officerId, text);
      delivery = await deliverToFiler(env, ticket, (t) => ({
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
    } else {
      const ticket = await env.tickets.transition(code, 'rejected', officerId, text);
      delivery = await deliverToFiler(env, ticket, (t) => ({
        text: t('tickets.filer.rejected', { code, note: text }),
      }));
    }
    if (delivery === 'sent') {
      await ctx.reply(ctx.t('tickets.officer.done', { code }));
      return;
    }
    await env.tickets.noteUndelivered(code, officerId, `${action}: ${delivery}`);
    await ctx.reply(ctx.t(`reply.${delivery}`, { code }));
  });
}
