import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type pg from 'pg';
import type { JobStats } from '../../outbox.ts';
import type { Mark, OutMessage } from '../../outboxRecords.ts';
import { withTransaction } from '../db.ts';
import type { OutboxJobRow } from './rows.ts';
import { writeAnnounced } from './sql.ts';

/** A slice of one outbox job this instance claimed: the worker sends it like a whole job. */
interface Batch {
  id: string;
  jobId: string;
  priority: number;
  createdAt: number;
  message: OutMessage;
  to: number[];
  /** The recipients' positions in the stored job. */
  idx: number[];
  marks: string;
}

export interface SharedOutboxStart {
  /** Messages a second for all instances together (BROADCAST_RATE). */
  ratePerSecond: number;
  /** Called once per job, by the one instance that saw its last recipient settled. */
  onJobDone: (job: { id: string; message: OutMessage }, stats: JobStats) => Promise<void>;
  /** Wakes the local worker when a claimed batch may be sent. */
  wake: () => void;
  logger?: { error(object: object, message: string): void };
}

export interface SharedOutboxOptions {
  /** How long a claim holds without renewal: a dead instance's recipients return after it. */
  leaseMs?: number;
}

const MARK_LINGER_MS = 5;
const IDLE_MS = 250;

/**
 * The outbox shared by several instances. Each instance claims a few recipients at a time with
 * `FOR UPDATE SKIP LOCKED` (two instances never claim the same one) and, in the same
 * transaction, reserves their send slots on the one `outbox_pace` row: the pace is held for all
 * instances together, whatever their number. A claim is a lease: renewed while its instance
 * lives, taken over by another once it expires. Marks are written after Telegram's answer, a
 * few at a time; so after a crash at most the sends in flight go out twice.
 *
 * To the OutboxWorker this is its WorkQueue: its jobs are the claimed batches.
 */
export class SharedOutbox {
  readonly instanceId = `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
  private readonly batches = new Map<string, Batch>();
  private readonly leaseMs: number;
  private start: SharedOutboxStart | null = null;
  private loopDone: Promise<void> = Promise.resolve();
  private wakeUp: (() => void) | null = null;
  private sequence = 0;
  private pendingMarks: {
    batch: Batch;
    index: number;
    mark: Mark;
    done: () => void;
    fail: (e: unknown) => void;
  }[] = [];
  private markTimer: NodeJS.Timeout | null = null;
  private lastRenewal = 0;

  constructor(
    private readonly pool: pg.Pool,
    options: SharedOutboxOptions = {},
  ) {
    this.leaseMs = options.leaseMs ?? 5000;
  }

  /** The worker's view: the claimed batches, in sending order. */
  readonly queue = {
    get: (id: string) => this.batches.get(id),
    jobs: () =>
      [...this.batches.values()].sort(
        (a, b) => a.priority - b.priority || a.createdAt - b.createdAt,
      ),
    mark: (batchId: string, index: number, mark: Mark) => this.mark(batchId, index, mark),
    remove: (batchId: string) => this.remove(batchId),
  };

  /** Starts claiming; the worker must be started too. */
  begin(start: SharedOutboxStart): void {
    if (this.start) return;
    this.start = start;
    this.loopDone = this.loop();
  }

  /** Another write may have enqueued a job: claim now rather than after the idle wait. */
  notify(): void {
    this.wakeUp?.();
  }

  /** Stops claiming, writes the marks taken, and hands back what was claimed but not sent. */
  async end(): Promise<void> {
    if (!this.start) return;
    this.start = null;
    this.wakeUp?.();
    await this.loopDone;
    await this.flushMarks();
    const unsent = this.unsent();
    this.batches.clear();
    if (unsent.jobs.length === 0) return;
    await this.pool.query(
      `UPDATE outbox_sends s SET claimed_by = NULL, lease_until = NULL
       FROM unnest($1::text[], $2::int[]) AS u(job_id, idx)
       WHERE s.job_id = u.job_id AND s.idx = u.idx AND s.mark = '.'`,
      [unsent.jobs, unsent.idx],
    );
  }

  private async loop(): Promise<void> {
    while (this.start) {
      const { ratePerSecond, logger } = this.start;
      try {
        if (Date.now() - this.lastRenewal > this.leaseMs / 3) await this.renew();
        const batchSize = Math.max(1, Math.ceil(ratePerSecond / 10));
        if (this.unsent().jobs.length >= batchSize) {
          await this.pause(20);
          continue;
        }
        const batch = await this.claim(batchSize, ratePerSecond);
        if (batch) {
          if (batch.waitMs > 0) await this.pause(batch.waitMs, false);
          this.batches.set(batch.batch.id, batch.batch);
          this.start?.wake();
          continue;
        }
        await this.finishStragglers();
      } catch (error) {
        logger?.error({ err: error }, 'the shared outbox could not claim; retrying');
      }
      await this.pause(IDLE_MS);
    }
  }

  private pause(ms: number, wakeable = true): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      if (wakeable) this.wakeUp = done;
    });
  }

  /** Claims up to `count` pending recipients of the first job that has some, and their slots. */
  private claim(count: number, ratePerSecond: number) {
    return withTransaction(this.pool, async (client) => {
      const jobs = await client.query<OutboxJobRow>(
        `SELECT id, priority, created_at, message, total FROM outbox_jobs
         WHERE finish_lease IS NULL ORDER BY priority, created_at, id`,
      );
      for (const job of jobs.rows) {
        const claimed = await client.query<{ idx: number; chat_id: string }>(
          `UPDATE outbox_sends s
           SET claimed_by = $3, lease_until = now() + $4 * interval '1 millisecond'
           FROM (SELECT job_id, idx FROM outbox_sends
                 WHERE job_id = $1 AND mark = '.' AND (lease_until IS NULL OR lease_until < now())
                 ORDER BY idx LIMIT $2 FOR UPDATE SKIP LOCKED) picked
           WHERE s.job_id = picked.job_id AND s.idx = picked.idx
           RETURNING s.idx, s.chat_id`,
          [job.id, count, this.instanceId, this.leaseMs],
        );
        if (claimed.rows.length === 0) continue;
        const rows = claimed.rows.sort((a, b) => a.idx - b.idx);
        const spanMs = (rows.length * 1000) / ratePerSecond;
        // The shared pace: these sends take the next `spanMs` of the one schedule.
        const pace = await client.query<{ wait_ms: number }>(
          `UPDATE outbox_pace SET next_at = GREATEST(next_at, clock_timestamp()) + $1 * interval '1 millisecond'
           RETURNING (extract(epoch FROM next_at - clock_timestamp()) * 1000 - $1)::float8 AS wait_ms`,
          [spanMs],
        );
        this.sequence += 1;
        const batch: Batch = {
          id: `${job.id}#${this.sequence}`,
          jobId: job.id,
          priority: job.priority,
          createdAt: job.created_at.getTime(),
          message: job.message,
          to: rows.map((row) => Number(row.chat_id)),
          idx: rows.map((row) => row.idx),
          marks: '.'.repeat(rows.length),
        };
        return { batch, waitMs: pace.rows[0]?.wait_ms ?? 0 };
      }
      return null;
    });
  }

  /** Keeps this instance's claims alive, and drops local recipients settled elsewhere (cancelled). */
  private async renew(): Promise<void> {
    this.lastRenewal = Date.now();
    const unsent = this.unsent();
    if (unsent.jobs.length === 0) return;
    const { rows } = await this.pool.query<{ job_id: string; idx: number }>(
      `UPDATE outbox_sends s SET lease_until = now() + $3 * interval '1 millisecond'
       FROM unnest($1::text[], $2::int[]) AS u(job_id, idx)
       WHERE s.job_id = u.job_id AND s.idx = u.idx AND s.mark = '.'
       RETURNING s.job_id, s.idx`,
      [unsent.jobs, unsent.idx, this.leaseMs],
    );
    const alive = new Set(rows.map((row) => `${row.job_id}:${row.idx}`));
    for (const batch of this.batches.values()) {
      batch.marks = [...batch.marks]
        .map((mark, i) =>
          mark === '.' && !alive.has(`${batch.jobId}:${batch.idx[i]}`) ? 'x' : mark,
        )
        .join('');
    }
  }

  private unsent(): { jobs: string[]; idx: number[] } {
    const jobs: string[] = [];
    const idx: number[] = [];
    for (const batch of this.batches.values()) {
      for (let i = 0; i < batch.marks.length; i += 1) {
        if (batch.marks[i] !== '.') continue;
        jobs.push(batch.jobId);
        idx.push(batch.idx[i] as number);
      }
    }
    return { jobs, idx };
  }

  private mark(batchId: string, index: number, mark: Mark): Promise<void> {
    const batch = this.batches.get(batchId);
    if (!batch || index < 0 || index >= batch.marks.length) return Promise.resolve();
    return new Promise((done, fail) => {
      this.pendingMarks.push({ batch, index, mark, done, fail });
      this.markTimer ??= setTimeout(() => void this.flushMarks(), MARK_LINGER_MS);
    });
  }

  /** Writes the gathered marks in one statement; the worker hears of each once it is durable. */
  private async flushMarks(): Promise<void> {
    if (this.markTimer) clearTimeout(this.markTimer);
    this.markTimer = null;
    const taken = this.pendingMarks;
    this.pendingMarks = [];
    if (taken.length === 0) return;
    try {
      await this.pool.query(
        `UPDATE outbox_sends s SET mark = m.mark, claimed_by = NULL, lease_until = NULL
         FROM unnest($1::text[], $2::int[], $3::text[]) AS m(job_id, idx, mark)
         WHERE s.job_id = m.job_id AND s.idx = m.idx AND s.mark = '.'`,
        [
          taken.map((t) => t.batch.jobId),
          taken.map((t) => t.batch.idx[t.index]),
          taken.map((t) => t.mark),
        ],
      );
    } catch (error) {
      for (const t of taken) t.fail(error);
      return;
    }
    for (const t of taken) {
      const { batch, index, mark } = t;
      batch.marks = `${batch.marks.slice(0, index)}${mark}${batch.marks.slice(index + 1)}`;
      t.done();
    }
  }

  private async remove(batchId: string): Promise<void> {
    const batch = this.batches.get(batchId);
    if (!batch) return;
    this.batches.delete(batchId);
    await this.finish(batch.jobId);
  }

  /** Jobs whose last recipient settled on an instance that died before reporting them. */
  private async finishStragglers(): Promise<void> {
    const { rows } = await this.pool.query<{ id: string }>(
      `SELECT j.id FROM outbox_jobs j
       WHERE (j.finish_lease IS NULL OR j.finish_lease < now())
         AND NOT EXISTS (SELECT 1 FROM outbox_sends s WHERE s.job_id = j.id AND s.mark = '.')`,
    );
    for (const row of rows) await this.finish(row.id);
  }

  /** Reports a job once every recipient is settled; of all instances, one wins the lease. */
  private async finish(jobId: string): Promise<void> {
    const won = await this.pool.query<OutboxJobRow>(
      `UPDATE outbox_jobs j SET finish_lease = now() + $2 * interval '1 millisecond'
       WHERE j.id = $1 AND (j.finish_lease IS NULL OR j.finish_lease < now())
         AND NOT EXISTS (SELECT 1 FROM outbox_sends s WHERE s.job_id = j.id AND s.mark = '.')
       RETURNING j.id, j.message`,
      [jobId, this.leaseMs],
    );
    const job = won.rows[0];
    if (!job || !this.start) return;
    const counts = await this.pool.query<{ mark: Mark; count: number }>(
      'SELECT mark, count(*)::int AS count FROM outbox_sends WHERE job_id = $1 GROUP BY mark',
      [jobId],
    );
    const stats: JobStats = { total: 0, pending: 0, sent: 0, blocked: 0, failed: 0, cancelled: 0 };
    const field = { '.': 'pending', s: 'sent', b: 'blocked', f: 'failed', x: 'cancelled' } as const;
    for (const row of counts.rows) {
      stats[field[row.mark]] += row.count;
      stats.total += row.count;
    }
    await this.start.onJobDone({ id: job.id, message: job.message }, stats);
    await writeAnnounced(this.pool, 'job', 'DELETE FROM outbox_jobs WHERE id = $1 RETURNING id', [
      jobId,
    ]);
  }
}
