import { Composer } from 'telegraf';
import type { Ticket } from '../../../store/tickets/index.ts';
import { FILER_ACTION, narrow, onCallback, RATING } from '../../callbackData.ts';
import type { BotContext } from '../../context.ts';
import { clearButtons } from '../../keyboard.ts';
import type { TicketEnv } from './env.ts';
import { ratingKeyboard } from './keyboards.ts';
import { toOfficers } from './noticeTargets.ts';
import { sendToOfficers } from './notify.ts';
import { changeKey, guarded } from './officerActions.ts';
import { isOpen } from './thread.ts';

const DAY = 86_400_000;

/** The filer's own ticket, or null (with a reply) when it is not theirs: buttons can be forged. */
async function ownTicket(env: TicketEnv, ctx: BotContext, code: string): Promise<Ticket | null> {
  const ticket = env.tickets.get(code);
  if (ticket && ticket.filer.userId === ctx.profile.id) return ticket;
  await ctx.answerCbQuery(ctx.t('tickets.notYours'), { show_alert: true });
  return null;
}

/** /mytickets, adding information, confirming or reopening a resolution, and rating. */
export function filerComposer(env: TicketEnv): Composer<BotContext> {
  const composer = new Composer<BotContext>();

  onCallback(
    composer,
    narrow(FILER_ACTION, 'info', 'confirm', 'reopen'),
    async (ctx, action, code) => {
      const ticket = await ownTicket(env, ctx, code);
      if (!ticket) return;
      await ctx.answerCbQuery();
      if (action === 'info') {
        if (!isOpen(ticket)) return ctx.reply(ctx.t('tickets.notOpen', { code }));
        ctx.session.dialogue = { kind: 'ticket_info', code };
        await ctx.saveSession();
        return ctx.reply(ctx.t('tickets.info.ask', { code }));
      }
      await clearButtons(ctx);
      if (action === 'confirm') {
        return guarded(ctx, code, async () => {
          await env.tickets.transition(code, 'closed', 'filer', undefined, { key: changeKey(ctx) });
          await ctx.reply(ctx.t('tickets.confirmed', { code }));
          await ctx.reply(ctx.t('tickets.rate.ask', { code }), ratingKeyboard(code));
        });
      }
      const resolvedAt = ticket.resolvedAt ? Date.parse(ticket.resolvedAt) : 0;
      if (env.now().getTime() - resolvedAt > env.config.TICKET_AUTOCLOSE_DAYS * DAY) {
        return ctx.reply(ctx.t('tickets.reopenTooLate', { code }));
      }
      await guarded(ctx, code, async () => {
        // A ticket with a topic in the officers' forum is told there; otherwise through the outbox.
        const inTopic = env.desk?.threadOf(code) !== undefined;
        await env.tickets.transition(code, 'in_progress', 'filer', undefined, {
          key: changeKey(ctx),
          ...(inTopic ? {} : { notify: [toOfficers(env, { event: 'reopened' })] }),
        });
        env.wakeOutbox();
        await ctx.reply(ctx.t('tickets.reopened', { code }));
        if (inTopic) {
          await sendToOfficers(
            env,
            (t) => ({ text: t('tickets.notice.reopened', { code }) }),
            env.telegram,
            { code },
          );
        }
      });
    },
  );

  onCallback(composer, RATING, async (ctx, code, rating) => {
    const ticket = await ownTicket(env, ctx, code);
    if (!ticket) return;
    await ctx.answerCbQuery();
    if (ticket.status !== 'closed' || ticket.rating !== null) {
      return ctx.reply(ctx.t('tickets.rate.notNow', { code }));
    }
    await env.tickets.rate(code, rating);
    await clearButtons(ctx);
    await ctx.reply(ctx.t('tickets.rate.thanks'));
    await sendToOfficers(
      env,
      (t) => ({ text: t('desk.notice.rated', { code, rating }) }),
      env.telegram,
      { code, topicOnly: true },
    );
  });

  return composer;
}
