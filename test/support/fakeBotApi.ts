import { EventEmitter } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ForumState } from './fakeBotApiForum.ts';
import { type ParsedRequest, readRequest, sendJson } from './fakeBotApiHttp.ts';
import { callsToChat, describeCalls, textsInChat } from './fakeBotApiInspect.ts';
import {
  CHAT_METHODS,
  commandsKey,
  createMethodHandlers,
  type FakeState,
  type MethodHandler,
  SENDING_METHODS,
} from './fakeBotApiMethods.ts';
import { type RateLimit, RateLimiter } from './fakeBotApiRateLimit.ts';
import { buttonsOfMarkup, ChatStore } from './fakeBotApiStore.ts';
import {
  type ApiErrorBody,
  ApiFailure,
  type BotInfo,
  type FakeButton,
  type FakeMessage,
  type FakeUpdate,
  nowMs,
  type RecordedCall,
  toInteger,
} from './fakeBotApiTypes.ts';
import { LongPoller, UpdateQueue } from './fakeBotApiUpdates.ts';
import { FakeUsers } from './fakeBotApiUsers.ts';
import { onEvents, type WaitOptions, waitUntil } from './waitFor.ts';

export type { FakeChatMember, FakeTopic } from './fakeBotApiForum.ts';
export type * from './fakeBotApiTypes.ts';
export type { WaitOptions } from './waitFor.ts';

/** Passes the bot's config check (`digits:20+ word chars`), unlike a bare `123456:TEST`. */
export const DEFAULT_TOKEN = '123456:TEST-fake-bot-api-token-0000';

export interface FakeBotApiOptions {
  token?: string;
  /** Overrides of the `getMe` result; `id` defaults to the token's numeric prefix. */
  botInfo?: Partial<BotInfo>;
  /** Messages per second for sending methods; over it calls get 429 with `retry_after`. */
  rateLimit?: RateLimit | null;
  /** Cap on how long `getUpdates` holds a request, whatever its `timeout`. */
  longPollMaxMs?: number;
  /** Delay before answering every call except `getUpdates`, like a slow link to Telegram. */
  latencyMs?: number;
}

/** A message as the chat currently shows it; `text` is the text or the caption ('' if none). */
export interface ShownMessage {
  message_id: number;
  chat: FakeMessage['chat'];
  text: string;
  reply_markup?: unknown;
  message: FakeMessage;
}

interface InjectedFailure {
  error: { error_code: number; description: string; retry_after?: number };
  remaining: number;
}

/**
 * A loopback Telegram Bot API for end-to-end tests: the real bot long-polls it through
 * `TELEGRAM_API_ROOT`, tests drive it as users and inspect every call the bot made.
 */
export class FakeBotApi extends FakeUsers {
  readonly calls: RecordedCall[] = [];
  /** 'call' for each recorded call, 'hold' when a getUpdates long poll starts being held. */
  readonly events = new EventEmitter<{ call: [RecordedCall]; hold: [] }>();
  /** Number of 429 answers, from the rate limit or from {@link failNext}. */
  tooManyRequestsCount = 0;
  private readonly handlers: Record<string, MethodHandler>;
  private readonly canonical = new Map<string, string>();
  private readonly failures = new Map<string, InjectedFailure[]>();
  private readonly chatFailures = new Map<number, InjectedFailure[]>();
  /** Delay before answering every call except `getUpdates`; change it at any time. */
  latencyMs: number;
  private readonly blocked = new Set<number>();
  private readonly limiter: RateLimiter | undefined;
  private readonly poller: LongPoller;
  private stopping = false;

  private constructor(
    private readonly server: Server,
    readonly apiRoot: string,
    readonly token: string,
    state: FakeState,
    options: FakeBotApiOptions,
  ) {
    super(state);
    this.handlers = createMethodHandlers(state);
    for (const method of [...Object.keys(this.handlers), 'getUpdates']) {
      this.canonical.set(method.toLowerCase(), method);
    }
    this.poller = new LongPoller(state.updates, options.longPollMaxMs, () =>
      this.events.emit('hold'),
    );
    this.latencyMs = options.latencyMs ?? 0;
    this.limiter = options.rateLimit ? new RateLimiter(options.rateLimit) : undefined;
  }

  /** Starts listening on 127.0.0.1 on a free port. */
  static async start(options: FakeBotApiOptions = {}): Promise<FakeBotApi> {
    const token = options.token ?? DEFAULT_TOKEN;
    const bot: BotInfo = {
      id: toInteger(token.split(':')[0]) ?? 123456,
      is_bot: true,
      first_name: 'KCN Test Bot',
      username: 'kcn_test_bot',
      can_join_groups: true,
      can_read_all_group_messages: false,
      supports_inline_queries: false,
      ...options.botInfo,
    };
    const state: FakeState = {
      store: new ChatStore(bot),
      updates: new UpdateQueue(),
      commands: new Map(),
      webhook: { url: '' },
      openCallbackQueries: new Set(),
      forum: new ForumState(),
    };
    const server = createServer();
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    const { port } = server.address() as AddressInfo;
    const api = new FakeBotApi(server, `http://127.0.0.1:${port}`, token, state, options);
    server.on('request', (req, res) => void api.handle(req, res));
    return api;
  }

  // --- inspecting ---

  /** Successful calls that put or edited a message in this chat, in order. */
  sentTo(chatId: number): RecordedCall[] {
    return callsToChat(this.calls, chatId);
  }

  /** Text or caption of each message sent to or edited in this chat, as the user sees it. */
  textsTo(chatId: number): string[] {
    return textsInChat(this.calls, chatId);
  }

  /** The bot's latest message still in the chat, after edits and deletions. */
  lastMessageTo(chatId: number): ShownMessage | undefined {
    const message = this.state.store.lastFromBot(chatId);
    if (!message) return undefined;
    return {
      message_id: message.message_id,
      chat: message.chat,
      text: message.text ?? message.caption ?? '',
      ...(message.reply_markup !== undefined && { reply_markup: message.reply_markup }),
      message: structuredClone(message),
    };
  }

  /** Buttons of an inline or reply keyboard, row by row. */
  buttonsOf(message: { reply_markup?: unknown } | undefined): FakeButton[] {
    return buttonsOfMarkup(message?.reply_markup);
  }

  /**
   * Resolves with `predicate`'s first truthy value, checked again on every call the bot makes
   * (and every long poll it starts), never on a timer; on timeout lists the last calls.
   */
  waitFor<T>(predicate: () => T | undefined | null | false, options: WaitOptions = {}): Promise<T> {
    const changes = onEvents(this.events, 'call', 'hold');
    return waitUntil(changes, predicate, { ...options, details: () => this.describeCalls() });
  }

  /** Resolves with the first recorded call (already recorded or future) matching `predicate`. */
  waitForCall(
    predicate: (call: RecordedCall) => boolean,
    options: WaitOptions & { fromIndex?: number } = {},
  ): Promise<RecordedCall> {
    const from = options.fromIndex ?? 0;
    return this.waitFor(() => this.calls.slice(from).find(predicate), {
      what: 'a matching call',
      ...options,
    });
  }

  /** Resolves once the bot holds a getUpdates long poll, i.e. it is up and idle. */
  waitUntilPolling(options: WaitOptions = {}): Promise<true> {
    return this.waitFor(() => this.poller.waiting > 0, {
      what: 'the bot to long-poll getUpdates',
      ...options,
    });
  }

  countOf(method: string): number {
    return this.calls.filter((call) => call.method === method).length;
  }

  /** Commands stored by `setMyCommands` for a scope (default scope if omitted) and language. */
  commands(scope?: Record<string, unknown>, languageCode?: string): unknown[] {
    return this.state.commands.get(commandsKey(scope, languageCode)) ?? [];
  }

  /** The webhook set by `setWebhook` (`url` is '' when none). */
  get webhook(): FakeState['webhook'] {
    return { ...this.state.webhook };
  }

  /** One line per recent call, for failure messages. */
  describeCalls(last = 15): string {
    return describeCalls(this.calls, last);
  }

  // --- failures ---

  /** Answers the next `times` calls of `method` with this error instead of handling them. */
  failNext(
    method: string,
    error: { error_code: number; description: string; retry_after?: number },
    times = 1,
  ): void {
    const name = this.canonical.get(method.toLowerCase()) ?? method;
    const queue = this.failures.get(name) ?? [];
    queue.push({ error, remaining: times });
    this.failures.set(name, queue);
  }

  /**
   * Answers the next `times` sending calls aimed at `chatId` with this error (e.g. a 429 with
   * `retry_after` for one chat only), leaving other chats unaffected.
   */
  failNextTo(
    chatId: number,
    error: { error_code: number; description: string; retry_after?: number },
    times = 1,
  ): void {
    const queue = this.chatFailures.get(chatId) ?? [];
    queue.push({ error, remaining: times });
    this.chatFailures.set(chatId, queue);
  }

  /** Makes every send to this chat fail with 403, as when the user blocked the bot. */
  block(chatId: number): void {
    this.blocked.add(chatId);
  }

  unblock(chatId: number): void {
    this.blocked.delete(chatId);
  }

  /**
   * Webhook mode, as Telegram does it: every update queued from now on is taken off the
   * getUpdates queue and handed to `deliver` (which posts it to a webhook). Returns the stop.
   */
  relayUpdates(deliver: (update: FakeUpdate) => void): () => void {
    return this.state.updates.onPush(() => {
      const taken = this.state.updates.take(1000);
      const last = taken.at(-1);
      if (!last) return;
      this.state.updates.confirm(last.update_id + 1);
      for (const update of taken) deliver(update);
    });
  }

  /** Ends pending long polls with `[]`, then closes the server and its connections. */
  async stop(): Promise<void> {
    if (this.stopping) return;
    this.stopping = true;
    this.poller.stop();
    await new Promise((resolve) => setImmediate(resolve));
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    this.server.closeAllConnections();
    await closed;
  }

  // --- serving ---

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const at = nowMs();
    let request: ParsedRequest;
    try {
      request = await readRequest(req, this.apiRoot);
    } catch (error) {
      const body =
        error instanceof ApiFailure ? error.body : { error_code: 400, description: 'Bad Request' };
      const response = { ok: false, ...body };
      const method = (req.url ?? '').split('?')[0]?.split('/').pop() ?? '';
      sendJson(res, body.error_code, response);
      this.record({ method, payload: {}, at, status: body.error_code, response });
      return;
    }
    const download = /^\/file\/bot([^/]+)\/(.+)$/.exec(request.path);
    if (download) {
      this.serveFile(res, download[1] ?? '', download[2] ?? '');
      return;
    }
    const route = /^\/bot([^/]+)\/(?:test\/)?([^/]+)$/.exec(request.path);
    const name = route?.[2] ?? request.path;
    const method = this.canonical.get(name.toLowerCase()) ?? name;
    const { payload } = request;
    const finish = (status: number, response: unknown, messages?: FakeMessage[]): void => {
      const answered = res.destroyed && !res.writableEnded ? 499 : status;
      sendJson(res, status, response);
      this.record({
        method,
        payload,
        at,
        status: answered,
        response,
        ...(messages && { messages }),
      });
    };
    try {
      if (!route) throw new ApiFailure({ error_code: 404, description: 'Not Found' });
      if (route[1] !== this.token)
        throw new ApiFailure({ error_code: 401, description: 'Unauthorized' });
      const handler = this.handlers[method];
      if (!handler && method !== 'getUpdates') {
        throw new ApiFailure({ error_code: 404, description: 'Not Found: method not found' });
      }
      if (this.latencyMs > 0 && method !== 'getUpdates') {
        await new Promise((resolve) => setTimeout(resolve, this.latencyMs));
      }
      this.throwInjectedFailure(method);
      if (!handler) {
        finish(200, {
          ok: true,
          result: await this.poller.getUpdates(payload, res, this.state.webhook.url !== ''),
        });
        return;
      }
      this.guardChat(method, payload);
      const outcome = handler(request);
      finish(200, { ok: true, result: outcome.result }, outcome.messages);
    } catch (error) {
      const body: ApiErrorBody =
        error instanceof ApiFailure
          ? error.body
          : { error_code: 500, description: `Internal Server Error: ${String(error)}` };
      if (body.error_code === 429) this.tooManyRequestsCount++;
      finish(body.error_code, { ok: false, ...body });
    }
  }

  private record(call: RecordedCall): void {
    this.calls.push(call);
    this.events.emit('call', call);
  }

  private throwInjectedFailure(method: string, queue = this.failures.get(method)): void {
    const next = queue?.[0];
    if (!queue || !next) return;
    next.remaining--;
    if (next.remaining <= 0) queue.shift();
    const { retry_after, ...rest } = next.error;
    throw new ApiFailure({
      ...rest,
      ...(retry_after !== undefined && { parameters: { retry_after } }),
    });
  }

  /** Applies blocking (403) and the rate limit (429) to calls aimed at a chat. */
  private guardChat(method: string, payload: Record<string, unknown>): void {
    const chatId = toInteger(payload.chat_id);
    if (chatId === undefined || !CHAT_METHODS.has(method)) return;
    if (SENDING_METHODS.has(method))
      this.throwInjectedFailure(method, this.chatFailures.get(chatId));
    if (this.blocked.has(chatId)) {
      throw new ApiFailure({
        error_code: 403,
        description: 'Forbidden: bot was blocked by the user',
      });
    }
    if (!this.limiter || !SENDING_METHODS.has(method)) return;
    const retryAfter = this.limiter.admit(chatId, nowMs());
    if (retryAfter !== undefined) {
      throw new ApiFailure({
        error_code: 429,
        description: `Too Many Requests: retry after ${retryAfter}`,
        parameters: { retry_after: retryAfter },
      });
    }
  }

  private serveFile(res: ServerResponse, token: string, filePath: string): void {
    const file = token === this.token ? this.state.store.fileByPath(filePath) : undefined;
    if (!file) {
      sendJson(res, 404, { ok: false, error_code: 404, description: 'Not Found' });
      return;
    }
    res.writeHead(200, {
      'content-type': 'application/octet-stream',
      'content-length': file.bytes.length,
    });
    res.end(file.bytes);
  }
}
