import type { User } from 'telegraf/types';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BotHarness, OFFICER } from '../../support/botHarness.ts';
import { Conversation } from '../../support/conversation.ts';
import { fileComplaint } from '../../support/filing.ts';

const WORKER: User = { id: 660001, is_bot: false, first_name: 'Ngân', language_code: 'vi' };

let bot: BotHarness;
beforeEach(async () => {
  bot = await BotHarness.create();
});
afterEach(() => bot.close());

describe('each role has its own start', () => {
  it('officers get an officer greeting and menu, no role question and no subscriptions', async () => {
    const officer = new Conversation(bot, OFFICER);
    const calls = await officer.say('/start');
    const texts = officer.texts(calls).join('\n');
    expect(texts).toContain('Xin chào cán bộ');
    expect(texts).not.toContain('người lao động</b> hay');
    const labels = officer.labels();
    expect(labels).toContain('📋 Phiếu đang mở');
    expect(labels.join()).not.toMatch(/Gửi phản ánh|Đổi vai trò|Thông báo/);
    expect(bot.store.notices.subscriptions.channelsOf(OFFICER.id, null)).toEqual([]);
    const role = await officer.say('/role');
    expect(officer.texts(role).join()).toContain('không cần chọn vai trò');
  });

  it('workers are asked their park after their role, and the park subscribes them', async () => {
    const worker = new Conversation(bot, WORKER);
    await worker.say('/start');
    const asked = await worker.press('Người lao động');
    expect(worker.texts(asked).join('\n')).toContain('khu công nghiệp</b> nào');
    await worker.press('KCN Tiên Sơn');
    expect(bot.store.notices.subscriptions.channelsOf(WORKER.id, 'worker')).toContain(
      'park:tien-son',
    );
  });

  it('the park question can be skipped, and a role change moves the role channel, keeping tickets', async () => {
    const worker = new Conversation(bot, WORKER);
    await worker.say('/start');
    await worker.press('Người lao động');
    const skipped = await worker.press('Bỏ qua');
    expect(worker.texts(skipped).join()).toContain('/subscribe');
    const code = await fileComplaint(worker, 'Nợ lương');
    await worker.say('/role');
    await worker.press('Doanh nghiệp');
    const channels = bot.store.notices.subscriptions.channelsOf(WORKER.id, 'enterprise');
    expect(channels).toContain('enterprise');
    expect(channels).not.toContain('worker');
    expect(bot.store.tickets.byFiler(WORKER.id).map((t) => t.code)).toEqual([code]);
  });
});
