import type { User } from 'telegraf/types';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BotHarness, OFFICER } from '../../support/botHarness.ts';
import { Conversation } from '../../support/conversation.ts';
import { fileComplaint } from '../../support/filing.ts';

const WORKER: User = { id: 620001, is_bot: false, first_name: 'Mai', language_code: 'vi' };

let bot: BotHarness;
let worker: Conversation;
let officer: Conversation;
let code: string;
beforeEach(async () => {
  bot = await BotHarness.create();
  worker = new Conversation(bot, WORKER);
  officer = new Conversation(bot, OFFICER);
  code = await fileComplaint(worker, 'Công ty nợ lương tháng 3');
});
afterEach(() => bot.close());

/** The preview's Send button, not the knowledge answer's "📨 Gửi yêu cầu hỗ trợ". */
const SEND = /^📨 Gửi$/;
const toWorker = () => BotHarness.texts(bot.calls, WORKER.id);

describe('officer text never reaches a filer without a confirmed preview', () => {
  it('a command ends a pending reply and says so; a later question is answered, not sent', async () => {
    const before = toWorker().length;
    await officer.press('Trả lời');
    const tickets = await officer.say('/tickets');
    expect(officer.texts(tickets).join('\n')).toContain(`Đã huỷ trả lời #${code}`);
    await officer.say('/stats');
    const question = await officer.say('thủ tục đầu tư là gì nhỉ');
    expect(officer.texts(question).join('\n')).not.toContain('Xem trước');
    expect(toWorker().slice(before).join('\n')).not.toContain('thủ tục đầu tư');
    expect(bot.store.tickets.get(code)?.history.map((e) => e.action)).toEqual(['created']);
  });

  it('text typed for a reply is only a preview until Send is pressed on it', async () => {
    const before = toWorker().length;
    await officer.press('Trả lời');
    const preview = await officer.say('Chúng tôi đã liên hệ công ty');
    expect(officer.texts(preview).join()).toContain('Xem trước');
    expect(toWorker().length).toBe(before);
    await officer.press(SEND);
    expect(toWorker().slice(before).join()).toContain('Chúng tôi đã liên hệ công ty');
  });

  it('a question typed while a preview waits is answered and the preview stays pending', async () => {
    await officer.press('Trả lời');
    await officer.say('Đang xác minh');
    const asked = await officer.say('thủ tục đầu tư là gì');
    const texts = officer.texts(asked).join('\n');
    expect(texts).toContain('Nguồn');
    expect(texts).toContain(`Bản trả lời #${code} vẫn chờ`);
    const before = toWorker().length;
    await officer.press(SEND);
    expect(toWorker().slice(before).join()).toContain('Đang xác minh');
  });

  it('/reply while the button dialogue is open ends it and previews the command text', async () => {
    await officer.press('Trả lời');
    const before = toWorker().length;
    const calls = await officer.say(`/reply ${code} Đã chuyển thanh tra`);
    const texts = officer.texts(calls).join('\n');
    expect(texts).toContain(`Đã huỷ trả lời #${code}`);
    expect(texts).toContain('Xem trước');
    expect(toWorker().length).toBe(before);
  });

  it('Send on an older preview sends nothing once a newer one exists', async () => {
    await officer.press('Trả lời');
    await officer.say('bản thứ nhất');
    const first = officer.find(SEND)?.shown.messageId;
    await officer.say(`/reply ${code} bản thứ hai`);
    const before = toWorker().length;
    const stale = await officer.press(SEND, first);
    expect(officer.texts(stale).join()).toContain('không còn hiệu lực');
    expect(toWorker().length).toBe(before);
    await officer.press(SEND);
    expect(toWorker().slice(before).join()).toContain('bản thứ hai');
    expect(toWorker().join()).not.toContain('bản thứ nhất');
  });

  it('a swipe-reply to the ticket notice answers the filer after the undo window, which Undo stops', async () => {
    const notice = officer.shown().find((shown) => shown.text.includes(`#${code}`));
    if (!notice) throw new Error('no ticket notice');
    const before = toWorker().length;
    const first = await officer.replyTo(notice.messageId, 'bản nháp không gửi');
    expect(officer.texts(first).join()).toContain('sau 10 giây');
    await officer.press('Hoàn tác');
    const calls = await officer.replyTo(notice.messageId, 'Cảm ơn, chúng tôi xử lý ngay');
    expect(officer.texts(calls).join()).toContain('Hoàn tác');
    expect(toWorker().length).toBe(before);
    await officer.press('Gửi ngay');
    expect(toWorker().slice(before).join()).toContain('chúng tôi xử lý ngay');
    expect(toWorker().join()).not.toContain('bản nháp không gửi');
    expect(bot.store.tickets.get(code)?.history.map((e) => e.note)).toContain(
      'Cảm ơn, chúng tôi xử lý ngay',
    );
  });
});

describe('a reply to a filer who cannot receive it', () => {
  it('after /forgetme the officer is told the filer erased their data; recorded as not delivered', async () => {
    await worker.say('/forgetme');
    await worker.press('Xoá dữ liệu của tôi');
    await officer.press('Trả lời');
    await officer.say('Xin chào');
    const sent = await officer.press(SEND);
    expect(officer.texts(sent).join()).toContain('đã xoá dữ liệu');
    expect(officer.texts(sent).join()).not.toContain('báo cho người gửi');
    const history = bot.store.tickets.get(code)?.history ?? [];
    expect(history.at(-1)).toMatchObject({ action: 'undelivered' });
    expect(bot.calls.some((call) => call.payload.chat_id === 0)).toBe(false);
  });

  it('when the filer blocked the bot, the officer is told exactly that', async () => {
    await bot.store.users.markInactive(WORKER.id);
    await officer.press('Trả lời');
    await officer.say('Xin chào');
    const sent = await officer.press(SEND);
    expect(officer.texts(sent).join()).toContain('đã chặn bot');
    expect(bot.store.tickets.get(code)?.history.at(-1)).toMatchObject({
      action: 'undelivered',
      note: 'reply: blocked',
    });
  });
});

describe('a pending officer reply lapses', () => {
  it('after 30 minutes the step is gone, the officer is told, and the text is not previewed', async () => {
    let now = Date.now();
    const timed = await BotHarness.create({ now: () => new Date(now) });
    try {
      const filer = new Conversation(timed, WORKER);
      const desk = new Conversation(timed, OFFICER);
      const ticket = await fileComplaint(filer, 'Nợ lương');
      await desk.press('Trả lời');
      now += 31 * 60_000;
      const late = await desk.say('thủ tục đầu tư là gì');
      const texts = desk.texts(late).join('\n');
      expect(texts).toContain(`Bản trả lời #${ticket} đã hết hạn`);
      expect(texts).not.toContain('Xem trước');
      expect(texts).toContain('Nguồn');
    } finally {
      await timed.close();
    }
  });
});
