import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessionSchema } from '../../src/bot/session.ts';
import { openPgStore } from '../../src/store/pg/index.ts';
import { type BotProcess, makeTempDataDir, startBotProcess } from '../support/botProcess.ts';
import { FakeBotApi, type FakeUpdate, type FakeUser } from '../support/fakeBotApi.ts';
import { complaintSteps, pressLabel, walk } from '../support/filingDriver.ts';
import { freePort, freshDatabase } from '../support/postgres.ts';

const OFFICER: FakeUser = { id: 920001, first_name: 'Officer', language_code: 'en' };
const REMINDED: FakeUser = { id: 920002, first_name: 'Lan', language_code: 'en' };
const SUBSCRIBERS = Array.from({ length: 300 }, (_, i) => 6_000_000 + i);
const RATE = 100;
/** OutboxWorker's default maxInFlight: what a killed instance can have sent without a mark. */
const IN_FLIGHT_BOUND = 32;
const SECRET = 'two-instances-webhook-secret-0123';
const HEALTH_TOKEN = 'two-instances-health-token-0123';
const WAIT = { timeoutMs: 30_000 };

interface Instance {
  name: string;
  port: number;
  bot: BotProcess;
}

let fake: FakeBotApi;
let url = '';
let instances: Instance[] = [];
let turn = 0;

const hook = (instance: Instance) => `http://127.0.0.1:${instance.port}/telegram/hook`;
const post = (instance: Instance, update: FakeUpdate) =>
  fetch(hook(instance), {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': SECRET },
    body: JSON.stringify(update),
  });
const alive = () =>
  instances.filter(
    (instance) => instance.bot.child.exitCode === null && instance.bot.child.signalCode === null,
  );
const health = async (instance: Instance) =>
  (await (
    await fetch(`http://127.0.0.1:${instance.port}/healthz?token=${HEALTH_TOKEN}`)
  ).json()) as { leader?: boolean; database?: { reachable: boolean; schemaVersion: number } };

/** Asks `check` every 100 ms (/healthz has no event to wait on). */
async function until(check: () => Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check().catch(() => false))) {
    if (Date.now() > deadline) throw new Error(`not true within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function start(name: string, port: number): Promise<Instance> {
  const bot = startBotProcess({
    env: {
      BOT_TOKEN: fake.token,
      TELEGRAM_API_ROOT: fake.apiRoot,
      DATA_DIR: await makeTempDataDir(),
      DATABASE_URL: url,
      WEBHOOK_URL: `http://127.0.0.1:${port}/telegram/hook`,
      WEBHOOK_SECRET: SECRET,
      PORT: String(port),
      HOST: '127.0.0.1',
      HEALTH_TOKEN,
      OFFICER_IDS: String(OFFICER.id),
      BROADCAST_RATE: String(RATE),
      LOG_LEVEL: 'info',
    },
  });
  await bot.waitForOutput(/"msg":"bot started"/, 30_000);
  return { name, port, bot };
}

/** Seeds subscribers through the PostgreSQL store's own functions. */
async function seed(): Promise<void> {
  const store = await openPgStore({ url, sessionSchema });
  try {
    for (const id of [...SUBSCRIBERS, OFFICER.id, REMINDED.id]) {
      await store.users.touch({ id, first_name: `User ${id}`, language_code: 'en' });
    }
    await store.notices.subscriptions.set(OFFICER.id, []);
    await store.notices.subscriptions.set(REMINDED.id, []);
  } finally {
    await store.close();
  }
}

beforeAll(async () => {
  fake = await FakeBotApi.start();
  url = await freshDatabase();
  await seed();
  instances = await Promise.all([start('a', await freePort()), start('b', await freePort())]);
  // As Telegram behind a proxy: each update goes to one instance, alternately.
  fake.relayUpdates((update) => {
    const targets = alive();
    const target = targets[turn++ % targets.length];
    if (target) void post(target, update).catch(() => undefined);
  });
}, 90_000);
afterAll(async () => {
  await Promise.all(alive().map((instance) => instance.bot.stop()));
  await fake?.stop();
});

describe('two bot instances on one PostgreSQL, in webhook mode', () => {
  it('handles an update posted to both instances once', async () => {
    const user: FakeUser = { id: 920100, first_name: 'Thu', language_code: 'vi' };
    // The relay posts it to one instance; a proxy retrying it posts it to both again.
    const update = fake.sendText(user, '/help');
    const answers = await Promise.all(instances.map((instance) => post(instance, update)));
    expect(answers.map((answer) => answer.status)).toEqual([200, 200]);
    await fake.waitFor(() => fake.textsTo(user.id).length > 0, WAIT);
    const before = fake.textsTo(user.id).length;
    // What a second handling would send has had time to arrive.
    await new Promise((resolve) => setTimeout(resolve, 800));
    expect(fake.textsTo(user.id).length).toBe(before);
    expect((await Promise.all(instances.map(health))).map((h) => h.database?.reachable)).toEqual([
      true,
      true,
    ]);
  });

  it('when the leader is killed mid-broadcast and at a reminder’s time, the other finishes both', async () => {
    const states = await Promise.all(instances.map(health));
    const leader = instances[states.findIndex((state) => state.leader)];
    const follower = instances.find((instance) => instance !== leader);
    if (!leader || !follower) throw new Error(`no single leader: ${JSON.stringify(states)}`);

    const marker = `Notice ${Date.now()}`;
    const press = async (label: RegExp, until: RegExp) => {
      pressLabel(fake, OFFICER, label);
      await fake.waitFor(() => until.test(fake.lastMessageTo(OFFICER.id)?.text ?? ''), WAIT);
    };
    fake.sendText(OFFICER, '/broadcast');
    await fake.waitFor(() => /New notice/.test(fake.lastMessageTo(OFFICER.id)?.text ?? ''), WAIT);
    fake.sendText(OFFICER, marker);
    await fake.waitFor(() => /Choose who/.test(fake.lastMessageTo(OFFICER.id)?.text ?? ''), WAIT);
    await press(/All subscribers/, /Choose who/);
    await press(/Preview/, /recipients:/);

    // A reminder due while the leader dies: written by a third party straight into the database.
    const dueAt = Date.now() + 2500;
    const writer = await openPgStore({ url, sessionSchema });
    await writer.notices.reminders.add({
      userId: REMINDED.id,
      text: 'renew the permit',
      dueAt: new Date(dueAt),
      repeat: { kind: 'once' },
    });
    await writer.close();

    pressLabel(fake, OFFICER, /Send/);
    const deliveries = () =>
      fake.calls.filter(
        (call) =>
          call.method === 'sendMessage' &&
          call.status === 200 &&
          String(call.payload.text ?? '').includes(marker),
      );
    await fake.waitFor(() => deliveries().length >= 60, WAIT);
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, dueAt - Date.now())));
    await leader.bot.stop('SIGKILL');

    await until(async () => (await health(follower)).leader === true);
    await fake.waitFor(
      () => /Finished/.test(fake.textsTo(OFFICER.id).join('\n')) || undefined,
      WAIT,
    );
    const perChat = new Map<number, number>();
    for (const call of deliveries()) {
      const chat = Number(call.payload.chat_id);
      perChat.set(chat, (perChat.get(chat) ?? 0) + 1);
    }
    expect(SUBSCRIBERS.filter((id) => !perChat.has(id))).toEqual([]);
    const twice = [...perChat.values()].filter((count) => count > 1).length;
    expect(twice).toBeLessThanOrEqual(IN_FLIGHT_BOUND);
    const reminders = await fake.waitFor(() => {
      const sent = fake.textsTo(REMINDED.id).filter((text) => text.includes('renew the permit'));
      return sent.length > 0 ? sent : undefined;
    }, WAIT);
    expect(reminders.length).toBeLessThanOrEqual(2);
  }, 90_000);
  it('gives 200 concurrent filings 200 distinct codes, each dialogue going back and forth between the instances', async () => {
    const users: FakeUser[] = Array.from({ length: 200 }, (_, i) => ({
      id: 930000 + i,
      first_name: `W${i}`,
      language_code: 'en',
    }));
    // The killed instance is back (as systemd restarts it); every step of a user's dialogue is
    // posted to the other instance than the step before.
    instances = await Promise.all(
      instances.map((instance) =>
        instance.bot.child.exitCode === null && instance.bot.child.signalCode === null
          ? instance
          : start(instance.name, instance.port),
      ),
    );
    await walk(
      fake,
      users,
      complaintSteps(() => true),
    );
    for (const user of users) pressLabel(fake, user, /Send/);
    // Read each new call once: scanning every text on every call would cost the test process
    // (which also serves the fake Bot API) more than the bots.
    const codes = new Map<number, string>();
    const filers = new Set(users.map((u) => u.id));
    let read = 0;
    await fake.waitFor(
      () => {
        for (; read < fake.calls.length; read += 1) {
          const call = fake.calls[read];
          const chat = Number(call?.payload.chat_id);
          const code = /Your code: <b>#(KN-\d{4,})/.exec(String(call?.payload.text ?? ''))?.[1];
          if (code && filers.has(chat)) codes.set(chat, code);
        }
        return codes.size === users.length || undefined;
      },
      { timeoutMs: 120_000, what: '200 codes' },
    );
    expect(new Set(codes.values()).size).toBe(200);
  }, 240_000);
});
