import { Composer } from 'telegraf';
import { parseCode } from '../../../store/tickets/index.ts';
import { OFFICER_TICKET, onCallback, TICKET_LIST } from '../../callbackData.ts';
import type { BotContext } from '../../context.ts';
import type { TicketEnv } from './env.ts';
import { deliverEvidence } from './evidence.ts';
import { takeTicket } from './officerActions.ts';
import { listFilterOf, listPage } from './officerList.ts';
import { beginOfficerInput } from './officerReply.ts';
import { historyText, officerButtons, officerCard } from './render.ts';

/** Text after the command, e.g. "KN-0001 thank you" for "/reply KN-0001 thank you". */
const argumentsOf = (ctx: BotContext): string => {
  const text = ctx.message && 'text' in ctx.message ? ctx.message.text : '';
  return text.replace(/^\/\S+\s*/, '').trim();
};

async function showTicket(env: TicketEnv, ctx: BotContext, rawCode: string) {
  const code = parseCode(rawCode);
  const view = code ? env.tickets.view(code) : undefined;
  if (!code || !view) {
    await ctx.reply(ctx.t('tickets.notFound', { code: rawCode.slice(0, 20) }));
    return;
  }
  await ctx.reply(
    `${officerCard(env, ctx.t, ctx.lang, view)}\n\n${historyText(env, ctx.t, view)}`,
    { reply_markup: { inline_keyboard: officerButtons(ctx.t, view) }, protect_content: true },
  );
}

/** Sends the ticket's evidence as copies of the filer's messages, which do not link to the filer. */
async function sendFiles(env: TicketEnv, ctx: BotContext, code: string) {
  const ticket = env.tickets.get(code);
  const chatId = ctx.chat?.id;
  if (!ticket || chatId === undefined) return ctx.reply(ctx.t('tickets.notFound', { code }));
  await ctx.reply(ctx.t('evidence.header', { code }));
  await deliverEvidence(env, chatId, ticket, { protect_content: true });
}

/** Officer commands and buttons; every handler checks OFFICER_IDS first. */
export function officerComposer(env: TicketEnv): Composer<BotContext> {
  const composer = new Composer<BotContext>();

  onCallback(composer, OFFICER_TICKET, async (ctx, action, code) => {
    await ctx.answerCbQuery();
    if (!env.tickets.get(code)) return ctx.reply(ctx.t('tickets.notFound', { code }));
    if (action === 'take') return takeTicket(env, ctx, code);
    if (action === 'files') return sendFiles(env, ctx, code);
    if (action === 'show') return showTicket(env, ctx, code);
    await beginOfficerInput(env, ctx, action, code);
  });

  composer.command('tickets', async (ctx) => {
    const filter = listFilterOf(argumentsOf(ctx));
    const page = listPage(env, ctx, filter, 0);
    await ctx.reply(page.text, page.extra);
  });
  onCallback(composer, TICKET_LIST, async (ctx, filter, requested) => {
    await ctx.answerCbQuery();
    const page = listPage(env, ctx, filter, requested);
    await ctx.editMessageText(page.text, page.extra).catch(() => ctx.reply(page.text, page.extra));
  });

  composer.command('ticket', async (ctx) => {
    const arg = argumentsOf(ctx);
    if (!arg) return ctx.reply(ctx.t('tickets.usage.ticket'));
    await showTicket(env, ctx, arg);
  });

  return composer;
}
