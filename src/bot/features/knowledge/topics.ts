import { Composer } from 'telegraf';
import type { InlineKeyboardButton } from 'telegraf/types';
import type { LiveKnowledge } from '../../../knowledge/live.ts';
import {
  ENTRY_SHOW,
  MENU,
  narrow,
  onCallback,
  TOPIC_LIST,
  TOPIC_PAGE,
} from '../../callbackData.ts';
import type { BotContext } from '../../context.ts';
import { callbackButton, pageOf, pagerRow } from '../../keyboard.ts';
import { buttonLabel } from './render.ts';

const PAGE_SIZE = 8;
type Button = InlineKeyboardButton.CallbackButton;

function pager(ctx: BotContext, page: number, pages: number, dataFor: (page: number) => string) {
  const labels = { previous: ctx.t('kb.previous'), next: ctx.t('kb.next') };
  return pagerRow({ page, pages }, labels, dataFor);
}

/**
 * /topics: every entry reachable by browsing, topic by topic, page by page, for people who
 * do not know what to ask. Pages are edited in place so the chat does not fill up.
 */
export function topicsComposer(knowledge: LiveKnowledge) {
  const composer = new Composer<BotContext>();

  const topicList = (ctx: BotContext, page: number) => {
    const topics = knowledge.current.topics;
    const { items, page: current, pages } = pageOf(topics, page, PAGE_SIZE);
    const keyboard: Button[][] = items.map((topic) => [
      callbackButton(
        `${topic.title[ctx.lang]} (${topic.entryIds.length})`,
        TOPIC_PAGE.build(topics.indexOf(topic), 0),
      ),
    ]);
    keyboard.push(pager(ctx, current, pages, (p) => TOPIC_LIST.build(p)));
    return {
      text: ctx.t('kb.topicsTitle', { page: current + 1, pages }),
      keyboard: keyboard.filter((row) => row.length > 0),
    };
  };

  const show = async (ctx: BotContext, view: { text: string; keyboard: Button[][] }) => {
    const markup = { reply_markup: { inline_keyboard: view.keyboard } };
    if (ctx.callbackQuery) {
      await ctx.answerCbQuery();
      const edited = await ctx.editMessageText(view.text, markup).then(
        () => true,
        () => false,
      );
      if (edited) return;
    }
    await ctx.reply(view.text, markup);
  };

  composer.command('topics', (ctx) => show(ctx, topicList(ctx, 0)));
  onCallback(composer, narrow(MENU, 'topics'), (ctx) => show(ctx, topicList(ctx, 0)));
  onCallback(composer, TOPIC_LIST, (ctx, page) => show(ctx, topicList(ctx, page)));

  onCallback(composer, TOPIC_PAGE, async (ctx, topicIndex, page) => {
    const base = knowledge.current;
    const topic = base.topics[topicIndex];
    if (!topic) {
      await ctx.answerCbQuery(ctx.t('error.staleButton'));
      return;
    }
    const entries = topic.entryIds.flatMap((id) => base.getEntry(id) ?? []);
    const { items, page: current, pages } = pageOf(entries, page, PAGE_SIZE);
    const keyboard: Button[][] = items.map((entry) => [
      callbackButton(buttonLabel(entry.title[ctx.lang], 60), ENTRY_SHOW.build(entry.id)),
    ]);
    keyboard.push(pager(ctx, current, pages, (p) => TOPIC_PAGE.build(topicIndex, p)));
    keyboard.push([callbackButton(ctx.t('kb.backToTopics'), TOPIC_LIST.build(0))]);
    await show(ctx, {
      text: ctx.t('kb.topicTitle', { topic: topic.title[ctx.lang], page: current + 1, pages }),
      keyboard: keyboard.filter((row) => row.length > 0),
    });
  });

  return composer;
}
