import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BotProcess, makeTempDataDir } from '../support/botProcess.ts';
import { expectReplyTo, fakeApiEnv, pressingLabel, startPollingBot } from '../support/e2eBot.ts';
import { FakeBotApi, type FakeUser } from '../support/fakeBotApi.ts';

const OFFICER: FakeUser = { id: 710001, first_name: 'Officer', language_code: 'en' };
const WORKER: FakeUser = { id: 810101, first_name: 'Lan', language_code: 'en' };
const WAIT = { timeoutMs: 20_000 };

let fake: FakeBotApi;
let bot: BotProcess;

beforeAll(async () => {
  fake = await FakeBotApi.start();
  bot = await startPollingBot(
    fake,
    fakeApiEnv(fake, await makeTempDataDir(), {
      OFFICER_IDS: String(OFFICER.id),
      LOG_LEVEL: 'warn',
    }),
  );
}, 60_000);
afterAll(async () => {
  await bot?.stop();
  await fake?.stop();
});

/** Does `act`, then waits for a new message to `user` matching `pattern`. */
const expectReply = (user: FakeUser, act: () => unknown, pattern: RegExp) =>
  expectReplyTo(fake, user, act, pattern);
const say = (user: FakeUser, text: string) => () => fake.sendText(user, text);
/** Presses the button labelled `label` on the bot's latest message to `user`. */
const press = (user: FakeUser, label: RegExp) => pressingLabel(fake, user, label);

describe('dialogues against the loopback Bot API', () => {
  it('greets an officer as an officer, with no role question', async () => {
    const greeting = await expectReply(OFFICER, say(OFFICER, '/start'), /officer/);
    expect(greeting).toContain('Hello, officer');
    await fake.waitFor(() => fake.buttonsOf(fake.lastMessageTo(OFFICER.id)).length > 0, WAIT);
    const labels = fake.buttonsOf(fake.lastMessageTo(OFFICER.id)).map((b) => b.text);
    expect(labels).toContain('📋 Open tickets');
    expect(labels.join()).not.toMatch(/worker|enterprise/i);
  });

  it('keeps a filer’s plain answer to an officer’s question with the ticket', async () => {
    await expectReply(WORKER, say(WORKER, '/complaint'), /topic/);
    await expectReply(WORKER, press(WORKER, /Wages/), /industrial park/);
    await expectReply(WORKER, press(WORKER, /Other/), /name of your industrial park/);
    await expectReply(WORKER, press(WORKER, /Skip/), /company/);
    await expectReply(WORKER, press(WORKER, /Skip/), /Describe/);
    await expectReply(WORKER, say(WORKER, 'Two months of unpaid wages'), /photos/);
    await expectReply(WORKER, press(WORKER, /Done/), /anonymous/);
    await expectReply(WORKER, press(WORKER, /Anonymous/), /Summary/);
    const filed = await expectReply(WORKER, press(WORKER, /Send/), /Your code/);
    const code = /#(KN-\d{4})/.exec(filed)?.[1] ?? '';

    await expectReply(OFFICER, say(OFFICER, `/ask ${code} Which workshop?`), /Preview/);
    await expectReply(WORKER, press(OFFICER, /^📨 Send$/), /Which workshop/);
    const added = await expectReply(OFFICER, say(WORKER, 'workshop 3, night shift'), /added to/);
    expect(added).toContain('workshop 3, night shift');
    const thread = await expectReply(WORKER, say(WORKER, '/mytickets'), /conversation/);
    expect(thread).toContain(code);
    const opened = await expectReply(WORKER, press(WORKER, new RegExp(code)), /Which workshop/);
    expect(opened).toContain('workshop 3, night shift');
  });

  it('saves a reminder at once and still answers the next question', async () => {
    await expectReply(WORKER, say(WORKER, '/remind tomorrow at 9 call the bank'), /Saved/);
    const answer = await expectReply(
      WORKER,
      say(WORKER, 'how many industrial parks are there'),
      /Source/,
    );
    expect(answer).not.toMatch(/only read text/);
  });
});
