import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessionSchema } from '../../src/bot/session.ts';
import { openStore } from '../../src/store/index.ts';
import type { BotProcess } from '../support/botProcess.ts';
import {
  dataDirWithOnePark,
  expectReplyTo,
  fakeApiEnv,
  startPollingBot,
} from '../support/e2eBot.ts';
import { FakeBotApi, type FakeUser, type RecordedCall } from '../support/fakeBotApi.ts';

const OFFICER: FakeUser = { id: 700001, first_name: 'Officer', language_code: 'en' };
const SUBSCRIBERS = 2000;
const BLOCKED = 50;
const RATE = 200;
/** OutboxWorker's default maxInFlight: the most messages a crash can repeat. */
const IN_FLIGHT_BOUND = 32;
const ids = Array.from({ length: SUBSCRIBERS }, (_, i) => 5_000_000 + i);
const blocked = ids.slice(0, BLOCKED * 40).filter((_, i) => i % 40 === 0);
const WAIT = { timeoutMs: 30_000 };

let fake: FakeBotApi;
let bot: BotProcess;
let env: Record<string, string>;

const start = async () => {
  bot = await startPollingBot(fake, env);
};

/** Seeds the subscribers through the store's own functions, then closes it before the bot runs. */
async function seed(dataDir: string): Promise<void> {
  const store = await openStore({ dataDir, sessionSchema });
  await Promise.all(ids.map((id) => store.users.touch({ id, first_name: `User ${id}` })));
  await Promise.all(
    ids.map((id, i) => store.users.setRole(id, i % 2 === 0 ? 'worker' : 'enterprise')),
  );
  await Promise.all(
    ids.map((id, i) =>
      store.notices.subscriptions.set(id, ['general', i % 2 === 0 ? 'worker' : 'enterprise']),
    ),
  );
  await store.users.touch({ id: OFFICER.id, first_name: 'Officer', language_code: 'en' });
  // The officer drives the dialogue; keeping them off the list keeps their chat's 1/s budget free.
  await store.notices.subscriptions.set(OFFICER.id, []);
  await store.flush();
}

const expectReply = (act: () => unknown, pattern: RegExp) =>
  expectReplyTo(fake, OFFICER, act, pattern, WAIT.timeoutMs);
const press = (data: string) => () =>
  fake.pressButton(OFFICER, { message_id: 1, chat: { id: OFFICER.id } }, data);

/** Sends a broadcast to everyone through the real dialogue; returns the 429 count before sending. */
async function broadcast(marker: string): Promise<number> {
  await expectReply(() => fake.sendText(OFFICER, '/broadcast'), /New notice/);
  await expectReply(() => fake.sendText(OFFICER, `${marker} <b>not bold</b>`), /Choose who/);
  const from = fake.calls.length;
  press('bc:t:all')();
  await fake.waitForCall((call) => call.method === 'answerCallbackQuery', {
    ...WAIT,
    fromIndex: from,
  });
  await expectReply(press('bc:pv'), /recipients: \d/);
  await new Promise((resolve) => setTimeout(resolve, 1100));
  const before = fake.tooManyRequestsCount;
  await expectReply(press('bc:go'), /Sending/);
  return before;
}

const deliveries = (marker: string, status?: number): RecordedCall[] =>
  fake.calls.filter(
    (call) =>
      call.method === 'sendMessage' &&
      String(call.payload.text ?? '').includes(marker) &&
      call.payload.chat_id !== OFFICER.id &&
      (status === undefined || call.status === status),
  );

const perChat = (calls: RecordedCall[]) => {
  const counts = new Map<number, number>();
  for (const call of calls) {
    const chat = Number(call.payload.chat_id);
    counts.set(chat, (counts.get(chat) ?? 0) + 1);
  }
  return counts;
};

beforeAll(async () => {
  fake = await FakeBotApi.start({ rateLimit: { global: 250, perChat: 1 } });
  const { dataDir, parksFile } = await dataDirWithOnePark();
  await seed(dataDir);
  for (const id of blocked) fake.block(id);
  env = fakeApiEnv(fake, dataDir, {
    OFFICER_IDS: String(OFFICER.id),
    PARKS_FILE: parksFile,
    BROADCAST_RATE: String(RATE),
    LOG_LEVEL: 'warn',
  });
  await start();
}, 90_000);
afterAll(async () => {
  await bot?.stop();
  await fake?.stop();
});

describe('broadcast end to end', () => {
  it('reaches 2,000 subscribers with no 429, marking blocked users (pace: npm run bench:broadcast)', async () => {
    const before = await broadcast('E2E-ONE');
    const expected = SUBSCRIBERS - BLOCKED;
    await fake.waitFor(() => deliveries('E2E-ONE', 200).length >= expected, {
      timeoutMs: 60_000,
      what: 'every subscriber to get the first notice',
    });
    const report = await fake.waitFor(
      () => fake.textsTo(OFFICER.id).find((text) => /Finished/.test(text)),
      { ...WAIT, what: 'the final report to the officer' },
    );
    expect(report).toMatch(/Sent: 1,950 · Failed: 0 · Blocked: 50/);
    expect(fake.tooManyRequestsCount - before).toBe(0);
    expect(deliveries('E2E-ONE', 403)).toHaveLength(BLOCKED);
    expect(deliveries('E2E-ONE').some((call) => String(call.payload.text).includes('<b>not'))).toBe(
      false,
    );
  }, 90_000);

  it('skips blocked users next time and survives SIGKILL half-way without losing anyone', async () => {
    await broadcast('E2E-TWO');
    const expected = SUBSCRIBERS - BLOCKED;
    await fake.waitFor(() => deliveries('E2E-TWO', 200).length >= expected / 2, WAIT);
    await bot.stop('SIGKILL');
    const beforeRestart = deliveries('E2E-TWO', 200).length;
    expect(beforeRestart).toBeLessThan(expected);
    await start();
    await fake.waitFor(() => perChat(deliveries('E2E-TWO', 200)).size >= expected, {
      timeoutMs: 60_000,
      what: 'every subscriber to get the second notice after the restart',
    });
    const counts = perChat(deliveries('E2E-TWO', 200));
    const duplicates = [...counts.values()].reduce((sum, n) => sum + n - 1, 0);
    console.info(`after SIGKILL: ${beforeRestart} sent before, ${duplicates} duplicates`);
    expect(duplicates).toBeLessThanOrEqual(IN_FLIGHT_BOUND);
    for (const id of blocked) expect(counts.has(id)).toBe(false);
    expect(deliveries('E2E-TWO', 403)).toHaveLength(0);
  }, 120_000);
});
