import type { User } from 'telegraf/types';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BotHarness } from '../../support/botHarness.ts';
import { Conversation } from '../../support/conversation.ts';

const WORKER: User = { id: 630001, is_bot: false, first_name: 'Lan', language_code: 'vi' };
const INVESTOR: User = { id: 630002, is_bot: false, first_name: 'Tom', language_code: 'en' };

let bot: BotHarness;
let worker: Conversation;
beforeEach(async () => {
  bot = await BotHarness.create();
  worker = new Conversation(bot, WORKER);
});
afterEach(() => bot.close());

const sessionOf = (user: User) => bot.store.sessions.get(`${user.id}:${user.id}`);

describe('reminders save at once', () => {
  it('saves /remind without a confirmation, and a question afterwards is answered', async () => {
    const saved = await worker.say('/remind 8h sáng mai nộp hồ sơ');
    expect(worker.texts(saved).join()).toContain('Đã lưu');
    expect(bot.store.notices.reminders.pendingOf(WORKER.id).map((r) => r.text)).toEqual([
      'nộp hồ sơ',
    ]);
    const answer = await worker.say('có bao nhiêu khu công nghiệp');
    expect(worker.texts(answer).join()).toContain('Nguồn');
    expect(worker.texts(answer).join()).not.toContain('chỉ đọc được tin nhắn chữ');
  });

  it('a second /remind keeps the first; Undo removes only its own reminder', async () => {
    await worker.say('/remind 8h sáng mai nộp hồ sơ');
    const first = worker.find('Hoàn tác')?.shown.messageId;
    await worker.say('/remind 9h sáng mai gọi ngân hàng');
    expect(bot.store.notices.reminders.pendingOf(WORKER.id)).toHaveLength(2);
    await worker.press('Hoàn tác', first);
    expect(bot.store.notices.reminders.pendingOf(WORKER.id).map((r) => r.text)).toEqual([
      'gọi ngân hàng',
    ]);
  });

  it('Change time moves the saved reminder to the newly typed time', async () => {
    const investor = new Conversation(bot, INVESTOR);
    await investor.say('/remind tomorrow at 9 call the bank');
    const [before] = bot.store.notices.reminders.pendingOf(INVESTOR.id);
    await investor.press('Change time');
    const moved = await investor.say('tomorrow 3pm');
    expect(investor.texts(moved).join()).toContain('Saved');
    const [after] = bot.store.notices.reminders.pendingOf(INVESTOR.id);
    expect(after?.text).toBe('call the bank');
    expect(new Date(after?.dueAt ?? 0).getTime() - new Date(before?.dueAt ?? 0).getTime()).toBe(
      6 * 3_600_000,
    );
  });

  it('explains an unreadable time instead of keeping it as the text', async () => {
    const calls = await new Conversation(bot, INVESTOR).say('/remind tomorrow at nine call');
    expect(BotHarness.texts(calls).join()).toContain('could not read the whole time');
    expect(bot.store.notices.reminders.pendingOf(INVESTOR.id)).toHaveLength(0);
  });
});

describe('a half-written complaint is never lost', () => {
  it('/remind in the middle of a complaint keeps it as a draft that /complaint resumes', async () => {
    await worker.say('/complaint');
    await worker.press('Tiền lương');
    const interrupted = await worker.say('/remind 8h sáng mai nộp hồ sơ');
    expect(worker.texts(interrupted).join('\n')).toContain('Đã lưu bản nháp');
    expect(sessionOf(WORKER)?.suspended?.map((kept) => kept.kind)).toEqual(['ticket_filing']);
    const offer = await worker.say('/complaint');
    expect(worker.texts(offer).join()).toContain('bản nháp');
    const resumed = await worker.press('Tiếp tục bản nháp');
    expect(worker.texts(resumed).join('\n')).toContain('khu công nghiệp');
    const dialogue = sessionOf(WORKER)?.dialogue;
    expect(dialogue?.kind === 'ticket_filing' && dialogue.draft.category).toBe('wages');
  });

  it('a complaint and a request draft are kept side by side: neither replaces the other', async () => {
    await worker.say('/complaint');
    await worker.press('Tiền lương');
    await worker.say('/help');
    // The same user starts a request (an enterprise form) and leaves it for another command.
    await worker.say('/request');
    await worker.press(/Thủ tục đầu tư|Đầu tư/);
    const second = worker.texts(await worker.say('/mytickets')).join('\n');
    expect(second).not.toContain('Bản nháp cũ hơn');
    const kept = sessionOf(WORKER)?.suspended ?? [];
    expect(kept.map((d) => (d.kind === 'ticket_filing' ? d.draft.type : d.kind))).toEqual([
      'complaint',
      'request',
    ]);
    // Each is offered back by its own command.
    await worker.say('/complaint');
    await worker.press('Tiếp tục bản nháp');
    const dialogue = sessionOf(WORKER)?.dialogue;
    expect(dialogue?.kind === 'ticket_filing' && dialogue.draft.type).toBe('complaint');
    expect(sessionOf(WORKER)?.suspended?.map((d) => d.kind)).toEqual(['ticket_filing']);
  });

  it('a question typed at a button step is answered and the complaint stays where it was', async () => {
    await worker.say('/complaint');
    const answer = await worker.say('có bao nhiêu khu công nghiệp');
    const texts = worker.texts(answer).join('\n');
    expect(texts).toContain('Nguồn');
    expect(texts).toContain('vẫn đang chờ');
    await worker.press('Tiền lương');
    const dialogue = sessionOf(WORKER)?.dialogue;
    expect(dialogue?.kind === 'ticket_filing' && dialogue.step).toBe('park');
  });

  it('a file at a button step is refused with a hint, the step stays pending', async () => {
    await worker.say('/complaint');
    const calls = await worker.sendMedia('photo');
    expect(worker.texts(calls).join()).toContain('vẫn đang chờ');
    expect(sessionOf(WORKER)?.dialogue.kind).toBe('ticket_filing');
  });
});
