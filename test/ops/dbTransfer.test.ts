import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessionSchema } from '../../src/bot/session.ts';
import { transfer } from '../../src/ops/transfer.ts';
import { openStore } from '../../src/store/index.ts';
import { openPgCore } from '../../src/store/pg/index.ts';
import { openPgNoticeStore } from '../../src/store/pg/notices/index.ts';
import { readLowdbCore } from '../../src/store/transferLowdb.ts';
import { ActionLog } from '../../src/web/dashboard/actionLog.ts';
import { freshDatabase } from '../support/postgres.ts';

const FILER = { userId: 4242, chatId: 4242, name: 'Nguyễn Văn Secret', username: 'secret_user' };

/** A lowdb folder with something in every core collection, written by the bot's repositories. */
async function fillFolder(dataDir: string): Promise<{ anonymous: string; named: string }> {
  const store = await openStore({
    dataDir,
    sessionSchema,
    now: () => new Date('2025-03-03T02:00:00Z'),
  });
  await store.users.touch({ id: 4242, first_name: 'Lan', username: 'lan', language_code: 'vi' });
  await store.users.touch({ id: -7, first_name: '' });
  await store.users.setRole(4242, 'worker');
  await store.sessions.set('4242:4242', {
    dialogue: { kind: 'idle' },
    threadMessages: { '3': 'KN-0001' },
  });
  const base = {
    type: 'complaint' as const,
    category: 'wages' as const,
    parkId: null,
    company: null,
    description: 'Lương trả chậm',
    attachments: [{ kind: 'photo' as const, fileId: 'p1' }],
    filer: FILER,
  };
  const anonymous = await store.tickets.create(
    { ...base, anonymous: true },
    { submissionId: 'draft-1', notify: [{ event: 'new', to: [900, 901] }] },
  );
  const named = await store.tickets.create({
    ...base,
    type: 'request',
    category: 'land',
    anonymous: false,
  });
  await store.tickets.take(named.code, 900, { key: 'u1' });
  await store.tickets.markNotice(anonymous.code, 'created.0', 0, 's');
  await store.tickets.digests.queue('2025-03-03', [900, 901], '2025-03-03T01:00:00.000Z');
  await store.feedback.recordUnanswered({ text: 'Visa?', lang: 'en', at: '2025-03-01' });
  await store.feedback.recordVote({
    entryId: 'leave',
    vote: 'down',
    at: '2025-03-02',
    voter: 'h1',
  });
  await store.desk.setTopic(named.code, { threadId: 12, name: 'HT-0001', closed: false });
  await store.desk.addMark(named.code, 'response:near');
  const { notices } = store;
  await notices.subscriptions.set(4242, ['general', 'worker']);
  const due = new Date('2025-03-10T02:00:00Z');
  await notices.reminders.add({
    userId: 4242,
    text: 'Nộp báo cáo',
    dueAt: due,
    repeat: { kind: 'once' },
  });
  const ended = await notices.reminders.add({
    userId: 4242,
    text: 'Đã nhắc',
    dueAt: new Date('2025-03-02T02:00:00Z'),
    repeat: { kind: 'once' },
  });
  // Ended: moved to the delivered reminders, kept on disk only.
  await notices.reminders.advance(ended.id, null, 'done');
  await notices.schedules.add(
    {
      createdBy: 900,
      segments: ['enterprise'],
      rule: { kind: 'monthly', day: 15 },
      leadDays: [3],
      text: 'Báo cáo tháng',
    },
    { noticeAt: new Date('2025-03-12T01:00:00Z'), deadlineAt: new Date('2025-03-15T01:00:00Z') },
  );
  const broadcast = await notices.broadcasts.add({
    officerId: 900,
    text: 'Thông báo nghỉ lễ',
    segments: ['all'],
    recipients: 3,
  });
  await notices.broadcasts.setProgress(broadcast.id, { chatId: 900, messageId: 5 });
  await notices.outbox.enqueue({
    id: `broadcast:${broadcast.id}`,
    priority: 5,
    message: { kind: 'broadcast', broadcastId: broadcast.id, text: 'Thông báo nghỉ lễ' },
    to: [4242, 4343, 4444],
  });
  // Cut short after the first recipient: the rest is sent after the move.
  await notices.outbox.mark(`broadcast:${broadcast.id}`, 0, 's');
  await store.close();
  // An officer's dashboard action, remembered under its Idempotency-Key.
  const log = await ActionLog.open(dataDir, undefined, () => new Date('2025-03-03T02:00:00Z'));
  const took = { status: 200, json: { ok: true } };
  await log.once(
    900,
    'key-take-0001',
    { path: '/take', body: {} },
    async () => ({ answer: took, memory: named.code }),
    () => took,
  );
  return { anonymous: anonymous.code, named: named.code };
}

describe('db:import and db:export', () => {
  let root: string;
  let env: Record<string, string>;
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'kcn-transfer-test-'));
    env = { DATABASE_URL: await freshDatabase() };
  });
  afterAll(() => rm(root, { recursive: true, force: true }));

  it('copies a lowdb folder into PostgreSQL and back out with the same records', async () => {
    const source = join(root, 'source');
    const codes = await fillFolder(source);
    const imported = await transfer('import', source, env);
    expect(imported).toMatchObject({
      users: 2,
      sessions: 1,
      tickets: 2,
      ticketNotices: 1,
      anonymousContacts: 1,
      digests: 1,
      unansweredQuestions: 1,
      votes: 1,
      deskTopics: 1,
      subscriptions: 1,
      reminders: 1,
      deliveredReminders: 1,
      schedules: 1,
      broadcasts: 1,
      outboxJobs: 1,
      dashboardActions: 1,
    });

    const lowdb = await openStore({ dataDir: source, sessionSchema });
    const pg = await openPgCore({ url: env.DATABASE_URL ?? '', sessionSchema });
    for (const code of [codes.anonymous, codes.named]) {
      expect(pg.tickets.get(code)).toEqual(lowdb.tickets.get(code));
    }
    expect(pg.tickets.replyChat(codes.anonymous)).toBe(FILER.chatId);
    expect(pg.tickets.pendingNotices()).toEqual(lowdb.tickets.pendingNotices());
    expect(pg.users.all().sort((a, b) => a.id - b.id)).toEqual(
      lowdb.users.all().sort((a, b) => a.id - b.id),
    );
    expect(pg.desk.codeOfThread(12)).toBe(codes.named);
    const notices = await openPgNoticeStore(pg.pool);
    expect(notices.subscriptions.get(4242)).toEqual(['general', 'worker']);
    expect(notices.reminders.pendingOf(4242).map((reminder) => reminder.text)).toEqual([
      'Nộp báo cáo',
    ]);
    const [job] = notices.outbox.jobs();
    expect(job?.marks).toBe('s..');
    expect(notices.broadcasts.running()[0]?.progress).toEqual({ chatId: 900, messageId: 5 });
    await notices.close();
    // Numbers go on after the imported ones.
    const next = await pg.tickets.create({
      type: 'complaint',
      category: 'hours',
      parkId: null,
      company: null,
      description: 'x',
      attachments: [],
      anonymous: false,
      filer: FILER,
    });
    expect(next.code).toBe('KN-0002');
    await Promise.all([pg.close(), lowdb.close()]);

    const exported = join(root, 'exported');
    await transfer('export', exported, env);
    const before = await readLowdbCore(source, sessionSchema);
    const after = await readLowdbCore(exported, sessionSchema);
    expect(after.tickets.filter((ticket) => ticket.code !== next.code)).toEqual(before.tickets);
    expect({ ...after, tickets: [], floor: null }).toEqual({ ...before, tickets: [], floor: null });
    expect(after.floor).toEqual({ complaint: 2, request: 1, seq: 3 });
    const actionsOf = async (dir: string) =>
      JSON.parse(await readFile(join(dir, 'dashboard-actions.json'), 'utf8')).data;
    expect(await actionsOf(exported)).toEqual(await actionsOf(source));
    expect(Object.keys((await actionsOf(exported)).actions)).toEqual(['900:key-take-0001']);
  });

  it('refuses to import into a database that already holds data, changing nothing', async () => {
    const again = join(root, 'again');
    await fillFolder(again);
    await expect(transfer('import', again, env)).rejects.toThrow(/already holds users/);
  });

  it('refuses to export into a folder that holds files', async () => {
    await expect(transfer('export', join(root, 'source'), env)).rejects.toThrow(/not empty/);
  });
});
