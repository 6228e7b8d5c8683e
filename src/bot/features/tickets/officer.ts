import { Composer } from 'telegraf';
import { message } from 'telegraf/filters';
import { parseCode } from '../../../store/tickets/index.ts';
import type { BotContext } from '../../context.ts';
import type { OfficerAction } from './dialogues.ts';
import type { TicketEnv } from './env.ts';
import { performOfficerAction, requireOfficer, takeTicket } from './officerActions.ts';
import { type ListFilter, listFilterOf, listPage } from './officerList.ts';
import { historyText, officerButtons, officerCard } from './render.ts';

const CODE = '((?:KN|HT)-\\d{4,})';

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
    { reply_markup: { inline_keyboard: officerButtons(ctx.t, view) } },
  );
}

/** Re-sends the ticket's photos and documents by their Telegram file ids. */
async function sendFiles(env: TicketEnv, ctx: BotContext, code: string) {
  const view = env.tickets.view(code);
  if (!view) return ctx.reply(ctx.t('tickets.notFound', { code }));
  const caption = `#${code}`;
  for (const file of view.attachments) {
    if (file.kind === 'photo') await ctx.replyWithPhoto(file.fileId, { caption });
    else await ctx.replyWithDocument(file.fileId, { caption });
  }
}

/** Officer commands and buttons; every handler checks OFFICER_IDS first. */
export function officerComposer(env: TicketEnv): Composer<BotContext> {
  const composer = new Composer<BotContext>();

  composer.action(
    new RegExp(`^tk:(take|reply|ask|resolve|reject|files|show):${CODE}$`),
    async (ctx) => {
      if (!(await requireOfficer(ctx))) return;
      await ctx.answerCbQuery();
      const [, action = '', code = ''] = ctx.match;
      if (!env.tickets.get(code)) return ctx.reply(ctx.t('tickets.notFound', { code }));
      if (action === 'take') return takeTicket(env, ctx, code);
      if (action === 'files') return sendFiles(env, ctx, code);
      if (action === 'show') return showTicket(env, ctx, code);
      const officerAction = action as OfficerAction;
      ctx.session.dialogue = { kind: 'ticket_officer', action: officerAction, code };
      await ctx.saveSession();
      await ctx.reply(ctx.t(`tickets.officer.prompt.${officerAction}`, { code }));
    },
  );

  composer.command('tickets', async (ctx) => {
    if (!(await requireOfficer(ctx))) return;
    const filter = listFilterOf(argumentsOf(ctx));
    const page = listPage(env, ctx, filter, 0);
    await ctx.reply(page.text, page.extra);
  });
  composer.action(/^tl:(open|mine|overdue|all):(\d{1,5})$/, async (ctx) => {
    if (!(await requireOfficer(ctx))) return;
    await ctx.answerCbQuery();
    const page = listPage(env, ctx, ctx.match[1] as ListFilter, Number(ctx.match[2]));
    await ctx.editMessageText(page.text, page.extra).catch(() => ctx.reply(page.text, page.extra));
  });

  composer.command('ticket', async (ctx) => {
    if (!(await requireOfficer(ctx))) return;
    const arg = argumentsOf(ctx);
    if (!arg) return ctx.reply(ctx.t('tickets.usage.ticket'));
    await showTicket(env, ctx, arg);
  });

  for (const action of ['reply', 'ask'] as const) {
    composer.command(action, async (ctx) => {
      if (!(await requireOfficer(ctx))) return;
      const [rawCode = '', ...words] = argumentsOf(ctx).split(/\s+/);
      const code = parseCode(rawCode);
      const text = words.join(' ').trim();
      if (!code || !text) return ctx.reply(ctx.t(`tickets.usage.${action}`));
      await performOfficerAction(env, ctx, action, code, text);
    });
  }

  composer.on(message('text'), async (ctx, next) => {
    const dialogue = ctx.session.dialogue;
    if (dialogue.kind !== 'ticket_officer' || ctx.message.text.startsWith('/')) return next();
    if (!(await requireOfficer(ctx))) return;
    ctx.session.dialogue = { kind: 'idle' };
    await ctx.saveSession();
    await performOfficerAction(env, ctx, dialogue.action, dialogue.code, ctx.message.text.trim());
  });

  return composer;
}
