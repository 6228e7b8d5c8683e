import { pino } from 'pino';
import { Telegram, TelegramError } from 'telegraf';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { type ApiTransport, applyApiPolicy, callApiWith } from '../../src/bot/api.ts';

interface Recorded {
  method: string;
  payload: Record<string, unknown>;
}

function setup(answers: ((call: Recorded) => unknown)[]) {
  const calls: Recorded[] = [];
  const sleeps: number[] = [];
  const blocked: number[] = [];
  const transport: ApiTransport = async (method, payload) => {
    const call = { method, payload };
    calls.push(call);
    const answer = answers.shift();
    const result = answer ? answer(call) : { message_id: calls.length };
    if (result instanceof Error) throw result;
    return result;
  };
  const telegram = new Telegram('123:abc', {});
  applyApiPolicy(telegram, {
    logger: pino({ level: 'silent' }),
    transport,
    onBlocked: async (chatId) => {
      blocked.push(chatId);
    },
    sleep: async (ms) => {
      sleeps.push(ms);
    },
  });
  return { telegram, calls, sleeps, blocked };
}

const apiError = (code: number, description: string, retryAfter?: number) =>
  new TelegramError({
    error_code: code,
    description,
    ...(retryAfter ? { parameters: { retry_after: retryAfter } } : {}),
  });

describe('applyApiPolicy', () => {
  it('sends HTML unless told otherwise', async () => {
    const { telegram, calls } = setup([]);
    await telegram.sendMessage(1, '<b>hi</b>');
    await telegram.sendMessage(1, 'plain', { parse_mode: 'MarkdownV2' });
    expect(calls.map((c) => c.payload.parse_mode)).toEqual(['HTML', 'MarkdownV2']);
  });

  it('splits a text over 4096 characters, keeping the buttons on the last part', async () => {
    const { telegram, calls } = setup([]);
    const text = Array.from({ length: 12 }, (_, i) => `${i} ${'á'.repeat(900)}`).join('\n\n');
    const keyboard = { inline_keyboard: [[{ text: 'OK', callback_data: 'ok' }]] };
    await telegram.sendMessage(1, text, { reply_markup: keyboard });
    expect(calls.length).toBeGreaterThan(2);
    for (const call of calls) expect(String(call.payload.text).length).toBeLessThanOrEqual(4096);
    expect(calls.map((c) => c.payload.reply_markup)).toEqual([
      ...Array(calls.length - 1).fill(undefined),
      keyboard,
    ]);
  });

  it('waits out a 429 for retry_after seconds and then delivers', async () => {
    const { telegram, calls, sleeps } = setup([() => apiError(429, 'Too Many Requests', 3)]);
    await telegram.sendMessage(1, 'x');
    expect(sleeps).toEqual([3000]);
    expect(calls).toHaveLength(2);
  });

  it('gives up on a retry_after longer than the cap instead of stalling', async () => {
    const { telegram, sleeps } = setup([() => apiError(429, 'Too Many Requests', 3600)]);
    await expect(telegram.sendMessage(1, 'x')).rejects.toThrow('429');
    expect(sleeps).toEqual([]);
  });

  it('retries server errors with growing backoff, a bounded number of times', async () => {
    const failing = Array.from({ length: 10 }, () => () => apiError(502, 'Bad Gateway'));
    const { telegram, calls, sleeps } = setup(failing);
    await expect(telegram.sendMessage(1, 'x')).rejects.toThrow('502');
    expect(calls).toHaveLength(5);
    expect(sleeps[1]).toBeGreaterThan(sleeps[0] ?? 0);
  });

  it('marks a chat that blocked the bot and does not retry', async () => {
    const { telegram, calls, blocked } = setup([
      () => apiError(403, 'Forbidden: bot was blocked by the user'),
    ]);
    await expect(telegram.sendMessage(77, 'x')).rejects.toThrow('403');
    expect(blocked).toEqual([77]);
    expect(calls).toHaveLength(1);
  });

  it('does not retry a request Telegram refused as bad', async () => {
    const { telegram, calls } = setup([() => apiError(400, "Bad Request: can't parse entities")]);
    await expect(telegram.sendMessage(1, 'x')).rejects.toThrow('400');
    expect(calls).toHaveLength(1);
  });

  it('waits out one 429 of at most 5 s in a handler, never a second one or a longer one', async () => {
    const twice = setup([
      () => apiError(429, 'Too Many Requests', 5),
      () => apiError(429, 'Too Many Requests', 5),
    ]);
    await expect(twice.telegram.sendMessage(1, 'x')).rejects.toThrow('429');
    expect(twice.sleeps).toEqual([5000]);
    const longer = setup([() => apiError(429, 'Too Many Requests', 6)]);
    await expect(longer.telegram.sendMessage(1, 'x')).rejects.toThrow('429');
    expect(longer.sleeps).toEqual([]);
  });

  it('lets an expired button query pass: answering it must not stop the handler', async () => {
    const { telegram, calls } = setup([() => apiError(400, 'Bad Request: query is too old')]);
    await expect(telegram.answerCbQuery('q1')).resolves.toBe(true);
    expect(calls).toHaveLength(1);
  });
});

describe("telegraf's callApi, as the sending policy relies on it", () => {
  it('is still (method, payload, { signal }) returning a promise', () => {
    // The policy replaces callApi with (method, payload, options) => Promise through one cast
    // (callApiOf in src/bot/api.ts); these fail to compile if telegraf changes that shape.
    type CallApi = Telegram['callApi'];
    expectTypeOf<Parameters<CallApi>[0]>().toExtend<string>();
    expectTypeOf<Parameters<CallApi>[1]>().toExtend<object>();
    expectTypeOf<Parameters<CallApi>['length']>().toEqualTypeOf<2 | 3>();
    expectTypeOf<{ signal?: never } | undefined>().toExtend<Parameters<CallApi>[2]>();
    expectTypeOf<ReturnType<CallApi>>().toExtend<Promise<unknown>>();
    // At run time: an own method of the prototype taking method and payload (options default).
    expect(typeof Telegram.prototype.callApi).toBe('function');
    expect(Telegram.prototype.callApi.length).toBe(2);
  });

  it('is replaced on the instance, so every telegraf method goes through the policy', async () => {
    const { telegram, calls } = setup([]);
    expect(Object.hasOwn(telegram, 'callApi')).toBe(true);
    await telegram.sendMessage(5, 'x');
    expect(calls).toEqual([
      {
        method: 'sendMessage',
        payload: expect.objectContaining({ chat_id: 5, parse_mode: 'HTML' }),
      },
    ]);
  });

  it('passes per-call options through: a 429 is thrown at once when asked', async () => {
    const { telegram, calls, sleeps } = setup([() => apiError(429, 'Too Many Requests', 1)]);
    await expect(
      callApiWith(telegram, 'sendMessage', { chat_id: 1, text: 'x' }, { retryRateLimit: false }),
    ).rejects.toThrow('429');
    expect(calls).toHaveLength(1);
    expect(sleeps).toEqual([]);
  });
});
