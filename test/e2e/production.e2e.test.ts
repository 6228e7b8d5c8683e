import { afterEach, describe, expect, it } from 'vitest';
import { makeTempDataDir, startBotProcess } from '../support/botProcess.ts';
import { fakeApiEnv, freePort, startPollingBot } from '../support/e2eBot.ts';
import { FakeBotApi } from '../support/fakeBotApi.ts';

let api: FakeBotApi | undefined;
afterEach(async () => {
  await api?.stop();
  api = undefined;
});

const SECRET = 'test-webhook-secret-0123456789';
/** Long enough for flood control to engage several times; the 10 s run is bench/flood.ts. */
const FLOOD_SECONDS = 3;
const HEALTH_TOKEN = 'test-health-token-0123456789';

describe('webhook mode', () => {
  it('registers its webhook, processes posts with the secret, refuses others with 401, answers /healthz', async () => {
    api = await FakeBotApi.start();
    const port = await freePort();
    const webhookUrl = `http://127.0.0.1:${port}/telegram/hook`;
    const bot = startBotProcess({
      env: fakeApiEnv(api, await makeTempDataDir(), {
        WEBHOOK_URL: webhookUrl,
        WEBHOOK_SECRET: SECRET,
        PORT: String(port),
        HOST: '127.0.0.1',
        HEALTH_TOKEN: HEALTH_TOKEN,
        LOG_LEVEL: 'info',
      }),
    });
    const fake = api;
    // The server logs this once it listens, after registering the webhook.
    await bot.waitForOutput(/"msg":"bot started"/, 20_000);
    expect(fake.webhook.url).toBe(webhookUrl);

    const user = { id: 801, first_name: 'Thu', language_code: 'vi' };
    const post = (update: unknown, secret?: string) =>
      fetch(webhookUrl, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(secret ? { 'x-telegram-bot-api-secret-token': secret } : {}),
        },
        body: JSON.stringify(update),
      });

    const forged = fake.sendText(user, '/help');
    expect((await post(forged)).status).toBe(401);
    expect((await post(forged, 'wrong-secret-wrong-secret-000')).status).toBe(401);
    const genuine = fake.sendText(user, '/start');
    expect((await post(genuine, SECRET)).status).toBe(200);
    await fake.waitFor(() => fake.textsTo(user.id).length > 0, { what: 'a reply to /start' });
    expect(fake.textsTo(user.id).join('\n')).toContain('Xin chào Thu');
    expect(fake.textsTo(user.id).join('\n')).not.toContain('Các lệnh');

    const anonymousHealth = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(await anonymousHealth.json()).toEqual({ ok: true });
    const health = await fetch(`http://127.0.0.1:${port}/healthz?token=${HEALTH_TOKEN}`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({
      mode: 'webhook',
      storeWritable: true,
      version: '0.1.0',
    });
    expect((await bot.stop('SIGTERM')).code).toBe(0);
  });
});

describe('flood control', () => {
  it('keeps answering another user while one user sends 1,000 messages a second (latency: npm run bench:flood)', async () => {
    api = await FakeBotApi.start();
    const healthPort = await freePort();
    const fake = api;
    const bot = await startPollingBot(
      fake,
      fakeApiEnv(fake, await makeTempDataDir(), {
        HEALTH_PORT: String(healthPort),
        HEALTH_TOKEN: HEALTH_TOKEN,
        LOG_LEVEL: 'warn',
      }),
      20_000,
    );
    const flooder = { id: 901, first_name: 'Script', language_code: 'vi' };
    const person = { id: 902, first_name: 'Người', language_code: 'vi' };

    let sent = 0;
    const started = Date.now();
    const flood = setInterval(() => {
      const target = Math.min(FLOOD_SECONDS * 1000, Math.floor(Date.now() - started));
      while (sent < target) {
        fake.sendText(flooder, `spam ${sent}`);
        sent += 1;
      }
    }, 10);
    let answered = 0;
    try {
      for (let second = 0; second < FLOOD_SECONDS; second += 1) {
        await new Promise((resolve) =>
          setTimeout(resolve, started + second * 1000 + 500 - Date.now()),
        );
        const before = fake.textsTo(person.id).length;
        fake.sendText(person, '/help');
        await fake.waitFor(() => fake.textsTo(person.id).length > before, {
          what: 'the other user’s reply',
          timeoutMs: 5000,
        });
        answered += 1;
      }
    } finally {
      clearInterval(flood);
    }
    // The flood runs until the last question, half a second into the last second.
    expect(sent).toBeGreaterThanOrEqual((FLOOD_SECONDS - 0.5) * 900);
    expect(answered).toBe(FLOOD_SECONDS);
    const toFlooder = fake.textsTo(flooder.id);
    expect(toFlooder.filter((text) => text.includes('quá nhanh')).length).toBeGreaterThan(0);
    expect(toFlooder.length).toBeLessThan(100);

    const health = await fetch(`http://127.0.0.1:${healthPort}/healthz?token=${HEALTH_TOKEN}`);
    expect(await health.json()).toMatchObject({ mode: 'polling', storeWritable: true });
    expect((await bot.stop('SIGTERM')).code).toBe(0);
  }, 60_000);
});
