import { Composer } from 'telegraf';
import { parseCode } from '../../../store/tickets/index.ts';
import { DESK_KB, onCallback } from '../../callbackData.ts';
import type { BotContext } from '../../context.ts';
import { escapeHtml } from '../../html.ts';
import { languageOfUser, translator } from '../../i18n/index.ts';
import { callbackButton } from '../../keyboard.ts';
import { sourceLine } from '../knowledge/render.ts';
import { topicTicket } from './composer.ts';
import type { DeskEnv } from './env.ts';
import { queueRelay } from './relay.ts';

const KB_HITS = 3;

/**
 * `/kb <words>` in a ticket's topic (or `/kb KN-0001 <words>` anywhere): the three best answers
 * of the knowledge base, each with a button that sends it to the filer, with its source line,
 * after the same undo window as a written reply.
 */
export function kbComposer(env: DeskEnv): Composer<BotContext> {
  const composer = new Composer<BotContext>();

  composer.command('kb', async (ctx) => {
    const text = ctx.message && 'text' in ctx.message ? ctx.message.text : '';
    const words = text
      .replace(/^\/\S+\s*/, '')
      .trim()
      .split(/\s+/)
      .filter(Boolean);
    const named = parseCode(words[0] ?? '');
    const code = named ?? topicTicket(env, ctx);
    const query = (named ? words.slice(1) : words).join(' ');
    if (!code || !query || !env.tickets.get(code)) return ctx.reply(ctx.t('desk.usage.kb'));
    const hits = env.knowledge.current.search(query, { limit: KB_HITS }).hits.slice(0, KB_HITS);
    if (hits.length === 0) return ctx.reply(ctx.t('desk.kb.none'));
    for (const [index, { entry }] of hits.entries()) {
      const data = DESK_KB.tryBuild(code, entry.id);
      const buttons = data ? [[callbackButton(ctx.t('desk.btn.sendAnswer'), data)]] : [];
      await ctx.reply(
        `${index + 1}. <b>${escapeHtml(entry.title[ctx.lang])}</b>\n${escapeHtml(entry.answer[ctx.lang])}\n${sourceLine(ctx.t, ctx.lang, entry)}`,
        { reply_markup: { inline_keyboard: buttons } },
      );
    }
  });

  onCallback(composer, DESK_KB, async (ctx, code, entryId) => {
    await ctx.answerCbQuery();
    const entry = env.knowledge.current.getEntry(entryId);
    const ticket = env.tickets.get(code);
    const message = ctx.callbackQuery.message;
    if (!entry || !ticket || !message) return ctx.reply(ctx.t('error.staleButton'));
    // In the filer's language, with the source line the filer would see from the bot itself.
    const lang = languageOfUser(env.users.get(ticket.filer.userId), env.config.DEFAULT_LANG);
    const text = `${entry.answer[lang]}\n\n${sourceLine(translator(lang), lang, entry).replace(/<[^>]+>/g, '')}`;
    await queueRelay(env, ctx, {
      code,
      kind: 'text',
      text,
      fromChatId: message.chat.id,
      messageId: message.message_id,
      entryId: entry.id,
    });
  });

  return composer;
}
