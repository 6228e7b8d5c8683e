import type { InlineKeyboardButton } from 'telegraf/types';
import type { Entry, Lang, Passage, ReplyAction } from '../../../knowledge/index.ts';
import { ENTRY_SHOW, MENU, NEW_TICKET, TOPIC_LIST, VOTE } from '../../callbackData.ts';
import type { BotContext } from '../../context.ts';
import { escapeHtml } from '../../html.ts';
import type { PlainKey, Translate } from '../../i18n/index.ts';
import { callbackButton } from '../../keyboard.ts';

type Button = InlineKeyboardButton.CallbackButton;

/**
 * The language a reply is written in and its translator. For answers this is the language of
 * the question, which may differ from the user's profile (that changes only with /lang).
 */
export interface View {
  lang: Lang;
  t: Translate;
}

/** Where an action leads; the owning features answer these callbacks. */
const ACTION_BUTTONS: Record<ReplyAction, { label: PlainKey; data: string }> = {
  complaint: { label: 'kb.fileComplaint', data: NEW_TICKET.build('complaint') },
  support_request: { label: 'kb.fileRequest', data: NEW_TICKET.build('request') },
  subscribe: { label: 'kb.subscribe', data: MENU.build('subscribe') },
  remind: { label: 'kb.remind', data: MENU.build('remind') },
  contact: { label: 'kb.contactButton', data: MENU.build('contact') },
  topics: { label: 'kb.browseTopics', data: TOPIC_LIST.build(0) },
  menu: { label: 'kb.menuButton', data: MENU.build('open') },
};

/** Shortens a title so a button stays readable on a phone. */
export function buttonLabel(text: string, max = 48): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

/** The answer, then its source: the user always sees what the Board's report says and where. */
export function renderAnswer(view: View, entry: Entry, sectionTitle: string): string {
  return [
    `<b>${escapeHtml(entry.title[view.lang])}</b>`,
    escapeHtml(entry.answer[view.lang]),
    sourceLine(view.t, view.lang, entry, sectionTitle),
  ].join('\n\n');
}

/**
 * The report section (in the reply's language), or "officer answer, <officer>, <date>" for an
 * officer-written entry.
 */
export function sourceLine(t: Translate, lang: Lang, entry: Entry, sectionTitle?: string): string {
  if ('quote' in entry.source) {
    return t('kb.source', { section: sectionTitle ?? entry.source.section });
  }
  const line = t('kb.sourceOfficer', { officer: entry.source.officer, date: entry.source.date });
  return entry.source.needsTranslation && lang === 'en'
    ? `${line}\n${t('kb.needsTranslation')}`
    : line;
}

export function renderExcerpt(view: View, passage: Passage): string {
  return [
    view.t('kb.excerptIntro'),
    `<blockquote>${escapeHtml(passage.text)}</blockquote>`,
    view.t('kb.excerptSource', { section: passage.section, title: passage.sectionTitle }),
  ].join('\n\n');
}

/** One button per reply action, each on its own row. */
export function actionRows(view: View, actions: readonly ReplyAction[]): Button[][] {
  return actions.map((action) => {
    const button = ACTION_BUTTONS[action];
    return [callbackButton(view.t(button.label), button.data)];
  });
}

/** 👍/👎, up to three next-best questions, then the reply's actions. */
export function answerKeyboard(
  view: View,
  entry: Entry,
  others: Entry[],
  actions: readonly ReplyAction[],
): Button[][] {
  const keyboard: Button[][] = [
    [
      callbackButton(view.t('kb.helpful'), VOTE.build('u', entry.id)),
      callbackButton(view.t('kb.notHelpful'), VOTE.build('d', entry.id)),
    ],
  ];
  for (const other of others.slice(0, 3)) {
    const label = `❔ ${buttonLabel(other.title[view.lang])}`;
    keyboard.push([callbackButton(label, ENTRY_SHOW.build(other.id, view.lang))]);
  }
  return [...keyboard, ...actionRows(view, actions)];
}

/** The reply's view when it follows the profile (buttons pressed, commands). */
export function profileView(ctx: BotContext): View {
  return { lang: ctx.lang, t: ctx.t };
}
