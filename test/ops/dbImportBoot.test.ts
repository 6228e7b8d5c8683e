import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { User } from 'telegraf/types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { translator } from '../../src/bot/i18n/index.ts';
import { sessionIsIdle, sessionSchema } from '../../src/bot/session.ts';
import { transfer } from '../../src/ops/transfer.ts';
import { openPgStore } from '../../src/store/pg/index.ts';
import { BotHarness } from '../support/botHarness.ts';
import { Conversation } from '../support/conversation.ts';
import { fileComplaint } from '../support/filing.ts';
import { freshDatabase } from '../support/postgres.ts';

const t = translator('vi');
const worker: User = { id: 8801, is_bot: false, first_name: 'Hoa', language_code: 'vi' };

describe('db:import, then the bot on the imported database', () => {
  let root: string;
  let url: string;
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'kcn-import-boot-'));
    url = await freshDatabase();
  });
  afterAll(() => rm(root, { recursive: true, force: true }));

  it('answers /start and shows the ticket filed before the move', async () => {
    // A data folder the bot itself wrote on lowdb: a worker onboarded and filed a complaint.
    const dataDir = join(root, 'data');
    const before = await BotHarness.create({ dataDir });
    const chat = new Conversation(before, worker);
    await chat.say('/start');
    await chat.press(t('role.worker'));
    const code = await fileComplaint(chat, 'Công ty bắt tăng ca không trả lương');
    await before.settleNotices();
    await before.store.close();

    const counts = await transfer('import', dataDir, { DATABASE_URL: url });
    expect(counts).toMatchObject({ users: 1, tickets: 1 });

    const store = await openPgStore({ url, sessionSchema, sessionIsIdle });
    const after = await BotHarness.create({ store });
    try {
      const again = new Conversation(after, worker);
      const greeting = BotHarness.texts(await again.say('/start'), worker.id).join('\n');
      // A known user with a role: welcomed back, not asked to choose again.
      expect(greeting).toContain(t('start.greetingBack', { name: worker.first_name }));
      expect(greeting).not.toContain(t('role.ask'));
      const mine = BotHarness.texts(await again.say('/mytickets'), worker.id).join('\n');
      expect(mine).toContain(code);
      // Codes go on after the imported one.
      const next = await fileComplaint(again, 'Không có nước uống trong xưởng');
      expect(next).not.toBe(code);
      expect(
        store.tickets
          .list()
          .map((ticket) => ticket.code)
          .sort(),
      ).toEqual([code, next].sort());
    } finally {
      await after.close();
      await store.close();
    }
  });
});
