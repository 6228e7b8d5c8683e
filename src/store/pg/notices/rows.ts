import type { Broadcast } from '../../broadcasts.ts';
import type { Channel, Segment } from '../../notices.ts';
import type { OutMessage } from '../../outboxRecords.ts';
import type { Reminder } from '../../reminders.ts';
import type { Schedule } from '../../schedules.ts';

/**
 * Rows of the notice tables (migration 050) and their records. The repositories keep the records
 * in the shapes the lowdb store uses, so features see no difference between the backends.
 */

const iso = (value: Date): string => value.toISOString();
const isoOrNull = (value: Date | null): string | null => (value ? value.toISOString() : null);

export interface SubscriptionRow {
  user_id: string;
  channels: Channel[];
}

export interface ReminderRow {
  id: string;
  user_id: string;
  text: string;
  due_at: Date;
  repeat: Reminder['repeat'];
  status: Reminder['status'];
  created_at: Date;
}

export const reminderOf = (row: ReminderRow): Reminder => ({
  id: row.id,
  userId: Number(row.user_id),
  text: row.text,
  dueAt: iso(row.due_at),
  repeat: row.repeat,
  status: row.status,
  createdAt: iso(row.created_at),
});

export interface ScheduleRow {
  id: string;
  created_by: string;
  segments: Segment[];
  rule: Schedule['rule'];
  lead_days: number[];
  text: string;
  paused: boolean;
  next_notice_at: Date | null;
  next_deadline_at: Date | null;
  created_at: Date;
}

export const scheduleOf = (row: ScheduleRow): Schedule => ({
  id: row.id,
  createdBy: Number(row.created_by),
  segments: row.segments,
  rule: row.rule,
  leadDays: row.lead_days,
  text: row.text,
  paused: row.paused,
  nextNoticeAt: isoOrNull(row.next_notice_at),
  nextDeadlineAt: isoOrNull(row.next_deadline_at),
  createdAt: iso(row.created_at),
});

export interface BroadcastRow {
  id: string;
  officer_id: string;
  text: string;
  media: Broadcast['media'] | null;
  segments: Segment[];
  recipients: number;
  status: Broadcast['status'];
  progress: Broadcast['progress'] | null;
  result: Broadcast['result'] | null;
  created_at: Date;
  finished_at: Date | null;
}

export const broadcastOf = (row: BroadcastRow): Broadcast => ({
  id: row.id,
  officerId: Number(row.officer_id),
  text: row.text,
  ...(row.media ? { media: row.media } : {}),
  segments: row.segments,
  recipients: row.recipients,
  status: row.status,
  ...(row.progress ? { progress: row.progress } : {}),
  ...(row.result ? { result: row.result } : {}),
  createdAt: iso(row.created_at),
  ...(row.finished_at ? { finishedAt: iso(row.finished_at) } : {}),
});

export interface OutboxJobRow {
  id: string;
  priority: number;
  created_at: Date;
  message: OutMessage;
  total: number;
}

/** The channel every instance listens on; payloads are `<kind>:<id>`. */
export const NOTICE_CHANNEL = 'kcn_notices';

/** What changed, told to the other instances after the write committed. */
export type NoticeChange =
  | { kind: 'subscription'; id: string }
  | { kind: 'reminder'; id: string }
  | { kind: 'schedule'; id: string }
  | { kind: 'broadcast'; id: string }
  | { kind: 'job'; id: string };

export function parseChange(payload: string | undefined): NoticeChange | null {
  const match = /^(subscription|reminder|schedule|broadcast|job):(.+)$/.exec(payload ?? '');
  if (!match) return null;
  return { kind: match[1] as NoticeChange['kind'], id: match[2] as string };
}
