import type { User } from 'telegraf/types';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BotHarness, OFFICER } from '../support/botHarness.ts';
import { Conversation } from '../support/conversation.ts';

const WORKER: User = {
  id: 555001,
  is_bot: false,
  first_name: 'Hoa',
  last_name: 'Secretname',
  username: 'hoa_secret',
  language_code: 'vi',
};
const STRANGER: User = { id: 555002, is_bot: false, first_name: 'Khách', language_code: 'en' };

let bot: BotHarness;
let worker: Conversation;
let officer: Conversation;
beforeEach(async () => {
  bot = await BotHarness.create({ env: { TICKET_LIMIT_PER_HOUR: '2' } });
  worker = new Conversation(bot, WORKER);
  officer = new Conversation(bot, OFFICER);
});
afterEach(() => bot.close());

const identity = /555001|Secretname|hoa_secret/;

/** Files a complaint the way a worker does, pressing the buttons the bot shows. */
async function fileComplaint(description = '<b>wage</b> & <script>'): Promise<string> {
  await worker.say('/complaint');
  await worker.press('Tiền lương');
  await worker.press('Khác / không rõ');
  await worker.press('Bỏ qua');
  await worker.press('Bỏ qua');
  await worker.say(description);
  await worker.press('Xong');
  const anonymity = await worker.press('Ẩn danh');
  expect(BotHarness.buttons(anonymity).map((b) => b.text)).toEqual(['📨 Gửi', '✏️ Sửa']);
  const calls = await worker.press('Gửi');
  const filed = worker.texts(calls).join('\n');
  const code = /#((?:KN)-\d{4})/.exec(filed)?.[1];
  if (!code) throw new Error(`no code in ${filed}`);
  return code;
}

describe('tickets through the bot', () => {
  it('offers anonymity first and marked recommended', async () => {
    await worker.say('/complaint');
    await worker.press('An toàn');
    await worker.press('Khác / không rõ');
    await worker.press('Bỏ qua');
    await worker.press('Bỏ qua');
    await worker.say('Thiếu bảo hộ');
    await worker.press('Xong');
    const [first, second] = worker.labels();
    expect(first).toMatch(/Ẩn danh.*khuyến nghị/);
    expect(second).toMatch(/tên tôi/);
  });

  it('files an anonymous complaint and tells officers without identity, escaped', async () => {
    const code = await fileComplaint();
    expect(code).toBe('KN-0001');
    const toOfficer = bot.calls.filter((call) => call.payload.chat_id === OFFICER.id);
    expect(toOfficer.length).toBeGreaterThan(0);
    for (const call of toOfficer) expect(JSON.stringify(call.payload)).not.toMatch(identity);
    const card = String(toOfficer[0]?.payload.text);
    expect(card).toContain('&lt;b&gt;wage&lt;/b&gt; &amp; &lt;script&gt;');
    expect(officer.find('Đã giải quyết')).toBeDefined();
  });

  it('records a typed "other park" and shows it to officers', async () => {
    await worker.say('/complaint');
    await worker.press('Tiền lương');
    await worker.press('Khác / không rõ');
    await worker.say('KCN Quế Võ');
    await worker.press('Bỏ qua');
    await worker.say('Chậm lương');
    await worker.press('Xong');
    await worker.press('Ẩn danh');
    await worker.press('Gửi');
    const [ticket] = bot.store.tickets.list();
    expect(ticket?.parkName).toBe('KCN Quế Võ');
    expect(BotHarness.texts(bot.calls, OFFICER.id).join()).toContain('KCN: KCN Quế Võ');
  });

  it('refuses one message over 4,096 characters and states the limit', async () => {
    await worker.say('/complaint');
    await worker.press('Tiền lương');
    await worker.press('Khác / không rõ');
    await worker.press('Bỏ qua');
    await worker.press('Bỏ qua');
    const calls = await worker.say('x'.repeat(4097));
    expect(worker.texts(calls).join()).toMatch(/4\.096/);
  });

  it('refuses officer commands and forged officer buttons from others, changing nothing', async () => {
    const code = await fileComplaint();
    const list = await bot.send(STRANGER, '/tickets');
    expect(BotHarness.texts(list).join()).toMatch(/officer|cán bộ/i);
    const forged = await bot.press(STRANGER, `tk:resolve:${code}`);
    expect(forged.find((call) => call.method === 'answerCallbackQuery')?.payload.text).toMatch(
      /officer|cán bộ/i,
    );
    await bot.send(STRANGER, 'fixed, closing');
    expect(bot.store.tickets.get(code)?.status).toBe('new');
    expect(bot.store.tickets.get(code)?.history).toHaveLength(1);
  });

  it('carries the reply, resolution and rating between officer and filer', async () => {
    const code = await fileComplaint('Lương tháng 2 chưa trả');
    await officer.press('Nhận xử lý');
    await officer.press('Trả lời');
    await officer.say('Chúng tôi đang xác minh <ngay>');
    const replied = await officer.press('Gửi');
    expect(worker.texts(replied).join()).toContain('&lt;ngay&gt;');
    await worker.press('Bổ sung thông tin');
    await worker.say('Bắt đầu từ tháng 1');
    await officer.press('Đã giải quyết');
    await officer.say('Đã trả đủ');
    await officer.press('Gửi');
    await worker.press('Xác nhận đã giải quyết');
    await worker.press('⭐⭐⭐⭐⭐');
    const ticket = bot.store.tickets.get(code);
    expect(ticket).toMatchObject({ status: 'closed', rating: 5 });
    expect(ticket?.history.map((entry) => entry.action)).toEqual([
      'created',
      'take',
      'reply',
      'info',
      'status',
      'status',
      'rating',
    ]);
  });

  it('caps filings per hour with a clear message', async () => {
    await fileComplaint();
    await fileComplaint();
    const calls = await worker.say('/complaint');
    expect(worker.texts(calls).join()).toMatch(/2 phản ánh/);
  });

  it('lets /cancel discard the filing, saying so, and its buttons go stale', async () => {
    await worker.say('/complaint');
    const cancelled = await worker.say('/cancel');
    expect(worker.texts(cancelled).join()).toMatch(/Đã huỷ/);
    const calls = await worker.press('Tiền lương');
    expect(calls.find((call) => call.method === 'answerCallbackQuery')?.payload.text).toBeTruthy();
    expect(bot.store.tickets.list()).toHaveLength(0);
  });
});
