import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ApiTransport } from '../bot/api.ts';
import { escapeHtml } from '../bot/html.ts';
import { type ButtonView, dim, renderButtons, renderHtml } from './render.ts';

interface ShownMessage {
  message_id: number;
  chat: { id: number; type: 'private' | 'supergroup' };
  date: number;
  text: string;
  buttons: ButtonView[];
  /** The forum topic it was posted in (officers' group). */
  threadId?: number;
}

function buttonsOf(payload: Record<string, unknown>): ButtonView[] {
  const markup = payload.reply_markup as { inline_keyboard?: ButtonView[][] } | undefined;
  const rows = markup?.inline_keyboard ?? [];
  return rows.flat().map((button) => {
    const raw = button as { text: string; callback_data?: string; url?: string };
    return { text: raw.text, data: raw.callback_data, url: raw.url };
  });
}

/**
 * The Bot API as the offline console sees it: messages are printed instead of sent, and the
 * last keyboard of each chat is kept so `#N` can press its buttons.
 */
export class ConsoleTransport {
  private nextMessageId = 1;
  private nextThreadId = 1000;
  private readonly lastKeyboard = new Map<number, ShownMessage>();
  private readonly topicNames = new Map<number, string>();

  constructor(
    private readonly print: (line: string) => void,
    private readonly currentChat: () => number,
    private readonly outputDir: string,
    /** The officers' group the console plays (`/as group`): a forum where the bot is admin. */
    private readonly groupId?: number,
  ) {}

  /** The topic's current name, for the console's prompt. */
  topicName(threadId: number): string | undefined {
    return this.topicNames.get(threadId);
  }

  /** The last message with buttons shown in `chatId`, if any. */
  keyboardOf(chatId: number): ShownMessage | undefined {
    return this.lastKeyboard.get(chatId);
  }

  readonly transport: ApiTransport = async (method, payload) => {
    const chatId = Number(payload.chat_id);
    const thread =
      typeof payload.message_thread_id === 'number' ? payload.message_thread_id : undefined;
    const where =
      chatId === this.groupId
        ? `group${thread === undefined ? '' : ` · ${this.topicNames.get(thread) ?? `topic ${thread}`}`}`
        : `chat ${chatId}`;
    const header = () =>
      chatId === this.currentChat() && thread === undefined ? '' : dim(`→ ${where}: `);
    switch (method) {
      case 'getMe':
        return { id: 1, is_bot: true, first_name: 'KCN Bắc Ninh', username: 'kcn_offline_bot' };
      case 'getChat':
        return chatId === this.groupId
          ? { id: chatId, type: 'supergroup', title: 'Officers', is_forum: true }
          : { id: chatId, type: 'private' };
      case 'getChatMember':
        return { status: 'administrator', can_manage_topics: true, can_pin_messages: true };
      case 'createForumTopic': {
        const threadId = this.nextThreadId++;
        this.topicNames.set(threadId, String(payload.name));
        this.print(dim(`🗂 new topic in the group: ${String(payload.name)}`));
        return { message_thread_id: threadId, name: payload.name, icon_color: 0 };
      }
      case 'editForumTopic':
        this.topicNames.set(Number(payload.message_thread_id), String(payload.name));
        this.print(dim(`🗂 topic renamed: ${String(payload.name)}`));
        return true;
      case 'closeForumTopic':
      case 'reopenForumTopic':
        this.print(dim(`🗂 ${method === 'closeForumTopic' ? 'closed' : 'reopened'}: ${where}`));
        return true;
      case 'sendMessage':
      case 'editMessageText':
        return this.show(method, chatId, header(), String(payload.text ?? ''), payload);
      case 'sendPhoto':
      case 'sendDocument':
        return this.showFile(method, chatId, header(), payload);
      case 'answerCallbackQuery':
        if (typeof payload.text === 'string') this.print(dim(`(${payload.text})`));
        return true;
      case 'editMessageReplyMarkup': {
        const shown = this.lastKeyboard.get(chatId);
        if (!shown || shown.message_id !== payload.message_id) return true;
        const buttons = buttonsOf(payload);
        if (buttons.length === 0) {
          this.lastKeyboard.delete(chatId);
          return true;
        }
        shown.buttons = buttons;
        this.print(renderButtons(buttons));
        return true;
      }
      default:
        return true;
    }
  };

  private show(
    method: string,
    chatId: number,
    header: string,
    html: string,
    payload: Record<string, unknown>,
  ): ShownMessage {
    const editing = method === 'editMessageText' ? dim('(edited) ') : '';
    const thread =
      typeof payload.message_thread_id === 'number' ? payload.message_thread_id : undefined;
    const message: ShownMessage = {
      message_id: method === 'editMessageText' ? Number(payload.message_id) : this.nextMessageId++,
      chat: { id: chatId, type: chatId === this.groupId ? 'supergroup' : 'private' },
      date: Math.floor(Date.now() / 1000),
      text: html,
      buttons: buttonsOf(payload),
      ...(thread === undefined ? {} : { threadId: thread }),
    };
    this.print(`${header}${editing}${renderHtml(html)}`);
    if (message.buttons.length > 0) {
      this.print(renderButtons(message.buttons));
      this.lastKeyboard.set(chatId, message);
    }
    return message;
  }

  private async showFile(
    method: string,
    chatId: number,
    header: string,
    payload: Record<string, unknown>,
  ): Promise<ShownMessage> {
    const file = (method === 'sendPhoto' ? payload.photo : payload.document) as
      | string
      | { source?: Buffer | string; filename?: string };
    let description = typeof file === 'string' ? `file ${file}` : 'file';
    if (typeof file === 'object' && Buffer.isBuffer(file.source)) {
      await mkdir(this.outputDir, { recursive: true });
      const path = join(this.outputDir, file.filename ?? `file-${Date.now()}`);
      await writeFile(path, file.source);
      description = `saved to ${path}`;
    }
    const caption = typeof payload.caption === 'string' ? `\n${payload.caption}` : '';
    const icon = method === 'sendPhoto' ? '🖼' : '📎';
    return this.show(
      'sendMessage',
      chatId,
      header,
      `[${icon} ${escapeHtml(description)}]${caption}`,
      payload,
    );
  }
}
