import { Markup, Telegraf, TelegramError } from 'telegraf';
import { afterEach, describe, expect, it } from 'vitest';
import { FakeBotApi, type FakeBotApiOptions } from './fakeBotApi.ts';
import { parseTelegramHtml } from './fakeBotApiHtml.ts';

const alice = { id: 1001, first_name: 'Alice', username: 'alice' };
const cleanups: (() => Promise<void>)[] = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function startApi(options: FakeBotApiOptions = {}): Promise<FakeBotApi> {
  const api = await FakeBotApi.start(options);
  cleanups.push(() => api.stop());
  return api;
}

/** A real Telegraf bot long-polling the fake; errors from handlers are collected. */
async function launchBot(
  api: FakeBotApi,
  setup: (bot: Telegraf) => void,
): Promise<{ bot: Telegraf; errors: unknown[] }> {
  const bot = new Telegraf(api.token, { telegram: { apiRoot: api.apiRoot } });
  const errors: unknown[] = [];
  bot.catch((error) => {
    errors.push(error);
  });
  setup(bot);
  const polling = bot.launch().catch((error: unknown) => errors.push(error));
  cleanups.push(async () => {
    bot.stop('test teardown');
    await polling;
  });
  await api.waitUntilPolling();
  return { bot, errors };
}

/** A Telegraf client that is not polling, for calling methods directly. */
function client(api: FakeBotApi): Telegraf['telegram'] {
  return new Telegraf(api.token, { telegram: { apiRoot: api.apiRoot } }).telegram;
}

async function rejection(promise: Promise<unknown>): Promise<TelegramError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  if (!(error instanceof TelegramError))
    throw new Error(`expected a TelegramError, got ${String(error)}`);
  return error;
}

describe('FakeBotApi with a long-polling Telegraf bot', () => {
  it('delivers /start once and records the HTML reply for the right chat', async () => {
    const api = await startApi();
    let handled = 0;
    await launchBot(api, (bot) => {
      bot.start(async (ctx) => {
        handled++;
        await ctx.reply('<b>hi</b>', { parse_mode: 'HTML' });
      });
    });
    const update = api.sendText(alice, '/start');
    expect(update.message?.entities).toEqual([{ type: 'bot_command', offset: 0, length: 6 }]);

    const reply = await api.waitForCall((call) => call.method === 'sendMessage');
    expect(reply).toMatchObject({ status: 200, payload: { chat_id: alice.id, text: '<b>hi</b>' } });
    expect(api.textsTo(alice.id)).toEqual(['hi']);
    expect(api.lastMessageTo(alice.id)?.text).toBe('hi');

    // The next poll carries offset = update_id + 1, which confirms the update.
    await api.waitUntilPolling();
    expect(api.pendingUpdates).toBe(0);
    const second = api.sendText(alice, 'hello');
    await api.waitFor(() => api.pendingUpdates === 0 && api.countOf('getUpdates') >= 2);
    await api.waitUntilPolling();
    const delivered = api.calls
      .filter((call) => call.method === 'getUpdates' && call.status === 200)
      .flatMap((call) => (call.response as { result: { update_id: number }[] }).result)
      .map((u) => u.update_id);
    expect(delivered).toEqual([update.update_id, second.update_id]);
    expect(handled).toBe(1);
    expect(api.sentTo(alice.id)).toHaveLength(1);
    expect(api.sentTo(9999)).toHaveLength(0);
  });

  it('answers sends to a blocked chat with 403', async () => {
    const api = await startApi();
    const { errors } = await launchBot(api, (bot) => bot.start((ctx) => ctx.reply('hi')));
    api.block(alice.id);
    api.sendText(alice, '/start');
    const error = await api.waitFor(() => errors[0], { what: 'the handler error' });
    expect(error).toBeInstanceOf(TelegramError);
    expect(error).toMatchObject({
      code: 403,
      description: 'Forbidden: bot was blocked by the user',
    });
    api.unblock(alice.id);
    await expect(client(api).sendMessage(alice.id, 'back')).resolves.toMatchObject({
      text: 'back',
    });
  });

  it('runs an inline keyboard round trip: button press, answer, edit', async () => {
    const api = await startApi();
    await launchBot(api, (bot) => {
      bot.start((ctx) =>
        ctx.reply('Pick', Markup.inlineKeyboard([Markup.button.callback('Yes', 'pick:yes')])),
      );
      bot.action('pick:yes', async (ctx) => {
        await ctx.answerCbQuery('ok');
        await ctx.editMessageText('Picked yes');
      });
    });
    api.sendText(alice, '/start');
    const shown = await api.waitFor(() => api.lastMessageTo(alice.id), { what: 'the keyboard' });
    expect(api.buttonsOf(shown)).toEqual([{ text: 'Yes', data: 'pick:yes' }]);
    api.pressButton(alice, shown, 'pick:yes');
    await api.waitFor(() => api.lastMessageTo(alice.id)?.text === 'Picked yes');
    expect(api.lastMessageTo(alice.id)?.reply_markup).toBeUndefined();
    expect(api.calls.find((call) => call.method === 'answerCallbackQuery')?.status).toBe(200);
    expect(api.textsTo(alice.id)).toEqual(['Pick', 'Picked yes']);
  });

  it('records a multipart document upload with its content and serves it back', async () => {
    const api = await startApi();
    await launchBot(api, (bot) => {
      bot.command('export', (ctx) =>
        ctx.replyWithDocument(
          { source: Buffer.from('a,b\n'), filename: 'x.csv' },
          { caption: 'CSV' },
        ),
      );
    });
    api.sendText(alice, '/export');
    const call = await api.waitForCall((c) => c.method === 'sendDocument');
    expect(call.status).toBe(200);
    expect(call.payload).toMatchObject({
      chat_id: alice.id,
      caption: 'CSV',
      document: { filename: 'x.csv', size: 4, content: 'a,b\n' },
    });
    const document = api.lastMessageTo(alice.id)?.message.document;
    expect(document).toMatchObject({ file_name: 'x.csv', mime_type: 'text/csv' });
    const fileId = (document as { file_id: string }).file_id;
    const link = await client(api).getFileLink(fileId);
    expect(await (await fetch(link)).text()).toBe('a,b\n');
  });
});

describe('FakeBotApi method behaviour', () => {
  it('turns failNext into a 429 TelegramError with retry_after, then recovers', async () => {
    const api = await startApi();
    api.failNext('sendMessage', {
      error_code: 429,
      description: 'Too Many Requests: retry after 3',
      retry_after: 3,
    });
    const error = await rejection(client(api).sendMessage(alice.id, 'x'));
    expect(error.code).toBe(429);
    expect(error.parameters?.retry_after).toBe(3);
    expect(api.tooManyRequestsCount).toBe(1);
    await expect(client(api).sendMessage(alice.id, 'x')).resolves.toMatchObject({ message_id: 1 });
  });

  it('validates HTML like Telegram', async () => {
    const api = await startApi();
    const send = (text: string) => client(api).sendMessage(alice.id, text, { parse_mode: 'HTML' });
    for (const bad of ['<b>x', 'a < b', 'AT&T', '<b>x</i>', '<span>x</span>', '<div>x</div>']) {
      const error = await rejection(send(bad));
      expect(error.code, bad).toBe(400);
      expect(error.description, bad).toMatch(/^Bad Request: can't parse entities: /);
    }
    await expect(send('&lt;b&gt; &amp; &#39;')).resolves.toMatchObject({ text: "<b> & '" });
    await expect(send('<b><i>x</i></b>')).resolves.toMatchObject({ text: 'x' });
    await expect(send('<a href="https://x.vn/?a=1&amp;b=2">link</a>')).resolves.toMatchObject({
      text: 'link',
    });
    expect(
      parseTelegramHtml('<blockquote expandable>q</blockquote><span class="tg-spoiler">s</span>'),
    ).toEqual({
      ok: true,
      text: 'qs',
    });
    expect(parseTelegramHtml('x <b>y')).toEqual({
      ok: false,
      error: 'Can\'t find end tag corresponding to start tag "b"',
    });
  });

  it('enforces text length after entity parsing, empty text and callback_data size', async () => {
    const api = await startApi();
    const telegram = client(api);
    expect((await rejection(telegram.sendMessage(alice.id, 'x'.repeat(4097)))).description).toBe(
      'Bad Request: message is too long',
    );
    await expect(
      telegram.sendMessage(alice.id, `<b>${'x'.repeat(4096)}</b>`, { parse_mode: 'HTML' }),
    ).resolves.toBeDefined();
    expect(
      (await rejection(telegram.sendMessage(alice.id, '<b> </b>', { parse_mode: 'HTML' })))
        .description,
    ).toBe('Bad Request: message text is empty');
    const keyboard = Markup.inlineKeyboard([Markup.button.callback('Go', 'd'.repeat(65))]);
    expect((await rejection(telegram.sendMessage(alice.id, 'k', keyboard))).description).toBe(
      'Bad Request: BUTTON_DATA_INVALID',
    );
    expect(api.calls.map((call) => call.status)).toEqual([400, 200, 400, 400]);
  });

  it('rejects edits that change nothing and deletes of unknown messages', async () => {
    const api = await startApi();
    const telegram = client(api);
    const sent = await telegram.sendMessage(alice.id, 'same');
    const error = await rejection(
      telegram.editMessageText(alice.id, sent.message_id, undefined, 'same'),
    );
    expect(error.description).toMatch(/^Bad Request: message is not modified/);
    await telegram.deleteMessage(alice.id, sent.message_id);
    expect(api.lastMessageTo(alice.id)).toBeUndefined();
    expect((await rejection(telegram.deleteMessage(alice.id, sent.message_id))).code).toBe(400);
  });

  it('applies the rate limit to a burst of sends', async () => {
    const api = await startApi({ rateLimit: { global: 20, perChat: 1 } });
    const telegram = client(api);
    const results = await Promise.allSettled(
      Array.from({ length: 50 }, (_, i) => telegram.sendMessage(2000 + i, `n${i}`)),
    );
    const refused = results.flatMap((r) => (r.status === 'rejected' ? [r.reason] : []));
    expect(results.length - refused.length).toBeGreaterThanOrEqual(20);
    expect(refused.length).toBeGreaterThan(0);
    for (const reason of refused) {
      expect(reason).toBeInstanceOf(TelegramError);
      expect(reason).toMatchObject({ code: 429, parameters: { retry_after: expect.any(Number) } });
      expect((reason as TelegramError).parameters?.retry_after).toBeGreaterThanOrEqual(1);
    }
    expect(api.tooManyRequestsCount).toBe(refused.length);
  });

  it('answers wrong tokens with 401, unknown methods with 404, and stores commands', async () => {
    const api = await startApi();
    const wrong = await fetch(`${api.apiRoot}/bot1:WRONG/getMe`);
    expect(wrong.status).toBe(401);
    expect(await wrong.json()).toEqual({ ok: false, error_code: 401, description: 'Unauthorized' });
    const unknown = await fetch(`${api.apiRoot}/bot${api.token}/sendTelepathy`, { method: 'POST' });
    expect(await unknown.json()).toEqual({
      ok: false,
      error_code: 404,
      description: 'Not Found: method not found',
    });
    const telegram = client(api);
    await telegram.setMyCommands([{ command: 'start', description: 'Bắt đầu' }], {
      language_code: 'vi',
    });
    expect(api.commands(undefined, 'vi')).toEqual([{ command: 'start', description: 'Bắt đầu' }]);
    expect(await telegram.getMyCommands()).toEqual([]);
    expect(
      (await rejection(telegram.setMyCommands([{ command: 'Bad Cmd', description: 'x' }]))).code,
    ).toBe(400);
  });

  // A 30 s poll that is not capped (or freed) outlives the test's 5 s limit and fails it.
  it('caps long polls with longPollMaxMs', { timeout: 5000 }, async () => {
    const api = await startApi({ longPollMaxMs: 50 });
    const answer = await fetch(`${api.apiRoot}/bot${api.token}/getUpdates?timeout=30`);
    expect(await answer.json()).toEqual({ ok: true, result: [] });
  });

  it('ends the older of two long polls with 409 and frees pending ones on stop', {
    timeout: 5000,
  }, async () => {
    const api = await startApi();
    const poll = async () =>
      (await fetch(`${api.apiRoot}/bot${api.token}/getUpdates?timeout=30`)).json();
    const first = poll();
    await api.waitUntilPolling();
    const second = poll();
    expect(await first).toMatchObject({ ok: false, error_code: 409 });
    await api.waitUntilPolling();
    await api.stop();
    expect(await second).toEqual({ ok: true, result: [] });
  });
});

describe('FakeBotApi odd requests', () => {
  it('records malformed JSON and multipart media groups', async () => {
    const api = await startApi();
    const bad = await fetch(`${api.apiRoot}/bot${api.token}/sendMessage`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{',
    });
    expect(bad.status).toBe(400);
    expect(api.calls[0]).toMatchObject({ method: 'sendMessage', status: 400 });
    const group = await client(api).sendMediaGroup(7, [
      { type: 'document', media: { source: Buffer.from('one'), filename: 'a.txt' } },
      {
        type: 'document',
        media: { source: Buffer.from('two'), filename: 'b.txt' },
        caption: 'both',
      },
    ]);
    expect(group.map((message) => message.message_id)).toEqual([1, 2]);
    expect(api.textsTo(7)).toEqual(['both']);
    const files = Object.values(api.calls[1]?.payload ?? {}).filter(
      (value): value is { content: string } =>
        typeof value === 'object' && value !== null && 'content' in value,
    );
    expect(files.map((file) => file.content).sort()).toEqual(['one', 'two']);
  });
});
