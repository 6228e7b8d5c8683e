import type { User } from 'telegraf/types';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { translator } from '../../src/bot/i18n/index.ts';
import { BotHarness } from '../support/botHarness.ts';

const t = translator('vi');

const worker: User = { id: 733, is_bot: false, first_name: 'Hạnh Riêng', language_code: 'vi' };

let harness: BotHarness;
beforeEach(async () => {
  harness = await BotHarness.create();
});
afterEach(() => harness.close());

describe('/forgetme', () => {
  it('asks first, then erases profile, reminders and subscriptions and anonymises tickets', async () => {
    await harness.send(worker, '/start');
    await harness.pressButton(worker, t('role.worker'));
    const { notices, tickets, users } = harness.store;
    await notices.reminders.add({
      userId: worker.id,
      text: 'nộp đơn',
      dueAt: new Date(Date.now() + 3_600_000),
      repeat: { kind: 'once' },
    });
    await notices.subscriptions.set(worker.id, ['general', 'worker']);
    const ticket = await tickets.create({
      type: 'complaint',
      category: 'safety',
      parkId: null,
      company: null,
      description: 'Xưởng nóng quá',
      attachments: [],
      anonymous: false,
      filer: { userId: worker.id, chatId: worker.id, name: worker.first_name },
    });

    const asked = await harness.send(worker, '/forgetme');
    expect(BotHarness.texts(asked)[0]).toContain('xoá dữ liệu cá nhân');
    expect(users.get(worker.id)).toBeDefined();

    const kept = await harness.pressButton(worker, t('privacy.no'));
    expect(BotHarness.texts(kept)[0]).toContain('không xoá gì');
    expect(users.get(worker.id)).toBeDefined();

    const done = await harness.pressButton(worker, t('privacy.yes'));
    expect(BotHarness.texts(done)[0]).toContain('Đã xoá dữ liệu');
    expect(users.get(worker.id)).toBeUndefined();
    expect(notices.reminders.pendingOf(worker.id)).toEqual([]);
    expect(notices.subscriptions.get(worker.id)).toBeUndefined();
    expect(harness.store.sessions.get(`${worker.id}:${worker.id}`)).toBeUndefined();
    expect(tickets.get(ticket.code)).toMatchObject({
      anonymous: true,
      description: '',
      category: 'safety',
    });
    expect(JSON.stringify(tickets.get(ticket.code))).not.toContain('Hạnh Riêng');
  });
});
