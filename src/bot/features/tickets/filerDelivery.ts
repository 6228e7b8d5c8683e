import { TelegramError } from 'telegraf';
import type { Ticket } from '../../../store/tickets/index.ts';
import { type Lang, languageOfUser, type Translate, translator } from '../../i18n/index.ts';
import type { TicketEnv } from './env.ts';
import type { Outgoing } from './notify.ts';

/** What became of a message to a ticket's filer. */
export type Delivery = 'sent' | 'erased' | 'blocked' | 'failed';

/** Whether the filer can still be written to at all: /forgetme and retention cut the chat link. */
export function filerReachable(ticket: Ticket): boolean {
  return ticket.erasedAt === undefined && ticket.filer.chatId !== 0;
}

/**
 * Sends to the filer and says exactly what happened, so an officer is never told "the filer was
 * informed" when the message went to an erased chat link or a chat that blocked the bot.
 */
export async function deliverToFiler(
  env: TicketEnv,
  ticket: Ticket,
  build: (t: Translate, lang: Lang) => Outgoing,
): Promise<Delivery> {
  if (!filerReachable(ticket)) return 'erased';
  if (env.users.get(ticket.filer.userId)?.active === false) return 'blocked';
  const lang = languageOfUser(env.users.get(ticket.filer.userId), env.config.DEFAULT_LANG);
  const { text, extra } = build(translator(lang), lang);
  try {
    await env.telegram.sendMessage(ticket.filer.chatId, text, extra);
    return 'sent';
  } catch (error) {
    env.logger.warn({ err: error }, 'a ticket message did not reach its filer');
    return error instanceof TelegramError && error.code === 403 ? 'blocked' : 'failed';
  }
}
