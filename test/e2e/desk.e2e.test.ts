import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDataDir } from '../support/botProcess.ts';
import { FakeBotApi, type FakeUser } from '../support/fakeBotApi.ts';
import { pressIn, threadTexts } from '../support/forumHelpers.ts';
import { FixedClock, type LiveBot, startLiveBot } from '../support/liveBot.ts';

const GROUP = -1001000000013;
const OFFICER: FakeUser = {
  id: 713001,
  first_name: 'Hanh',
  username: 'hanh_officer',
  language_code: 'en',
};
const OFFICER_B: FakeUser = { id: 713002, first_name: 'Tuan', language_code: 'en' };
const WORKER: FakeUser = {
  id: 813001,
  first_name: 'Mai',
  last_name: 'Secretname',
  username: 'mai_secret',
  language_code: 'en',
};
const ASKER: FakeUser = { id: 813050, first_name: 'Binh', language_code: 'en' };
const STRANGER: FakeUser = { id: 813099, first_name: 'Outsider', language_code: 'en' };
const WAIT = { timeoutMs: 20_000 };
const SECOND = 1000;
const inGroup = (threadId?: number) => ({
  id: GROUP,
  type: 'supergroup' as const,
  title: 'Officers',
  is_forum: true,
  ...(threadId === undefined ? {} : { threadId }),
});
/** Local time in Bắc Ninh (UTC+7). */
const local = (iso: string) => new Date(`${iso}+07:00`);

let fake: FakeBotApi;
let bot: LiveBot;
const clock = new FixedClock(local('2026-12-04T10:00'));

async function parksAndHolidays(): Promise<Record<string, string>> {
  const dir = await makeTempDataDir();
  const parks = join(dir, 'parks.yaml');
  const holidays = join(dir, 'holidays.yaml');
  await writeFile(parks, 'parks:\n  - id: que-vo\n    name: { vi: KCN Quế Võ, en: Que Vo IP }\n');
  await writeFile(holidays, 'holidays:\n  - 2026-12-14\n');
  return { PARKS_FILE: parks, HOLIDAYS_FILE: holidays };
}

/** Does `act`, then waits for a new text to `chatId` matching `pattern`. */
async function expectText(chatId: number, act: () => unknown, pattern: RegExp): Promise<string> {
  const before = fake.textsTo(chatId).length;
  act();
  return fake.waitFor(
    () =>
      fake
        .textsTo(chatId)
        .slice(before)
        .find((text) => pattern.test(text)),
    { ...WAIT, what: `a message to ${chatId} matching ${pattern}` },
  );
}
const press = (user: FakeUser, label: RegExp) => () => {
  const shown = fake.lastMessageTo(user.id);
  const button = fake.buttonsOf(shown).find((candidate) => label.test(candidate.text));
  if (!shown || !button?.data) throw new Error(`no button ${label} on the last message`);
  fake.pressButton(user, shown, button.data);
};

/** Files a complaint through the dialogue, pressing buttons by label; returns its code. */
async function fileComplaint(user: FakeUser, description: string, anonymous: boolean) {
  await expectText(user.id, () => fake.sendText(user, '/complaint'), /topic/);
  await expectText(user.id, press(user, /Wages/), /industrial park/);
  await expectText(user.id, press(user, /Que Vo/), /company/);
  await expectText(user.id, press(user, /Skip/), /Describe/);
  await expectText(user.id, () => fake.sendText(user, description), /photos/);
  await expectText(
    user.id,
    () => fake.sendPhoto(user, `photo-${description.length}`),
    /Received 1/,
  );
  await expectText(user.id, press(user, /Done/), /anonymous/i);
  await expectText(user.id, press(user, anonymous ? /Anonymous/ : /Show my name/), /Summary/);
  const filed = await expectText(user.id, press(user, /Send/), /Your code/);
  return /#((?:KN)-\d{4})/.exec(filed)?.[1] ?? '';
}

beforeAll(async () => {
  fake = await FakeBotApi.start();
  fake.addGroup(GROUP, { title: 'Officers' });
  bot = await startLiveBot(fake, {
    clock,
    ownKnowledge: true,
    env: {
      OFFICER_IDS: `${OFFICER.id},${OFFICER_B.id}`,
      OFFICER_CHAT_ID: String(GROUP),
      DEFAULT_LANG: 'en',
      TICKET_RESPONSE_HOURS: '4',
      DESK_UNDO_SECONDS: '10',
      TARGET_CHECK_SECONDS: '1',
      ...(await parksAndHolidays()),
    },
  });
  // Officers introduce themselves, so the bot knows their names and languages.
  await expectText(OFFICER.id, () => fake.sendText(OFFICER, '/start'), /officer/i);
  await expectText(OFFICER_B.id, () => fake.sendText(OFFICER_B, '/start'), /officer/i);
}, 60_000);
afterAll(async () => {
  await bot?.stop();
  await fake?.stop();
});

describe('the officers’ desk in a forum group, through the loopback Bot API', () => {
  let code = '';
  let thread = 0;

  it('a ticket opens a topic with its pinned card, and the filer’s messages and media arrive in it', async () => {
    code = await fileComplaint(WORKER, 'Wages for March & April not paid', true);
    expect(code).toBe('KN-0001');
    const topic = await fake.waitFor(() => fake.topics(GROUP)[0], WAIT);
    thread = topic.threadId;
    expect(topic.name).toMatch(/^🆕 #KN-0001 · Wages/);
    expect(topic.name).toContain('Que Vo IP');
    const card = await fake.waitFor(
      () =>
        fake
          .messagesInThread(GROUP, thread)
          .find((m) => m.text?.includes('March &amp; April') || m.text?.includes('March & April')),
      WAIT,
    );
    await fake.waitFor(() => fake.pinnedIn(GROUP).includes(card.message_id), WAIT);
    await fake.waitFor(() => fake.messagesInThread(GROUP, thread).some((m) => 'photo' in m), WAIT);

    // The filer swipe-replies to the bot's message naming the ticket: text, then a voice note.
    const filed = fake
      .sentTo(WORKER.id)
      .flatMap((c) => c.messages ?? [])
      .find((m) => m.text?.includes(`#${code}`));
    const replyTo = {
      message_id: filed?.message_id ?? 0,
      chat: { id: WORKER.id, type: 'private' },
      date: 0,
      from: { id: 123456, is_bot: true, first_name: 'KCN Test Bot' },
      text: filed?.text ?? '',
    };
    fake.sendContent(WORKER, { text: 'They also cut overtime pay', reply_to_message: replyTo });
    await fake.waitFor(
      () => threadTexts(fake, GROUP, thread).some((t) => t.includes('cut overtime pay')),
      WAIT,
    );
    fake.sendContent(WORKER, {
      voice: { file_id: 'voice-desk-1', file_unique_id: 'u-voice-desk-1', duration: 4 },
      reply_to_message: replyTo,
    });
    await fake.waitFor(() => fake.messagesInThread(GROUP, thread).some((m) => 'voice' in m), WAIT);
    for (const call of fake.calls.filter(
      (c) => Number(c.payload.chat_id) === GROUP && c.method.startsWith('send'),
    )) {
      expect(call.payload.protect_content, call.method).toBe(true);
    }
  });

  it('an officer’s message in the topic reaches the filer after the undo window; Undo stops one; // stays internal', async () => {
    const toWorker = () => fake.textsTo(WORKER.id).join('\n');
    const pending = await expectText(
      GROUP,
      () => fake.sendText(OFFICER, 'We are checking with the company', inGroup(thread)),
      /in 10 s/,
    );
    expect(pending).toContain('Undo');
    expect(toWorker()).not.toContain('We are checking');
    clock.advance(11 * SECOND);
    await fake.waitFor(() => toWorker().includes('We are checking with the company'), WAIT);

    await expectText(
      GROUP,
      () => fake.sendText(OFFICER, 'Wrong ticket, sorry', inGroup(thread)),
      /in 10 s/,
    );
    await expectText(GROUP, () => pressIn(fake, OFFICER, GROUP, /Undo/, thread), /Not sent/);
    await expectText(
      GROUP,
      () =>
        fake.sendText(OFFICER, '// payroll clerk is a relative of the director', inGroup(thread)),
      /Internal note/,
    );
    await expectText(
      GROUP,
      () => fake.sendText(OFFICER, 'Please send a photo of your payslip', inGroup(thread)),
      /in 10 s/,
    );
    clock.advance(11 * SECOND);
    await fake.waitFor(() => toWorker().includes('photo of your payslip'), WAIT);
    expect(toWorker()).not.toContain('Wrong ticket');
    expect(toWorker()).not.toContain('payroll clerk');
    const history = bot.store.tickets.get(code)?.history ?? [];
    expect(history.filter((e) => e.action === 'note').map((e) => e.note)).toEqual([
      'payroll clerk is a relative of the director',
    ]);
    expect(history.filter((e) => e.action === 'reply').map((e) => e.note)).toEqual([
      'We are checking with the company',
      'Please send a photo of your payslip',
    ]);
  });

  it('a non-officer’s message in the group is not relayed', async () => {
    const before = fake.textsTo(GROUP).length;
    fake.sendText(STRANGER, 'I am not an officer, tell her to drop it', inGroup(thread));
    await expectText(
      GROUP,
      () => fake.sendText(OFFICER, 'We will visit on Monday', inGroup(thread)),
      /in 10 s/,
    );
    clock.advance(11 * SECOND);
    await fake.waitFor(() => fake.textsTo(WORKER.id).join().includes('visit on Monday'), WAIT);
    expect(fake.textsTo(WORKER.id).join()).not.toContain('drop it');
    // The bot said nothing about the stranger's message: one undo notice, for the officer's.
    const answers = fake.textsTo(GROUP).slice(before);
    expect(answers.filter((text) => /in 10 s/.test(text))).toHaveLength(1);
    expect(
      bot.store.tickets
        .get(code)
        ?.history.map((e) => e.note)
        .join(),
    ).not.toContain('drop it');
  });

  it('nothing in any call about the anonymous ticket’s topic contains the filer’s ids or names', () => {
    const forGroup = fake.calls.filter((call) => Number(call.payload.chat_id) === GROUP);
    expect(forGroup.length).toBeGreaterThan(5);
    for (const call of forGroup) {
      const seen = JSON.stringify({ payload: call.payload, response: call.response });
      expect(seen, call.method).not.toMatch(/813001|Secretname|mai_secret|\bMai\b/);
    }
  });

  it('Take and /assign show the owner in the topic name and /tickets mine', async () => {
    await expectText(
      GROUP,
      () => pressIn(fake, OFFICER, GROUP, /Assign/, thread),
      /Who should handle/,
    );
    await expectText(
      GROUP,
      () => pressIn(fake, OFFICER, GROUP, /^Tuan$/, thread),
      /now handled by Tuan/,
    );
    await fake.waitFor(() => fake.topics(GROUP)[0]?.name.includes('👤 Tuan'), WAIT);
    const mine = await expectText(
      OFFICER_B.id,
      () => fake.sendText(OFFICER_B, '/tickets mine'),
      /KN-0001/,
    );
    expect(mine).toContain('#KN-0001');
    await expectText(
      GROUP,
      () => fake.sendText(OFFICER, '/assign hanh_officer', inGroup(thread)),
      /now handled by Hanh/,
    );
    await fake.waitFor(() => fake.topics(GROUP)[0]?.name.includes('👤 Hanh'), WAIT);
  });

  it('resolve closes the topic and the filer’s reopen reopens it', async () => {
    await expectText(GROUP, () => pressIn(fake, OFFICER, GROUP, /Resolve/, thread), /note/i);
    await expectText(
      GROUP,
      () => fake.sendText(OFFICER, 'Wages paid on 10 December', inGroup(thread)),
      /Preview/,
    );
    await expectText(
      WORKER.id,
      () => pressIn(fake, OFFICER, GROUP, /^📨 Send$/, thread),
      /resolved/,
    );
    const closed = await fake.waitFor(
      () => (fake.topics(GROUP)[0]?.closed ? fake.topics(GROUP)[0] : undefined),
      WAIT,
    );
    expect(closed.name).toMatch(/^✅ #KN-0001/);
    await expectText(WORKER.id, press(WORKER, /reopen/i), /reopen/i);
    const reopened = await fake.waitFor(
      () => (fake.topics(GROUP)[0]?.closed === false ? fake.topics(GROUP)[0] : undefined),
      WAIT,
    );
    expect(reopened.name).toMatch(/^🔧 #KN-0001/);
    await fake.waitFor(
      () => threadTexts(fake, GROUP, thread).some((t) => /filer reopened/.test(t)),
      WAIT,
    );
  });

  it('/kb in a topic offers three answers; the chosen one reaches the filer with its source line after the undo window', async () => {
    const before = fake.textsTo(GROUP).length;
    fake.sendText(OFFICER, '/kb trade union', inGroup(thread));
    await fake.waitFor(
      () =>
        fake
          .textsTo(GROUP)
          .slice(before)
          .filter((t) => /^\d\. /.test(t)).length === 3,
      WAIT,
    );
    // The newest of the three offers carries the newest Send button, the one pressed below.
    const offered =
      fake
        .textsTo(GROUP)
        .slice(before)
        .find((t) => t.startsWith('3. ')) ?? '';
    await expectText(
      GROUP,
      () => pressIn(fake, OFFICER, GROUP, /Send this answer/, thread),
      /in 10 s/,
    );
    clock.advance(11 * SECOND);
    const sent = await fake.waitFor(
      () => fake.textsTo(WORKER.id).find((t) => /Source/.test(t)),
      WAIT,
    );
    const firstLine = offered.split('\n')[1]?.slice(0, 40) ?? '';
    expect(firstLine.length).toBeGreaterThan(10);
    expect(sent.replace(/<[^>]+>/g, '')).toContain(firstLine.replace(/<[^>]+>/g, ''));
  });

  it('a question answered by an officer and approved by a second officer is then answered by the bot, marked as an officer answer', async () => {
    const question =
      'Is there a shuttle bus from the Yen Phong dormitory to the Sunday night market?';
    const first = await expectText(ASKER.id, () => fake.sendText(ASKER, question), /./);
    expect(first).not.toContain('officer answer');
    await expectText(
      OFFICER.id,
      () => fake.sendText(OFFICER, '/unanswered'),
      /Sunday night market/,
    );
    await expectText(OFFICER.id, press(OFFICER, /Answer 1/), /in Vietnamese/);
    await expectText(
      OFFICER.id,
      () =>
        fake.sendText(OFFICER, 'Có, xe đưa đón chạy 18:00 Chủ nhật từ cổng ký túc xá Yên Phong.'),
      /English answer/,
    );
    await expectText(
      OFFICER.id,
      () =>
        fake.sendText(
          OFFICER,
          'Yes: a shuttle leaves the Yen Phong dormitory gate at 18:00 on Sundays.',
        ),
      /Which topic/,
    );
    const topicButton = fake.buttonsOf(fake.lastMessageTo(OFFICER.id))[0];
    expect(topicButton?.text).toBeTruthy();
    await expectText(
      OFFICER.id,
      press(OFFICER, new RegExp(`^${topicButton?.text ?? ''}$`)),
      /other ways/,
    );
    await expectText(
      OFFICER.id,
      () => fake.sendText(OFFICER, 'night market shuttle bus from dormitory'),
      /second officer/,
    );
    const review = await fake.waitFor(
      () => fake.textsTo(GROUP).find((t) => t.includes('Draft answer')),
      WAIT,
    );
    expect(review).toContain('18:00');
    // The author cannot approve their own draft.
    const before = fake.calls.length;
    pressIn(fake, OFFICER, GROUP, /Approve/);
    const refused = await fake.waitForCall(
      (c) => c.method === 'answerCallbackQuery' && /second officer/.test(String(c.payload.text)),
      { ...WAIT, fromIndex: before },
    );
    expect(refused.status).toBe(200);
    await expectText(GROUP, () => pressIn(fake, OFFICER_B, GROUP, /Approve/), /live/);
    const answer = await expectText(ASKER.id, () => fake.sendText(ASKER, question), /shuttle/);
    expect(answer).toContain('18:00 on Sundays');
    expect(answer).toMatch(/officer answer, Hanh/);
    expect(answer).not.toMatch(/Source: .*report section/i);
  });

  it('service-target warnings fire at the right working-time moment under a fixed clock, skipping a holiday', async () => {
    // Friday 11 Dec 15:00; the response target is 4 working hours. Friday gives 2 hours, Monday
    // 14 Dec is a holiday, so the target falls on Tuesday 15 Dec at 10:00 and is near (80 %) at 09:12.
    clock.set(local('2026-12-11T15:00'));
    const second = await fileComplaint(WORKER, 'Night shift without allowance', true);
    const topic = await fake.waitFor(
      () => fake.topics(GROUP).find((t) => t.name.includes(second)),
      WAIT,
    );
    const warnings = () =>
      fake.textsTo(GROUP).filter((text) => text.includes(`#${second}`) && /target/.test(text));
    clock.set(local('2026-12-15T09:15'));
    const near = await fake.waitFor(() => warnings()[0], WAIT);
    expect(near).toMatch(/first response target is near/);
    expect(near).toContain('15/12/2026 10:00');
    expect(threadTexts(fake, GROUP, topic.threadId)).toContain(near);
    clock.set(local('2026-12-15T10:01'));
    const missed = await fake.waitFor(() => warnings().find((text) => /missed/.test(text)), WAIT);
    expect(missed).toContain('15/12/2026 10:00');
    const escalation = fake
      .sentTo(GROUP)
      .flatMap((call) => call.messages ?? [])
      .find((message) => message.text === missed);
    expect(escalation?.message_thread_id).toBeUndefined();
    expect(warnings()).toHaveLength(2);
  });
});

describe('figures', () => {
  it('/stats shows the share of tickets within target, in working time', async () => {
    const stats = await expectText(
      OFFICER.id,
      () => fake.sendText(OFFICER, '/stats'),
      /Within target/,
    );
    // KN-0001 was answered 11 s after filing; KN-0002 never was (it does not count yet).
    expect(stats).toMatch(/first response 100%/);
  });
});

describe('the rights check', () => {
  it('names the missing right, at start and on /setup', async () => {
    const other = await FakeBotApi.start();
    const group = -1001000000031;
    other.addGroup(group, {
      bot: { status: 'administrator', can_manage_topics: false, can_pin_messages: true },
    });
    const officer: FakeUser = { id: 713031, first_name: 'Lan', language_code: 'en' };
    const live = await startLiveBot(other, {
      clock: new FixedClock(new Date()),
      env: { OFFICER_IDS: String(officer.id), OFFICER_CHAT_ID: String(group), DEFAULT_LANG: 'en' },
    });
    try {
      const atStart = await other.waitFor(
        () => other.textsTo(group).find((t) => /needs a change/.test(t)),
        WAIT,
      );
      expect(atStart).toContain('“Manage topics”');
      expect(atStart).not.toMatch(/Topics are off|not an admin/);
      other.sendText(officer, '/setup');
      const setup = await other.waitFor(
        () => other.textsTo(officer.id).find((t) => /Manage topics/.test(t)),
        WAIT,
      );
      expect(setup).toContain('swipe-reply');
    } finally {
      await live.stop();
      await other.stop();
    }
  });
});
