import { DueQueue, nextOccurrence } from '../scheduling/index.ts';
import type { Segment } from '../store/notices.ts';
import type { OutboxRepository } from '../store/outbox.ts';
import { PRIORITY } from '../store/outbox.ts';
import type { Reminder, ReminderRepository } from '../store/reminders.ts';
import type { Schedule, ScheduleRepository } from '../store/schedules.ts';
import { nextNotice } from './deadlineNotices.ts';

interface Log {
  info(object: object, message: string): void;
  error(object: object, message: string): void;
}

export interface SchedulerOptions {
  reminders: ReminderRepository;
  schedules: ScheduleRepository;
  outbox: OutboxRepository;
  /** Active subscribers reached by a schedule's segments, resolved when the notice is due. */
  recipients: (segments: Segment[]) => number[];
  isActive: (userId: number) => boolean;
  timeZone: string;
  /** Older than this (REMINDER_LATE_LIMIT_HOURS) a due item is skipped and recorded as missed. */
  lateLimitMs: number;
  /** Sent this long after its time, a reminder is labelled late. */
  lateAfterMs?: number;
  /** Longest sleep, so new items and clock changes are noticed within it. */
  maxSleepMs?: number;
  /** Most items handled per tick, so a backlog after downtime does not stall the loop. */
  batch?: number;
  now?: () => number;
  /** Called after a tick enqueued messages, to wake the outbox worker. */
  onEnqueued?: () => void;
  logger?: Log;
}

const reminderKey = (id: string) => `r:${id}`;
const scheduleKey = (id: string) => `s:${id}`;

/**
 * Turns due reminders and deadline notices into outbox jobs. Pending items sit in a min-heap by
 * due time, so a tick costs O(k log n) for k due items, never a scan of all of them. The outbox
 * job is durable before the item moves on, and its id is derived from the item and due time, so
 * a crash in between enqueues the same job again instead of a second copy.
 */
export class Scheduler {
  private readonly queue = new DueQueue();
  private readonly now: () => number;
  private timer: NodeJS.Timeout | null = null;
  private running = false;
  private ticking: Promise<unknown> = Promise.resolve();

  constructor(private readonly options: SchedulerOptions) {
    this.now = options.now ?? Date.now;
  }

  /** Number of pending reminders and schedules held in the queue. */
  get size(): number {
    return this.queue.size;
  }

  /** Loads every pending item from the store; called once before `start`. */
  load(): void {
    for (const reminder of this.options.reminders.pending()) this.trackReminder(reminder);
    for (const schedule of this.options.schedules.all()) this.trackSchedule(schedule);
  }

  /** Queues a reminder that was added or snoozed. */
  trackReminder(reminder: Reminder): void {
    if (reminder.status !== 'pending') {
      this.untrackReminder(reminder.id);
      return;
    }
    this.queue.push({ id: reminderKey(reminder.id), dueAt: Date.parse(reminder.dueAt) });
  }

  untrackReminder(id: string): void {
    this.queue.remove(reminderKey(id));
  }

  /** Queues (or drops) a schedule after it was added, paused, resumed or deleted. */
  trackSchedule(schedule: Schedule | undefined): void {
    if (!schedule) return;
    if (schedule.paused || schedule.nextNoticeAt === null) {
      this.queue.remove(scheduleKey(schedule.id));
      return;
    }
    this.queue.push({ id: scheduleKey(schedule.id), dueAt: Date.parse(schedule.nextNoticeAt) });
  }

  untrackSchedule(id: string): void {
    this.queue.remove(scheduleKey(id));
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.load();
    this.arm(0);
  }

  async stop(): Promise<void> {
    this.running = false;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.ticking;
  }

  /** Handles everything due at `now`; returns how many items were handled. */
  async tick(now: number = this.now()): Promise<number> {
    const due = this.queue.popDue(now, this.options.batch ?? 500);
    // Started together so their writes share one file write per collection.
    await Promise.all(
      due.map(async (key) => {
        try {
          if (key.startsWith('r:')) await this.fireReminder(key.slice(2), now);
          else await this.fireSchedule(key.slice(2), now);
        } catch (error) {
          this.options.logger?.error({ err: error, key }, 'a scheduled item failed; retrying soon');
          this.queue.push({ id: key, dueAt: now + 60_000 });
        }
      }),
    );
    if (due.length > 0) this.options.onEnqueued?.();
    return due.length;
  }

  private arm(delay: number): void {
    if (!this.running) return;
    this.timer = setTimeout(() => {
      this.ticking = this.tick().finally(() => {
        const next = this.queue.peek();
        const cap = this.options.maxSleepMs ?? 1000;
        this.arm(next ? Math.min(cap, Math.max(0, next.dueAt - this.now())) : cap);
      });
    }, delay);
  }

  private async fireReminder(id: string, now: number): Promise<void> {
    const { reminders, outbox } = this.options;
    const reminder = reminders.get(id);
    if (reminder?.status !== 'pending') return;
    const dueAt = Date.parse(reminder.dueAt);
    const lateness = now - dueAt;
    const next =
      reminder.repeat.kind === 'once'
        ? null
        : nextOccurrence(reminder.repeat, new Date(Math.max(dueAt, now)), this.options.timeZone);
    if (lateness > this.options.lateLimitMs) {
      this.options.logger?.info({ reminderId: id, lateness }, 'reminder missed while down');
      await reminders.advance(id, next, 'missed');
    } else {
      if (this.options.isActive(reminder.userId)) {
        await outbox.enqueue({
          id: `r${id}-${dueAt}`,
          priority: PRIORITY.reminder,
          message: {
            kind: 'reminder',
            reminderId: id,
            text: reminder.text,
            dueAt: reminder.dueAt,
            late: lateness > (this.options.lateAfterMs ?? 60_000),
          },
          to: [reminder.userId],
        });
      }
      await reminders.advance(id, next);
    }
    const updated = reminders.get(id);
    if (updated) this.trackReminder(updated);
  }

  private async fireSchedule(id: string, now: number): Promise<void> {
    const { schedules, outbox, timeZone } = this.options;
    const schedule = schedules.get(id);
    if (!schedule || schedule.paused || !schedule.nextNoticeAt || !schedule.nextDeadlineAt) return;
    const noticeAt = Date.parse(schedule.nextNoticeAt);
    const lateness = now - noticeAt;
    if (lateness <= this.options.lateLimitMs) {
      await outbox.enqueue({
        id: `s${id}-${noticeAt}`,
        priority: PRIORITY.deadline,
        message: {
          kind: 'deadline',
          scheduleId: id,
          text: schedule.text,
          deadlineAt: schedule.nextDeadlineAt,
          late: lateness > (this.options.lateAfterMs ?? 60_000),
        },
        to: this.options.recipients(schedule.segments),
      });
    } else {
      this.options.logger?.info({ scheduleId: id, lateness }, 'deadline notice missed while down');
    }
    const after = new Date(Math.max(noticeAt, now));
    await schedules.setNext(id, nextNotice(schedule.rule, schedule.leadDays, after, timeZone));
    this.trackSchedule(schedules.get(id));
  }
}
