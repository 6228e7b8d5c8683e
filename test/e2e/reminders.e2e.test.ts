import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessionSchema } from '../../src/bot/session.ts';
import { openStore } from '../../src/store/index.ts';
import { deliveredRemindersSpec, remindersSpec } from '../../src/store/reminders.ts';
import { type BotProcess, makeTempDataDir } from '../support/botProcess.ts';
import { fakeApiEnv, startPollingBot } from '../support/e2eBot.ts';
import { FakeBotApi, type FakeUser } from '../support/fakeBotApi.ts';
import { readStoredRecords } from '../support/storeFiles.ts';

const USER: FakeUser = { id: 810001, first_name: 'Lan', language_code: 'en' };
const VI_USER: FakeUser = { id: 810002, first_name: 'Hoa', language_code: 'vi' };
const WAIT = { timeoutMs: 20_000 };
const HOUR = 3_600_000;

let fake: FakeBotApi;
let bot: BotProcess;
let dataDir: string;
let dueAt = 0;

beforeAll(async () => {
  fake = await FakeBotApi.start({ rateLimit: { global: 30, perChat: 1 } });
  dataDir = await makeTempDataDir();
  const store = await openStore({ dataDir, sessionSchema });
  await store.users.touch({ id: USER.id, first_name: 'Lan', language_code: 'en' });
  await store.users.touch({ id: VI_USER.id, first_name: 'Hoa', language_code: 'vi' });
  const now = Date.now();
  dueAt = now + 6000;
  const once = { kind: 'once' } as const;
  await store.notices.reminders.add({
    userId: USER.id,
    text: 'on time',
    dueAt: new Date(dueAt),
    repeat: once,
  });
  await store.notices.reminders.add({
    userId: VI_USER.id,
    text: 'hơi trễ',
    dueAt: new Date(now - 2 * HOUR),
    repeat: once,
  });
  await store.notices.reminders.add({
    userId: USER.id,
    text: 'too old',
    dueAt: new Date(now - 30 * HOUR),
    repeat: once,
  });
  await store.flush();
  bot = await startPollingBot(fake, fakeApiEnv(fake, dataDir, { LOG_LEVEL: 'warn' }));
}, 60_000);
afterAll(async () => {
  await bot?.stop();
  await fake?.stop();
});

describe('reminders end to end', () => {
  it('sends a reminder missed while down as late, in the user’s language, on start', async () => {
    const text = await fake.waitFor(
      () => fake.textsTo(VI_USER.id).find((t) => t.includes('hơi trễ')),
      WAIT,
    );
    expect(text).toMatch(/trễ — đáng lẽ lúc/);
  });

  it('fires a seeded reminder at its time, not before, unlabelled as late, with snooze buttons', async () => {
    const call = await fake.waitForCall(
      (c) => c.method === 'sendMessage' && String(c.payload.text).includes('on time'),
      WAIT,
    );
    expect(call.status).toBe(200);
    expect(call.at - dueAt).toBeGreaterThanOrEqual(-50);
    expect(String(call.payload.text)).not.toMatch(/late|trễ/i);
    expect(JSON.stringify(call.payload.reply_markup)).toContain('rem:snz:');
  });

  it('skips a reminder older than the late limit and records it as missed', async () => {
    expect(fake.textsTo(USER.id).some((t) => t.includes('too old'))).toBe(false);
    // An ended reminder is kept with the delivered ones, on disk only.
    const stored = [
      ...(await readStoredRecords(dataDir, remindersSpec)).values(),
      ...(await readStoredRecords(dataDir, deliveredRemindersSpec)).values(),
    ];
    const old = stored.find((r) => r.text === 'too old');
    expect(old?.status).toBe('missed');
  });

  it('saves /remind at once, lists it, and Undo from the saved message removes it', async () => {
    const before = fake.textsTo(USER.id).length;
    fake.sendText(USER, '/remind in 2 hours call the bank');
    await fake.waitFor(
      () =>
        fake
          .textsTo(USER.id)
          .slice(before)
          .find((t) => /Saved: I will remind you at/.test(t)),
      WAIT,
    );
    const saved = fake.lastMessageTo(USER.id);
    const undo = fake.buttonsOf(saved).find((button) => button.text.includes('Undo'));
    expect(fake.buttonsOf(saved).map((button) => button.text)).toContain('🕒 Change time');
    fake.sendText(USER, '/reminders');
    const list = await fake.waitFor(
      () => fake.textsTo(USER.id).find((t) => /Your reminders/.test(t)),
      WAIT,
    );
    expect(list).toContain('call the bank');
    if (!saved || !undo?.data) throw new Error('no Undo button on the saved reminder');
    fake.pressButton(USER, saved, undo.data);
    await fake.waitFor(() => fake.textsTo(USER.id).find((t) => /deleted/.test(t)), WAIT);
    fake.sendText(USER, '/remind someday maybe');
    const refusal = await fake.waitFor(
      () => fake.textsTo(USER.id).find((t) => /could not read a time/.test(t)),
      WAIT,
    );
    expect(refusal).toContain('Examples');
  });
});
