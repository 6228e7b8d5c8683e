import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DeskScene,
  FixedClock,
  GROUP,
  inGroup,
  local,
  OFFICER,
  OFFICER_B,
  SECOND,
  STRANGER,
  startDeskBot,
  WAIT,
  WORKER,
} from '../support/deskScene.ts';
import { FakeBotApi } from '../support/fakeBotApi.ts';
import { messagesInThread, pressIn, threadTexts } from '../support/forumHelpers.ts';
import type { LiveBot } from '../support/liveBot.ts';

let fake: FakeBotApi;
let bot: LiveBot;
let scene: DeskScene;
const clock = new FixedClock(local('2026-12-04T10:00'));

beforeAll(async () => {
  fake = await FakeBotApi.start();
  scene = new DeskScene(fake);
  bot = await startDeskBot(fake, clock);
}, 60_000);
afterAll(async () => {
  await bot?.stop();
  await fake?.stop();
});

describe('the officers’ desk in a forum group, through the loopback Bot API', () => {
  let code = '';
  let thread = 0;

  it('a ticket opens a topic with its pinned card, and the filer’s messages and media arrive in it', async () => {
    code = await scene.fileComplaint(WORKER, 'Wages for March & April not paid', true);
    expect(code).toBe('KN-0001');
    const topic = await fake.waitFor(() => fake.topics(GROUP)[0], WAIT);
    thread = topic.threadId;
    expect(topic.name).toMatch(/^🆕 #KN-0001 · Wages/);
    expect(topic.name).toContain('Que Vo IP');
    const card = await fake.waitFor(
      () =>
        messagesInThread(fake, GROUP, thread).find(
          (m) => m.text?.includes('March &amp; April') || m.text?.includes('March & April'),
        ),
      WAIT,
    );
    await fake.waitFor(() => fake.pinnedIn(GROUP).includes(card.message_id), WAIT);
    await fake.waitFor(() => messagesInThread(fake, GROUP, thread).some((m) => 'photo' in m), WAIT);

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
    await fake.waitFor(() => messagesInThread(fake, GROUP, thread).some((m) => 'voice' in m), WAIT);
    for (const call of fake.calls.filter(
      (c) => Number(c.payload.chat_id) === GROUP && c.method.startsWith('send'),
    )) {
      expect(call.payload.protect_content, call.method).toBe(true);
    }
  });

  it('an officer’s message in the topic reaches the filer after the undo window; Undo stops one; // stays internal', async () => {
    const toWorker = () => fake.textsTo(WORKER.id).join('\n');
    const pending = await scene.expectText(
      GROUP,
      () => fake.sendText(OFFICER, 'We are checking with the company', inGroup(thread)),
      /in 10 s/,
    );
    expect(pending).toContain('Undo');
    expect(toWorker()).not.toContain('We are checking');
    clock.advance(11 * SECOND);
    await fake.waitFor(() => toWorker().includes('We are checking with the company'), WAIT);

    await scene.expectText(
      GROUP,
      () => fake.sendText(OFFICER, 'Wrong ticket, sorry', inGroup(thread)),
      /in 10 s/,
    );
    await scene.expectText(GROUP, () => pressIn(fake, OFFICER, GROUP, /Undo/, thread), /Not sent/);
    await scene.expectText(
      GROUP,
      () =>
        fake.sendText(OFFICER, '// payroll clerk is a relative of the director', inGroup(thread)),
      /Internal note/,
    );
    await scene.expectText(
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
    await scene.expectText(
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
    await scene.expectText(
      GROUP,
      () => pressIn(fake, OFFICER, GROUP, /Assign/, thread),
      /Who should handle/,
    );
    await scene.expectText(
      GROUP,
      () => pressIn(fake, OFFICER, GROUP, /^Tuan$/, thread),
      /now handled by Tuan/,
    );
    await fake.waitFor(() => fake.topics(GROUP)[0]?.name.includes('👤 Tuan'), WAIT);
    const mine = await scene.expectText(
      OFFICER_B.id,
      () => fake.sendText(OFFICER_B, '/tickets mine'),
      /KN-0001/,
    );
    expect(mine).toContain('#KN-0001');
    await scene.expectText(
      GROUP,
      () => fake.sendText(OFFICER, '/assign hanh_officer', inGroup(thread)),
      /now handled by Hanh/,
    );
    await fake.waitFor(() => fake.topics(GROUP)[0]?.name.includes('👤 Hanh'), WAIT);
  });

  it('resolve closes the topic and the filer’s reopen reopens it', async () => {
    await scene.expectText(GROUP, () => pressIn(fake, OFFICER, GROUP, /Resolve/, thread), /note/i);
    await scene.expectText(
      GROUP,
      () => fake.sendText(OFFICER, 'Wages paid on 10 December', inGroup(thread)),
      /Preview/,
    );
    await scene.expectText(
      WORKER.id,
      () => pressIn(fake, OFFICER, GROUP, /^📨 Send$/, thread),
      /resolved/,
    );
    const closed = await fake.waitFor(
      () => (fake.topics(GROUP)[0]?.closed ? fake.topics(GROUP)[0] : undefined),
      WAIT,
    );
    expect(closed.name).toMatch(/^✅ #KN-0001/);
    await scene.expectText(WORKER.id, scene.press(WORKER, /reopen/i), /reopen/i);
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
    await scene.expectText(
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
});

describe('figures', () => {
  it('/stats shows the share of tickets within target, in working time', async () => {
    const stats = await scene.expectText(
      OFFICER.id,
      () => fake.sendText(OFFICER, '/stats'),
      /Within target/,
    );
    // KN-0001 was first answered 11 s after filing, well within its 4 working hours.
    expect(stats).toMatch(/first response 100%/);
  });
});
