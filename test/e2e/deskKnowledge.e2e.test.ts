import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ASKER,
  DeskScene,
  FixedClock,
  GROUP,
  local,
  OFFICER,
  OFFICER_B,
  startDeskBot,
  WAIT,
  WORKER,
} from '../support/deskScene.ts';
import { FakeBotApi, type FakeUser } from '../support/fakeBotApi.ts';
import { pressIn, threadTexts } from '../support/forumHelpers.ts';
import { type LiveBot, startLiveBot } from '../support/liveBot.ts';

let fake: FakeBotApi;
let bot: LiveBot;
let scene: DeskScene;
const clock = new FixedClock(local('2026-12-11T15:00'));

beforeAll(async () => {
  fake = await FakeBotApi.start();
  scene = new DeskScene(fake);
  bot = await startDeskBot(fake, clock);
}, 60_000);
afterAll(async () => {
  await bot?.stop();
  await fake?.stop();
});

describe('the desk’s knowledge and targets, through the loopback Bot API', () => {
  it('a question answered by an officer and approved by a second officer is then answered by the bot, marked as an officer answer', async () => {
    const question =
      'Is there a shuttle bus from the Yen Phong dormitory to the Sunday night market?';
    const first = await scene.expectText(ASKER.id, () => fake.sendText(ASKER, question), /./);
    expect(first).not.toContain('officer answer');
    await scene.expectText(
      OFFICER.id,
      () => fake.sendText(OFFICER, '/unanswered'),
      /Sunday night market/,
    );
    await scene.expectText(OFFICER.id, scene.press(OFFICER, /Answer 1/), /in Vietnamese/);
    await scene.expectText(
      OFFICER.id,
      () =>
        fake.sendText(OFFICER, 'Có, xe đưa đón chạy 18:00 Chủ nhật từ cổng ký túc xá Yên Phong.'),
      /English answer/,
    );
    await scene.expectText(
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
    await scene.expectText(
      OFFICER.id,
      scene.press(OFFICER, new RegExp(`^${topicButton?.text ?? ''}$`)),
      /other ways/,
    );
    await scene.expectText(
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
    await scene.expectText(GROUP, () => pressIn(fake, OFFICER_B, GROUP, /Approve/), /live/);
    const answer = await scene.expectText(
      ASKER.id,
      () => fake.sendText(ASKER, question),
      /shuttle/,
    );
    expect(answer).toContain('18:00 on Sundays');
    expect(answer).toMatch(/officer answer, Hanh/);
    expect(answer).not.toMatch(/Source: .*report section/i);
  });

  it('service-target warnings fire at the right working-time moment under a fixed clock, skipping a holiday', async () => {
    // Friday 11 Dec 15:00; the response target is 4 working hours. Friday gives 2 hours, Monday
    // 14 Dec is a holiday, so the target falls on Tuesday 15 Dec at 10:00 and is near (80 %) at 09:12.
    clock.set(local('2026-12-11T15:00'));
    const second = await scene.fileComplaint(WORKER, 'Night shift without allowance', true);
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
