import type { Broadcast, BroadcastRepository } from '../../broadcasts.ts';
import { newId } from '../../notices.ts';
import type { Schedule, ScheduleRepository } from '../../schedules.ts';
import type { NoticeMirror } from './repositories.ts';
import { type Query, writeAnnounced } from './sql.ts';

/** Officers' deadline schedules in `notice_schedules`. */
export function pgSchedules(db: Query, mirror: NoticeMirror, now: () => Date): ScheduleRepository {
  const write = async (schedule: Schedule) => {
    await writeAnnounced(
      db,
      'schedule',
      `UPDATE notice_schedules SET paused = $2, next_notice_at = $3, next_deadline_at = $4
       WHERE id = $1 RETURNING id`,
      [schedule.id, schedule.paused, schedule.nextNoticeAt, schedule.nextDeadlineAt],
    );
    mirror.schedules.set(schedule.id, schedule);
  };
  return {
    get: (id) => mirror.schedules.get(id),
    all: () =>
      [...mirror.schedules.values()].sort((a, b) => a.createdAt.localeCompare(b.createdAt)),
    async add(input, next) {
      const schedule: Schedule = {
        id: newId(),
        ...input,
        paused: false,
        nextNoticeAt: next?.noticeAt.toISOString() ?? null,
        nextDeadlineAt: next?.deadlineAt.toISOString() ?? null,
        createdAt: now().toISOString(),
      };
      await writeAnnounced(
        db,
        'schedule',
        `INSERT INTO notice_schedules (id, created_by, segments, rule, lead_days, text, paused,
           next_notice_at, next_deadline_at, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
        [
          schedule.id,
          schedule.createdBy,
          schedule.segments,
          JSON.stringify(schedule.rule),
          schedule.leadDays,
          schedule.text,
          schedule.paused,
          schedule.nextNoticeAt,
          schedule.nextDeadlineAt,
          schedule.createdAt,
        ],
      );
      mirror.schedules.set(schedule.id, schedule);
      return schedule;
    },
    async setPaused(id, paused) {
      const schedule = mirror.schedules.get(id);
      if (schedule) await write({ ...schedule, paused });
    },
    async setNext(id, next) {
      const schedule = mirror.schedules.get(id);
      if (!schedule) return;
      await write({
        ...schedule,
        nextNoticeAt: next?.noticeAt.toISOString() ?? null,
        nextDeadlineAt: next?.deadlineAt.toISOString() ?? null,
      });
    },
    async remove(id) {
      if (!mirror.schedules.has(id)) return;
      await writeAnnounced(
        db,
        'schedule',
        'DELETE FROM notice_schedules WHERE id = $1 RETURNING id',
        [id],
      );
      mirror.schedules.delete(id);
    },
  };
}

/** Broadcast history in `notice_broadcasts`; the sends themselves are in the outbox. */
export function pgBroadcasts(
  db: Query,
  mirror: NoticeMirror,
  now: () => Date,
): BroadcastRepository {
  const all = () => [...mirror.broadcasts.values()];
  return {
    get: (id) => mirror.broadcasts.get(id),
    recent: (limit) =>
      all()
        .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
        .slice(0, limit),
    running: () => all().filter((b) => b.status === 'running'),
    async add(input) {
      const broadcast: Broadcast = {
        id: newId(),
        ...input,
        status: 'running',
        createdAt: now().toISOString(),
      };
      await writeAnnounced(
        db,
        'broadcast',
        `INSERT INTO notice_broadcasts (id, officer_id, text, media, segments, recipients, status, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
        [
          broadcast.id,
          broadcast.officerId,
          broadcast.text,
          broadcast.media ? JSON.stringify(broadcast.media) : null,
          broadcast.segments,
          broadcast.recipients,
          broadcast.status,
          broadcast.createdAt,
        ],
      );
      mirror.broadcasts.set(broadcast.id, broadcast);
      return broadcast;
    },
    async setProgress(id, progress) {
      const broadcast = mirror.broadcasts.get(id);
      if (!broadcast) return;
      await writeAnnounced(
        db,
        'broadcast',
        'UPDATE notice_broadcasts SET progress = $2 WHERE id = $1 RETURNING id',
        [id, JSON.stringify(progress)],
      );
      mirror.broadcasts.set(id, { ...broadcast, progress });
    },
    async finish(id, stats) {
      const result = {
        sent: stats.sent,
        blocked: stats.blocked,
        failed: stats.failed,
        cancelled: stats.cancelled,
      };
      const status = stats.cancelled > 0 ? 'cancelled' : 'done';
      const finishedAt = now().toISOString();
      // Only a running broadcast finishes, so of two instances reporting it the first one wins.
      const written = await writeAnnounced(
        db,
        'broadcast',
        `UPDATE notice_broadcasts SET status = $2, result = $3, finished_at = $4
         WHERE id = $1 AND status = 'running' RETURNING id`,
        [id, status, JSON.stringify(result), finishedAt],
      );
      const broadcast = mirror.broadcasts.get(id);
      if (written.length > 0 && broadcast) {
        mirror.broadcasts.set(id, { ...broadcast, status, result, finishedAt });
      }
    },
  };
}
