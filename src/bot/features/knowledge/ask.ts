import { Composer } from 'telegraf';
import type { Entry } from '../../../knowledge/index.ts';
import type { LiveKnowledge } from '../../../knowledge/live.ts';
import type { FeedbackRepository } from '../../../store/index.ts';
import type { BotContext } from '../../context.ts';
import { readsAsQuestion } from '../../dialogueStep.ts';
import { answerKeyboard, noAnswerKeyboard, renderAnswer, renderExcerpt } from './render.ts';

/** Longer questions are searched on their start; nobody types a 1,000-word question. */
const MAX_QUERY_LENGTH = 500;

/**
 * Any text that is not a command and not part of a dialogue is a question: the best answer with
 * its source, or an honest "I don't know" with a way forward. Questions with no answer are kept
 * (without who asked) so officers can add entries.
 */
export function askComposer(
  knowledge: LiveKnowledge,
  feedback: FeedbackRepository,
  now: () => Date,
) {
  const composer = new Composer<BotContext>();

  const answerWith = async (ctx: BotContext, entry: Entry, others: Entry[]) => {
    await ctx.reply(renderAnswer(ctx, entry), {
      reply_markup: { inline_keyboard: answerKeyboard(ctx, entry, others) },
      link_preview_options: { is_disabled: true },
    });
  };

  composer.on('text', async (ctx, next) => {
    const text = ctx.message.text.trim();
    if (!readsAsQuestion(ctx) || text.startsWith('/') || text === '') return next();
    const base = knowledge.current;
    const outcome = base.search(text.slice(0, MAX_QUERY_LENGTH));
    const [best, ...rest] = outcome.hits;
    if (best) {
      const related = best.entry.related.flatMap((id) => base.getEntry(id) ?? []);
      const others = [...rest.map((hit) => hit.entry), ...related].filter(
        (entry, index, all) => entry.id !== best.entry.id && all.indexOf(entry) === index,
      );
      await answerWith(ctx, best.entry, others);
      return;
    }
    await feedback.recordUnanswered({ text, lang: ctx.lang, at: now().toISOString() });
    if (outcome.excerpt) {
      await ctx.reply(renderExcerpt(ctx, outcome.excerpt.passage), {
        reply_markup: { inline_keyboard: noAnswerKeyboard(ctx) },
      });
      return;
    }
    await ctx.reply(ctx.t('kb.noAnswer'), {
      reply_markup: { inline_keyboard: noAnswerKeyboard(ctx) },
    });
  });

  composer.action(/^kb:e:([a-z0-9-]+)$/, async (ctx) => {
    const base = knowledge.current;
    const entry = base.getEntry(ctx.match[1] ?? '');
    if (!entry) {
      await ctx.answerCbQuery(ctx.t('error.staleButton'));
      return;
    }
    await ctx.answerCbQuery();
    const related = entry.related.flatMap((id) => base.getEntry(id) ?? []);
    await answerWith(ctx, entry, related);
  });

  composer.action(/^kb:v:([ud]):([a-z0-9-]+)$/, async (ctx) => {
    const entryId = ctx.match[2] ?? '';
    if (!knowledge.current.getEntry(entryId)) {
      await ctx.answerCbQuery(ctx.t('error.staleButton'));
      return;
    }
    await feedback.recordVote({
      entryId,
      vote: ctx.match[1] === 'u' ? 'up' : 'down',
      at: now().toISOString(),
    });
    await ctx.answerCbQuery(ctx.t('kb.thanks'));
    await removeVoteButtons(ctx);
  });

  composer.action('menu:ask', async (ctx) => {
    await ctx.answerCbQuery();
    await ctx.reply(ctx.t('menu.askHint'));
  });

  return composer;
}

/** One vote per answer shown: the 👍/👎 row disappears once used. */
async function removeVoteButtons(ctx: BotContext): Promise<void> {
  const message = ctx.callbackQuery?.message;
  if (!message || !('reply_markup' in message) || !message.reply_markup) return;
  const rows = message.reply_markup.inline_keyboard.filter(
    (row) =>
      !row.some((button) => 'callback_data' in button && button.callback_data.startsWith('kb:v:')),
  );
  await ctx.editMessageReplyMarkup({ inline_keyboard: rows }).catch(() => undefined);
}
