import { createHmac } from 'node:crypto';
import { Composer } from 'telegraf';
import {
  type Entry,
  type KnowledgeBase,
  type Lang,
  replyActions,
  type SearchOutcome,
} from '../../../knowledge/index.ts';
import type { LiveKnowledge } from '../../../knowledge/live.ts';
import type { FeedbackRepository } from '../../../store/index.ts';
import { ENTRY_SHOW, MENU, narrow, onCallback, VOTE } from '../../callbackData.ts';
import type { BotContext } from '../../context.ts';
import { readsAsQuestion } from '../../dialogueStep.ts';
import { translator } from '../../i18n/index.ts';
import {
  actionRows,
  answerKeyboard,
  profileView,
  renderAnswer,
  renderExcerpt,
  type View,
} from './render.ts';

/** Longer questions are searched on their start; nobody types a 1,000-word question. */
const MAX_QUERY_LENGTH = 500;

const viewIn = (lang: Lang): View => ({ lang, t: translator(lang) });

/** The best entry's neighbours: other hits first, then its related entries, no repeats. */
function othersOf(base: KnowledgeBase, outcome: SearchOutcome, best: Entry): Entry[] {
  const related = best.related.flatMap((id) => base.getEntry(id) ?? []);
  return [...outcome.hits.slice(1).map((hit) => hit.entry), ...related].filter(
    (entry, index, all) => entry.id !== best.id && all.indexOf(entry) === index,
  );
}

/**
 * Any text that is not a command and not part of a dialogue: small talk gets a friendly word and
 * the menu; a grievance gets empathy, the fitting entry if there is one, and "file a complaint"
 * whatever the role; a question gets the best answer with its source, or an honest "I don't
 * know" with a way forward; off-topic gets what the bot can help with. Replies are written in
 * the language of the message. Questions and off-topic messages left unanswered are kept
 * (without who asked) for the officers' desk; small talk and grievances are not.
 */
export function askComposer(
  knowledge: LiveKnowledge,
  feedback: FeedbackRepository,
  now: () => Date,
) {
  const composer = new Composer<BotContext>();

  const answerWith = async (
    ctx: BotContext,
    view: View,
    entry: Entry,
    others: Entry[],
    lead?: string,
  ) => {
    const base = knowledge.current;
    const answer = renderAnswer(view, entry, base.sectionTitle(entry, view.lang));
    const intent = lead ? 'grievance' : 'question';
    const actions = replyActions({ intent, entry }, ctx.profile.role);
    await ctx.reply(lead ? `${lead}\n\n${answer}` : answer, {
      reply_markup: { inline_keyboard: answerKeyboard(view, entry, others, actions) },
      link_preview_options: { is_disabled: true },
    });
  };

  composer.on('text', async (ctx, next) => {
    const text = ctx.message.text.trim();
    if (!readsAsQuestion(ctx) || text.startsWith('/') || text === '') return next();
    const base = knowledge.current;
    const outcome = base.search(text.slice(0, MAX_QUERY_LENGTH));
    // Small talk ("alo", "🙂") says little about language: it follows the profile.
    const view = outcome.intent === 'smalltalk' ? profileView(ctx) : viewIn(outcome.lang);
    const best = outcome.hits[0]?.entry;
    const actions = replyActions({ intent: outcome.intent, entry: best ?? null }, ctx.profile.role);
    const keyboard = { reply_markup: { inline_keyboard: actionRows(view, actions) } };
    switch (outcome.intent) {
      case 'smalltalk':
        await ctx.reply(view.t(`kb.smallTalk.${outcome.smallTalk ?? 'acknowledgement'}`), keyboard);
        return;
      case 'offtopic':
        // Kept for officers too: what looks off-topic may be a question the desk can answer.
        await feedback.recordUnanswered({ text, lang: outcome.lang, at: now().toISOString() });
        await ctx.reply(view.t('kb.offTopic'), keyboard);
        return;
      case 'grievance':
        if (best) await answerWith(ctx, view, best, [], view.t('kb.grievance'));
        else await ctx.reply(view.t('kb.grievance'), keyboard);
        return;
      case 'question':
        break;
    }
    if (best) {
      await answerWith(ctx, view, best, othersOf(base, outcome, best));
      return;
    }
    await feedback.recordUnanswered({ text, lang: outcome.lang, at: now().toISOString() });
    const message = outcome.excerpt
      ? renderExcerpt(view, outcome.excerpt.passage)
      : view.t('kb.noAnswer');
    await ctx.reply(message, keyboard);
  });

  onCallback(composer, ENTRY_SHOW, async (ctx, entryId, lang) => {
    const base = knowledge.current;
    const entry = base.getEntry(entryId);
    if (!entry) {
      await ctx.answerCbQuery(ctx.t('error.staleButton'));
      return;
    }
    await ctx.answerCbQuery();
    const view = lang ? viewIn(lang) : profileView(ctx);
    const related = entry.related.flatMap((id) => base.getEntry(id) ?? []);
    await answerWith(ctx, view, entry, related);
  });

  onCallback(composer, VOTE, async (ctx, direction, entryId) => {
    if (!knowledge.current.getEntry(entryId)) {
      await ctx.answerCbQuery(ctx.t('error.staleButton'));
      return;
    }
    await feedback.recordVote({
      entryId,
      vote: direction === 'u' ? 'up' : 'down',
      at: now().toISOString(),
      voter: voterKey(ctx.config.BOT_TOKEN, ctx.profile.id),
    });
    await ctx.answerCbQuery(ctx.t('kb.thanks'));
    await removeVoteButtons(ctx);
  });

  onCallback(composer, narrow(MENU, 'ask'), async (ctx) => {
    await ctx.answerCbQuery();
    await ctx.reply(ctx.t('menu.askHint'));
  });

  return composer;
}

/**
 * Who voted, as a keyed hash: a user's later presses on the same entry replace their vote (forged
 * presses count once), and the feedback file holds no user id.
 */
export function voterKey(secret: string, userId: number): string {
  return createHmac('sha256', secret).update(`vote:${userId}`).digest('base64url').slice(0, 16);
}

/** One vote per answer shown: the 👍/👎 row disappears once used. */
async function removeVoteButtons(ctx: BotContext): Promise<void> {
  const message = ctx.callbackQuery?.message;
  if (!message || !('reply_markup' in message) || !message.reply_markup) return;
  const rows = message.reply_markup.inline_keyboard.filter(
    (row) =>
      !row.some(
        (button) => 'callback_data' in button && VOTE.parse(button.callback_data) !== undefined,
      ),
  );
  await ctx.editMessageReplyMarkup({ inline_keyboard: rows }).catch(() => undefined);
}
