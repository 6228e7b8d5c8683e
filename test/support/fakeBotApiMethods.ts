import { createForumHandlers, type ForumState, inThread } from './fakeBotApiForum.ts';
import { validateText } from './fakeBotApiHtml.ts';
import type { UploadedFile } from './fakeBotApiHttp.ts';
import { validateReplyMarkup } from './fakeBotApiMarkup.ts';
import { type ChatStore, mediaContent, unixTime } from './fakeBotApiStore.ts';
import { badRequest, type FakeMessage, isRecord, toInteger } from './fakeBotApiTypes.ts';
import type { UpdateQueue } from './fakeBotApiUpdates.ts';

/** Methods that post a new message; these count against rate limits. */
export const SENDING_METHODS = new Set([
  'sendMessage',
  'sendPhoto',
  'sendDocument',
  'sendAudio',
  'sendVideo',
  'sendVoice',
  'sendAnimation',
  'sendSticker',
  'sendMediaGroup',
  'sendLocation',
  'sendVenue',
  'sendContact',
  'copyMessage',
  'copyMessages',
  'forwardMessage',
]);

/** Methods whose successful calls show up in a chat (new messages and edits). */
export const MESSAGE_METHODS = new Set([
  ...SENDING_METHODS,
  'editMessageText',
  'editMessageCaption',
  'editMessageReplyMarkup',
]);

/** Methods refused with 403 when the user blocked the bot. */
export const CHAT_METHODS = new Set([...MESSAGE_METHODS, 'sendChatAction']);

const MEDIA_METHODS: Record<string, string> = {
  sendPhoto: 'photo',
  sendDocument: 'document',
  sendAudio: 'audio',
  sendVideo: 'video',
  sendVoice: 'voice',
  sendAnimation: 'animation',
  sendSticker: 'sticker',
};

const NOT_MODIFIED =
  'message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message';

/** What the fake keeps besides chats: commands, webhook, open callback queries, updates. */
export interface FakeState {
  store: ChatStore;
  updates: UpdateQueue;
  commands: Map<string, unknown[]>;
  webhook: { url: string; secret_token?: string; allowed_updates?: unknown };
  openCallbackQueries: Set<string>;
  /** Forum topics, pinned messages and chat members. */
  forum: ForumState;
}

export interface MethodCall {
  payload: Record<string, unknown>;
  files: Map<string, UploadedFile>;
}

export interface MethodOutcome {
  result: unknown;
  /** Messages created or edited (snapshots). */
  messages?: FakeMessage[];
}

export type MethodHandler = (call: MethodCall) => MethodOutcome;

const snapshot = (message: FakeMessage): FakeMessage => structuredClone(message);
const sent = (message: FakeMessage): MethodOutcome => ({
  result: snapshot(message),
  messages: [snapshot(message)],
});

/** Key under which `setMyCommands` stores a scope + language pair. */
export function commandsKey(scope: unknown, languageCode: unknown): string {
  const lang = typeof languageCode === 'string' ? languageCode : '';
  return `${JSON.stringify(scope ?? { type: 'default' })}|${lang}`;
}

function validateCommands(commands: unknown): unknown[] {
  if (!Array.isArray(commands) || commands.length > 100) badRequest('BOT_COMMANDS_TOO_MUCH');
  for (const command of commands) {
    if (!isRecord(command)) badRequest("can't parse BotCommand");
    if (typeof command.command !== 'string' || !/^[a-z0-9_]{1,32}$/.test(command.command)) {
      badRequest('BOT_COMMAND_INVALID');
    }
    const description = command.description;
    if (typeof description !== 'string' || description.length < 1 || description.length > 256) {
      badRequest('BOT_COMMAND_DESCRIPTION_INVALID');
    }
  }
  return commands;
}

/** Sets or removes `reply_markup` on a stored message. */
function applyMarkup(message: FakeMessage, markup: Record<string, unknown> | undefined): void {
  if (markup) message.reply_markup = markup;
  else delete message.reply_markup;
}

const sameJson = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/** Fields of a message that `copyMessage`/`forwardMessage` carry over. */
function contentOf(message: FakeMessage): Record<string, unknown> {
  const { message_id, date, chat, from, edit_date, reply_markup, ...content } = message;
  return structuredClone(content);
}

/** Builds the handler of every supported method except `getUpdates` (held by the server). */
export function createMethodHandlers(state: FakeState): Record<string, MethodHandler> {
  const { store } = state;

  const editTarget = (payload: Record<string, unknown>): FakeMessage => {
    if (payload.inline_message_id !== undefined) badRequest('MESSAGE_ID_INVALID');
    return store.find(payload) ?? badRequest('message to edit not found');
  };

  const sendMedia =
    (kind: string): MethodHandler =>
    ({ payload, files }) => {
      const chat = store.chatFrom(payload.chat_id);
      const caption = validateText(payload.caption, payload.parse_mode, 'caption');
      const markup = validateReplyMarkup(payload.reply_markup);
      const file = store.resolveMedia(payload[kind], kind, files);
      return sent(
        store.add(
          chat.id,
          {
            ...mediaContent(kind, file),
            ...(caption && { caption }),
            ...(markup && { reply_markup: markup }),
          },
          store.bot,
        ),
      );
    };

  const copyOrForward =
    (forward: boolean): MethodHandler =>
    ({ payload }) => {
      const chat = store.chatFrom(payload.chat_id);
      const source = store.find(payload, 'from_chat_id');
      if (!source) badRequest(`message to ${forward ? 'forward' : 'copy'} not found`);
      const content = contentOf(source);
      if (!forward && payload.caption !== undefined && content.text === undefined) {
        content.caption = validateText(payload.caption, payload.parse_mode, 'caption');
      }
      const markup = forward ? undefined : validateReplyMarkup(payload.reply_markup);
      const origin = { type: 'user', sender_user: source.from, date: source.date };
      const message = store.add(
        chat.id,
        {
          ...content,
          ...(forward && { forward_origin: origin }),
          ...(markup && { reply_markup: markup }),
        },
        store.bot,
      );
      if (forward) return sent(message);
      return { result: { message_id: message.message_id }, messages: [snapshot(message)] };
    };

  const handlers: Record<string, MethodHandler> = {
    getMe: () => ({ result: store.bot }),
    getChat: ({ payload }) => ({ result: store.chatFrom(payload.chat_id) }),
    sendChatAction: ({ payload }) => {
      store.chatFrom(payload.chat_id);
      return { result: true };
    },
    sendMessage: ({ payload }) => {
      const chat = store.chatFrom(payload.chat_id);
      const text = validateText(payload.text, payload.parse_mode, 'text');
      const markup = validateReplyMarkup(payload.reply_markup);
      return sent(store.add(chat.id, { text, ...(markup && { reply_markup: markup }) }, store.bot));
    },
    sendMediaGroup: ({ payload, files }) => {
      const chat = store.chatFrom(payload.chat_id);
      const media = payload.media;
      if (!Array.isArray(media) || media.length < 2 || media.length > 10) {
        badRequest('media group must include 2-10 items');
      }
      const groupId = String(Date.now());
      const messages = media.map((item: unknown) => {
        if (!isRecord(item) || typeof item.type !== 'string') badRequest("can't parse InputMedia");
        const caption = validateText(item.caption, item.parse_mode, 'caption');
        const file = store.resolveMedia(item.media, item.type, files);
        const content = { ...mediaContent(item.type, file), ...(caption && { caption }) };
        return snapshot(store.add(chat.id, { ...content, media_group_id: groupId }, store.bot));
      });
      return { result: messages, messages };
    },
    sendLocation: ({ payload }) => {
      const chat = store.chatFrom(payload.chat_id);
      const location = { latitude: payload.latitude, longitude: payload.longitude };
      return sent(store.add(chat.id, { location }, store.bot));
    },
    sendVenue: ({ payload }) => {
      const chat = store.chatFrom(payload.chat_id);
      const location = { latitude: payload.latitude, longitude: payload.longitude };
      const venue = { location, title: payload.title, address: payload.address };
      return sent(store.add(chat.id, { location, venue }, store.bot));
    },
    sendContact: ({ payload }) => {
      const chat = store.chatFrom(payload.chat_id);
      const contact = { phone_number: payload.phone_number, first_name: payload.first_name };
      return sent(store.add(chat.id, { contact }, store.bot));
    },
    copyMessage: copyOrForward(false),
    copyMessages: (call) => {
      const ids = call.payload.message_ids;
      if (!Array.isArray(ids) || ids.length < 1 || ids.length > 100) badRequest('message_ids');
      const copied = ids.map((id: unknown) =>
        copyOrForward(false)({ ...call, payload: { ...call.payload, message_id: id } }),
      );
      return {
        result: copied.map((outcome) => outcome.result),
        messages: copied.flatMap((outcome) => outcome.messages ?? []),
      };
    },
    forwardMessage: copyOrForward(true),
    editMessageText: ({ payload }) => {
      const message = editTarget(payload);
      if (message.text === undefined) badRequest('there is no text in the message to edit');
      const text = validateText(payload.text, payload.parse_mode, 'text');
      const markup = validateReplyMarkup(payload.reply_markup);
      if (text === message.text && sameJson(markup, message.reply_markup)) badRequest(NOT_MODIFIED);
      message.text = text;
      applyMarkup(message, markup);
      message.edit_date = unixTime();
      return sent(message);
    },
    editMessageCaption: ({ payload }) => {
      const message = editTarget(payload);
      if (message.text !== undefined) badRequest('there is no caption in the message to edit');
      const caption = validateText(payload.caption, payload.parse_mode, 'caption');
      const markup = validateReplyMarkup(payload.reply_markup);
      if (caption === message.caption && sameJson(markup, message.reply_markup)) {
        badRequest(NOT_MODIFIED);
      }
      if (caption) message.caption = caption;
      else delete message.caption;
      applyMarkup(message, markup);
      message.edit_date = unixTime();
      return sent(message);
    },
    editMessageReplyMarkup: ({ payload }) => {
      const message = editTarget(payload);
      const markup = validateReplyMarkup(payload.reply_markup);
      if (sameJson(markup, message.reply_markup)) badRequest(NOT_MODIFIED);
      applyMarkup(message, markup);
      message.edit_date = unixTime();
      return sent(message);
    },
    deleteMessage: ({ payload }) => {
      const chat = store.chatFrom(payload.chat_id);
      const messageId = toInteger(payload.message_id);
      if (messageId === undefined || !store.delete(chat.id, messageId)) {
        badRequest('message to delete not found');
      }
      return { result: true };
    },
    answerCallbackQuery: ({ payload }) => {
      const id = String(payload.callback_query_id ?? '');
      if (!state.openCallbackQueries.delete(id)) {
        badRequest('query is too old and response timeout expired or query ID is invalid');
      }
      return { result: true };
    },
    getFile: ({ payload }) => {
      const file = store.file(String(payload.file_id ?? '')) ?? badRequest('invalid file_id');
      const { bytes, file_name, ...info } = file;
      return { result: { ...info, file_size: bytes.length } };
    },
    setMyCommands: ({ payload }) => {
      const commands = validateCommands(payload.commands);
      state.commands.set(commandsKey(payload.scope, payload.language_code), commands);
      return { result: true };
    },
    getMyCommands: ({ payload }) => ({
      result: state.commands.get(commandsKey(payload.scope, payload.language_code)) ?? [],
    }),
    deleteMyCommands: ({ payload }) => {
      state.commands.delete(commandsKey(payload.scope, payload.language_code));
      return { result: true };
    },
    setChatMenuButton: ({ payload }) => {
      const button = isRecord(payload.menu_button) ? payload.menu_button : { type: 'default' };
      if (button.type === 'web_app') {
        const webApp = isRecord(button.web_app) ? button.web_app : {};
        if (typeof webApp.url !== 'string' || !webApp.url.startsWith('https://'))
          badRequest('BUTTON_URL_INVALID');
        if (typeof button.text !== 'string' || button.text === '') badRequest('BUTTON_TEXT_EMPTY');
      }
      return { result: true };
    },
    setWebhook: ({ payload }) => {
      const url = typeof payload.url === 'string' ? payload.url : '';
      if (url !== '' && !/^https?:\/\/\S+$/.test(url)) badRequest('bad webhook: invalid URL');
      const secret = payload.secret_token;
      if (secret !== undefined && (typeof secret !== 'string' || !/^[\w-]{1,256}$/.test(secret))) {
        badRequest('secret token contains unallowed characters');
      }
      if (payload.drop_pending_updates === true) state.updates.clear();
      state.webhook = {
        url,
        ...(typeof secret === 'string' && { secret_token: secret }),
        ...(payload.allowed_updates !== undefined && { allowed_updates: payload.allowed_updates }),
      };
      return { result: true };
    },
    deleteWebhook: ({ payload }) => {
      if (payload.drop_pending_updates === true) state.updates.clear();
      state.webhook = { url: '' };
      return { result: true };
    },
    getWebhookInfo: () => ({
      result: {
        url: state.webhook.url,
        has_custom_certificate: false,
        pending_update_count: state.updates.pending,
        ...(state.webhook.allowed_updates !== undefined && {
          allowed_updates: state.webhook.allowed_updates,
        }),
      },
    }),
  };
  for (const [method, kind] of Object.entries(MEDIA_METHODS)) handlers[method] = sendMedia(kind);
  Object.assign(handlers, createForumHandlers(store, state.forum));
  for (const method of SENDING_METHODS) {
    const handler = handlers[method];
    if (handler) handlers[method] = inThread(handler, store, state.forum);
  }
  return handlers;
}
