import type { Telegram } from 'telegraf';

/**
 * The forum-topic part of the Bot API, called through `callApi` (so the house sending rules
 * apply) with types of our own: these are the fields the desk uses, as the Bot API documents them.
 */
export interface ForumTopic {
  message_thread_id: number;
  name: string;
  icon_color: number;
}

/** The part of a ChatMember the rights check reads. */
export interface ChatMemberRights {
  status: 'creator' | 'administrator' | 'member' | 'restricted' | 'left' | 'kicked';
  can_manage_topics?: boolean;
  can_pin_messages?: boolean;
  can_delete_messages?: boolean;
}

export interface ChatInfo {
  id: number;
  type: 'private' | 'group' | 'supergroup' | 'channel';
  is_forum?: boolean;
}

/** Topic names are capped at 128 characters by Telegram. */
export const TOPIC_NAME_LIMIT = 128;

type Call = (method: string, payload: Record<string, unknown>) => Promise<unknown>;

const caller = (telegram: Telegram): Call => {
  const call = telegram.callApi as unknown as Call;
  return (method, payload) => call.call(telegram, method, payload);
};

/** Typed wrappers over the topic methods; each one is a single Bot API call. */
export function topicApi(telegram: Telegram) {
  const call = caller(telegram);
  return {
    createForumTopic: (chatId: number, name: string) =>
      call('createForumTopic', { chat_id: chatId, name }) as Promise<ForumTopic>,
    editForumTopic: (chatId: number, threadId: number, name: string) =>
      call('editForumTopic', { chat_id: chatId, message_thread_id: threadId, name }),
    closeForumTopic: (chatId: number, threadId: number) =>
      call('closeForumTopic', { chat_id: chatId, message_thread_id: threadId }),
    reopenForumTopic: (chatId: number, threadId: number) =>
      call('reopenForumTopic', { chat_id: chatId, message_thread_id: threadId }),
    getChat: (chatId: number) => call('getChat', { chat_id: chatId }) as Promise<ChatInfo>,
    getChatMember: (chatId: number, userId: number) =>
      call('getChatMember', { chat_id: chatId, user_id: userId }) as Promise<ChatMemberRights>,
  };
}
export type TopicApi = ReturnType<typeof topicApi>;

/** `message_thread_id` and `is_topic_message` of an incoming message (Bot API 6.3+). */
export function threadOf(message: object): number | undefined {
  const fields = message as { message_thread_id?: unknown; is_topic_message?: unknown };
  return fields.is_topic_message === true && typeof fields.message_thread_id === 'number'
    ? fields.message_thread_id
    : undefined;
}
