import type pg from 'pg';
import type { Update } from 'telegraf/types';
import { LOCK_NAMESPACE } from '../ops/leader.ts';
import { DispatcherStoppedError, laneOf } from './dispatcher.ts';

type Log = Record<'info' | 'warn' | 'error', (object: object, message: string) => void>;

/** Advisory-lock key (second half) of a lane is hashtext(lane); this is the first half. */
const LANE_NAMESPACE = LOCK_NAMESPACE + 1;
/** Handled ids are kept this long: Telegram redelivers for at most a day. */
const KEEP_HANDLED_HOURS = 26;

export interface PgDispatcherOptions {
  pool: pg.Pool;
  handle: (update: Update) => Promise<void>;
  logger: Log;
  /** Lanes handled at once by this instance; each holds one connection for its lock. */
  concurrency?: number;
  /** How often waiting updates another instance left behind (it died) are looked for. */
  sweepMs?: number;
}

/** How far behind the shared inbox is, for /healthz. */
export interface InboxLag {
  waiting: number;
  oldestWaitingSeconds: number;
}

/**
 * The update dispatcher of several instances on one PostgreSQL. An update is recorded in
 * `update_inbox` with INSERT … ON CONFLICT DO NOTHING before it is acknowledged, so whichever
 * instance gets it first owns it and a copy posted to another instance is dropped. Each lane
 * (chat, else sender) is handled by one instance at a time, under an advisory lock, oldest
 * update first; the holder looks again after letting go, so an update recorded while it held
 * the lock is never stranded. Updates a dead instance left waiting are picked up by the sweep.
 */
export class PgUpdateDispatcher {
  private readonly lanes = new Map<string, { again: boolean; done: Promise<void> }>();
  private readonly queue: (() => void)[] = [];
  private active = 0;
  private stopping = false;
  private sweeper: NodeJS.Timeout | null = null;

  constructor(private readonly options: PgDispatcherOptions) {}

  /** Records the updates; resolves once they are committed, when the source may be answered. */
  async accept(updates: readonly Update[]): Promise<void> {
    if (this.stopping) throw new DispatcherStoppedError();
    if (updates.length === 0) return;
    const { rows } = await this.options.pool.query<{ lane: string }>(
      `INSERT INTO update_inbox (update_id, lane, body)
       SELECT u.update_id, u.lane, u.body
       FROM unnest($1::bigint[], $2::text[], $3::jsonb[]) AS u(update_id, lane, body)
       ON CONFLICT (update_id) DO NOTHING
       RETURNING lane`,
      [
        updates.map((update) => update.update_id),
        updates.map((update) => laneOf(update)),
        updates.map((update) => JSON.stringify(update)),
      ],
    );
    for (const lane of new Set(rows.map((row) => row.lane))) this.kick(lane);
  }

  /** Handles what waits from before (this or a dead instance), then keeps sweeping. */
  resume(): void {
    void this.sweep();
    this.sweeper = setInterval(() => void this.sweep(), this.options.sweepMs ?? 2000);
    this.sweeper.unref();
  }

  /** Lanes being handled or queued on this instance. */
  get inFlight(): number {
    return this.lanes.size;
  }

  /** Waiting updates and the age of the oldest. */
  async lag(): Promise<InboxLag> {
    const { rows } = await this.options.pool.query<{ waiting: number; oldest: number | null }>(
      `SELECT count(*)::int AS waiting,
              extract(epoch FROM now() - min(received_at))::float8 AS oldest
       FROM update_inbox WHERE handled_at IS NULL`,
    );
    return { waiting: rows[0]?.waiting ?? 0, oldestWaitingSeconds: rows[0]?.oldest ?? 0 };
  }

  /** Takes no more updates and waits, bounded, for the lanes running; the rest stay waiting. */
  async drain(timeoutMs: number): Promise<boolean> {
    this.stopping = true;
    if (this.sweeper) clearInterval(this.sweeper);
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<false>((resolve) => {
      timer = setTimeout(() => resolve(false), timeoutMs);
    });
    const finished = (async () => {
      while (this.lanes.size > 0) {
        await Promise.allSettled([...this.lanes.values()].map((lane) => lane.done));
      }
      return true as const;
    })();
    const result = await Promise.race([finished, timedOut]);
    clearTimeout(timer);
    return result;
  }

  private async sweep(): Promise<void> {
    try {
      const { rows } = await this.options.pool.query<{ lane: string }>(
        'SELECT DISTINCT lane FROM update_inbox WHERE handled_at IS NULL',
      );
      for (const row of rows) this.kick(row.lane);
      await this.options.pool.query(
        `DELETE FROM update_inbox WHERE handled_at < now() - $1 * interval '1 hour'`,
        [KEEP_HANDLED_HOURS],
      );
    } catch (error) {
      this.options.logger.warn({ err: error }, 'could not sweep the update inbox');
    }
  }

  /** Makes sure the lane is handled once more after what is running now. */
  private kick(lane: string): void {
    if (this.stopping) return;
    const running = this.lanes.get(lane);
    if (running) {
      running.again = true;
      return;
    }
    const entry = { again: false, done: Promise.resolve() };
    entry.done = (async () => {
      do {
        entry.again = false;
        await this.slot(() => this.handleLane(lane, entry));
      } while (entry.again && !this.stopping);
      this.lanes.delete(lane);
    })();
    this.lanes.set(lane, entry);
  }

  private async slot(work: () => Promise<void>): Promise<void> {
    if (this.active >= (this.options.concurrency ?? 8)) {
      await new Promise<void>((resolve) => this.queue.push(resolve));
    }
    this.active += 1;
    try {
      await work();
    } finally {
      this.active -= 1;
      this.queue.shift()?.();
    }
  }

  private async handleLane(lane: string, entry: { again: boolean }): Promise<void> {
    const { pool, handle, logger } = this.options;
    let client: pg.PoolClient;
    try {
      client = await pool.connect();
    } catch (error) {
      logger.error({ err: error, lane }, 'no connection for a lane; the sweep retries it');
      return;
    }
    // A connection cut while the handler runs fails the next query, which is handled below.
    let broken: unknown = null;
    const onError = (error: unknown) => {
      broken = error;
    };
    client.on('error', onError);
    try {
      const lock = await client.query<{ locked: boolean }>(
        'SELECT pg_try_advisory_lock($1, hashtext($2)) AS locked',
        [LANE_NAMESPACE, lane],
      );
      // Another instance is on this lane: it looks again after letting go and sees ours.
      if (!lock.rows[0]?.locked) return;
      try {
        for (;;) {
          const next = await client.query<{ update_id: string; body: Update }>(
            `SELECT update_id, body FROM update_inbox
             WHERE lane = $1 AND handled_at IS NULL ORDER BY update_id LIMIT 1`,
            [lane],
          );
          const row = next.rows[0];
          if (!row) break;
          try {
            await handle(row.body);
          } catch (error) {
            logger.error({ err: error, updateId: Number(row.update_id) }, 'an update failed');
          }
          await client.query(
            'UPDATE update_inbox SET handled_at = now(), body = NULL WHERE update_id = $1',
            [row.update_id],
          );
          if (this.stopping) break;
        }
      } finally {
        await client.query('SELECT pg_advisory_unlock($1, hashtext($2))', [LANE_NAMESPACE, lane]);
      }
      // Recorded while the lock was held, by an instance that then found the lane taken.
      const left = await client.query(
        'SELECT 1 FROM update_inbox WHERE lane = $1 AND handled_at IS NULL LIMIT 1',
        [lane],
      );
      if ((left.rowCount ?? 0) > 0) entry.again = true;
    } catch (error) {
      broken ??= error;
      logger.error({ err: error, lane }, 'a lane failed; the sweep retries it');
    } finally {
      client.removeListener('error', onError);
      client.release(broken !== null);
    }
  }
}
