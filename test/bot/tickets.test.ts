import type { User } from 'telegraf/types';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { translator } from '../../src/bot/i18n/index.ts';
import { BotHarness, OFFICER } from '../support/botHarness.ts';

const t = translator('vi');

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
beforeEach(async () => {
  bot = await BotHarness.create({ env: { TICKET_LIMIT_PER_HOUR: '2' } });
});
afterEach(() => bot.close());

const identity = /555001|Secretname|hoa_secret/;

async function fileComplaint(description = '<b>wage</b> & <script>'): Promise<string> {
  await bot.send(WORKER, '/complaint');
  await bot.pressButton(WORKER, t('tickets.cat.wages'));
  await bot.pressButton(WORKER, t('tickets.park.other'));
  await bot.pressButton(WORKER, t('tickets.btn.skip'));
  await bot.send(WORKER, description);
  await bot.pressButton(WORKER, t('tickets.btn.done'));
  const anonymity = await bot.pressButton(WORKER, t('tickets.btn.anonymous'));
  expect(BotHarness.buttons(anonymity).map((b) => b.data)).toEqual(['tn:confirm', 'tn:edit']);
  const calls = await bot.pressButton(WORKER, t('tickets.btn.confirm'));
  const filed = BotHarness.texts(calls, WORKER.id).join('\n');
  const code = /#((?:KN)-\d{4})/.exec(filed)?.[1];
  if (!code) throw new Error(`no code in ${filed}`);
  return code;
}

describe('tickets through the bot', () => {
  it('offers anonymity first and marked recommended', async () => {
    await bot.send(WORKER, '/complaint');
    await bot.pressButton(WORKER, t('tickets.cat.safety'));
    await bot.pressButton(WORKER, t('tickets.park.other'));
    await bot.pressButton(WORKER, t('tickets.btn.skip'));
    await bot.send(WORKER, 'Thiếu bảo hộ');
    const calls = await bot.pressButton(WORKER, t('tickets.btn.done'));
    const [first, second] = BotHarness.buttons(calls);
    expect(first?.data).toBe('tn:anon:1');
    expect(first?.text).toMatch(/khuyến nghị/);
    expect(second?.data).toBe('tn:anon:0');
  });

  it('files an anonymous complaint and tells officers without identity, escaped', async () => {
    const code = await fileComplaint();
    expect(code).toBe('KN-0001');
    const toOfficer = bot.calls.filter((call) => call.payload.chat_id === OFFICER.id);
    expect(toOfficer.length).toBeGreaterThan(0);
    for (const call of toOfficer) expect(JSON.stringify(call.payload)).not.toMatch(identity);
    const card = String(toOfficer[0]?.payload.text);
    expect(card).toContain('&lt;b&gt;wage&lt;/b&gt; &amp; &lt;script&gt;');
    expect(BotHarness.buttons(toOfficer).map((b) => b.data)).toContain(`tk:resolve:${code}`);
  });

  it('refuses the description over 4,000 characters and states the limit', async () => {
    await bot.send(WORKER, '/complaint');
    await bot.pressButton(WORKER, t('tickets.cat.wages'));
    await bot.pressButton(WORKER, t('tickets.park.other'));
    await bot.pressButton(WORKER, t('tickets.btn.skip'));
    const calls = await bot.send(WORKER, 'x'.repeat(4001));
    expect(BotHarness.texts(calls).join()).toMatch(/4\.000/);
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
    await bot.pressButton(OFFICER, t('tickets.btn.take'));
    await bot.pressButton(OFFICER, t('tickets.btn.reply'));
    const replied = await bot.send(OFFICER, 'Chúng tôi đang xác minh <ngay>');
    expect(BotHarness.texts(replied, WORKER.id).join()).toContain('&lt;ngay&gt;');
    await bot.pressButton(WORKER, t('tickets.btn.addInfo'));
    await bot.send(WORKER, 'Bắt đầu từ tháng 1');
    await bot.pressButton(OFFICER, t('tickets.btn.resolve'));
    const resolved = await bot.send(OFFICER, 'Đã trả đủ');
    expect(BotHarness.buttons(resolved).map((b) => b.data)).toContain(`tf:confirm:${code}`);
    await bot.pressButton(WORKER, t('tickets.btn.confirmResolution'));
    await bot.pressButton(WORKER, '⭐⭐⭐⭐⭐');
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
    const calls = await bot.send(WORKER, '/complaint');
    expect(BotHarness.texts(calls).join()).toMatch(/2 phản ánh/);
  });

  it('lets /cancel leave the filing dialogue', async () => {
    await bot.send(WORKER, '/complaint');
    await bot.send(WORKER, '/cancel');
    const calls = await bot.pressButton(WORKER, t('tickets.cat.wages'));
    expect(calls.find((call) => call.method === 'answerCallbackQuery')?.payload.text).toBeTruthy();
    expect(bot.store.tickets.list()).toHaveLength(0);
  });
});
