import { pino } from 'pino';
import type { Update, User } from 'telegraf/types';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { workingCalendar } from '../../src/bot/features/tickets/calendar.ts';
import { sendDigest } from '../../src/bot/features/tickets/digest.ts';
import { loadParks } from '../../src/parks/index.ts';
import { BotHarness, OFFICER } from '../support/botHarness.ts';

const WORKER: User = { id: 555101, is_bot: false, first_name: 'Hoa', language_code: 'en' };
const OFFICERS_GROUP = -1001234;

let bot: BotHarness;
beforeEach(async () => {
  bot = await BotHarness.create({ env: { OFFICER_CHAT_ID: String(OFFICERS_GROUP) } });
});
afterEach(() => bot.close());

/** Walks the complaint dialogue up to the summary, pressing buttons by their label. */
async function toSummary(user: User): Promise<void> {
  const label = async (calls: Awaited<ReturnType<BotHarness['send']>>, pattern: RegExp) => {
    const button = BotHarness.buttons(calls).find((b) => pattern.test(b.text));
    if (!button) throw new Error(`no button ${pattern}`);
    return bot.press(user, button.data);
  };
  let calls = await bot.send(user, '/complaint');
  calls = await label(calls, /Wages/);
  calls = await label(calls, /Other/);
  calls = await label(calls, /^Skip$/);
  calls = await label(calls, /⏭ Skip/);
  calls = await bot.send(user, 'Unpaid overtime since March');
  calls = await label(calls, /Done/);
  calls = await label(calls, /Anonymous/);
  expect(BotHarness.buttons(calls).map((b) => b.text)).toContain('📨 Send');
}

const pressSend = () => bot.press(WORKER, 'tn:confirm');

describe('idempotent filing', () => {
  it('files one ticket when Send is pressed twice, and tells the code again', async () => {
    await toSummary(WORKER);
    const session = structuredClone(bot.store.sessions.get(`${WORKER.id}:${WORKER.id}`));
    const first = BotHarness.texts(await pressSend(), WORKER.id).join('\n');
    // Telegram redelivers the press after a crash that came before the session was cleared.
    if (session) await bot.store.sessions.set(`${WORKER.id}:${WORKER.id}`, session);
    const second = BotHarness.texts(await pressSend(), WORKER.id).join('\n');
    const code = /#(KN-\d{4})/.exec(first)?.[1];
    expect(code).toBe('KN-0001');
    expect(second).toContain(`#${code}`);
    expect(bot.store.tickets.list()).toHaveLength(1);
    const toGroup = bot.calls.filter(
      (call) => call.method === 'sendMessage' && call.payload.chat_id === OFFICERS_GROUP,
    );
    expect(toGroup.map((call) => String(call.payload.text))).toEqual([
      expect.stringContaining(`#${code}`),
    ]);
  });

  it('keeps no identity on an anonymous ticket, only a reply chat kept apart', async () => {
    await toSummary(WORKER);
    await pressSend();
    const [view] = bot.store.tickets.list();
    const stored = bot.store.tickets.get(view?.code ?? '');
    expect(view?.anonymous).toBe(true);
    expect(bot.store.tickets.replyChat(view?.code ?? '')).toBe(WORKER.id);
    expect(bot.store.tickets.byFiler(WORKER.id).map((t) => t.code)).toEqual([view?.code]);
    expect(stored?.filer.name).toBe('');
  });

  it('records an officer reply once when the same update runs twice', async () => {
    await toSummary(WORKER);
    await pressSend();
    const code = bot.store.tickets.list()[0]?.code ?? '';
    await bot.press(OFFICER, `tk:reply:${code}`);
    const preview = await bot.send(OFFICER, 'We are checking');
    const send = BotHarness.buttons(preview).find((b) => b.text === '📨 Gửi');
    if (!send) throw new Error('no Send on the preview');
    const key = `${OFFICER.id}:${OFFICER.id}`;
    const session = structuredClone(bot.store.sessions.get(key));
    const press = {
      update_id: 777_001,
      callback_query: {
        id: 'q-777001',
        from: OFFICER,
        chat_instance: 'x',
        data: send.data,
        message: {
          message_id: 1,
          date: 0,
          chat: { id: OFFICER.id, type: 'private', first_name: OFFICER.first_name },
          text: 'preview',
        },
      },
    } as Update;
    await bot.deliver(press);
    // A crash after the reply was written but before the preview was forgotten: the same press again.
    if (session) await bot.store.sessions.set(key, session);
    await bot.deliver(press);
    const ticket = bot.store.tickets.get(code);
    expect(ticket?.history.filter((entry) => entry.action === 'reply')).toHaveLength(1);
    const toFiler = bot.calls.filter(
      (call) =>
        call.payload.chat_id === WORKER.id && /We are checking/.test(String(call.payload.text)),
    );
    expect(toFiler).toHaveLength(1);
  });
});

describe('the officers’ group', () => {
  it('lets no one but officers run a dialogue or press a button there', async () => {
    const group = { id: OFFICERS_GROUP, type: 'supergroup', title: 'Officers' };
    const message = (from: User, text: string, id: number) =>
      ({
        update_id: id,
        message: {
          message_id: id,
          date: 0,
          chat: group,
          from,
          text,
          entities: [{ type: 'bot_command', offset: 0, length: text.split(' ')[0]?.length ?? 1 }],
        },
      }) as Update;
    const calls = await bot.deliver(message(WORKER, '/complaint', 1));
    expect(BotHarness.texts(calls).join()).toMatch(/officers/);
    expect(bot.store.sessions.get(`${OFFICERS_GROUP}:${WORKER.id}`)).toBeUndefined();
    const officer = await bot.deliver(message(OFFICER, '/tickets', 2));
    expect(officer.some((call) => call.method === 'sendMessage')).toBe(true);
  });
});

describe('votes', () => {
  it('counts one user’s forty 👎 presses on one answer once', async () => {
    const answer = await bot.send(WORKER, 'how many industrial parks are there');
    const down = BotHarness.buttons(answer).find((b) => b.data.startsWith('kb:v:d:'));
    if (!down) throw new Error('no 👎 button');
    for (let i = 0; i < 40; i += 1) await bot.press(WORKER, down.data);
    const other: User = { id: 555102, is_bot: false, first_name: 'Lan', language_code: 'en' };
    await bot.press(other, down.data);
    const [entry] = bot.store.feedback.disliked(5);
    expect(entry?.down).toBe(2);
  });
});

describe('profiles from malformed updates', () => {
  it('stores a sender without first_name, with a lone surrogate and NUL, and reopens the store', async () => {
    const from = { id: 555103, is_bot: false, username: 'x\u0000\uD800y' } as unknown as User;
    await bot.deliver({
      update_id: 42,
      message: {
        message_id: 1,
        date: 0,
        chat: { id: 555103, type: 'private' },
        from,
        text: '/start',
        entities: [{ type: 'bot_command', offset: 0, length: 6 }],
      },
    } as unknown as Update);
    expect(bot.store.users.get(555103)).toMatchObject({ firstName: '', username: 'x\uFFFDy' });
    await bot.store.flush();
    const reopened = await BotHarness.create({ dataDir: bot.dataDir });
    expect(reopened.store.users.get(555103)?.username).toBe('x\uFFFDy');
  });
});

describe('the morning digest', () => {
  it('is queued once per day and delivered through the outbox, even when the timer fires twice', async () => {
    const env = {
      config: bot.config,
      tickets: bot.store.tickets,
      users: bot.store.users,
      parks: loadParks(bot.config.PARKS_FILE),
      telegram: bot.app.bot.telegram,
      logger: pino({ level: 'silent' }),
      now: () => new Date('2026-03-02T01:00:00Z'),
      wakeOutbox: () => undefined,
      calendar: workingCalendar(bot.config),
    };
    await sendDigest(env);
    await sendDigest(env);
    expect(bot.store.tickets.digests.pending()).toHaveLength(1);
    const until = Date.now() + 5000;
    while (bot.store.tickets.digests.pending().length > 0 && Date.now() < until) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const digests = bot.calls.filter(
      (call) =>
        call.payload.chat_id === OFFICERS_GROUP &&
        /digest|Tổng hợp/.test(String(call.payload.text)),
    );
    expect(digests).toHaveLength(1);
  });
});
