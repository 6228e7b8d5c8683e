import type { Telegram } from 'telegraf';
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

/** Which ticket a notice is about: it then goes into that ticket's topic when there is one. */
export interface NoticeAbout {
  code: string;
  /** Only worth saying in the topic (a rating): dropped when the ticket has no topic. */
  topicOnly?: boolean;
}

/**
 * Sends one message per officer chat, each in that officer's language, or into the ticket's
 * topic in the officers' forum. Notices carry complaint text, so they are protected from
 * forwarding. A failed chat is logged (without its id) and does not stop the others.
 */
export async function sendToOfficers(
  env: TicketEnv,
  build: (t: Translate, lang: Lang) => Outgoing,
  telegram: Telegram = env.telegram,
  about?: NoticeAbout,
): Promise<void> {
  const thread = about ? env.desk?.threadOf(about.code) : undefined;
  const group = env.config.OFFICER_CHAT_ID;
  if (about?.topicOnly && thread === undefined) return;
  const chats = thread !== undefined && group !== undefined ? [group] : officerChats(env);
  const results = await Promise.allSettled(
    chats.map((chatId) => {
      const lang = chatId === group ? env.config.DEFAULT_LANG : langOfChat(env, chatId);
      const { text, extra } = build(translator(lang), lang);
      return telegram.sendMessage(chatId, text, {
        ...extra,
        protect_content: true,
        ...(thread === undefined ? {} : { message_thread_id: thread }),
      });
    }),
  );
  const failed = results.filter((result) => result.status === 'rejected').length;
  if (failed > 0) env.logger.warn({ failed }, 'a ticket notice did not reach some officer chats');
}
