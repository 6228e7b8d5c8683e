import pg from 'pg';
import type { User } from 'telegraf/types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { translator } from '../../../src/bot/i18n/index.ts';
import { sessionIsIdle, sessionSchema } from '../../../src/bot/session.ts';
import { openPgStore } from '../../../src/store/pg/index.ts';
import { BotHarness } from '../../support/botHarness.ts';
import { freshDatabase } from '../../support/postgres.ts';

const t = translator('vi');
const worker: User = { id: 7411, is_bot: false, first_name: 'Hạnh Riêng', language_code: 'vi' };

let url = '';
let admin: pg.Pool;
beforeAll(async () => {
  url = await freshDatabase();
  admin = new pg.Pool({ connectionString: url, max: 1 });
});
afterAll(() => admin.end());

describe('/forgetme on PostgreSQL', () => {
  it('erases the profile, reminders (delivered too), subscriptions and session rows, and anonymises tickets', async () => {
    const store = await openPgStore({ url, sessionSchema, sessionIsIdle });
    const harness = await BotHarness.create({ store });
    try {
      await harness.send(worker, '/start');
      await harness.pressButton(worker, t('role.worker'));
      const { notices, tickets } = store;
      await notices.reminders.add({
        userId: worker.id,
        text: 'nộp đơn',
        dueAt: new Date(Date.now() + 3_600_000),
        repeat: { kind: 'once' },
      });
      const fired = await notices.reminders.add({
        userId: worker.id,
        text: 'đã nhắc',
        dueAt: new Date(Date.now() - 3_600_000),
        repeat: { kind: 'once' },
      });
      await notices.reminders.advance(fired.id, null, 'done');
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
      await harness.send(worker, '/forgetme');
      const done = await harness.pressButton(worker, t('privacy.yes'));
      expect(BotHarness.texts(done)[0]).toContain('Đã xoá dữ liệu');

      const rows = async (sql: string) => (await admin.query(sql, [worker.id])).rowCount;
      expect(await rows('SELECT 1 FROM users WHERE id = $1')).toBe(0);
      expect(await rows('SELECT 1 FROM notice_reminders WHERE user_id = $1')).toBe(0);
      expect(await rows('SELECT 1 FROM notice_subscriptions WHERE user_id = $1')).toBe(0);
      expect(await rows("SELECT 1 FROM sessions WHERE key LIKE $1::text || ':%'")).toBe(0);
      const stored = await admin.query('SELECT * FROM tickets WHERE code = $1', [ticket.code]);
      expect(JSON.stringify(stored.rows)).not.toContain('Hạnh Riêng');
      expect(JSON.stringify(stored.rows)).not.toContain('Xưởng nóng');
    } finally {
      await harness.close();
      await store.close();
    }
  });
});
