import type { ChatStore } from './fakeBotApiStore.ts';
import { badRequest, type FakeMessage, toInteger } from './fakeBotApiTypes.ts';

/** A topic of a forum supergroup, as the fake keeps it. */
export interface FakeTopic {
  threadId: number;
  name: string;
  closed: boolean;
  /** Every name the topic had, oldest first (creation, then each edit). */
  names: string[];
}

/** A member's standing in a chat, as getChatMember returns it. */
export interface FakeChatMember {
  status: 'creator' | 'administrator' | 'member' | 'restricted' | 'left' | 'kicked';
  can_manage_topics?: boolean;
  can_pin_messages?: boolean;
  can_delete_messages?: boolean;
}

/** Forum topics, pins and chat members: the officers'-group side of the Bot API. */
export class ForumState {
  readonly topics = new Map<number, Map<number, FakeTopic>>();
  readonly members = new Map<string, FakeChatMember>();
  readonly pinned = new Map<number, number[]>();

  member(chatId: number, userId: number): FakeChatMember {
    return this.members.get(`${chatId}:${userId}`) ?? { status: 'member' };
  }

  topic(chatId: number, threadId: number): FakeTopic | undefined {
    return this.topics.get(chatId)?.get(threadId);
  }
}

type Handler = (call: { payload: Record<string, unknown> }) => {
  result: unknown;
  messages?: FakeMessage[];
};

const TOPIC_NAME_LIMIT = 128;

/**
 * createForumTopic (answers a message_thread_id: the id of the "topic created" service message,
 * as Telegram does), editForumTopic, closeForumTopic, reopenForumTopic, getChatMember,
 * pinChatMessage. Topic calls need a forum supergroup where the bot may manage topics.
 */
export function createForumHandlers(store: ChatStore, forum: ForumState): Record<string, Handler> {
  const manageable = (payload: Record<string, unknown>) => {
    const chat = store.chatFrom(payload.chat_id);
    if (chat.type !== 'supergroup' || chat.is_forum !== true) badRequest('the chat is not a forum');
    const me = forum.member(chat.id, store.bot.id);
    if (me.status !== 'creator' && !(me.status === 'administrator' && me.can_manage_topics)) {
      badRequest('not enough rights to manage topics');
    }
    return chat;
  };
  const existing = (payload: Record<string, unknown>) => {
    const chat = manageable(payload);
    const topic = forum.topic(chat.id, toInteger(payload.message_thread_id) ?? -1);
    return topic ?? badRequest('message thread not found');
  };
  const validName = (name: unknown): string => {
    if (typeof name !== 'string' || name.length < 1 || [...name].length > TOPIC_NAME_LIMIT) {
      badRequest('invalid topic name');
    }
    return name;
  };
  return {
    createForumTopic: ({ payload }) => {
      const chat = manageable(payload);
      const name = validName(payload.name);
      const created = store.add(
        chat.id,
        { forum_topic_created: { name, icon_color: 7322096 } },
        store.bot,
      );
      created.message_thread_id = created.message_id;
      created.is_topic_message = true;
      const topics = forum.topics.get(chat.id) ?? new Map<number, FakeTopic>();
      topics.set(created.message_id, {
        threadId: created.message_id,
        name,
        closed: false,
        names: [name],
      });
      forum.topics.set(chat.id, topics);
      return { result: { message_thread_id: created.message_id, name, icon_color: 7322096 } };
    },
    editForumTopic: ({ payload }) => {
      const topic = existing(payload);
      if (payload.name !== undefined) {
        const name = validName(payload.name);
        if (name === topic.name) badRequest('TOPIC_NOT_MODIFIED');
        topic.name = name;
        topic.names.push(name);
      }
      return { result: true };
    },
    closeForumTopic: ({ payload }) => {
      const topic = existing(payload);
      if (topic.closed) badRequest('TOPIC_NOT_MODIFIED');
      topic.closed = true;
      return { result: true };
    },
    reopenForumTopic: ({ payload }) => {
      const topic = existing(payload);
      if (!topic.closed) badRequest('TOPIC_NOT_MODIFIED');
      topic.closed = false;
      return { result: true };
    },
    getChatMember: ({ payload }) => {
      const chat = store.chatFrom(payload.chat_id);
      const userId = toInteger(payload.user_id) ?? badRequest('user not found');
      const member = forum.member(chat.id, userId);
      return { result: { user: { id: userId, is_bot: userId === store.bot.id }, ...member } };
    },
    pinChatMessage: ({ payload }) => {
      const chat = store.chatFrom(payload.chat_id);
      const messageId = toInteger(payload.message_id) ?? -1;
      if (!store.get(chat.id, messageId)) badRequest('message to pin not found');
      if (chat.type !== 'private') {
        const me = forum.member(chat.id, store.bot.id);
        if (me.status !== 'creator' && !(me.status === 'administrator' && me.can_pin_messages)) {
          badRequest('not enough rights to manage pinned messages in the chat');
        }
      }
      forum.pinned.set(chat.id, [...(forum.pinned.get(chat.id) ?? []), messageId]);
      return { result: true };
    },
  };
}

/**
 * Wraps a sending method so `message_thread_id` puts its messages in that topic (marked
 * `is_topic_message`, as Telegram marks them); an unknown topic is refused like Telegram does.
 */
export function inThread<C extends { payload: Record<string, unknown> }>(
  handler: (call: C) => ReturnType<Handler>,
  store: ChatStore,
  forum: ForumState,
): (call: C) => ReturnType<Handler> {
  return (call) => {
    const threadId = toInteger(call.payload.message_thread_id);
    if (threadId === undefined) return handler(call);
    const chatId = toInteger(call.payload.chat_id) ?? 0;
    if (!forum.topic(chatId, threadId)) badRequest('message thread not found');
    const outcome = handler(call);
    const stamp = (message: FakeMessage) => {
      message.message_thread_id = threadId;
      message.is_topic_message = true;
    };
    for (const message of outcome.messages ?? []) {
      stamp(message);
      const stored = store.get(message.chat.id, message.message_id);
      if (stored) stamp(stored);
    }
    const result = outcome.result;
    if (result && typeof result === 'object' && 'chat' in result) stamp(result as FakeMessage);
    return outcome;
  };
}
