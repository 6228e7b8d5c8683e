import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { noticeBackends } from '../support/noticeBackends.ts';

const now = () => new Date('2026-03-02T01:00:00Z');
const once = { kind: 'once' } as const;
const message = { kind: 'broadcast', broadcastId: 'b1', text: 'hello' } as const;

/** The notice repositories behave the same on lowdb and on PostgreSQL, across a restart too. */
describe.each(noticeBackends())('notice repositories on $name', (backend) => {
  afterEach(() => backend.close());
  afterAll(() => backend.end());

  it('reminders: listed per user in time order, advanced, removed with the user', async () => {
    const store = await backend.open(now);
    const later = await store.reminders.add({
      userId: 5,
      text: 'later',
      dueAt: new Date('2026-03-05T00:00:00Z'),
      repeat: once,
    });
    const sooner = await store.reminders.add({
      userId: 5,
      text: 'sooner',
      dueAt: new Date('2026-03-03T00:00:00Z'),
      repeat: { kind: 'daily', hour: 7, minute: 30 },
    });
    await store.reminders.add({ userId: 6, text: 'other', dueAt: now(), repeat: once });
    expect(store.reminders.pendingOf(5).map((r) => r.text)).toEqual(['sooner', 'later']);
    await store.reminders.advance(sooner.id, new Date('2026-03-04T00:30:00Z'));
    await store.reminders.advance(later.id, null, 'missed');

    const restarted = await backend.reopen(now);
    expect(restarted.reminders.get(sooner.id)).toEqual({
      ...sooner,
      dueAt: '2026-03-04T00:30:00.000Z',
    });
    expect(restarted.reminders.get(later.id)?.status).toBe('missed');
    expect(
      restarted.reminders
        .pending()
        .map((r) => r.text)
        .sort(),
    ).toEqual(['other', 'sooner']);
    expect((await restarted.reminders.removeAllOf(5)).sort()).toEqual([later.id, sooner.id].sort());
    expect(restarted.reminders.pendingOf(5)).toEqual([]);
    expect(restarted.reminders.get(later.id)).toBeUndefined();
  });

  it('schedules: added in order, paused, moved on, removed', async () => {
    const store = await backend.open(now);
    const next = {
      noticeAt: new Date('2026-03-03T01:00:00Z'),
      deadlineAt: new Date('2026-03-10T01:00:00Z'),
    };
    const rule = { kind: 'monthly', day: 10 } as const;
    const input = {
      createdBy: 1,
      segments: ['enterprise' as const],
      rule,
      leadDays: [7],
      text: 'r',
    };
    const schedule = await store.schedules.add(input, next);
    await store.schedules.setPaused(schedule.id, true);
    await store.schedules.setNext(schedule.id, null);
    const restarted = await backend.reopen(now);
    expect(restarted.schedules.all()).toEqual([
      { ...schedule, paused: true, nextNoticeAt: null, nextDeadlineAt: null },
    ]);
    await restarted.schedules.remove(schedule.id);
    expect(restarted.schedules.get(schedule.id)).toBeUndefined();
  });

  it('broadcasts: newest first, progress kept, the first result stands', async () => {
    const store = await backend.open(now);
    const input = { officerId: 9, text: 't', segments: ['all' as const], recipients: 3 };
    const first = await store.broadcasts.add(input);
    await store.broadcasts.setProgress(first.id, { chatId: 9, messageId: 44 });
    const stats = { total: 3, pending: 0, sent: 2, blocked: 1, failed: 0, cancelled: 0 };
    await store.broadcasts.finish(first.id, stats);
    await store.broadcasts.finish(first.id, { ...stats, sent: 0, cancelled: 3 });
    const restarted = await backend.reopen(now);
    const stored = restarted.broadcasts.get(first.id);
    expect(stored?.progress).toEqual({ chatId: 9, messageId: 44 });
    expect(stored?.status).toBe('done');
    expect(stored?.result).toEqual({ sent: 2, blocked: 1, failed: 0, cancelled: 0 });
    expect(restarted.broadcasts.running()).toEqual([]);
    expect(restarted.broadcasts.recent(5).map((b) => b.id)).toEqual([first.id]);
  });

  it('outbox: enqueueing an id twice keeps the first job; marks, cancel and remove persist', async () => {
    const store = await backend.open(now);
    const to = Array.from({ length: 1203 }, (_, i) => 1000 + i);
    const job = await store.outbox.enqueue({ id: 'j1', priority: 2, message, to });
    const again = await store.outbox.enqueue({ id: 'j1', priority: 0, message, to: [1] });
    expect(again.to).toHaveLength(1203);
    await store.outbox.enqueue({ id: 'r1', priority: 0, message, to: [7] });
    expect(store.outbox.jobs().map((j) => j.id)).toEqual(['r1', 'j1']);
    await store.outbox.mark('j1', 0, 's');
    await store.outbox.mark('j1', 1202, 'b');
    await store.outbox.cancel('r1');

    const restarted = await backend.reopen(now);
    const stored = restarted.outbox.get('j1');
    expect(stored?.to).toEqual(job.to);
    expect(stored?.marks).toBe(`s${'.'.repeat(1201)}b`);
    expect(restarted.outbox.get('r1')?.marks).toBe('x');
    await restarted.outbox.remove('j1');
    expect(restarted.outbox.get('j1')).toBeUndefined();
    const third = await backend.reopen(now);
    expect(third.outbox.jobs().map((j) => j.id)).toEqual(['r1']);
  });
});
