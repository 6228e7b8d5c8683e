import type pg from 'pg';
import { newId } from '../../notices.ts';
import type { OutboxRepository } from '../../outbox.ts';
import type { OutboxJob } from '../../outboxRecords.ts';
import { withTransaction } from '../db.ts';
import type { OutboxJobRow } from './rows.ts';
import { announce, type Query, writeAnnounced } from './sql.ts';

/**
 * The outbox as officers and /healthz see it: every job with all its recipients and marks,
 * read synchronously from memory. Enqueue, cancel and remove write the database first. Marks
 * written by the senders of any instance reach this view through `refreshMarks`, called every
 * second or two by the store while jobs exist. Sending itself goes through SharedOutbox.
 */
export class PgOutboxView {
  readonly jobs = new Map<string, OutboxJob>();

  constructor(private readonly pool: pg.Pool) {}

  /** Loads (or forgets) one job whole, after it was enqueued or removed anywhere. */
  async reload(db: Query, id: string): Promise<void> {
    const header = await db.query<OutboxJobRow>(
      'SELECT id, priority, created_at, message, total FROM outbox_jobs WHERE id = $1',
      [id],
    );
    const row = header.rows[0];
    if (!row) {
      this.jobs.delete(id);
      return;
    }
    const sends = await db.query<{ chat_id: string; mark: string }>(
      'SELECT chat_id, mark FROM outbox_sends WHERE job_id = $1 ORDER BY idx',
      [id],
    );
    this.jobs.set(id, {
      id: row.id,
      priority: row.priority,
      createdAt: row.created_at.toISOString(),
      message: row.message,
      to: sends.rows.map((send) => Number(send.chat_id)),
      marks: sends.rows.map((send) => send.mark).join(''),
    });
  }

  async loadAll(db: Query): Promise<void> {
    const { rows } = await db.query<{ id: string }>('SELECT id FROM outbox_jobs');
    this.jobs.clear();
    for (const row of rows) await this.reload(db, row.id);
  }

  /** Reads the marks of the jobs still sending, as the senders of every instance left them. */
  async refreshMarks(db: Query): Promise<void> {
    const open = [...this.jobs.values()].filter((job) => job.marks.includes('.'));
    if (open.length === 0) return;
    const { rows } = await db.query<{ job_id: string; marks: string }>(
      `SELECT job_id, string_agg(mark, '' ORDER BY idx) AS marks
       FROM outbox_sends WHERE job_id = ANY($1) GROUP BY job_id`,
      [open.map((job) => job.id)],
    );
    for (const row of rows) {
      const job = this.jobs.get(row.job_id);
      if (job && job.marks.length === row.marks.length) job.marks = row.marks;
    }
  }

  repository(now: () => Date): OutboxRepository {
    const { pool, jobs } = this;
    const reload = (id: string) => this.reload(pool, id);
    return {
      async enqueue(input) {
        const id = input.id ?? newId();
        const known = jobs.get(id);
        if (known) return known;
        const job: OutboxJob = {
          id,
          priority: input.priority,
          createdAt: now().toISOString(),
          message: input.message,
          to: [...input.to],
          marks: '.'.repeat(input.to.length),
        };
        const created = await withTransaction(pool, async (client) => {
          const inserted = await client.query(
            `INSERT INTO outbox_jobs (id, priority, created_at, message, total)
             VALUES ($1, $2, $3, $4, $5) ON CONFLICT (id) DO NOTHING RETURNING id`,
            [id, job.priority, job.createdAt, JSON.stringify(job.message), job.to.length],
          );
          if (inserted.rowCount === 0) return false;
          await client.query(
            `INSERT INTO outbox_sends (job_id, idx, chat_id)
             SELECT $1, ordinality - 1, chat_id FROM unnest($2::bigint[]) WITH ORDINALITY AS t(chat_id)`,
            [id, job.to],
          );
          await announce(client, { kind: 'job', id });
          return true;
        });
        if (!created) {
          // Enqueued before (maybe by another instance): the stored job stands.
          await reload(id);
          return jobs.get(id) ?? job;
        }
        jobs.set(id, job);
        return job;
      },
      get: (id) => jobs.get(id),
      jobs: () =>
        [...jobs.values()].sort(
          (a, b) => a.priority - b.priority || a.createdAt.localeCompare(b.createdAt),
        ),
      async mark(jobId, index, mark) {
        const job = jobs.get(jobId);
        if (!job || index < 0 || index >= job.marks.length) return;
        await pool.query(
          `UPDATE outbox_sends SET mark = $3, claimed_by = NULL, lease_until = NULL
           WHERE job_id = $1 AND idx = $2`,
          [jobId, index, mark],
        );
        job.marks = `${job.marks.slice(0, index)}${mark}${job.marks.slice(index + 1)}`;
      },
      async cancel(jobId) {
        await writeAnnounced(
          pool,
          'job',
          `UPDATE outbox_sends SET mark = 'x' WHERE job_id = $1 AND mark = '.' RETURNING job_id AS id`,
          [jobId],
        );
        const job = jobs.get(jobId);
        if (job) job.marks = job.marks.replaceAll('.', 'x');
      },
      async remove(jobId) {
        await writeAnnounced(pool, 'job', 'DELETE FROM outbox_jobs WHERE id = $1 RETURNING id', [
          jobId,
        ]);
        jobs.delete(jobId);
      },
    };
  }
}
