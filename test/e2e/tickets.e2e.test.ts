import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BotProcess } from '../support/botProcess.ts';
import {
  dataDirWithOnePark,
  expectReplyTo,
  fakeApiEnv,
  pressingLabel,
  startPollingBot,
} from '../support/e2eBot.ts';
import { FakeBotApi, type FakeUser } from '../support/fakeBotApi.ts';

const OFFICER: FakeUser = { id: 700001, first_name: 'Officer', language_code: 'en' };
const WORKER: FakeUser = {
  id: 800001,
  first_name: 'Mai',
  last_name: 'Hiddenname',
  username: 'mai_hidden',
  language_code: 'en',
};
const STRANGER: FakeUser = { id: 800002, first_name: 'Stranger', language_code: 'en' };
const WAIT = { timeoutMs: 20_000 };

let fake: FakeBotApi;
let bot: BotProcess;
let dataDir: string;
let env: Record<string, string>;

const start = async () => {
  bot = await startPollingBot(fake, env);
};

const expectReply = (user: FakeUser, act: () => unknown, pattern: RegExp) =>
  expectReplyTo(fake, user, act, pattern);
const press = (user: FakeUser, data: string) => () =>
  fake.pressButton(
    user,
    fake.lastMessageTo(user.id) ?? { message_id: 1, chat: { id: user.id } },
    data,
  );
const say = (user: FakeUser, text: string) => () => fake.sendText(user, text);
/** Presses the button labelled `label` on the bot's latest message to `user`, as a person would. */
const pressLabel = (user: FakeUser, label: RegExp) => pressingLabel(fake, user, label);

async function ticketFiles(): Promise<Record<string, unknown>> {
  const dir = join(dataDir, 'tickets');
  const all: Record<string, unknown> = {};
  for (const name of await readdir(dir)) {
    Object.assign(all, JSON.parse(await readFile(join(dir, name), 'utf8')).data);
  }
  return all;
}

beforeAll(async () => {
  fake = await FakeBotApi.start();
  const made = await dataDirWithOnePark();
  dataDir = made.dataDir;
  env = fakeApiEnv(fake, dataDir, {
    OFFICER_IDS: String(OFFICER.id),
    PARKS_FILE: made.parksFile,
    TICKET_LIMIT_PER_HOUR: '5',
    LOG_LEVEL: 'info',
  });
  await start();
}, 60_000);
afterAll(async () => {
  await bot?.stop();
  await fake?.stop();
});

describe('tickets end to end', () => {
  let code = '';

  it('files an anonymous complaint with a photo; officers never see who', async () => {
    await expectReply(WORKER, say(WORKER, '/complaint'), /topic/);
    await expectReply(WORKER, press(WORKER, 'tn:cat:wages'), /industrial park/);
    await expectReply(WORKER, press(WORKER, 'tn:park:que-vo'), /company/);
    await expectReply(WORKER, press(WORKER, 'tn:skip'), /Describe/);
    await expectReply(WORKER, say(WORKER, '<b>wage</b> & <script> unpaid'), /photos/);
    await expectReply(WORKER, () => fake.sendPhoto(WORKER, 'photo-e2e-1'), /Received 1\/5/);
    await expectReply(WORKER, press(WORKER, 'tn:done'), /anonymous/);
    await expectReply(WORKER, press(WORKER, 'tn:anon:1'), /Summary/);
    const filed = await expectReply(WORKER, press(WORKER, 'tn:confirm'), /Your code/);
    code = /#(KN-\d{4})/.exec(filed)?.[1] ?? '';
    expect(code).toBe('KN-0001');

    const notice = await fake.waitFor(
      () => fake.textsTo(OFFICER.id).find((text) => text.includes(code)),
      WAIT,
    );
    expect(notice).toContain('<b>wage</b> & <script> unpaid');
    const toOfficer = fake.calls.filter(
      (call) => String(call.payload.chat_id) === String(OFFICER.id),
    );
    for (const call of toOfficer) {
      expect(JSON.stringify(call.payload)).not.toMatch(/800001|Hiddenname|mai_hidden|Mai\b/);
      expect(call.status).toBe(200);
    }
  });

  it('refuses a stranger’s /tickets and forged Resolve, changing nothing', async () => {
    await expectReply(STRANGER, say(STRANGER, '/tickets'), /for officers/i);
    const before = fake.calls.length;
    press(STRANGER, `tk:resolve:${code}`)();
    const answer = await fake.waitForCall(
      (call) =>
        call.method === 'answerCallbackQuery' && /officer|cán bộ/i.test(String(call.payload.text)),
      { ...WAIT, fromIndex: before },
    );
    expect(answer.status).toBe(200);
    const stored = (await ticketFiles())[code] as { status: string; history: unknown[] };
    expect(stored.status).toBe('new');
    expect(stored.history).toHaveLength(1);
  });

  it('runs take, reply, add information, resolve, rate and export', async () => {
    await expectReply(OFFICER, press(OFFICER, `tk:take:${code}`), /You took/);
    await expectReply(OFFICER, press(OFFICER, `tk:reply:${code}`), /Type your reply/);
    const toWorker = fake.textsTo(WORKER.id).length;
    await expectReply(OFFICER, say(OFFICER, 'We are checking & will call'), /Preview/);
    expect(fake.textsTo(WORKER.id).length).toBe(toWorker);
    const reply = await expectReply(WORKER, pressLabel(OFFICER, /Send/), /replied/);
    expect(reply).toContain('We are checking & will call');
    await expectReply(WORKER, press(WORKER, `tf:info:${code}`), /additional information/);
    const info = await expectReply(OFFICER, say(WORKER, 'Since January'), /added to/);
    expect(info).toContain('Since January');
    await expectReply(OFFICER, press(OFFICER, `tk:resolve:${code}`), /short note/);
    await expectReply(OFFICER, say(OFFICER, 'Paid in full'), /Preview/);
    await expectReply(WORKER, pressLabel(OFFICER, /Send/), /has been resolved/);
    await expectReply(WORKER, press(WORKER, `tf:confirm:${code}`), /rate/);
    await expectReply(WORKER, press(WORKER, `tf:rate:${code}:4`), /Thank you for your rating/);

    const before = fake.calls.length;
    fake.sendText(OFFICER, '/export');
    const upload = await fake.waitForCall((call) => call.method === 'sendDocument', {
      ...WAIT,
      fromIndex: before,
    });
    const document = upload.payload.document as { content: string };
    expect(document.content.startsWith('\uFEFF')).toBe(true);
    expect(document.content).toContain(code);
    expect(document.content).not.toMatch(/800001|Hiddenname|mai_hidden/);
    expect(
      fake.calls.some((call) => /can't parse entities/i.test(JSON.stringify(call.response))),
    ).toBe(false);
  });

  it('gives 200 concurrent filings 200 distinct codes, still on disk after a restart', async () => {
    const users: FakeUser[] = Array.from({ length: 200 }, (_, i) => ({
      id: 810000 + i,
      first_name: `W${i}`,
      language_code: 'en',
    }));
    const round = async (act: (user: FakeUser) => void, pattern: RegExp) => {
      const before = new Map(users.map((u) => [u.id, fake.textsTo(u.id).length]));
      for (const user of users) act(user);
      await fake.waitFor(
        () =>
          users.every((u) =>
            fake
              .textsTo(u.id)
              .slice(before.get(u.id))
              .some((text) => pattern.test(text)),
          ),
        { timeoutMs: 60_000, what: `all 200 users to see ${pattern}` },
      );
    };
    const tap = (data: string) => (u: FakeUser) => press(u, data)();
    await round((u) => fake.sendText(u, '/complaint'), /topic/);
    await round(tap('tn:cat:safety'), /industrial park/);
    await round(tap('tn:park:-'), /name of your industrial park/);
    await round(tap('tn:parkskip'), /company/);
    await round(tap('tn:skip'), /Describe/);
    await round((u) => fake.sendText(u, `No helmets, line ${u.id}`), /photos/);
    await round(tap('tn:done'), /anonymous/);
    await round(tap('tn:anon:1'), /Summary/);
    await round(tap('tn:confirm'), /Your code/);

    const codes = users.map(
      (u) => /#(KN-\d{4})/.exec(fake.textsTo(u.id).find((t) => /Your code/.test(t)) ?? '')?.[1],
    );
    expect(new Set(codes).size).toBe(200);
    await bot.stop();
    await start();
    const stored = await ticketFiles();
    for (const c of codes) expect(stored[c ?? '']).toBeDefined();
    await expectReply(OFFICER, say(OFFICER, `/ticket ${codes[199]}`), /No helmets/);
  }, 180_000);
});
