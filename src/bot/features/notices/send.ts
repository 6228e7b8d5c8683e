import { type Telegram, TelegramError } from 'telegraf';
import type { Config } from '../../../config.ts';
import type { SendFn, SendResult } from '../../../delivery/outboxWorker.ts';
import { errorMessage } from '../../../errors.ts';
import { formatWhen } from '../../../scheduling/index.ts';
import type { UserRepository } from '../../../store/index.ts';
import type { OutMessage } from '../../../store/outbox.ts';
import { callApiWith } from '../../api.ts';
import { REMINDER_SNOOZE } from '../../callbackData.ts';
import { escapeHtml } from '../../html.ts';
import { type Lang, languageOfUser, translator } from '../../i18n/index.ts';
import { callbackButton } from '../../keyboard.ts';

/** A Bot API call without its chat_id. */
export interface Rendered {
  method: 'sendMessage' | 'sendPhoto' | 'sendDocument';
  payload: Record<string, unknown>;
}

/** Buttons under a delivered reminder: snooze 10 minutes, 1 hour, or until tomorrow. */
export function snoozeKeyboard(reminderId: string, lang: Lang) {
  const t = translator(lang);
  return {
    inline_keyboard: [
      [
        callbackButton(t('remind.snooze10'), REMINDER_SNOOZE.build(reminderId, '10')),
        callbackButton(t('remind.snooze60'), REMINDER_SNOOZE.build(reminderId, '60')),
        callbackButton(t('remind.snoozeTomorrow'), REMINDER_SNOOZE.build(reminderId, 'tm')),
      ],
    ],
  };
}

/** What a recipient sees, in their language and the configured time zone. */
export function renderOutMessage(message: OutMessage, lang: Lang, timeZone: string): Rendered {
  const t = translator(lang);
  switch (message.kind) {
    case 'broadcast': {
      const body = `${t('broadcast.header')}\n\n${message.html ?? escapeHtml(message.text)}`;
      if (!message.media) return { method: 'sendMessage', payload: { text: body } };
      const field = message.media.type;
      return {
        method: field === 'photo' ? 'sendPhoto' : 'sendDocument',
        payload: { [field]: message.media.fileId, caption: body },
      };
    }
    case 'deadline': {
      const when = formatWhen(new Date(message.deadlineAt), lang, timeZone);
      const lines = [t('deadline.notice', { text: message.text, when })];
      if (message.late) lines.push(t('deadline.late'));
      return { method: 'sendMessage', payload: { text: lines.join('\n') } };
    }
    case 'reminder': {
      const lines = [t('remind.fire', { text: message.text })];
      if (message.late) {
        lines.push(t('remind.late', { when: formatWhen(new Date(message.dueAt), lang, timeZone) }));
      }
      return {
        method: 'sendMessage',
        payload: { text: lines.join('\n'), reply_markup: snoozeKeyboard(message.reminderId, lang) },
      };
    }
  }
}

/** Sorts a failed call into what the outbox worker does next. */
export function classifySendError(error: unknown): SendResult {
  if (error instanceof TelegramError) {
    if (error.code === 429) {
      const seconds = error.parameters?.retry_after ?? 1;
      return { ok: false, kind: 'rateLimited', retryAfterMs: seconds * 1000 };
    }
    if (error.code === 403) return { ok: false, kind: 'blocked' };
    return {
      ok: false,
      kind: 'failed',
      retryable: error.code >= 500,
      description: error.description,
    };
  }
  const description = errorMessage(error);
  return { ok: false, kind: 'failed', retryable: true, description };
}

/**
 * The outbox worker's `send`: renders for the recipient and calls Telegram through the house
 * policy, but without its 429 waiting, because the worker pauses the whole queue instead.
 */
export function telegramSender(
  telegram: Telegram,
  users: UserRepository,
  config: Pick<Config, 'DEFAULT_LANG' | 'TZ'>,
): SendFn {
  return async (chatId, message) => {
    const lang = languageOfUser(users.get(chatId), config.DEFAULT_LANG);
    const { method, payload } = renderOutMessage(message, lang, config.TZ);
    try {
      await callApiWith(
        telegram,
        method,
        { chat_id: chatId, ...payload },
        { retryRateLimit: false },
      );
      return { ok: true };
    } catch (error) {
      return classifySendError(error);
    }
  };
}
