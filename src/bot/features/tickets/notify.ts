import type { Telegram } from 'telegraf';
import type { Ticket } from '../../../store/tickets/index.ts';
import { type Lang, languageOfUser, type Translate, translator } from '../../i18n/index.ts';
import type { TicketEnv } from './env.ts';

/** Options of sendMessage (keyboard etc.); telegraf does not export the type by name. */
export type ExtraReplyMessage = Parameters<Telegram['sendMessage']>[2];

export interface Outgoing {
  text: string;
  extra?: ExtraReplyMessage;
}

/** Where officer notices go: the officers' group when configured, else each officer privately. */
export function officerChats(env: TicketEnv): number[] {
  const { OFFICER_CHAT_ID, OFFICER_IDS } = env.config;
  return OFFICER_CHAT_ID !== undefined ? [OFFICER_CHAT_ID] : OFFICER_IDS;
}

function langOfChat(env: TicketEnv, chatId: number): Lang {
  return languageOfUser(env.users.get(chatId), env.config.DEFAULT_LANG);
}

/**
 * Sends one message per officer chat, each in that officer's language. A failed chat is logged
 * (without its id) and does not stop the others.
 */
export async function sendToOfficers(
  env: TicketEnv,
  build: (t: Translate, lang: Lang) => Outgoing,
  telegram: Telegram = env.telegram,
): Promise<void> {
  const results = await Promise.allSettled(
    officerChats(env).map((chatId) => {
      const lang = langOfChat(env, chatId);
      const { text, extra } = build(translator(lang), lang);
      return telegram.sendMessage(chatId, text, extra);
    }),
  );
  const failed = results.filter((result) => result.status === 'rejected').length;
  if (failed > 0) env.logger.warn({ failed }, 'a ticket notice did not reach some officer chats');
}

/** Tells the filer, in their own language, through the stored ticket→chat link. */
export async function sendToFiler(
  env: TicketEnv,
  ticket: Ticket,
  build: (t: Translate, lang: Lang) => Outgoing,
  telegram: Telegram = env.telegram,
): Promise<void> {
  const lang = langOfChat(env, ticket.filer.userId);
  const { text, extra } = build(translator(lang), lang);
  await telegram.sendMessage(ticket.filer.chatId, text, extra).catch((error: unknown) => {
    env.logger.warn({ err: error }, 'a ticket notice did not reach its filer');
  });
}
