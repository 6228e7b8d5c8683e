import type { FakeChatMember, FakeTopic } from './fakeBotApiForum.ts';
import type { FakeState } from './fakeBotApiMethods.ts';
import { mediaContent, type StoredFile, unixTime } from './fakeBotApiStore.ts';
import type { ChatType, FakeChat, FakeUpdate, FakeUser } from './fakeBotApiTypes.ts';

/** The chat a test message goes to; private chat with the user when omitted. */
export interface TargetChat {
  id: number;
  type: ChatType;
  title?: string;
  is_forum?: boolean;
  /** Writes in this topic of a forum: the message carries message_thread_id and is_topic_message. */
  threadId?: number;
}

/** The half of the fake that plays Telegram users: it builds and queues their updates. */
export class FakeUsers {
  private callbackCount = 0;

  constructor(protected readonly state: FakeState) {}

  /** Queues a text message; a leading `/command` gets a `bot_command` entity like Telegram's. */
  sendText(user: FakeUser, text: string, chat?: TargetChat): FakeUpdate {
    const command = text.startsWith('/') ? (text.split(/\s/, 1)[0] ?? '') : '';
    const entities = command ? [{ type: 'bot_command', offset: 0, length: command.length }] : [];
    return this.pushMessage(user, { text, ...(entities.length > 0 && { entities }) }, chat);
  }

  /**
   * Queues a message with any content (voice, video, `reply_to_message` for a swipe-reply…);
   * the message id, date, chat and sender are filled in as for the other senders.
   */
  sendContent(user: FakeUser, content: Record<string, unknown>, chat?: TargetChat): FakeUpdate {
    return this.pushMessage(user, content, chat);
  }

  /** Queues a photo message; the file_id becomes known to `getFile`. */
  sendPhoto(user: FakeUser, fileId: string, caption?: string, chat?: TargetChat): FakeUpdate {
    const file = this.knownFile(fileId);
    return this.pushMessage(
      user,
      { ...mediaContent('photo', file), ...(caption && { caption }) },
      chat,
    );
  }

  /** Queues a document message; register its bytes with {@link addFile} to let the bot download it. */
  sendDocument(
    user: FakeUser,
    fileId: string,
    fileName: string,
    caption?: string,
    chat?: TargetChat,
  ): FakeUpdate {
    const file = { ...this.knownFile(fileId, fileName), file_name: fileName };
    return this.pushMessage(
      user,
      { ...mediaContent('document', file), ...(caption && { caption }) },
      chat,
    );
  }

  /** Makes a file downloadable through `getFile` and `/file/bot<token>/<file_path>`. */
  addFile(fileId: string, content: string | Buffer, fileName?: string): void {
    this.state.store.registerFile(fileId, Buffer.from(content), fileName);
  }

  /**
   * Queues a callback_query as if the user pressed the inline button carrying `data` under
   * `message`; the query carries the message as the chat currently shows it.
   */
  pressButton(
    user: FakeUser,
    message: { message_id: number; chat: { id: number } },
    data: string,
  ): FakeUpdate {
    const { store } = this.state;
    const shown = store.get(message.chat.id, message.message_id) ?? {
      message_id: message.message_id,
      date: unixTime(),
      chat: store.chat(message.chat.id),
    };
    this.callbackCount++;
    const id = `${4_000_000_000_000 + this.callbackCount}`;
    this.state.openCallbackQueries.add(id);
    return this.state.updates.push({
      callback_query: {
        id,
        from: this.userObject(user),
        message: structuredClone(shown),
        chat_instance: `${message.chat.id}`,
        data,
      },
    });
  }

  /** Queues any other update (edited_message, my_chat_member…); update_id is assigned. */
  pushUpdate(partial: Record<string, unknown>): FakeUpdate {
    return this.state.updates.push(partial);
  }

  /**
   * Declares a supergroup (a forum when `forum`), with the bot's standing in it: an admin who
   * may manage topics and pin by default.
   */
  addGroup(
    id: number,
    options: { title?: string; forum?: boolean; bot?: FakeChatMember } = {},
  ): void {
    this.state.store.rememberChat({
      id,
      type: 'supergroup',
      title: options.title ?? 'Officers',
      ...(options.forum !== false && { is_forum: true }),
    });
    this.setChatMember(
      id,
      this.state.store.bot.id,
      options.bot ?? { status: 'administrator', can_manage_topics: true, can_pin_messages: true },
    );
  }

  setChatMember(chatId: number, userId: number, member: FakeChatMember): void {
    this.state.forum.members.set(`${chatId}:${userId}`, member);
  }

  /** The topics of a forum chat, in creation order. */
  topics(chatId: number): FakeTopic[] {
    return [...(this.state.forum.topics.get(chatId)?.values() ?? [])].map((topic) => ({
      ...topic,
      names: [...topic.names],
    }));
  }

  /** Message ids pinned in a chat, in order. */
  pinnedIn(chatId: number): number[] {
    return [...(this.state.forum.pinned.get(chatId) ?? [])];
  }

  /** Number of queued updates the bot has not confirmed yet. */
  get pendingUpdates(): number {
    return this.state.updates.pending;
  }

  private userObject(user: FakeUser): FakeUser {
    return {
      id: user.id,
      is_bot: false,
      first_name: user.first_name ?? `User ${user.id}`,
      ...(user.last_name !== undefined && { last_name: user.last_name }),
      ...(user.username !== undefined && { username: user.username }),
      ...(user.language_code !== undefined && { language_code: user.language_code }),
    };
  }

  private knownFile(fileId: string, fileName?: string): StoredFile {
    const { store } = this.state;
    return store.file(fileId) ?? store.registerFile(fileId, Buffer.alloc(0), fileName);
  }

  private pushMessage(
    user: FakeUser,
    content: Record<string, unknown>,
    target?: TargetChat,
  ): FakeUpdate {
    const { store } = this.state;
    const from = this.userObject(user);
    const { threadId, ...place } = target ?? { id: 0, type: 'private' };
    const chat: FakeChat = target
      ? {
          ...(store.chat(place.id).type === place.type ? store.chat(place.id) : {}),
          ...place,
          ...(place.type !== 'private' && { title: place.title ?? 'Test group' }),
        }
      : {
          id: user.id,
          type: 'private',
          first_name: from.first_name ?? '',
          ...(from.username !== undefined && { username: from.username }),
        };
    store.rememberChat(chat);
    const message = store.add(
      chat.id,
      {
        ...content,
        ...(threadId !== undefined && { message_thread_id: threadId, is_topic_message: true }),
      },
      from,
    );
    if (chat.type === 'channel') {
      delete message.from;
      return this.state.updates.push({ channel_post: structuredClone(message) });
    }
    return this.state.updates.push({ message: structuredClone(message) });
  }
}
