import type { Broadcast } from '../../broadcasts.ts';
import { type Channel, newId } from '../../notices.ts';
import type { Reminder, ReminderRepository } from '../../reminders.ts';
import type { Schedule } from '../../schedules.ts';
import { defaultChannels, type SubscriptionRepository } from '../../subscriptions.ts';
import {
  type BroadcastRow,
  broadcastOf,
  type ReminderRow,
  reminderOf,
  type ScheduleRow,
  type SubscriptionRow,
  scheduleOf,
} from './rows.ts';
import { type Query, writeAnnounced } from './sql.ts';

/**
 * The notice records every instance reads synchronously (the repositories' interfaces are the
 * lowdb ones): loaded whole at open, then kept current from each write's row and from the
 * changes other instances announce (see index.ts). A read never waits for the database.
 */
export class NoticeMirror {
  readonly subscriptions = new Map<number, Channel[]>();
  readonly reminders = new Map<string, Reminder>();
  readonly remindersOf = new Map<number, Set<string>>();
  readonly schedules = new Map<string, Schedule>();
  readonly broadcasts = new Map<string, Broadcast>();

  putReminder(id: string, reminder: Reminder | undefined): void {
    const before = this.reminders.get(id);
    if (before) this.remindersOf.get(before.userId)?.delete(id);
    if (!reminder) {
      this.reminders.delete(id);
      return;
    }
    this.reminders.set(id, reminder);
    const own = this.remindersOf.get(reminder.userId) ?? new Set<string>();
    own.add(id);
    this.remindersOf.set(reminder.userId, own);
  }

  /** Reads one record again from the database (after another instance announced a change). */
  async reload(
    db: Query,
    kind: 'subscription' | 'reminder' | 'schedule' | 'broadcast',
    id: string,
  ) {
    if (kind === 'subscription') {
      const { rows } = await db.query<SubscriptionRow>(
        'SELECT user_id, channels FROM notice_subscriptions WHERE user_id = $1',
        [id],
      );
      if (rows[0]) this.subscriptions.set(Number(id), rows[0].channels);
      else this.subscriptions.delete(Number(id));
    } else if (kind === 'reminder') {
      const { rows } = await db.query<ReminderRow>('SELECT * FROM notice_reminders WHERE id = $1', [
        id,
      ]);
      this.putReminder(id, rows[0] ? reminderOf(rows[0]) : undefined);
    } else if (kind === 'schedule') {
      const { rows } = await db.query<ScheduleRow>('SELECT * FROM notice_schedules WHERE id = $1', [
        id,
      ]);
      if (rows[0]) this.schedules.set(id, scheduleOf(rows[0]));
      else this.schedules.delete(id);
    } else {
      const { rows } = await db.query<BroadcastRow>(
        'SELECT * FROM notice_broadcasts WHERE id = $1',
        [id],
      );
      if (rows[0]) this.broadcasts.set(id, broadcastOf(rows[0]));
      else this.broadcasts.delete(id);
    }
  }

  /** Reads every record (at open, and again after the change feed was interrupted). */
  async loadAll(db: Query): Promise<void> {
    const [subscriptions, reminders, schedules, broadcasts] = await Promise.all([
      db.query<SubscriptionRow>('SELECT user_id, channels FROM notice_subscriptions'),
      db.query<ReminderRow>('SELECT * FROM notice_reminders'),
      db.query<ScheduleRow>('SELECT * FROM notice_schedules'),
      db.query<BroadcastRow>('SELECT * FROM notice_broadcasts'),
    ]);
    this.subscriptions.clear();
    for (const row of subscriptions.rows) this.subscriptions.set(Number(row.user_id), row.channels);
    this.reminders.clear();
    this.remindersOf.clear();
    for (const row of reminders.rows) this.putReminder(row.id, reminderOf(row));
    this.schedules.clear();
    for (const row of schedules.rows) this.schedules.set(row.id, scheduleOf(row));
    this.broadcasts.clear();
    for (const row of broadcasts.rows) this.broadcasts.set(row.id, broadcastOf(row));
  }
}

const sameChannels = (a: readonly Channel[] | undefined, b: readonly Channel[]) =>
  a !== undefined && a.length === b.length && a.every((channel, i) => channel === b[i]);

/** Subscriptions in `notice_subscriptions`, one row per user who chose. */
export function pgSubscriptions(
  db: Query,
  mirror: NoticeMirror,
  now: () => Date,
): SubscriptionRepository {
  const get = (userId: number) => mirror.subscriptions.get(userId);
  const channelsOf = (userId: number, role: Parameters<typeof defaultChannels>[0]) =>
    get(userId) ?? defaultChannels(role);
  const set = async (userId: number, channels: Channel[]) => {
    const unique = [...new Set(channels)];
    if (sameChannels(get(userId), unique)) return;
    await writeAnnounced(
      db,
      'subscription',
      `INSERT INTO notice_subscriptions (user_id, channels, updated_at) VALUES ($1, $2, $3)
       ON CONFLICT (user_id) DO UPDATE SET channels = EXCLUDED.channels, updated_at = EXCLUDED.updated_at
       RETURNING user_id AS id`,
      [userId, unique, now()],
    );
    mirror.subscriptions.set(userId, unique);
  };
  return {
    get,
    channelsOf,
    set,
    async toggle(userId, role, channel) {
      const current = channelsOf(userId, role);
      const next = current.includes(channel)
        ? current.filter((c) => c !== channel)
        : [...current, channel];
      await set(userId, next);
      return next;
    },
    async remove(userId) {
      if (!mirror.subscriptions.has(userId)) return;
      await writeAnnounced(
        db,
        'subscription',
        'DELETE FROM notice_subscriptions WHERE user_id = $1 RETURNING user_id AS id',
        [userId],
      );
      mirror.subscriptions.delete(userId);
    },
  };
}

/** Personal reminders in `notice_reminders`. */
export function pgReminders(db: Query, mirror: NoticeMirror, now: () => Date): ReminderRepository {
  const ofUser = (userId: number) =>
    [...(mirror.remindersOf.get(userId) ?? [])]
      .map((id) => mirror.reminders.get(id))
      .filter((reminder): reminder is Reminder => reminder !== undefined);
  return {
    get: (id) => mirror.reminders.get(id),
    async add(input) {
      const reminder: Reminder = {
        id: newId(),
        userId: input.userId,
        text: input.text,
        dueAt: input.dueAt.toISOString(),
        repeat: input.repeat,
        status: 'pending',
        createdAt: now().toISOString(),
      };
      await writeAnnounced(
        db,
        'reminder',
        `INSERT INTO notice_reminders (id, user_id, text, due_at, repeat, status, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
        [
          reminder.id,
          reminder.userId,
          reminder.text,
          reminder.dueAt,
          JSON.stringify(reminder.repeat),
          reminder.status,
          reminder.createdAt,
        ],
      );
      mirror.putReminder(reminder.id, reminder);
      return reminder;
    },
    pending: () => [...mirror.reminders.values()].filter((r) => r.status === 'pending'),
    pendingOf: (userId) =>
      ofUser(userId)
        .filter((r) => r.status === 'pending')
        .sort((a, b) => a.dueAt.localeCompare(b.dueAt)),
    async remove(id) {
      if (!mirror.reminders.has(id)) return;
      await writeAnnounced(
        db,
        'reminder',
        'DELETE FROM notice_reminders WHERE id = $1 RETURNING id',
        [id],
      );
      mirror.putReminder(id, undefined);
    },
    async removeAllOf(userId) {
      const ids = await writeAnnounced(
        db,
        'reminder',
        'DELETE FROM notice_reminders WHERE user_id = $1 RETURNING id',
        [userId],
      );
      for (const id of [...ids, ...ofUser(userId).map((r) => r.id)])
        mirror.putReminder(id, undefined);
      return ids;
    },
    async advance(id, next, status = 'done') {
      const reminder = mirror.reminders.get(id);
      if (!reminder) return;
      const changed: Reminder = next
        ? { ...reminder, dueAt: next.toISOString() }
        : { ...reminder, status };
      await writeAnnounced(
        db,
        'reminder',
        'UPDATE notice_reminders SET due_at = $2, status = $3 WHERE id = $1 RETURNING id',
        [id, changed.dueAt, changed.status],
      );
      mirror.putReminder(id, changed);
    },
  };
}
