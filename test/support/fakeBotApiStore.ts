import type { UploadedFile } from './fakeBotApiHttp.ts';
import {
  type BotInfo,
  badRequest,
  type FakeButton,
  type FakeChat,
  type FakeMessage,
  type FakeUser,
  isRecord,
  toInteger,
} from './fakeBotApiTypes.ts';

/** A file the fake can hand out through `getFile` and the `/file/bot<token>/…` download route. */
export interface StoredFile {
  file_id: string;
  file_unique_id: string;
  file_path: string;
  file_name?: string;
  bytes: Buffer;
}

const MIME_TYPES: Record<string, string> = {
  csv: 'text/csv',
  txt: 'text/plain',
  json: 'application/json',
  pdf: 'application/pdf',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

export function mimeTypeOf(fileName: string): string {
  const extension = fileName.split('.').pop()?.toLowerCase() ?? '';
  return MIME_TYPES[extension] ?? 'application/octet-stream';
}

export const unixTime = (): number => Math.floor(Date.now() / 1000);

/** Chats, their messages (from users and from the bot) and files, as Telegram's servers keep them. */
export class ChatStore {
  private readonly chats = new Map<number, FakeChat>();
  private readonly messages = new Map<number, Map<number, FakeMessage>>();
  private readonly lastIds = new Map<number, number>();
  private readonly files = new Map<string, StoredFile>();
  private fileCount = 0;

  constructor(readonly bot: BotInfo) {}

  /** Records the chat as users' updates describe it (title, username…). */
  rememberChat(chat: FakeChat): FakeChat {
    this.chats.set(chat.id, chat);
    return chat;
  }

  /** The chat with this id; unknown ids are accepted as private (id > 0) or supergroup chats. */
  chat(id: number): FakeChat {
    return (
      this.chats.get(id) ??
      this.rememberChat(
        id > 0 ? { id, type: 'private' } : { id, type: 'supergroup', title: 'Chat' },
      )
    );
  }

  /** Reads `chat_id` (or another field) as a numeric chat; `@username` ids are not supported. */
  chatFrom(value: unknown): FakeChat {
    const id = toInteger(value);
    if (id === undefined || id === 0) badRequest('chat not found');
    return this.chat(id);
  }

  /** Adds a message with the next message_id of its chat. */
  add(chatId: number, content: Record<string, unknown>, from: FakeUser | BotInfo): FakeMessage {
    const messageId = (this.lastIds.get(chatId) ?? 0) + 1;
    this.lastIds.set(chatId, messageId);
    const message: FakeMessage = {
      message_id: messageId,
      from,
      chat: this.chat(chatId),
      date: unixTime(),
      ...content,
    };
    const chatMessages = this.messages.get(chatId) ?? new Map<number, FakeMessage>();
    chatMessages.set(messageId, message);
    this.messages.set(chatId, chatMessages);
    return message;
  }

  get(chatId: number, messageId: number): FakeMessage | undefined {
    return this.messages.get(chatId)?.get(messageId);
  }

  /** Finds the message named by `chat_id` + `message_id` in a payload. */
  find(payload: Record<string, unknown>, chatField = 'chat_id'): FakeMessage | undefined {
    const chatId = toInteger(payload[chatField]);
    const messageId = toInteger(payload.message_id);
    if (chatId === undefined || messageId === undefined) return undefined;
    return this.get(chatId, messageId);
  }

  delete(chatId: number, messageId: number): boolean {
    return this.messages.get(chatId)?.delete(messageId) ?? false;
  }

  /** The bot's latest message still present in the chat. */
  lastFromBot(chatId: number): FakeMessage | undefined {
    const all = [...(this.messages.get(chatId)?.values() ?? [])];
    return all.filter((message) => message.from?.id === this.bot.id).at(-1);
  }

  /** Registers file bytes under `fileId` (or a fresh id) so `getFile` and downloads work. */
  registerFile(fileId: string | undefined, bytes: Buffer, fileName?: string): StoredFile {
    this.fileCount++;
    const id = fileId ?? `BQACAgIAAxkBAAI${this.fileCount.toString().padStart(4, '0')}fake`;
    const extension = fileName?.includes('.') ? `.${fileName.split('.').pop()}` : '';
    const file: StoredFile = {
      file_id: id,
      file_unique_id: `AgAD${this.fileCount}`,
      file_path: `documents/file_${this.fileCount}${extension}`,
      bytes,
      ...(fileName !== undefined && { file_name: fileName }),
    };
    this.files.set(id, file);
    return file;
  }

  file(fileId: string): StoredFile | undefined {
    return this.files.get(fileId);
  }

  fileByPath(filePath: string): StoredFile | undefined {
    return [...this.files.values()].find((file) => file.file_path === filePath);
  }

  /**
   * Resolves a media field: an uploaded part (`files` under `field`), an `attach://name`
   * reference, a known file_id or any other string (taken as a file_id or URL).
   */
  resolveMedia(value: unknown, field: string, files: Map<string, UploadedFile>): StoredFile {
    const attached = typeof value === 'string' && value.startsWith('attach://');
    const upload = files.get(attached ? value.slice('attach://'.length) : field);
    if (upload && (attached || isRecord(value))) {
      return this.registerFile(undefined, upload.bytes, upload.filename);
    }
    if (typeof value === 'string' && value !== '' && !attached) {
      return this.file(value) ?? this.registerFile(value, Buffer.alloc(0));
    }
    return badRequest(`there is no ${field} in the request`);
  }
}

/** Message content for a media kind (photo, document, video…) carrying the file. */
export function mediaContent(kind: string, file: StoredFile): Record<string, unknown> {
  const base = {
    file_id: file.file_id,
    file_unique_id: file.file_unique_id,
    file_size: file.bytes.length,
  };
  if (kind === 'photo') {
    return {
      photo: [
        { ...base, width: 90, height: 90 },
        { ...base, width: 800, height: 800 },
      ],
    };
  }
  if (kind === 'document') {
    const fileName = file.file_name ?? 'file';
    return { document: { ...base, file_name: fileName, mime_type: mimeTypeOf(fileName) } };
  }
  return { [kind]: base };
}

/** Flattens an inline or reply keyboard into its buttons. */
export function buttonsOfMarkup(markup: unknown): FakeButton[] {
  if (!isRecord(markup)) return [];
  const rows = markup.inline_keyboard ?? markup.keyboard;
  if (!Array.isArray(rows)) return [];
  return rows.flatMap((row: unknown) => (Array.isArray(row) ? row : [])).map(toButton);
}

function toButton(button: unknown): FakeButton {
  if (typeof button === 'string') return { text: button };
  if (!isRecord(button)) return { text: String(button) };
  const { text, callback_data: data, url } = button;
  return {
    text: String(text),
    ...(typeof data === 'string' && { data }),
    ...(typeof url === 'string' && { url }),
  };
}
