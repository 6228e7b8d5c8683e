import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OutboxWorker, type SendFn } from '../../src/delivery/outboxWorker.ts';
import type { NoticeStore } from '../../src/store/noticeStore.ts';
import type { JobStats } from '../../src/store/outbox.ts';
import { migrate } from '../../src/store/pg/migrate.ts';
import { openPgNoticeStore } from '../../src/store/pg/notices/index.ts';
import { freshDatabase } from '../support/postgres.ts';

/** Checks `predicate` every 20 ms: the database has no event this test could wait on. */
async function waitFor(predicate: () => boolean, { timeoutMs = 5000 } = {}): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(`not true within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const message = { kind: 'broadcast', broadcastId: 'b1', text: 'hello' } as const;

/** Several instances over one database: what each sees, and how they share the sending. */
describe('the notice store shared by several instances (PostgreSQL)', () => {
  let url = '';
  const pools: pg.Pool[] = [];
  const stores: NoticeStore[] = [];
  const instance = async (leaseMs = 800, name = 'kcn-test') => {
    const pool = new pg.Pool({ connectionString: url, max: 6, application_name: name });
    pools.push(pool);
    const store = await openPgNoticeStore(pool, { leaseMs });
    stores.push(store);
    return { pool, store };
  };
  beforeAll(async () => {
    url = await freshDatabase();
    const pool = new pg.Pool({ connectionString: url });
    await migrate(pool);
    await pool.end();
  });
  afterAll(async () => {
    await Promise.allSettled(stores.map((store) => store.close()));
    await Promise.allSettled(pools.map((pool) => pool.end()));
  });

  /** A worker sending `store`'s share of the outbox; `finished` collects the jobs it reported. */
  const sender = (store: NoticeStore, send: SendFn, ratePerSecond: number) => {
    const shared = store.sharedOutbox;
    if (!shared) throw new Error('the PostgreSQL store has a shared outbox');
    const finished: JobStats[] = [];
    const worker = new OutboxWorker({ outbox: shared.queue, send, ratePerSecond });
    shared.begin({
      ratePerSecond,
      wake: () => worker.notify(),
      onJobDone: async (_job, stats) => {
        finished.push(stats);
      },
    });
    worker.start();
    return { worker, shared, finished };
  };

  it('a change made on one instance is seen, and told, on the other', async () => {
    const a = await instance();
    const b = await instance();
    const told: string[] = [];
    b.store.watch?.((change) => told.push(`${change.kind}:${change.id}`));
    const reminder = await a.store.reminders.add({
      userId: 3,
      text: 'pay the fee',
      dueAt: new Date('2026-04-01T02:00:00Z'),
      repeat: { kind: 'once' },
    });
    await a.store.subscriptions.set(3, ['general', 'park:que-vo']);
    await waitFor(() => b.store.reminders.get(reminder.id) !== undefined);
    expect(b.store.reminders.get(reminder.id)).toEqual(reminder);
    await waitFor(() => b.store.subscriptions.get(3) !== undefined);
    expect(b.store.subscriptions.get(3)).toEqual(['general', 'park:que-vo']);
    expect(told).toContain(`reminder:${reminder.id}`);
    await a.store.reminders.remove(reminder.id);
    await waitFor(() => b.store.reminders.get(reminder.id) === undefined);
  });

  it('two instances send every recipient once, at one pace for both, and report the job once', async () => {
    const a = await instance();
    const b = await instance();
    const sent: number[] = [];
    const send: SendFn = async (chatId) => {
      sent.push(chatId);
      return { ok: true };
    };
    const to = Array.from({ length: 60 }, (_, i) => 100 + i);
    const started = Date.now();
    await a.store.outbox.enqueue({ id: 'shared', priority: 2, message, to });
    const one = sender(a.store, send, 40);
    const two = sender(b.store, send, 40);
    await waitFor(() => one.finished.length + two.finished.length > 0, { timeoutMs: 10_000 });
    const elapsed = Date.now() - started;
    await Promise.all([one.worker.stop(), two.worker.stop()]);
    await Promise.all([one.shared.end(), two.shared.end()]);
    expect([...sent].sort((x, y) => x - y)).toEqual(to);
    // 60 messages at 40 a second for both instances together take about 1.5 s, not 0.75 s.
    expect(elapsed).toBeGreaterThanOrEqual(1300);
    expect([...one.finished, ...two.finished]).toEqual([
      { total: 60, pending: 0, sent: 60, blocked: 0, failed: 0, cancelled: 0 },
    ]);
    await waitFor(() => a.store.outbox.get('shared') === undefined);
  });

  it('when an instance dies mid-broadcast, another sends the rest; only its unanswered sends go twice', async () => {
    const a = await instance(600, 'kcn-dying');
    const answered: number[] = [];
    const unanswered: number[] = [];
    const hang: (() => void)[] = [];
    const dying: SendFn = (chatId) => {
      if (answered.length < 5) {
        answered.push(chatId);
        return Promise.resolve({ ok: true });
      }
      unanswered.push(chatId);
      return new Promise((resolve) => hang.push(() => resolve({ ok: true })));
    };
    const to = Array.from({ length: 40 }, (_, i) => 500 + i);
    await a.store.outbox.enqueue({ id: 'crash', priority: 2, message, to });
    const first = sender(a.store, dying, 50);
    await waitFor(() => unanswered.length >= 3);
    // As after a SIGKILL: its pool takes no more queries and its connections are cut.
    void a.pool.end().catch(() => undefined);
    a.pool.on('error', () => undefined);
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(
      "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'kcn-dying'",
    );
    await admin.end();

    const b = await instance(600);
    const resent: number[] = [];
    const survivor = sender(
      b.store,
      async (chatId) => {
        resent.push(chatId);
        return { ok: true };
      },
      50,
    );
    await waitFor(() => survivor.finished.length > 0, { timeoutMs: 10_000 });
    await survivor.worker.stop();
    await survivor.shared.end();
    for (const release of hang) release();
    await first.worker.stop();
    await first.shared.end().catch(() => undefined);

    expect(new Set([...answered, ...resent])).toEqual(new Set(to));
    expect(resent.filter((id) => answered.includes(id))).toEqual([]);
    const twice = resent.filter((id) => unanswered.includes(id));
    expect(twice.every((id) => unanswered.includes(id))).toBe(true);
    expect(resent).toHaveLength(new Set(resent).size);
    expect(survivor.finished[0]?.sent).toBe(40);
  });
});
