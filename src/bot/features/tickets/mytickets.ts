import { Composer } from 'telegraf';
import type { InlineKeyboardButton } from 'telegraf/types';
import type { Ticket } from '../../../store/tickets/index.ts';
import { FILER_ACTION, narrow, onCallback } from '../../callbackData.ts';
import type { BotContext } from '../../context.ts';
import { escapeHtml } from '../../html.ts';
import { callbackButton, rows } from '../../keyboard.ts';
import type { TicketEnv } from './env.ts';
import { deliverEvidence } from './evidence.ts';
import { ratingKeyboard } from './keyboards.ts';
import { categoryLabel, statusLabel } from './labels.ts';
import { filerLine } from './render.ts';
import { localTime } from './targets.ts';
import { awaitsFiler, isOpen } from './thread.ts';

type Button = InlineKeyboardButton.CallbackButton;

/** The whole conversation of one ticket as the filer may read it: their words, officers' replies. */
export function threadText(env: TicketEnv, ctx: BotContext, ticket: Ticket): string {
  const at = (iso: string) => localTime(iso, env.config.TZ);
  const lines = [
    ctx.t('thread.title', {
      code: ticket.code,
      category: categoryLabel(ctx.t, ticket.category),
      status: statusLabel(ctx.t, ticket.status),
    }),
    '',
    ctx.t('thread.you', { at: at(ticket.createdAt) }),
    escapeHtml(ticket.description),
  ];
  for (const entry of ticket.history) {
    const note = entry.note ? escapeHtml(entry.note) : '';
    if (entry.action === 'reply' || entry.action === 'ask') {
      const key = entry.action === 'reply' ? 'thread.officer' : 'thread.officerAsks';
      lines.push('', ctx.t(key, { at: at(entry.at) }), note);
    } else if (entry.action === 'info') {
      lines.push('', ctx.t('thread.you', { at: at(entry.at) }), note);
    } else if (entry.action === 'status' && entry.status) {
      lines.push(
        '',
        ctx.t('thread.statusLine', { status: statusLabel(ctx.t, entry.status), at: at(entry.at) }),
      );
      if (note) lines.push(note);
    }
  }
  if (ticket.attachments.length > 0) {
    lines.push('', ctx.t('thread.files', { count: ticket.attachments.length }));
  }
  if (awaitsFiler(ticket)) lines.push('', ctx.t('thread.waiting'));
  return lines.join('\n');
}

/** The actions that apply to the ticket now: add information, confirm, reopen, rate, files. */
export function threadButtons(ctx: BotContext, ticket: Ticket): Button[][] {
  const { code } = ticket;
  const buttons: Button[] = [];
  if (isOpen(ticket))
    buttons.push(callbackButton(ctx.t('tickets.btn.addInfo'), FILER_ACTION.build('info', code)));
  if (ticket.status === 'resolved' || ticket.status === 'rejected') {
    buttons.push(
      callbackButton(ctx.t('tickets.btn.confirmResolution'), FILER_ACTION.build('confirm', code)),
    );
    buttons.push(callbackButton(ctx.t('tickets.btn.reopen'), FILER_ACTION.build('reopen', code)));
  }
  if (ticket.status === 'closed' && ticket.rating === null) {
    buttons.push(callbackButton(ctx.t('thread.btn.rate'), FILER_ACTION.build('rated', code)));
  }
  if (ticket.attachments.length > 0) {
    buttons.push(callbackButton(ctx.t('thread.btn.files'), FILER_ACTION.build('files', code)));
  }
  return rows(buttons, 2);
}

/** /mytickets: the filer's tickets, each opening as a readable thread with its actions. */
export function myTicketsComposer(env: TicketEnv) {
  const composer = new Composer<BotContext>();

  composer.command('mytickets', async (ctx) => {
    const mine = env.tickets.byFiler(ctx.profile.id).slice(0, 20);
    if (mine.length === 0) return ctx.reply(ctx.t('tickets.mine.empty'));
    const text = [ctx.t('tickets.mine.title'), ...mine.map((t) => filerLine(ctx.t, t))].join('\n');
    const buttons = mine.map((ticket) =>
      callbackButton(
        ctx.t('thread.btn.view', { code: ticket.code }),
        FILER_ACTION.build('view', ticket.code),
      ),
    );
    await ctx.reply(`${text}\n\n${ctx.t('mine.pick')}`, {
      reply_markup: { inline_keyboard: rows(buttons, 2) },
    });
  });

  const own = async (ctx: BotContext, code: string) => {
    const ticket = env.tickets.get(code);
    if (ticket && ticket.filer.userId === ctx.profile.id) return ticket;
    await ctx.answerCbQuery(ctx.t('tickets.notYours'), { show_alert: true });
    return undefined;
  };

  onCallback(composer, narrow(FILER_ACTION, 'view', 'files', 'rated'), async (ctx, verb, code) => {
    const ticket = await own(ctx, code);
    if (!ticket) return;
    await ctx.answerCbQuery();
    if (verb === 'files') {
      const chatId = ctx.chat?.id;
      if (chatId !== undefined) await deliverEvidence(env, chatId, ticket);
      return;
    }
    if (verb === 'rated') {
      if (ticket.status !== 'closed' || ticket.rating !== null) {
        return ctx.reply(ctx.t('tickets.rate.notNow', { code: ticket.code }));
      }
      return ctx.reply(
        ctx.t('tickets.rate.ask', { code: ticket.code }),
        ratingKeyboard(ticket.code),
      );
    }
    await ctx.reply(threadText(env, ctx, ticket), {
      reply_markup: { inline_keyboard: threadButtons(ctx, ticket) },
    });
  });

  return composer;
}
