import type { User } from 'telegraf/types';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BotHarness, OFFICER } from '../../support/botHarness.ts';
import { Conversation } from '../../support/conversation.ts';
import { fileComplaint } from '../../support/filing.ts';

const WORKER: User = { id: 640001, is_bot: false, first_name: 'Hạnh', language_code: 'vi' };
const SEND = /^📨 Gửi$/;

let bot: BotHarness;
let worker: Conversation;
let officer: Conversation;
beforeEach(async () => {
  bot = await BotHarness.create({ env: { TICKET_LIMIT_PER_HOUR: '5' } });
  worker = new Conversation(bot, WORKER);
  officer = new Conversation(bot, OFFICER);
});
afterEach(() => bot.close());

/** The officer asks the filer of `code` a question, through the preview. */
async function ask(code: string, question: string) {
  await officer.say(`/ask ${code} ${question}`);
  await officer.press(SEND);
}

describe('ticket threads follow the conversation', () => {
  it("the filer's plain answer to an officer's question goes into the ticket, not /unanswered", async () => {
    const code = await fileComplaint(worker, 'Nợ lương');
    await ask(code, 'Bạn làm ở phân xưởng nào?');
    const answered = await worker.say('xuong so 3 ca dem');
    expect(worker.texts(answered).join()).toContain(`Đã thêm vào <b>#${code}</b>`);
    expect(bot.store.tickets.get(code)?.history.at(-1)).toMatchObject({
      action: 'info',
      note: 'xuong so 3 ca dem',
    });
    expect(BotHarness.texts(answered, OFFICER.id).join()).toContain('xuong so 3 ca dem');
    const unanswered = await officer.say('/unanswered');
    expect(officer.texts(unanswered).join()).not.toContain('xuong so 3');
  });

  it('once answered, the next question is a question again', async () => {
    const code = await fileComplaint(worker, 'Nợ lương');
    await ask(code, 'Từ tháng nào?');
    await worker.say('tu thang 1');
    const next = await worker.say('có bao nhiêu khu công nghiệp');
    expect(worker.texts(next).join()).toContain('Nguồn');
  });

  it('asks which ticket when several wait for the filer', async () => {
    const first = await fileComplaint(worker, 'Nợ lương');
    const second = await fileComplaint(worker, 'Không có bảo hộ');
    await ask(first, 'Bao nhiêu tháng?');
    await ask(second, 'Phân xưởng nào?');
    const which = await worker.say('3 thang');
    expect(worker.texts(which).join()).toContain('phiếu nào');
    await worker.press(`#${first}`);
    expect(bot.store.tickets.get(first)?.history.at(-1)).toMatchObject({ note: '3 thang' });
    expect(bot.store.tickets.get(second)?.history.at(-1)?.action).toBe('ask');
  });

  it('a swipe-reply to a ticket message adds to that ticket', async () => {
    const code = await fileComplaint(worker, 'Nợ lương');
    const filed = worker.shown().find((shown) => shown.text.includes(`#${code}`));
    if (!filed) throw new Error('no filing confirmation');
    await worker.replyTo(filed.messageId, 'bổ sung: có 20 người bị nợ');
    expect(bot.store.tickets.get(code)?.history.at(-1)).toMatchObject({
      action: 'info',
      note: 'bổ sung: có 20 người bị nợ',
    });
  });

  it('an edit of a message in an open ticket updates it, tells the officer and keeps both', async () => {
    const code = await fileComplaint(worker, 'Nợ lương');
    await ask(code, 'Bao nhiêu người?');
    const id = worker.peekNextMessageId();
    await worker.say('20 nguoi');
    const edited = await worker.edit(id, '25 nguoi');
    expect(worker.texts(edited).join()).toContain('Đã cập nhật bản sửa');
    expect(BotHarness.texts(edited, OFFICER.id).join()).toContain('25 nguoi');
    const notes = bot.store.tickets.get(code)?.history.map((entry) => entry.note ?? '') ?? [];
    expect(notes).toContain('20 nguoi');
    expect(notes.some((note) => note.includes('25 nguoi'))).toBe(true);
  });
});

describe('a filer made an officer', () => {
  it('is no longer taken as answering their own waiting ticket: their plain text stays out of it', async () => {
    const code = await fileComplaint(worker, 'Nợ lương');
    await ask(code, 'Bạn làm ở phân xưởng nào?');
    bot = await bot.restart({ OFFICER_IDS: `${OFFICER.id},${WORKER.id}` });
    const calls = await new Conversation(bot, WORKER).say('xuong so 3 ca dem');
    expect(BotHarness.texts(calls, WORKER.id).join()).not.toContain(`#${code}`);
    expect(BotHarness.texts(calls, OFFICER.id).join()).not.toContain('xuong so 3');
    expect(bot.store.tickets.get(code)?.history.at(-1)?.action).toBe('ask');
  });
});

describe('/mytickets opens a readable thread', () => {
  it('shows the officer reply after the notice scrolled away, with confirm and reopen', async () => {
    const code = await fileComplaint(worker, 'Nợ lương <tháng 3>');
    await officer.press('Đã giải quyết');
    await officer.say('Công ty đã trả đủ');
    await officer.press(SEND);
    await worker.say('/mytickets');
    const thread = await worker.press(`#${code}`);
    const text = worker.texts(thread).join();
    expect(text).toContain('Nợ lương &lt;tháng 3&gt;');
    expect(text).toContain('Công ty đã trả đủ');
    expect(worker.labels()).toEqual(
      expect.arrayContaining(['👍 Xác nhận đã giải quyết', '🔁 Chưa giải quyết, mở lại']),
    );
    await worker.press('Chưa giải quyết, mở lại');
    expect(bot.store.tickets.get(code)?.status).toBe('in_progress');
  });
});

describe('edits of the description', () => {
  it('while filing, an edit of the description updates the draft', async () => {
    await worker.say('/complaint');
    await worker.press('Tiền lương');
    await worker.press('Khác / không rõ');
    await worker.press('Bỏ qua');
    await worker.press('Bỏ qua');
    const id = worker.peekNextMessageId();
    await worker.say('Nợ lương 2 tháng');
    const edited = await worker.edit(id, 'Nợ lương 3 tháng');
    expect(worker.texts(edited).join()).toContain('bản nháp');
    await worker.press('Xong');
    await worker.press('Ẩn danh');
    await worker.press('Gửi');
    expect(bot.store.tickets.list()[0]?.description).toBe('Nợ lương 3 tháng');
  });

  it('after filing, an edit of the description is added to the open ticket', async () => {
    await worker.say('/complaint');
    await worker.press('Tiền lương');
    await worker.press('Khác / không rõ');
    await worker.press('Bỏ qua');
    await worker.press('Bỏ qua');
    const id = worker.peekNextMessageId();
    await worker.say('Nợ lương 2 tháng');
    await worker.press('Xong');
    await worker.press('Ẩn danh');
    await worker.press('Gửi');
    const edited = await worker.edit(id, 'Nợ lương 4 tháng');
    expect(BotHarness.texts(edited, OFFICER.id).join()).toContain('Nợ lương 4 tháng');
    const [view] = bot.store.tickets.list();
    const ticket = bot.store.tickets.get(view?.code ?? '');
    expect(ticket?.description).toBe('Nợ lương 2 tháng');
    expect(ticket?.history.at(-1)?.note).toContain('Nợ lương 4 tháng');
  });
});

describe('an album sent as an answer', () => {
  it('goes into the waiting ticket as one answer, told once', async () => {
    const code = await fileComplaint(worker, 'Nợ lương');
    await ask(code, 'Có ảnh bảng lương không?');
    const parts = [
      await worker.sendMedia('photo', { mediaGroupId: 'a1', caption: 'bảng lương' }),
      await worker.sendMedia('photo', { mediaGroupId: 'a1' }),
      await worker.sendMedia('photo', { mediaGroupId: 'a1' }),
    ];
    expect(parts.map((calls) => worker.texts(calls).length)).toEqual([1, 0, 0]);
    expect(parts.map((calls) => BotHarness.texts(calls, OFFICER.id).length)).toEqual([1, 0, 0]);
    expect(bot.store.tickets.get(code)?.attachments).toHaveLength(3);
  });
});
