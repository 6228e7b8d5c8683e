import type { Message, Update, User } from 'telegraf/types';

/**
 * Updates as Telegram would deliver them, for the offline console and the tests: one place that
 * knows their shape, so both drive the bot with the same updates a real client sends.
 */
export class UpdateBuilder {
  private updateId: number;
  private messageId: number;

  constructor(
    firstId = 1,
    private readonly now: () => number = () => Math.floor(Date.now() / 1000),
  ) {
    this.updateId = firstId;
    this.messageId = firstId;
  }

  /** A text message in `from`'s private chat; a leading /command gets its bot_command entity. */
  text(from: User, text: string): Update.MessageUpdate<Message.TextMessage> {
    const command = text.startsWith('/') ? (text.split(/\s/, 1)[0] ?? text) : '';
    return this.message(from, {
      text,
      ...(command
        ? { entities: [{ type: 'bot_command', offset: 0, length: command.length }] }
        : {}),
    });
  }

  /** A photo (one size) with an optional caption. */
  photo(from: User, caption?: string): Update.MessageUpdate<Message.PhotoMessage> {
    const id = this.updateId;
    return this.message(from, {
      photo: [{ file_id: `photo-${id}`, file_unique_id: `p${id}`, width: 640, height: 480 }],
      ...(caption ? { caption } : {}),
    });
  }

  /** A PDF document with an optional caption. */
  document(from: User, caption?: string): Update.MessageUpdate<Message.DocumentMessage> {
    const id = this.updateId;
    return this.message(from, {
      document: { file_id: `doc-${id}`, file_unique_id: `d${id}`, file_name: 'document.pdf' },
      ...(caption ? { caption } : {}),
    });
  }

  /** A press of the button with `data` under the bot's message `message` in `from`'s chat. */
  press(
    from: User,
    data: string,
    message: { message_id: number; date?: number; text?: string } = { message_id: 1 },
  ): Update.CallbackQueryUpdate {
    const update_id = this.updateId++;
    return {
      update_id,
      callback_query: {
        id: String(update_id),
        from,
        chat_instance: 'offline',
        data,
        message: {
          message_id: message.message_id,
          date: message.date ?? this.now(),
          chat: privateChat(from),
          text: message.text ?? '',
        },
      },
    };
  }

  private message<Fields extends object>(from: User, fields: Fields) {
    return {
      update_id: this.updateId++,
      message: {
        message_id: this.messageId++,
        date: this.now(),
        chat: privateChat(from),
        from,
        ...fields,
      },
    };
  }
}

/** The private chat Telegram opens between `user` and the bot. */
export function privateChat(user: User) {
  return {
    id: user.id,
    type: 'private' as const,
    first_name: user.first_name,
  };
}
