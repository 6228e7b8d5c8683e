/** Shapes shared by the fake Bot API modules. They mirror Telegram's JSON, loosely typed. */

/** A Telegram user the test pretends to be. */
export interface FakeUser {
  id: number;
  first_name?: string;
  last_name?: string;
  username?: string;
  language_code?: string;
  is_bot?: false;
}

export type ChatType = 'private' | 'group' | 'supergroup' | 'channel';

export interface FakeChat {
  id: number;
  type: ChatType;
  title?: string;
  first_name?: string;
  username?: string;
  /** A supergroup with topics turned on. */
  is_forum?: boolean;
}

/** The bot's own user object, as `getMe` returns it. */
export interface BotInfo {
  id: number;
  is_bot: true;
  first_name: string;
  username: string;
  can_join_groups: boolean;
  can_read_all_group_messages: boolean;
  supports_inline_queries: boolean;
}

/** A message as Telegram would return it; content fields beyond the common ones are open. */
export interface FakeMessage {
  message_id: number;
  date: number;
  chat: FakeChat;
  from?: FakeUser | BotInfo;
  text?: string;
  caption?: string;
  reply_markup?: unknown;
  edit_date?: number;
  [field: string]: unknown;
}

export interface FakeCallbackQuery {
  id: string;
  from: FakeUser;
  message?: FakeMessage;
  chat_instance: string;
  data: string;
}

/** An update as delivered by `getUpdates`. */
export interface FakeUpdate {
  update_id: number;
  message?: FakeMessage;
  callback_query?: FakeCallbackQuery;
  [field: string]: unknown;
}

/** A button flattened out of an inline or reply keyboard. */
export interface FakeButton {
  text: string;
  data?: string;
  url?: string;
}

/** A file part of a multipart request, as recorded in {@link RecordedCall.payload}. */
export interface RecordedFile {
  filename: string;
  size: number;
  /** The bytes decoded as UTF-8, so tests can read an uploaded CSV. */
  content: string;
}

/** One HTTP request to the fake, recorded once it has been answered. */
export interface RecordedCall {
  /** Canonical method name (`sendMessage`), or the path segment as sent when unknown. */
  method: string;
  payload: Record<string, unknown>;
  /** When the request arrived: ms since the epoch, monotonic within the test process. */
  at: number;
  /** HTTP status answered; 499 when the client went away before the answer. */
  status: number;
  /** The JSON body answered: `{ ok: true, result }` or `{ ok: false, error_code, ... }`. */
  response: unknown;
  /** Messages this call created or edited, as they looked right after it. */
  messages?: FakeMessage[];
}

/** Error body of a failed Bot API call. */
export interface ApiErrorBody {
  error_code: number;
  description: string;
  parameters?: { retry_after?: number; migrate_to_chat_id?: number };
}

/** Thrown by method handlers; answered as `{ ok: false, ...body }` with HTTP status = error_code. */
export class ApiFailure extends Error {
  constructor(readonly body: ApiErrorBody) {
    super(`${body.error_code}: ${body.description}`);
    this.name = 'ApiFailure';
  }
}

/** Throws a Telegram-style 400 error. */
export function badRequest(description: string): never {
  throw new ApiFailure({ error_code: 400, description: `Bad Request: ${description}` });
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reads an integer from a JSON number or a numeric form field. */
export function toInteger(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isInteger(value)) return value;
  if (typeof value === 'string' && /^-?\d+$/.test(value.trim())) return Number(value);
  return undefined;
}

/** Milliseconds since the epoch that never go backwards within this process. */
export function nowMs(): number {
  return performance.timeOrigin + performance.now();
}
