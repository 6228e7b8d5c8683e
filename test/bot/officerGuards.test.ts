import type { User } from 'telegraf/types';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { translator } from '../../src/bot/i18n/index.ts';
import { BotHarness, type HarnessCall, OFFICER } from '../support/botHarness.ts';

/**
 * Every officer button, pressed by someone who is no longer an officer, from the keyboard the bot
 * sent them while they still were, with the state that button acts on already in place: a
 * dialogue at the step the button belongs to, a running broadcast, an existing schedule, an open
 * ticket. Only the officer check stands between the press and the change, so each test fails if
 * that check is removed.
 */

const t = translator('vi');
const NOT_OFFICER = t('error.notOfficer');

const former = (id: number, name: string): User => ({
  id,
  is_bot: false,
  first_name: name,
  language_code: 'vi',
});
const BROADCASTING = former(901, 'Lan');
const PREVIEWING = former(902, 'Minh');
const SCHEDULING = former(903, 'Hà');
const CONFIRMING = former(904, 'Tú');
const LISTING = former(905, 'Quân');
const HANDLING = former(906, 'Vy');
const WORKER = former(555_010, 'Hoa');
const INVESTOR: User = { id: 555_011, is_bot: false, first_name: 'Tom', language_code: 'en' };
const WRITING = former(907, 'Ngọc');
const FORMER_OFFICERS = [
  BROADCASTING,
  PREVIEWING,
  SCHEDULING,
  CONFIRMING,
  LISTING,
  HANDLING,
  WRITING,
];

let harness: BotHarness;
afterEach(() => harness.close());

const sessionOf = (user: User) => harness.store.sessions.get(`${user.id}:${user.id}`)?.dialogue;
/** What a press was answered with: the alert Telegram shows over the chat, if any. */
const refusal = (calls: HarnessCall[]) =>
  calls.find((call) => call.method === 'answerCallbackQuery')?.payload.text;

/** Demotes every former officer: the bot restarts with only OFFICER in OFFICER_IDS. */
async function demote() {
  harness = await harness.restart({ OFFICER_IDS: String(OFFICER.id) });
}

beforeEach(async () => {
  harness = await BotHarness.create({
    env: {
      OFFICER_IDS: [OFFICER, ...FORMER_OFFICERS].map((user) => user.id).join(','),
      // The walks below send every officer command from one user at once, faster than any person.
      FLOOD_BURST: '60',
    },
  });
  await harness.send(WORKER, '/start');
  await harness.pressButton(WORKER, t('role.worker'));
});

describe('broadcast buttons refuse a non-officer', () => {
  beforeEach(async () => {
    // One officer is choosing segments; another is at the preview with its Send button.
    await harness.send(BROADCASTING, '/broadcast');
    await harness.send(BROADCASTING, 'Lịch kiểm tra PCCC');
    await harness.pressButton(BROADCASTING, /^⬜/);
    await harness.send(PREVIEWING, '/broadcast');
    await harness.send(PREVIEWING, 'Thông báo nghỉ lễ');
    await harness.pressButton(PREVIEWING, /^⬜/);
    await harness.pressButton(PREVIEWING, t('broadcast.previewButton'));
    expect(harness.findButton(PREVIEWING.id, t('broadcast.send'))).toBeDefined();
    await demote();
  });

  it('segment toggles and Preview, in the segments step', async () => {
    const before = sessionOf(BROADCASTING);
    expect(before?.kind).toBe('broadcastSegments');
    expect(refusal(await harness.pressButton(BROADCASTING, /^⬜/))).toBe(NOT_OFFICER);
    const preview = await harness.pressButton(BROADCASTING, t('broadcast.previewButton'));
    expect(refusal(preview)).toBe(NOT_OFFICER);
    expect(BotHarness.texts(preview)).toEqual([]);
    expect(sessionOf(BROADCASTING)).toEqual(before);
  });

  it('Send, Back and Cancel, at the preview', async () => {
    const before = sessionOf(PREVIEWING);
    for (const label of [t('broadcast.send'), t('broadcast.back'), t('broadcast.cancel')]) {
      expect(refusal(await harness.pressButton(PREVIEWING, label))).toBe(NOT_OFFICER);
    }
    expect(sessionOf(PREVIEWING)).toEqual(before);
    expect(harness.store.notices.broadcasts.recent(10)).toEqual([]);
    expect(harness.store.notices.outbox.jobs()).toEqual([]);
  });

  it('Stop, on a running broadcast', async () => {
    // The one remaining officer sends a broadcast; the former officer copies its Stop button.
    await harness.send(OFFICER, '/broadcast');
    await harness.send(OFFICER, 'Tin khẩn');
    await harness.pressButton(OFFICER, /^⬜/);
    await harness.pressButton(OFFICER, t('broadcast.previewButton'));
    await harness.pressButton(OFFICER, t('broadcast.send'));
    const stop = harness.findButton(OFFICER.id, t('broadcast.stop'));
    const [job] = harness.store.notices.outbox.jobs();
    expect(job?.to.length).toBeGreaterThan(0);
    const pending = JSON.stringify(job);

    const forged = await harness.press(BROADCASTING, stop?.button.callback_data ?? '');
    expect(refusal(forged)).toBe(NOT_OFFICER);
    expect(JSON.stringify(harness.store.notices.outbox.jobs()[0])).toBe(pending);

    // The same button still works for the officer who sent the broadcast.
    expect(refusal(await harness.pressButton(OFFICER, t('broadcast.stop')))).toBe(
      t('broadcast.stopping'),
    );
    expect(JSON.stringify(harness.store.notices.outbox.jobs()[0])).not.toBe(pending);
  });

  it('and the compose step takes no text from them', async () => {
    await harness.store.sessions.set(`${BROADCASTING.id}:${BROADCASTING.id}`, {
      dialogue: { kind: 'broadcastCompose' },
    });
    const calls = await harness.send(BROADCASTING, 'Tin giả mạo');
    const offered = BotHarness.buttons(calls).map((button) => button.text);
    expect(offered).not.toContain(t('broadcast.previewButton'));
    expect(sessionOf(BROADCASTING)?.kind).toBe('broadcastCompose');
  });
});

describe('schedule buttons refuse a non-officer', () => {
  beforeEach(async () => {
    await harness.send(SCHEDULING, '/schedule');
    await harness.pressButton(SCHEDULING, /^⬜/);
    await harness.send(CONFIRMING, '/schedule');
    await harness.pressButton(CONFIRMING, /^⬜/);
    await harness.pressButton(CONFIRMING, t('schedule.next'));
    await harness.send(CONFIRMING, 'ngày 5 hằng tháng');
    await harness.send(CONFIRMING, '7,1');
    await harness.send(CONFIRMING, 'Nộp báo cáo lao động');
    expect(sessionOf(CONFIRMING)?.kind).toBe('scheduleConfirm');
    // An existing schedule, listed with its Pause and Delete buttons.
    await harness.send(LISTING, '/schedule');
    await harness.pressButton(LISTING, /^⬜/);
    await harness.pressButton(LISTING, t('schedule.next'));
    await harness.send(LISTING, 'ngày 20 hằng tháng');
    await harness.send(LISTING, '3');
    await harness.send(LISTING, 'Báo cáo môi trường');
    await harness.pressButton(LISTING, t('schedule.save'));
    await harness.send(LISTING, '/schedules');
    await demote();
  });

  it('segment toggles and Next, in the segments step', async () => {
    const before = sessionOf(SCHEDULING);
    expect(before?.kind).toBe('scheduleSegments');
    expect(refusal(await harness.pressButton(SCHEDULING, /^(⬜|✅)/))).toBe(NOT_OFFICER);
    expect(refusal(await harness.pressButton(SCHEDULING, t('schedule.next')))).toBe(NOT_OFFICER);
    expect(sessionOf(SCHEDULING)).toEqual(before);
  });

  it('Save and Cancel, in the confirming step', async () => {
    const before = sessionOf(CONFIRMING);
    for (const label of [t('schedule.save'), t('schedule.cancel')]) {
      expect(refusal(await harness.pressButton(CONFIRMING, label))).toBe(NOT_OFFICER);
    }
    expect(sessionOf(CONFIRMING)).toEqual(before);
    expect(harness.store.notices.schedules.all()).toHaveLength(1);
  });

  it('Pause and Delete, on an existing schedule', async () => {
    const [schedule] = harness.store.notices.schedules.all();
    expect(schedule?.paused).toBe(false);
    for (const label of [t('schedule.pause', { n: 1 }), t('schedule.delete', { n: 1 })]) {
      expect(refusal(await harness.pressButton(LISTING, label))).toBe(NOT_OFFICER);
    }
    expect(harness.store.notices.schedules.all()).toEqual([schedule]);

    // The remaining officer lists the schedules and pauses, then deletes, the same one.
    await harness.send(OFFICER, '/schedules');
    await harness.pressButton(OFFICER, t('schedule.pause', { n: 1 }));
    expect(harness.store.notices.schedules.all()[0]?.paused).toBe(true);
    await harness.pressButton(OFFICER, t('schedule.delete', { n: 1 }));
    expect(harness.store.notices.schedules.all()).toEqual([]);
  });

  it('and the text steps take no text from them', async () => {
    await harness.store.sessions.set(`${SCHEDULING.id}:${SCHEDULING.id}`, {
      dialogue: { kind: 'scheduleRule', segments: ['worker'] },
    });
    await harness.send(SCHEDULING, 'ngày 5 hằng tháng');
    expect(sessionOf(SCHEDULING)?.kind).toBe('scheduleRule');
  });
});

describe('ticket buttons refuse a non-officer', () => {
  let code = '';
  beforeEach(async () => {
    await harness.send(WORKER, '/complaint');
    await harness.press(WORKER, 'tn:cat:wages');
    await harness.press(WORKER, 'tn:park:-');
    await harness.press(WORKER, 'tn:parkskip');
    await harness.press(WORKER, 'tn:skip');
    await harness.send(WORKER, 'Lương tháng 2 chưa trả');
    await harness.sendPhoto(WORKER, 'Bảng lương');
    await harness.press(WORKER, 'tn:done');
    await harness.press(WORKER, 'tn:anon:1');
    const filed = BotHarness.texts(await harness.press(WORKER, 'tn:confirm'), WORKER.id);
    code = /#(KN-\d{4})/.exec(filed.join('\n'))?.[1] ?? '';
    expect(code).not.toBe('');
    for (let n = 0; n < 10; n += 1) {
      await harness.store.tickets.create({
        type: 'request',
        category: 'other',
        parkId: null,
        company: 'Công ty B',
        description: `Đề nghị ${n}`,
        attachments: [],
        anonymous: false,
        filer: { userId: 700 + n, chatId: 700 + n, name: `B${n}` },
      });
    }
    await harness.send(LISTING, '/tickets all');
    // HANDLING pressed Reply while an officer: their next text would be the reply.
    await harness.pressButton(HANDLING, t('tickets.btn.reply'));
    expect(sessionOf(HANDLING)?.kind).toBe('ticket_officer');
    await demote();
  });

  it('Take, Reply, Ask, Resolve, Reject and Files, on an open ticket with a photo', async () => {
    const before = JSON.stringify(harness.store.tickets.get(code));
    for (const label of ['take', 'reply', 'ask', 'resolve', 'reject', 'files'] as const) {
      const calls = await harness.pressButton(BROADCASTING, t(`tickets.btn.${label}`));
      const answer = calls.find((call) => call.method === 'answerCallbackQuery')?.payload;
      expect(answer).toMatchObject({ text: NOT_OFFICER, show_alert: true });
      expect(BotHarness.texts(calls)).toEqual([]);
      expect(calls.filter((call) => call.method.startsWith('send'))).toEqual([]);
    }
    expect(sessionOf(BROADCASTING)?.kind ?? 'idle').toBe('idle');
    expect(JSON.stringify(harness.store.tickets.get(code))).toBe(before);
  });

  it('the list and its paging', async () => {
    for (const label of [/^#(KN|HT)-/, '▶️']) {
      const calls = await harness.pressButton(LISTING, label);
      expect(refusal(calls)).toBe(NOT_OFFICER);
      expect(calls.filter((call) => call.method === 'editMessageText')).toEqual([]);
    }
    // The remaining officer pages through the same list.
    await harness.send(OFFICER, '/tickets all');
    const next = await harness.pressButton(OFFICER, '▶️');
    const page = next.find((call) => call.method === 'editMessageText');
    expect(String(page?.payload.text)).toContain(code);
  });

  it('and the reply step takes no text from them', async () => {
    const calls = await harness.send(HANDLING, 'Đã xử lý xong, đóng phiếu');
    expect(BotHarness.texts(calls, HANDLING.id)).toEqual([NOT_OFFICER]);
    expect(BotHarness.texts(calls, WORKER.id)).toEqual([]);
    expect(harness.store.tickets.get(code)?.history).toHaveLength(1);
  });
});

describe('officer commands refuse a non-officer', () => {
  const officerCommands = () =>
    harness.app.commands.filter((spec) => spec.audience === 'officer').map((spec) => spec.command);

  it('every command listed for officers, with arguments that would make it act', async () => {
    expect(officerCommands()).toEqual(expect.arrayContaining(['broadcast', 'export', 'reply']));
    for (const command of officerCommands()) {
      const calls = await harness.send(WORKER, `/${command} KN-0001 Đã xử lý`);
      expect({ command, texts: BotHarness.texts(calls) }).toEqual({
        command,
        texts: [NOT_OFFICER],
      });
    }
    expect(harness.store.notices.outbox.jobs()).toEqual([]);
    expect(harness.store.notices.broadcasts.recent(10)).toEqual([]);
    expect(sessionOf(WORKER)?.kind ?? 'idle').toBe('idle');
  });

  it('in the sender’s own language, the knowledge tools /unanswered and /reload included', async () => {
    const refusalEn = translator('en')('error.notOfficer');
    expect(officerCommands()).toEqual(expect.arrayContaining(['unanswered', 'reload']));
    for (const command of officerCommands()) {
      const calls = await harness.send(INVESTOR, `/${command} KN-0001 Done`);
      expect({ command, texts: BotHarness.texts(calls) }).toEqual({ command, texts: [refusalEn] });
    }
  });

  it('while each still answers an officer', async () => {
    for (const command of officerCommands()) {
      const calls = await harness.send(OFFICER, `/${command}`);
      // /stats answers with a chart whose caption is the summary.
      const captions = calls
        .filter((call) => call.method === 'sendPhoto')
        .map((call) => String(call.payload.caption ?? ''));
      const texts = [...BotHarness.texts(calls), ...captions];
      expect({ command, refused: texts.includes(NOT_OFFICER), answered: texts.length > 0 }).toEqual(
        { command, refused: false, answered: true },
      );
      await harness.send(OFFICER, '/cancel');
    }
  });

  it('and /help lists the officer commands to officers only', async () => {
    const line = (command: string) => `/${command} — `;
    const mine = BotHarness.texts(await harness.send(WORKER, '/help')).join('\n');
    const theirs = BotHarness.texts(await harness.send(OFFICER, '/help')).join('\n');
    for (const command of officerCommands()) {
      expect(mine).not.toContain(line(command));
      expect(theirs).toContain(line(command));
    }
  });
});

describe('the FAQ answer step refuses a non-officer', () => {
  it('takes no answer text from a former officer, while their draft waits', async () => {
    // An unanswered question, which WRITING started answering while an officer.
    await harness.send(WORKER, 'kết quả bóng đá tối qua');
    await harness.send(WRITING, '/unanswered');
    await harness.pressButton(WRITING, t('desk.btn.answer', { n: 1 }));
    const before = sessionOf(WRITING);
    expect(before?.kind).toBe('desk_faq');
    await demote();
    const calls = await harness.send(WRITING, 'Câu trả lời giả mạo');
    expect(BotHarness.texts(calls, WRITING.id)).toEqual([NOT_OFFICER]);
    expect(sessionOf(WRITING)).toEqual(before);
    const draftId = before?.kind === 'desk_faq' ? before.draftId : '';
    expect(harness.store.desk.draft(draftId)?.vi).toBeUndefined();
  });
});
