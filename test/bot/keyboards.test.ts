import type { User } from 'telegraf/types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CALLBACK_KINDS, callbackKindOf } from '../../src/bot/callbackData.ts';
import { BotHarness, type HarnessCall, OFFICER } from '../support/botHarness.ts';
import { Conversation } from '../support/conversation.ts';
import { fileComplaint } from '../support/filing.ts';

const WORKER: User = { id: 680001, is_bot: false, first_name: 'Hà', language_code: 'vi' };
const INVESTOR: User = { id: 680002, is_bot: false, first_name: 'Tom', language_code: 'en' };
const UNHANDLED = /không còn dùng được|no longer works/;
/** Buttons that end the walk for their user (erasing the profile) are checked, not pressed. */
const NOT_PRESSED = new Set(['fm:yes']);

const COMMANDS = [
  '/start',
  '/help',
  '/topics',
  '/contact',
  '/subscribe',
  '/remind 8h sáng mai nộp hồ sơ',
  '/reminders',
  '/mytickets',
  '/lang',
  '/role',
  '/forgetme',
  'có bao nhiêu khu công nghiệp',
  'kết quả bóng đá tối qua',
];
const OFFICER_COMMANDS = [
  '/tickets',
  '/ticket KN-0001',
  '/broadcasts',
  '/schedules',
  '/unanswered',
];

let bot: BotHarness;
const seen = new Map<string, { user: User; text: string }>();
const problems: string[] = [];

function collect(user: User, calls: HarnessCall[]) {
  for (const button of BotHarness.buttons(calls)) {
    if (!callbackKindOf(button.data)) problems.push(`unregistered ${button.data} (${button.text})`);
    if (!seen.has(`${user.id}|${button.data}`)) {
      seen.set(`${user.id}|${button.data}`, { user, text: button.text });
    }
  }
}

beforeAll(async () => {
  bot = await BotHarness.create({
    // The walk types and presses faster than any person.
    env: {
      TICKET_LIMIT_PER_HOUR: '50',
      FLOOD_BURST: '1000',
      FLOOD_MESSAGES_PER_MINUTE: '100000',
      FLOOD_BUTTONS_PER_MINUTE: '100000',
    },
  });
  const worker = new Conversation(bot, WORKER);
  const officer = new Conversation(bot, OFFICER);
  const code = await fileComplaint(worker, 'Nợ lương');
  await officer.say(`/ask ${code} Bao nhiêu tháng?`);
  await officer.press(/^📨 Gửi$/);
  collect(WORKER, bot.calls);
  collect(
    OFFICER,
    bot.calls.filter((call) => call.payload.chat_id === OFFICER.id),
  );
  for (const user of [WORKER, INVESTOR, OFFICER]) {
    const chat = new Conversation(bot, user);
    const commands = user === OFFICER ? [...COMMANDS, ...OFFICER_COMMANDS] : COMMANDS;
    for (const command of commands) collect(user, await chat.say(command));
  }
  // A complaint put aside by a command, offered again by /complaint.
  await worker.say('/complaint');
  await worker.press('Tiền lương');
  await worker.say('/help');
  collect(WORKER, await worker.say('/complaint'));
  // Resolved by the officer: the filer is offered to confirm (then rate) or reopen.
  await officer.say(`/ticket ${code}`);
  await officer.press('✅ Đã giải quyết');
  await officer.say('Đã trả đủ lương');
  await officer.press(/^📨 Gửi$/);
  await bot.settleNotices();
  collect(WORKER, await worker.press('👍 Xác nhận đã giải quyết'));
  // A running broadcast with its Stop button, and a saved schedule in /schedules.
  const broadcaster = new Conversation(bot, OFFICER);
  const mark = bot.calls.length;
  await broadcaster.say('/broadcast');
  await broadcaster.say('Thông báo gửi thật');
  await broadcaster.press(/^⬜/);
  await broadcaster.press('👁 Xem trước');
  await broadcaster.press('📤 Gửi');
  await bot.settleNotices();
  collect(
    OFFICER,
    bot.calls.slice(mark).filter((call) => call.payload.chat_id === OFFICER.id),
  );
  await broadcaster.say('/schedule');
  await broadcaster.press(/^⬜/);
  await broadcaster.press('Tiếp ➡️');
  await broadcaster.say('ngày 5 hằng tháng');
  await broadcaster.say('3');
  await broadcaster.say('Nộp báo cáo lao động');
  await broadcaster.press('✅ Lưu');
  collect(OFFICER, await broadcaster.say('/schedules'));
  collect(OFFICER, await broadcaster.say('/broadcast'));
  collect(OFFICER, await broadcaster.say('Thông báo thử'));
  collect(OFFICER, await broadcaster.say('/schedule'));
  // Breadth first: press every button once, collecting the keyboards it brings.
  const pressed = new Set<string>();
  for (let round = 0; round < 4; round += 1) {
    for (const [key, { user }] of [...seen]) {
      if (pressed.has(key)) continue;
      pressed.add(key);
      const data = key.slice(key.indexOf('|') + 1);
      if (NOT_PRESSED.has(data)) continue;
      const calls = await bot.press(user, data);
      const answer = calls.find((call) => call.method === 'answerCallbackQuery');
      if (UNHANDLED.test(String(answer?.payload.text ?? ''))) {
        problems.push(`no handler for ${data}`);
      }
      collect(user, calls);
    }
  }
}, 120_000);
afterAll(() => bot.close());

/**
 * Kinds whose keyboards this walk cannot reach, each with where its buttons are pressed instead.
 * A new kind that no walked keyboard shows fails the walk until it is walked or listed here.
 */
const WALKED_ELSEWHERE: Record<string, string> = {
  reminderConfirm: 'only on previews stored by versions before reminders saved at once',
  reminderSnooze: 'on a delivered reminder: test/e2e/reminders.e2e.test.ts',
  desk: 'in a ticket topic of the officers forum: test/e2e/desk.e2e.test.ts',
  deskAssign: 'in a ticket topic: test/e2e/desk.e2e.test.ts',
  deskAssignTo: 'in a ticket topic: test/e2e/desk.e2e.test.ts',
  deskKb: 'after /kb in a ticket topic: test/e2e/deskKnowledge.e2e.test.ts',
  deskFaqTopic: 'while an officer drafts an FAQ answer: test/e2e/deskKnowledge.e2e.test.ts',
};

describe('every keyboard the bot emits', () => {
  it('has only registered callback data within 64 bytes, each answered by a handler', () => {
    expect(seen.size).toBeGreaterThan(60);
    expect(problems).toEqual([]);
  });

  it('shows every registered kind, but those walked elsewhere', () => {
    const kinds = new Set(
      [...seen.keys()].map((key) => callbackKindOf(key.split('|')[1] ?? '')?.name),
    );
    const unseen = CALLBACK_KINDS.map((kind) => kind.name).filter((name) => !kinds.has(name));
    expect(unseen).toEqual(Object.keys(WALKED_ELSEWHERE));
    for (const name of [
      'menu',
      'role',
      'filing',
      'officerTicket',
      'officerPreview',
      'filer',
      'reminderSaved',
    ]) {
      expect(kinds).toContain(name);
    }
  });
});
