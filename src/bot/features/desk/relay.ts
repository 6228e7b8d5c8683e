import { randomBytes } from 'node:crypto';
import { timerService } from '../../../lifecycle.ts';
import type { Relay } from '../../../store/index.ts';
import { DESK_FAQ, DESK_RELAY, FILER_ACTION } from '../../callbackData.ts';
import type { BotContext } from '../../context.ts';
import { translator } from '../../i18n/index.ts';
import { callbackButton } from '../../keyboard.ts';
import { deliverToFiler, filerReachable } from '../tickets/filerDelivery.ts';
import { REPLY_LIMIT } from '../tickets/officerActions.ts';
import type { DeskEnv } from './env.ts';
import { groupLang } from './topics.ts';

/** How often the undo windows are checked; the window itself is DESK_UNDO_SECONDS. */
export const RELAY_SWEEP_MS = 500;

export interface RelayInput {
  code: string;
  kind: Relay['kind'];
  text: string;
  fromChatId: number;
  messageId: number;
  threadId?: number;
  entryId?: string;
}

/** A reply to hold, from the chat (with its message) or from the dashboard (without one). */
export interface HeldReply {
  code: string;
  officerId: number;
  kind: Relay['kind'];
  text: string;
  /** The relay's id; the dashboard derives it from its idempotency key, so a retry finds it. */
  id?: string;
  fromChatId?: number;
  messageId?: number;
  noticeChatId?: number;
  threadId?: number;
  entryId?: string;
}

export type HoldOutcome =
  | { kind: 'held'; relay: Relay }
  | { kind: 'notFound' }
  | { kind: 'erased' }
  | { kind: 'tooLong'; limit: number; length: number };

const undoKeyboard = (t: ReturnType<typeof translator>, id: string) => ({
  inline_keyboard: [
    [
      callbackButton(t('desk.btn.undo'), DESK_RELAY.build('undo', id)),
      callbackButton(t('desk.btn.sendNow'), DESK_RELAY.build('now', id)),
    ],
  ],
});

/**
 * Holds an officer's reply for the undo window, durable before anyone is told; the sweep sends it
 * once the window is over (after a restart too). The one path for the desk's chats and the
 * dashboard. A relay already held under the same id is returned as it is (a retry holds nothing twice).
 */
export async function holdReply(env: DeskEnv, input: HeldReply): Promise<HoldOutcome> {
  const existing = input.id === undefined ? undefined : env.deskStore.relay(input.id);
  if (existing) return { kind: 'held', relay: existing };
  const ticket = env.tickets.get(input.code);
  if (!ticket) return { kind: 'notFound' };
  if (!filerReachable(ticket)) {
    await env.tickets.noteUndelivered(input.code, input.officerId, 'reply: erased');
    return { kind: 'erased' };
  }
  if (input.text.length > REPLY_LIMIT) {
    return { kind: 'tooLong', limit: REPLY_LIMIT, length: input.text.length };
  }
  const relay: Relay = {
    id: input.id ?? randomBytes(4).toString('hex'),
    code: input.code,
    officerId: input.officerId,
    kind: input.kind,
    text: input.text,
    ...(input.fromChatId === undefined ? {} : { fromChatId: input.fromChatId }),
    ...(input.messageId === undefined ? {} : { messageId: input.messageId }),
    ...(input.noticeChatId === undefined ? {} : { noticeChatId: input.noticeChatId }),
    ...(input.threadId === undefined ? {} : { threadId: input.threadId }),
    ...(input.entryId === undefined ? {} : { entryId: input.entryId }),
    dueAt: new Date(env.now().getTime() + env.config.DESK_UNDO_SECONDS * 1000).toISOString(),
    state: 'pending',
  };
  await env.deskStore.addRelay(relay);
  return { kind: 'held', relay };
}

/** Holds a message written in a chat, then shows "Sending in 10 s · Undo" under it. */
export async function queueRelay(env: DeskEnv, ctx: BotContext, input: RelayInput): Promise<void> {
  const chatId = ctx.chat?.id;
  if (chatId === undefined) return;
  const outcome = await holdReply(env, {
    ...input,
    officerId: ctx.profile.id,
    noticeChatId: chatId,
  });
  if (outcome.kind === 'notFound') {
    await ctx.reply(ctx.t('tickets.notFound', { code: input.code }));
    return;
  }
  if (outcome.kind === 'erased') {
    await ctx.reply(ctx.t('reply.erased', { code: input.code }));
    return;
  }
  if (outcome.kind === 'tooLong') {
    await ctx.reply(ctx.t('tickets.tooLong', { limit: outcome.limit, length: outcome.length }));
    return;
  }
  const { id } = outcome.relay;
  const seconds = env.config.DESK_UNDO_SECONDS;
  const notice = await ctx.reply(ctx.t('desk.relay.pending', { code: input.code, seconds }), {
    reply_markup: undoKeyboard(ctx.t, id),
    reply_parameters: { message_id: input.messageId, allow_sending_without_reply: true },
  });
  await env.deskStore.setNotice(id, notice.message_id);
}

async function editNotice(
  env: DeskEnv,
  relay: Relay,
  text: string,
  buttons: ReturnType<typeof callbackButton>[][] = [],
): Promise<void> {
  const noticeId = env.deskStore.relay(relay.id)?.noticeMessageId ?? relay.noticeMessageId;
  if (noticeId === undefined || relay.noticeChatId === undefined) return;
  await env.telegram
    .editMessageText(relay.noticeChatId, noticeId, undefined, text, {
      reply_markup: { inline_keyboard: buttons },
    })
    .catch(() => undefined);
}

/** Undo within the window: nothing reaches the filer; false when it had already gone. */
export async function undoRelay(env: DeskEnv, id: string): Promise<boolean> {
  const relay = env.deskStore.relay(id);
  if (!relay || !(await env.deskStore.settle(id, 'pending', 'undone'))) return false;
  const t = translator(groupLang(env));
  await editNotice(env, relay, t('desk.relay.undone', { code: relay.code }));
  return true;
}

/**
 * Sends one relay whose window ended. It is marked sent (durably) before the send, so a crash
 * can never send it twice; a failed delivery is recorded in the ticket and shown on the notice.
 */
export async function deliverRelay(env: DeskEnv, id: string): Promise<void> {
  const relay = env.deskStore.relay(id);
  if (!relay || !(await env.deskStore.settle(id, 'pending', 'sent'))) return;
  const t = translator(groupLang(env));
  const ticket = env.tickets.get(relay.code);
  if (!ticket || !filerReachable(ticket)) {
    await env.deskStore.settle(id, 'sent', 'failed');
    if (ticket) await env.tickets.noteUndelivered(relay.code, relay.officerId, 'reply: erased');
    await editNotice(env, relay, t('reply.erased', { code: relay.code }));
    return;
  }
  const recorded = relay.kind === 'copy' ? relay.text || t('desk.relay.mediaNote') : relay.text;
  const updated = await env.tickets.respond(relay.code, relay.officerId, 'reply', recorded);
  const delivery = await deliverToFiler(env, updated, (ft) => ({
    text:
      relay.kind === 'copy'
        ? ft('desk.filer.media', { code: relay.code })
        : ft('tickets.filer.reply', { code: relay.code, text: relay.text }),
    extra: {
      reply_markup: {
        inline_keyboard: [
          [callbackButton(ft('tickets.btn.addInfo'), FILER_ACTION.build('info', relay.code))],
        ],
      },
    },
  }));
  let outcome = delivery;
  if (delivery === 'sent' && relay.kind === 'copy') {
    const { fromChatId, messageId } = relay;
    outcome = await (fromChatId === undefined || messageId === undefined
      ? Promise.reject(new Error('a copy without its message'))
      : env.telegram.copyMessage(updated.filer.chatId, fromChatId, messageId)
    ).then(
      () => 'sent' as const,
      () => 'failed' as const,
    );
  }
  if (outcome !== 'sent') {
    await env.deskStore.settle(id, 'sent', 'failed');
    await env.tickets.noteUndelivered(relay.code, relay.officerId, `reply: ${outcome}`);
    await editNotice(env, relay, t(`reply.${outcome}`, { code: relay.code }));
    return;
  }
  // A good answer can become a knowledge-base entry (approved by a second officer).
  const faq =
    relay.kind === 'text' && relay.entryId === undefined
      ? [[callbackButton(t('desk.btn.saveFaq'), DESK_FAQ.build('s', relay.id))]]
      : [];
  await editNotice(env, relay, t('desk.relay.sent', { code: relay.code }), faq);
}

/** Sends every relay whose undo window is over; runs beside the update loop. */
export function relayService(env: DeskEnv, sweepMs = RELAY_SWEEP_MS) {
  return timerService({
    name: 'desk relays',
    next: () => sweepMs,
    runAtStart: true,
    logger: env.logger,
    run: async () => {
      for (const relay of env.deskStore.due(env.now())) await deliverRelay(env, relay.id);
    },
  });
}
