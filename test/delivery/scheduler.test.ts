import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { nextNotice } from '../../src/delivery/deadlineNotices.ts';
import { Scheduler } from '../../src/delivery/scheduler.ts';
import type { NoticeStore } from '../../src/store/noticeStore.ts';
import { noticeBackends } from '../support/noticeBackends.ts';

const TZ = 'Asia/Ho_Chi_Minh';
const HOUR = 3_600_000;
const T0 = Date.parse('2026-03-02T01:00:00Z');

describe.each(noticeBackends())('Scheduler on $name', (backend) => {
  let store: NoticeStore;
  let now = T0;
  let active = new Set<number>();
  const scheduler = () =>
    new Scheduler({
      reminders: store.reminders,
      schedules: store.schedules,
      outbox: store.outbox,
      recipients: () => [1, 2, 3],
      isActive: (id) => active.has(id),
      timeZone: TZ,
      lateLimitMs: 24 * HOUR,
      now: () => now,
    });

  beforeEach(async () => {
    store = await backend.open(() => new Date(now));
    now = T0;
    active = new Set([1, 2]);
  });
  afterEach(() => backend.close());
  afterAll(() => backend.end());

  it('sends due reminders on time, late ones marked late, and records too-old ones as missed', async () => {
    const once = { kind: 'once' } as const;
    const onTime = await store.reminders.add({
      userId: 1,
      text: 'a',
      dueAt: new Date(T0),
      repeat: once,
    });
    const late = await store.reminders.add({
      userId: 1,
      text: 'b',
      dueAt: new Date(T0 - 2 * HOUR),
      repeat: once,
    });
    const old = await store.reminders.add({
      userId: 1,
      text: 'c',
      dueAt: new Date(T0 - 30 * HOUR),
      repeat: once,
    });
    const future = await store.reminders.add({
      userId: 1,
      text: 'd',
      dueAt: new Date(T0 + HOUR),
      repeat: once,
    });
    const s = scheduler();
    s.load();
    expect(await s.tick(now)).toBe(3);
    const messages = store.outbox.jobs().map((job) => job.message);
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ reminderId: onTime.id, late: false }),
        expect.objectContaining({ reminderId: late.id, late: true }),
      ]),
    );
    expect(messages).toHaveLength(2);
    expect(store.reminders.get(old.id)?.status).toBe('missed');
    expect(store.reminders.get(onTime.id)?.status).toBe('done');
    expect(store.reminders.get(future.id)?.status).toBe('pending');
    expect(s.size).toBe(1);
  });

  it('reschedules a repeating reminder with nextOccurrence, once, even after downtime', async () => {
    const daily = { kind: 'daily', hour: 8, minute: 0 } as const;
    const due = Date.parse('2026-03-01T01:00:00Z');
    const reminder = await store.reminders.add({
      userId: 1,
      text: 'x',
      dueAt: new Date(due),
      repeat: daily,
    });
    const s = scheduler();
    s.load();
    now = Date.parse('2026-03-01T03:00:00Z');
    await s.tick(now);
    expect(store.reminders.get(reminder.id)?.dueAt).toBe('2026-03-02T01:00:00.000Z');
    expect(store.outbox.jobs()).toHaveLength(1);
    expect(await s.tick(now)).toBe(0);
  });

  it('does not enqueue twice when a due reminder is handled again after a crash', async () => {
    const once = { kind: 'once' } as const;
    const reminder = await store.reminders.add({
      userId: 1,
      text: 'a',
      dueAt: new Date(T0),
      repeat: once,
    });
    await scheduler().tick(now);
    const s = scheduler();
    s.trackReminder({ ...reminder });
    await store.reminders.advance(reminder.id, new Date(T0));
    await s.tick(now);
    expect(store.outbox.jobs()).toHaveLength(1);
  });

  it('skips users who blocked the bot', async () => {
    await store.reminders.add({
      userId: 9,
      text: 'a',
      dueAt: new Date(T0),
      repeat: { kind: 'once' },
    });
    const s = scheduler();
    s.load();
    await s.tick(now);
    expect(store.outbox.jobs()).toHaveLength(0);
  });

  it('sends deadline notices at each lead time and moves to the next one', async () => {
    const rule = { kind: 'monthly', day: 10 } as const;
    const first = nextNotice(rule, [7, 1], new Date(T0), TZ);
    expect(first?.noticeAt.toISOString()).toBe('2026-03-03T01:00:00.000Z');
    const schedule = await store.schedules.add(
      { createdBy: 1, segments: ['enterprise'], rule, leadDays: [7, 1], text: 'report' },
      first,
    );
    const s = scheduler();
    s.load();
    now = Date.parse('2026-03-03T01:00:05Z');
    await s.tick(now);
    const job = store.outbox.jobs()[0];
    expect(job?.to).toEqual([1, 2, 3]);
    expect(job?.message).toMatchObject({ kind: 'deadline', text: 'report', late: false });
    expect(store.schedules.get(schedule.id)?.nextNoticeAt).toBe('2026-03-09T01:00:00.000Z');
  });
});
