import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ApiTransport } from '../bot/api.ts';
import { escapeHtml } from '../bot/html.ts';
import { type ButtonView, dim, renderButtons, renderHtml } from './render.ts';

interface ShownMessage {
  message_id: number;
  chat: { id: number; type: 'private' };
  date: number;
  text: string;
  buttons: ButtonView[];
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
  private readonly lastKeyboard = new Map<number, ShownMessage>();

  constructor(
    private readonly print: (line: string) => void,
    private readonly currentChat: () => number,
    private readonly outputDir: string,
  ) {}

  /** The last message with buttons shown in `chatId`, if any. */
  keyboardOf(chatId: number): ShownMessage | undefined {
    return this.lastKeyboard.get(chatId);
  }

  readonly transport: ApiTransport = async (method, payload) => {
    const chatId = Number(payload.chat_id);
    const header = () => (chatId === this.currentChat() ? '' : dim(`→ chat ${chatId}: `));
    switch (method) {
      case 'getMe':
        return { id: 1, is_bot: true, first_name: 'KCN Bắc Ninh', username: 'kcn_offline_bot' };
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
    const message: ShownMessage = {
      message_id: method === 'editMessageText' ? Number(payload.message_id) : this.nextMessageId++,
      chat: { id: chatId, type: 'private' },
      date: Math.floor(Date.now() / 1000),
      text: html,
      buttons: buttonsOf(payload),
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
