import { broadcastSchema } from '../broadcasts.ts';
import { outboxJobSchema } from '../outboxRecords.ts';
import { reminderSchema } from '../reminders.ts';
import { scheduleSchema } from '../schedules.ts';
import { subscriptionSchema } from '../subscriptions.ts';
import type { NoticeSnapshot } from '../transferLowdbNotices.ts';
import type { Queryable } from './db.ts';
import {
  type BroadcastRow,
  broadcastOf,
  type OutboxJobRow,
  type ReminderRow,
  reminderOf,
  type ScheduleRow,
  scheduleOf,
} from './notices/rows.ts';
import { checked } from './write.ts';

/** The notice tables an import must find empty. */
export const NOTICE_TABLES = [
  'notice_subscriptions',
  'notice_reminders',
  'notice_schedules',
  'notice_broadcasts',
  'outbox_jobs',
];

const byId = <T extends { id: string }>(a: T, b: T) => a.id.localeCompare(b.id);

/** Reads the notice tables as a snapshot, each record checked against the lowdb schema. */
export async function readPgNotices(db: Queryable): Promise<NoticeSnapshot> {
  const [subscriptions, reminders, schedules, broadcasts] = await Promise.all([
    db.query<{ user_id: number; channels: string[]; updated_at: Date }>(
      'SELECT user_id, channels, updated_at FROM notice_subscriptions ORDER BY user_id',
    ),
    db.query<ReminderRow>('SELECT * FROM notice_reminders'),
    db.query<ScheduleRow>('SELECT * FROM notice_schedules'),
    db.query<BroadcastRow>('SELECT * FROM notice_broadcasts'),
  ]);
  const jobs = await db.query<OutboxJobRow & { to: number[]; marks: string }>(
    `SELECT j.id, j.priority, j.created_at, j.message,
            coalesce(array_agg(s.chat_id ORDER BY s.idx) FILTER (WHERE s.job_id IS NOT NULL), '{}') AS to,
            coalesce(string_agg(s.mark, '' ORDER BY s.idx), '') AS marks
     FROM outbox_jobs j LEFT JOIN outbox_sends s ON s.job_id = j.id GROUP BY j.id`,
  );
  return {
    subscriptions: subscriptions.rows.map((row) => [
      Number(row.user_id),
      checked('subscriptions', subscriptionSchema, {
        channels: row.channels,
        updatedAt: row.updated_at.toISOString(),
      }),
    ]),
    reminders: reminders.rows
      .map((row) => checked('reminders', reminderSchema, reminderOf(row)))
      .sort(byId),
    schedules: schedules.rows
      .map((row) => checked('schedules', scheduleSchema, scheduleOf(row)))
      .sort(byId),
    broadcasts: broadcasts.rows
      .map((row) => checked('broadcasts', broadcastSchema, broadcastOf(row)))
      .sort(byId),
    outbox: jobs.rows
      .map((row) =>
        checked('outbox', outboxJobSchema, {
          id: row.id,
          priority: row.priority,
          createdAt: row.created_at.toISOString(),
          message: row.message,
          to: row.to.map(Number),
          marks: row.marks,
        }),
      )
      .sort(byId),
  };
}

/** Writes a notice snapshot inside the import's transaction (`db` is its client). */
export async function writePgNotices(db: Queryable, snapshot: NoticeSnapshot): Promise<void> {
  for (const [userId, subscription] of snapshot.subscriptions) {
    const valid = checked('subscriptions', subscriptionSchema, subscription);
    await db.query(
      'INSERT INTO notice_subscriptions (user_id, channels, updated_at) VALUES ($1, $2, $3)',
      [userId, valid.channels, valid.updatedAt],
    );
  }
  for (const reminder of snapshot.reminders) {
    const valid = checked('reminders', reminderSchema, reminder);
    await db.query(
      `INSERT INTO notice_reminders (id, user_id, text, due_at, repeat, status, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [
        valid.id,
        valid.userId,
        valid.text,
        valid.dueAt,
        JSON.stringify(valid.repeat),
        valid.status,
        valid.createdAt,
      ],
    );
  }
  for (const schedule of snapshot.schedules) {
    const valid = checked('schedules', scheduleSchema, schedule);
    await db.query(
      `INSERT INTO notice_schedules (id, created_by, segments, rule, lead_days, text, paused,
         next_notice_at, next_deadline_at, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [
        valid.id,
        valid.createdBy,
        valid.segments,
        JSON.stringify(valid.rule),
        valid.leadDays,
        valid.text,
        valid.paused,
        valid.nextNoticeAt,
        valid.nextDeadlineAt,
        valid.createdAt,
      ],
    );
  }
  for (const broadcast of snapshot.broadcasts) {
    const valid = checked('broadcasts', broadcastSchema, broadcast);
    await db.query(
      `INSERT INTO notice_broadcasts (id, officer_id, text, media, segments, recipients, status,
         progress, result, created_at, finished_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
      [
        valid.id,
        valid.officerId,
        valid.text,
        valid.media ? JSON.stringify(valid.media) : null,
        valid.segments,
        valid.recipients,
        valid.status,
        valid.progress ? JSON.stringify(valid.progress) : null,
        valid.result ? JSON.stringify(valid.result) : null,
        valid.createdAt,
        valid.finishedAt ?? null,
      ],
    );
  }
  for (const job of snapshot.outbox) {
    const valid = checked('outbox', outboxJobSchema, job);
    await db.query(
      `INSERT INTO outbox_jobs (id, priority, created_at, message, total) VALUES ($1, $2, $3, $4, $5)`,
      [valid.id, valid.priority, valid.createdAt, JSON.stringify(valid.message), valid.to.length],
    );
    await db.query(
      `INSERT INTO outbox_sends (job_id, idx, chat_id, mark)
       SELECT $1, ordinality - 1, chat_id, mark
       FROM unnest($2::bigint[], $3::text[]) WITH ORDINALITY AS t(chat_id, mark)`,
      [valid.id, valid.to, [...valid.marks]],
    );
  }
}
