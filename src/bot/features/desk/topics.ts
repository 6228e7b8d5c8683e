import type { Ticket } from '../../../store/tickets/index.ts';
import { DESK_ASSIGN } from '../../callbackData.ts';
import { type Lang, translator } from '../../i18n/index.ts';
import { callbackButton } from '../../keyboard.ts';
import { deliverEvidence } from '../tickets/evidence.ts';
import { categoryLabel } from '../tickets/labels.ts';
import { officerButtons, officerCard } from '../tickets/render.ts';
import { officerName } from './assign.ts';
import type { DeskEnv } from './env.ts';
import { TOPIC_NAME_LIMIT, topicApi } from './topicApi.ts';

/** The status mark at the start of a topic name, so the topic list reads like a queue. */
const STATUS_MARK: Record<Ticket['status'], string> = {
  new: '🆕',
  in_progress: '🔧',
  resolved: '✅',
  rejected: '⛔',
  closed: '🔒',
};

const isOpen = (ticket: Ticket) => ticket.status === 'new' || ticket.status === 'in_progress';

/** The group's language: officers share one group, so it follows DEFAULT_LANG. */
export const groupLang = (env: DeskEnv): Lang => env.config.DEFAULT_LANG;

/**
 * `🆕 #KN-0001 · Wages · Que Vo IP · 👤 Lan`: status, code, category, park and owner. Built
 * from the ticket's category and park only, so an anonymous filer never appears in it.
 */
export function topicName(env: DeskEnv, ticket: Ticket): string {
  const lang = groupLang(env);
  const t = translator(lang);
  const park = ticket.parkName ?? env.parks.name(ticket.parkId, lang, t('tickets.park.other'));
  const owner = ticket.assignee === null ? '' : ` · 👤 ${officerName(env, ticket.assignee)}`;
  const name = `${STATUS_MARK[ticket.status]} #${ticket.code} · ${categoryLabel(t, ticket.category)} · ${park}${owner}`;
  return [...name].slice(0, TOPIC_NAME_LIMIT).join('');
}

/** The card with its buttons plus the desk's own (assign), for the topic's pinned message. */
export function topicCard(env: DeskEnv, ticket: Ticket) {
  const lang = groupLang(env);
  const t = translator(lang);
  const view = env.tickets.view(ticket.code);
  if (!view) return undefined;
  const owner =
    ticket.assignee === null
      ? t('desk.owner.none')
      : t('desk.owner.is', { name: officerName(env, ticket.assignee) });
  const keyboard = officerButtons(t, view);
  if (isOpen(ticket))
    keyboard.push([callbackButton(t('desk.btn.assign'), DESK_ASSIGN.build(ticket.code))]);
  return {
    text: `${officerCard(env, t, lang, view)}\n${owner}`,
    extra: { reply_markup: { inline_keyboard: keyboard }, protect_content: true },
  };
}

/**
 * Opens the ticket's topic in the officers' forum: the topic, the card as its first message
 * (pinned), then copies of the filer's evidence. Returns the thread id.
 */
export async function openTopic(env: DeskEnv, chatId: number, ticket: Ticket): Promise<number> {
  const api = topicApi(env.telegram);
  const name = topicName(env, ticket);
  const topic = await api.createForumTopic(chatId, name);
  const threadId = topic.message_thread_id;
  await env.deskStore.setTopic(ticket.code, { threadId, name, closed: false });
  const card = topicCard(env, ticket);
  if (card) {
    const sent = await env.telegram.sendMessage(chatId, card.text, {
      ...card.extra,
      message_thread_id: threadId,
    });
    await env.deskStore.setTopic(ticket.code, {
      threadId,
      name,
      closed: false,
      cardMessageId: sent.message_id,
    });
    await env.telegram
      .pinChatMessage(chatId, sent.message_id, { disable_notification: true })
      .catch((error: unknown) =>
        env.logger.warn({ reason: String(error).slice(0, 120) }, 'could not pin a ticket card'),
      );
  }
  if (ticket.attachments.length > 0) {
    await deliverEvidence(env, chatId, ticket, {
      message_thread_id: threadId,
      protect_content: true,
      // Re-sent by file id for an anonymous ticket: no call about its topic names the filer's chat.
      byFileId: ticket.anonymous,
    });
  }
  return threadId;
}

/**
 * Brings the topic in line with the ticket: the name (status and owner), the pinned card, and
 * closed for a resolved, rejected or closed ticket, open again once it is reopened. Idempotent.
 */
export async function syncTopic(env: DeskEnv, chatId: number, code: string): Promise<void> {
  const ticket = env.tickets.get(code);
  const topic = env.deskStore.topicOf(code);
  if (!ticket || !topic) return;
  const api = topicApi(env.telegram);
  const name = topicName(env, ticket);
  const shouldClose = !isOpen(ticket);
  // The name first: once a topic shows as open or closed again, its name already says why.
  if (name !== topic.name) await api.editForumTopic(chatId, topic.threadId, name);
  if (topic.closed && !shouldClose) await api.reopenForumTopic(chatId, topic.threadId);
  if (!topic.closed && shouldClose) await api.closeForumTopic(chatId, topic.threadId);
  await env.deskStore.setTopic(code, { ...topic, name, closed: shouldClose });
  const card = topicCard(env, ticket);
  if (card && topic.cardMessageId !== undefined) {
    await env.telegram
      .editMessageText(chatId, topic.cardMessageId, undefined, card.text, {
        reply_markup: card.extra.reply_markup,
      })
      .catch(() => undefined);
  }
}
