import { afterEach, describe, expect, it } from 'vitest';
import { type BotProcess, makeTempDataDir, startBotProcess } from '../support/botProcess.ts';
import { fakeApiEnv, freePort, startPollingBot } from '../support/e2eBot.ts';
import { FakeBotApi, type FakeUser } from '../support/fakeBotApi.ts';

/** Exactly once and nobody waits for someone else, through the real process and a 150 ms Bot API. */
let fake: FakeBotApi | undefined;
let bot: BotProcess | undefined;
afterEach(async () => {
  await bot?.stop('SIGKILL');
  await fake?.stop();
  bot = undefined;
  fake = undefined;
});

const SECRET = 'reliability-webhook-secret-0000';

describe('webhook mode', () => {
  it('handles the same update posted 3 times once, answering each post at once', async () => {
    const api = await FakeBotApi.start({ latencyMs: 150 });
    fake = api;
    const port = await freePort();
    // A query string in WEBHOOK_URL must not make real updates fail.
    const webhookUrl = `http://127.0.0.1:${port}/telegram/hook?bot=kcn`;
    bot = startBotProcess({
      env: fakeApiEnv(api, await makeTempDataDir(), {
        WEBHOOK_URL: webhookUrl,
        WEBHOOK_SECRET: SECRET,
        PORT: String(port),
        HOST: '127.0.0.1',
        LOG_LEVEL: 'warn',
      }),
    });
    await api.waitFor(() => api.webhook.url === webhookUrl, {
      what: 'setWebhook',
      timeoutMs: 30_000,
    });
    const post = (update: unknown) =>
      fetch(webhookUrl, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-telegram-bot-api-secret-token': SECRET,
        },
        body: JSON.stringify(update),
      });
    await api.waitFor(async () => (await post({ update_id: 1 }).catch(() => null))?.ok, {
      what: 'the webhook to answer',
      timeoutMs: 15_000,
    });

    const user: FakeUser = { id: 8101, first_name: 'Lan', language_code: 'en' };
    const update = api.sendText(user, '/help');
    const statuses = await Promise.all([post(update), post(update)]).then((answers) =>
      answers.map((answer) => answer.status),
    );
    statuses.push((await post(update)).status);
    expect(statuses).toEqual([200, 200, 200]);
    // One chat's updates run in order: once the later /start is answered, any second handling
    // of the /help update would have happened already.
    expect((await post(api.sendText(user, '/start'))).status).toBe(200);
    await api.waitFor(
      () => api.textsTo(user.id).some((text) => /Hello <b>Lan|Hello Lan/.test(text)),
      {
        what: 'the reply to the later /start',
        timeoutMs: 15_000,
      },
    );
    const helps = api.textsTo(user.id).filter((text) => /Commands you can use/.test(text));
    expect(helps).toHaveLength(1);
    expect((await bot.stop('SIGTERM')).code).toBe(0);
  }, 60_000);
});

describe('one rate-limited chat', () => {
  it('does not hold up ten other users: their answers come before its retry', async () => {
    const api = await FakeBotApi.start({ latencyMs: 150, longPollMaxMs: 1000 });
    fake = api;
    bot = await startPollingBot(
      api,
      fakeApiEnv(api, await makeTempDataDir(), { LOG_LEVEL: 'warn' }),
    );
    const slow: FakeUser = { id: 8200, first_name: 'Chậm', language_code: 'vi' };
    const others: FakeUser[] = Array.from({ length: 10 }, (_, i) => ({
      id: 8201 + i,
      first_name: `Người ${i}`,
      language_code: 'vi',
    }));
    api.failNextTo(slow.id, {
      error_code: 429,
      description: 'Too Many Requests: retry after 5',
      retry_after: 5,
    });
    api.sendText(slow, 'lương tối thiểu vùng là bao nhiêu');
    await api.waitFor(() => api.tooManyRequestsCount > 0, { what: 'the 429 to the slow chat' });
    for (const user of others) api.sendText(user, 'nghỉ thai sản được mấy tháng');

    const slowAnswer = await api.waitForCall(
      (call) =>
        call.method === 'sendMessage' &&
        call.status === 200 &&
        String(call.payload.chat_id) === String(slow.id),
      { what: 'the slow chat’s answer after its retry', timeoutMs: 20_000 },
    );
    const slowIndex = api.calls.indexOf(slowAnswer);
    for (const user of others) {
      const answered = api.calls.findIndex(
        (call) =>
          call.method === 'sendMessage' &&
          call.status === 200 &&
          String(call.payload.chat_id) === String(user.id),
      );
      expect(answered, `user ${user.id} answered before the slow chat's retry`).toBeGreaterThan(-1);
      expect(answered).toBeLessThan(slowIndex);
    }
    expect((await bot.stop('SIGTERM')).code).toBe(0);
  }, 60_000);
});
