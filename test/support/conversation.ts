import type { Message, Update, User } from 'telegraf/types';
import { BotHarness, type HarnessCall } from './botHarness.ts';

interface Button {
  text: string;
  data: string;
}

/** A message the bot sent into this chat, with the keyboard it shows now (after edits). */
export interface Shown {
  messageId: number;
  text: string;
  buttons: Button[][];
}

type Markup = { inline_keyboard?: { text: string; callback_data?: string }[][] } | undefined;

function buttonsOf(markup: unknown): Button[][] {
  return ((markup as Markup)?.inline_keyboard ?? []).map((row) =>
    row.map((button) => ({ text: button.text, data: button.callback_data ?? '' })),
  );
}

/**
 * One user's private chat with the bot, as the user sees it: messages with their current
 * keyboards. Buttons are pressed by their label on the message that shows them, never by raw
 * callback data, so a test fails when the bot stops offering the button.
 */
export class Conversation {
  private nextMessageId = 100_000;
  private nextUpdateId = 500_000;

  constructor(
    readonly bot: BotHarness,
    readonly user: User,
  ) {}

  /** Every message the bot sent to this chat, oldest first, keyboards as last edited. */
  shown(): Shown[] {
    const byId = new Map<number, Shown>();
    for (const call of this.bot.calls) {
      if (Number(call.payload.chat_id) !== this.user.id) continue;
      const result = call.result as { message_id?: number } | undefined;
      if (call.method.startsWith('send') && result?.message_id !== undefined) {
        byId.set(result.message_id, {
          messageId: result.message_id,
          text: String(call.payload.text ?? call.payload.caption ?? ''),
          buttons: buttonsOf(call.payload.reply_markup),
        });
      } else if (call.method === 'editMessageReplyMarkup' || call.method === 'editMessageText') {
        const shown = byId.get(Number(call.payload.message_id));
        if (!shown) continue;
        shown.buttons = buttonsOf(call.payload.reply_markup);
        if (call.method === 'editMessageText') shown.text = String(call.payload.text);
      }
    }
    return [...byId.values()];
  }

  /** Texts the bot sent to this chat during `calls`. */
  texts(calls: HarnessCall[]): string[] {
    return BotHarness.texts(calls, this.user.id);
  }

  private message(extra: Record<string, unknown>): Update {
    const message_id = this.nextMessageId++;
    return {
      update_id: this.nextUpdateId++,
      message: {
        message_id,
        date: Math.floor(Date.now() / 1000),
        chat: { id: this.user.id, type: 'private', first_name: this.user.first_name },
        from: this.user,
        ...extra,
      },
    } as Update;
  }

  /** Types a text (a command when it starts with '/'). */
  say(text: string, extra: Record<string, unknown> = {}): Promise<HarnessCall[]> {
    const command = text.startsWith('/')
      ? { entities: [{ type: 'bot_command', offset: 0, length: text.split(' ')[0]?.length ?? 1 }] }
      : {};
    return this.bot.deliver(this.message({ text, ...command, ...extra }));
  }

  /** Swipe-replies to one of the bot's messages. */
  replyTo(messageId: number, text: string): Promise<HarnessCall[]> {
    const original = this.shown().find((shown) => shown.messageId === messageId);
    return this.say(text, {
      reply_to_message: {
        message_id: messageId,
        date: Math.floor(Date.now() / 1000),
        chat: { id: this.user.id, type: 'private' },
        from: { id: 1, is_bot: true, first_name: 'KCN' },
        text: original?.text ?? '',
      },
    });
  }

  /** Sends a photo, document, voice note…, with an optional caption and album id. */
  sendMedia(
    kind: 'photo' | 'document' | 'voice' | 'audio' | 'video' | 'video_note',
    options: { caption?: string; mediaGroupId?: string; fileId?: string } = {},
  ): Promise<HarnessCall[]> {
    const fileId = options.fileId ?? `${kind}-${this.nextMessageId}`;
    const file = { file_id: fileId, file_unique_id: `u-${fileId}` };
    const media =
      kind === 'photo'
        ? { photo: [{ ...file, width: 90, height: 90 }] }
        : kind === 'video_note'
          ? { video_note: { ...file, length: 240, duration: 3 } }
          : kind === 'voice' || kind === 'audio' || kind === 'video'
            ? { [kind]: { ...file, duration: 3, width: 1, height: 1 } }
            : { document: file };
    return this.bot.deliver(
      this.message({
        ...media,
        ...(options.caption === undefined ? {} : { caption: options.caption }),
        ...(options.mediaGroupId === undefined ? {} : { media_group_id: options.mediaGroupId }),
      }),
    );
  }

  /** Edits a message this user sent earlier (its id is in the calls' update). */
  edit(messageId: number, text: string): Promise<HarnessCall[]> {
    return this.bot.deliver({
      update_id: this.nextUpdateId++,
      edited_message: {
        message_id: messageId,
        date: Math.floor(Date.now() / 1000),
        edit_date: Math.floor(Date.now() / 1000),
        chat: { id: this.user.id, type: 'private', first_name: this.user.first_name },
        from: this.user,
        text,
      } as Message.TextMessage & { edit_date: number },
    } as Update);
  }

  /** The id the next message this user sends will get (to edit it later). */
  peekNextMessageId(): number {
    return this.nextMessageId;
  }

  /** The newest message whose keyboard has a button matching `label`. */
  find(label: string | RegExp): { shown: Shown; button: Button } | undefined {
    const matches = (text: string) =>
      typeof label === 'string' ? text.includes(label) : label.test(text);
    for (const shown of [...this.shown()].reverse()) {
      const button = shown.buttons.flat().find((candidate) => matches(candidate.text));
      if (button) return { shown, button };
    }
    return undefined;
  }

  /** Labels of the buttons the newest message with a keyboard offers. */
  labels(): string[] {
    const last = [...this.shown()].reverse().find((shown) => shown.buttons.length > 0);
    return last?.buttons.flat().map((button) => button.text) ?? [];
  }

  /** Presses the newest button labelled `label` (or one on the message `messageId`). */
  async press(label: string | RegExp, messageId?: number): Promise<HarnessCall[]> {
    const found =
      messageId === undefined
        ? this.find(label)
        : (() => {
            const shown = this.shown().find((candidate) => candidate.messageId === messageId);
            const button = shown?.buttons
              .flat()
              .find((b) =>
                typeof label === 'string' ? b.text.includes(label) : label.test(b.text),
              );
            return shown && button ? { shown, button } : undefined;
          })();
    if (!found) {
      throw new Error(`no button ${String(label)}; last keyboard: ${this.labels().join(' | ')}`);
    }
    return this.bot.deliver({
      update_id: this.nextUpdateId++,
      callback_query: {
        id: String(this.nextUpdateId),
        from: this.user,
        chat_instance: 'test',
        data: found.button.data,
        message: {
          message_id: found.shown.messageId,
          date: Math.floor(Date.now() / 1000),
          chat: { id: this.user.id, type: 'private', first_name: this.user.first_name },
          text: found.shown.text,
          reply_markup: {
            inline_keyboard: found.shown.buttons.map((row) =>
              row.map((b) => ({ text: b.text, callback_data: b.data })),
            ),
          },
        },
      },
    } as Update);
  }
}
