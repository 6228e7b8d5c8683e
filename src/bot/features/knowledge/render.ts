import type { InlineKeyboardButton } from 'telegraf/types';
import type { Entry, Passage } from '../../../knowledge/index.ts';
import type { EntryAction } from '../../../knowledge/schema.ts';
import type { BotContext } from '../../context.ts';
import { escapeHtml } from '../../html.ts';
import type { PlainKey } from '../../i18n/index.ts';
import { callbackButton } from '../../keyboard.ts';

type Button = InlineKeyboardButton.CallbackButton;

/** Where an entry's action leads; the owning features answer these callbacks. */
const ACTION_BUTTONS: Record<EntryAction, { label: PlainKey; data: string }> = {
  complaint: { label: 'kb.fileComplaint', data: 'ticket:new:complaint' },
  support_request: { label: 'kb.fileRequest', data: 'ticket:new:request' },
  subscribe: { label: 'kb.subscribe', data: 'menu:subscribe' },
  remind: { label: 'kb.remind', data: 'menu:remind' },
};

/** Shortens a title so a button stays readable on a phone. */
export function buttonLabel(text: string, max = 48): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

/** The answer, then its source: the user always sees what the Board's report says and where. */
export function renderAnswer(ctx: BotContext, entry: Entry): string {
  return [
    `<b>${escapeHtml(entry.title[ctx.lang])}</b>`,
    escapeHtml(entry.answer[ctx.lang]),
    sourceLine(ctx.t, ctx.lang, entry),
  ].join('\n\n');
}

/** The report section, or "officer answer, <officer>, <date>" for an officer-written entry. */
export function sourceLine(t: BotContext['t'], lang: BotContext['lang'], entry: Entry): string {
  if ('quote' in entry.source) return t('kb.source', { section: entry.source.section });
  const line = t('kb.sourceOfficer', { officer: entry.source.officer, date: entry.source.date });
  return entry.source.needsTranslation && lang === 'en'
    ? `${line}\n${t('kb.needsTranslation')}`
    : line;
}

export function renderExcerpt(ctx: BotContext, passage: Passage): string {
  return [
    ctx.t('kb.excerptIntro'),
    `<blockquote>${escapeHtml(passage.text)}</blockquote>`,
    ctx.t('kb.excerptSource', { section: passage.section, title: passage.sectionTitle }),
  ].join('\n\n');
}

/** 👍/👎, up to three next-best questions, and the entry's action if it has one. */
export function answerKeyboard(ctx: BotContext, entry: Entry, others: Entry[]): Button[][] {
  const keyboard: Button[][] = [
    [
      callbackButton(ctx.t('kb.helpful'), `kb:v:u:${entry.id}`),
      callbackButton(ctx.t('kb.notHelpful'), `kb:v:d:${entry.id}`),
    ],
  ];
  for (const other of others.slice(0, 3)) {
    keyboard.push([callbackButton(`❔ ${buttonLabel(other.title[ctx.lang])}`, `kb:e:${other.id}`)]);
  }
  if (entry.action) {
    const action = ACTION_BUTTONS[entry.action];
    keyboard.push([callbackButton(ctx.t(action.label), action.data)]);
  }
  return keyboard;
}

/** When there is no answer: browse, or hand the question to an officer through a ticket. */
export function noAnswerKeyboard(ctx: BotContext): Button[][] {
  const ticket =
    ctx.profile.role === 'worker'
      ? callbackButton(ctx.t('kb.fileComplaint'), 'ticket:new:complaint')
      : callbackButton(ctx.t('kb.fileRequest'), 'ticket:new:request');
  return [[callbackButton(ctx.t('kb.browseTopics'), 'kb:t:0')], [ticket]];
}
