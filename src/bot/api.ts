import type { Logger } from 'pino';
import { type Telegram, TelegramError } from 'telegraf';
import { htmlToPlainText, splitHtmlMessage, TELEGRAM_TEXT_LIMIT } from './html.ts';

/** The raw Bot API call: HTTP in production, a printer in the offline console, a stub in tests. */
export type ApiTransport = (method: string, payload: Record<string, unknown>) => Promise<unknown>;

export interface ApiPolicy {
  logger: Logger;
  /** Called once Telegram says a chat blocked the bot (403); the call is not retried. */
  onBlocked: (chatId: number) => Promise<void>;
  /** Replaces HTTP; used by the offline console. */
  transport?: ApiTransport | undefined;
  /**
   * Longest `retry_after` waited out inside a handler, in seconds; a longer one fails the call
   * instead of stalling it. Only that chat's own lane waits (see src/updates/dispatcher.ts);
   * notifications that must arrive go through the paced outbox, which never sleeps in a handler.
   */
  maxRetryAfterSeconds?: number;
  /** How many 429 answers one call waits out before it fails. */
  maxRateLimitRetries?: number;
  /** Attempts after the first for 429, 5xx and network errors. */
  maxRetries?: number;
  sleep?: (ms: number) => Promise<void>;
}

const HTML_METHODS = new Set([
  'sendMessage',
  'editMessageText',
  'sendPhoto',
  'sendDocument',
  'sendVideo',
  'sendAnimation',
  'sendAudio',
  'sendVoice',
  'editMessageCaption',
  'copyMessage',
]);
/** Methods with their own retry logic (the update poller). */
const UNMANAGED_METHODS = new Set(['getUpdates']);
const NETWORK_ERROR_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ETIMEDOUT',
  'EPIPE',
  'EAI_AGAIN',
  'UND_ERR_SOCKET',
]);

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function isNetworkError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as NodeJS.ErrnoException).code;
  return (code !== undefined && NETWORK_ERROR_CODES.has(code)) || error.name === 'FetchError';
}

function withHtmlDefault(
  method: string,
  payload: Record<string, unknown>,
): Record<string, unknown> {
  if (!HTML_METHODS.has(method) || payload.parse_mode !== undefined) return payload;
  if (payload.text === undefined && payload.caption === undefined) return payload;
  return { ...payload, parse_mode: 'HTML' };
}

/** `telegram.callApi` as the sending policy sees it: a method name, plain payload, our options. */
export type ManagedCallApi = (
  method: string,
  payload: Record<string, unknown>,
  options?: CallOptions,
) => Promise<unknown>;

/**
 * The one place telegraf's generic `callApi<M>(method: M, payload: Opts<M>, { signal })` is seen
 * through {@link ManagedCallApi}: the policy replaces it with a function of that shape, and
 * callers with per-call options call it through here. test/bot/api.test.ts pins the telegraf
 * signature this relies on, so an upgrade that changes it fails there.
 */
function callApiOf(telegram: Telegram): { callApi: ManagedCallApi } {
  return telegram as unknown as { callApi: ManagedCallApi };
}

/**
 * Puts the house rules on every Bot API call made through `telegram`: HTML by default,
 * long texts split, 429 waited out, 5xx and network errors retried with backoff, and a
 * 403 reported as a blocked chat. Telegraf makes a Telegram object per update, so this
 * is applied to each of them by a middleware, and once to `bot.telegram`.
 */
export function applyApiPolicy(telegram: Telegram, policy: ApiPolicy): void {
  const sleep = policy.sleep ?? defaultSleep;
  const maxRetries = policy.maxRetries ?? 4;
  const maxRetryAfter = policy.maxRetryAfterSeconds ?? 5;
  const maxRateLimitRetries = policy.maxRateLimitRetries ?? 1;
  const managedView = callApiOf(telegram);
  const originalCall: ManagedCallApi = managedView.callApi.bind(telegram);
  const original: ApiTransport = originalCall;
  const transport = policy.transport ?? original;

  const callWithRetry = async (
    method: string,
    payload: Record<string, unknown>,
    options?: CallOptions,
  ) => {
    let rateLimits = 0;
    for (let attempt = 0; ; attempt += 1) {
      try {
        return await transport(method, payload);
      } catch (error) {
        const rateLimited = error instanceof TelegramError && error.code === 429;
        if (rateLimited) rateLimits += 1;
        const delay =
          rateLimited && (options?.retryRateLimit === false || rateLimits > maxRateLimitRetries)
            ? null
            : retryDelay(error, attempt, maxRetries, maxRetryAfter);
        if (
          error instanceof TelegramError &&
          error.code === 403 &&
          typeof payload.chat_id === 'number'
        ) {
          policy.logger.info({ method }, 'a chat blocked the bot; marking it inactive');
          await policy.onBlocked(payload.chat_id);
        }
        if (delay === null) throw error;
        policy.logger.warn({ method, attempt, delayMs: delay }, 'Bot API call failed; retrying');
        await sleep(delay);
      }
    }
  };

  const managed: ManagedCallApi = async (method, payload, options) => {
    // getUpdates keeps its third argument: the poller's abort signal.
    if (method === 'answerCallbackQuery') return answerQuietly(callWithRetry, payload, options);
    if (UNMANAGED_METHODS.has(method)) {
      return policy.transport
        ? policy.transport(method, payload)
        : originalCall(method, payload, options);
    }
    const prepared = withHtmlDefault(method, payload);
    const text = prepared.text;
    if (typeof text !== 'string' || htmlToPlainText(text).length <= TELEGRAM_TEXT_LIMIT) {
      return callWithRetry(method, prepared, options);
    }
    if (method !== 'sendMessage') {
      const [first = text] = splitHtmlMessage(text);
      return callWithRetry(method, { ...prepared, text: `${first}\n…` });
    }
    const parts = splitHtmlMessage(text);
    let last: unknown;
    for (const [index, part] of parts.entries()) {
      const isLast = index === parts.length - 1;
      const { reply_markup, reply_parameters, ...rest } = prepared;
      last = await callWithRetry(method, {
        ...rest,
        text: part,
        ...(index === 0 && reply_parameters !== undefined ? { reply_parameters } : {}),
        ...(isLast && reply_markup !== undefined ? { reply_markup } : {}),
      });
    }
    return last;
  };

  managedView.callApi = managed;
}

/**
 * Answering a button press only stops its spinner. An update handled again after a restart, or
 * one that waited behind a slow chat, finds its query expired (400): that must not stop the
 * handler from doing what the press asked.
 */
async function answerQuietly(
  call: (
    method: string,
    payload: Record<string, unknown>,
    options?: CallOptions,
  ) => Promise<unknown>,
  payload: Record<string, unknown>,
  options: CallOptions | undefined,
): Promise<unknown> {
  try {
    return await call('answerCallbackQuery', payload, options);
  } catch (error) {
    if (error instanceof TelegramError && error.code === 400) return true;
    throw error;
  }
}

/** Per-call options, given as the third argument of a managed `telegram.callApi`. */
export interface CallOptions {
  /**
   * false: a 429 is thrown at once instead of waited out, for callers that pace themselves
   * (the outbox pauses its whole queue on a 429 rather than stalling one send).
   */
  retryRateLimit?: boolean;
  /** Aborts the call (the poller's long poll on shutdown); passed through to telegraf. */
  signal?: AbortSignal;
}

/** Calls the Bot API through the house rules with per-call options (see {@link CallOptions}). */
export function callApiWith(
  telegram: Telegram,
  method: string,
  payload: Record<string, unknown>,
  options: CallOptions,
): Promise<unknown> {
  return callApiOf(telegram).callApi(method, payload, options);
}

/** Milliseconds to wait before the next attempt, or null when the error is final. */
function retryDelay(
  error: unknown,
  attempt: number,
  maxRetries: number,
  maxRetryAfter: number,
): number | null {
  if (attempt >= maxRetries) return null;
  if (error instanceof TelegramError) {
    if (error.code === 429) {
      const seconds = error.parameters?.retry_after ?? 1;
      return seconds > maxRetryAfter ? null : seconds * 1000;
    }
    if (error.code >= 500) return backoff(attempt);
    return null;
  }
  return isNetworkError(error) ? backoff(attempt) : null;
}

function backoff(attempt: number): number {
  return Math.min(500 * 2 ** attempt, 8000) + Math.floor(Math.random() * 250);
}
