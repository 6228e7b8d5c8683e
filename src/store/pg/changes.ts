import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import type { Queryable } from './db.ts';

/** The channel every instance listens on for rows another instance changed. */
const CHANNEL = 'kcn_store_changes';

/** A row another instance committed: which repository and which key. */
export interface RowChange {
  kind: string;
  key: string;
}

/**
 * Keeps the in-memory copies of several instances in step. The repositories answer reads from
 * memory (their read functions are synchronous), so each write transaction also sends
 * `pg_notify` (delivered only if it commits), and every other instance re-reads that row.
 * Writes never trust memory: they lock and read the row in their transaction.
 */
export class ChangeFeed {
  readonly origin = randomUUID();
  private readonly handlers = new Map<string, (key: string) => Promise<void>>();
  private readonly resyncs: (() => Promise<void>)[] = [];
  private listener: pg.PoolClient | undefined;
  private pending = Promise.resolve();
  private closed = false;

  constructor(private readonly onError: (error: unknown) => void = () => {}) {}

  /** Tells the other instances, inside the transaction `db`, that this row changed. */
  async publish(db: Queryable, kind: string, key: string): Promise<void> {
    const payload = JSON.stringify({ o: this.origin, k: kind, key });
    await db.query('SELECT pg_notify($1, $2)', [CHANNEL, payload]);
  }

  /** What to do when another instance changed a row of `kind` (re-read it). */
  on(kind: string, refresh: (key: string) => Promise<void>): void {
    this.handlers.set(kind, refresh);
  }

  /** What to read again whole after the listening connection was lost (changes were missed). */
  onResync(reload: () => Promise<void>): void {
    this.resyncs.push(reload);
  }

  /**
   * Starts listening on a connection of its own, held until `close`. If that connection is lost
   * (the server restarted), it listens again every second until it can, then reads everything
   * again, since changes committed meanwhile were not heard.
   */
  async listen(pool: pg.Pool): Promise<void> {
    const client = await pool.connect();
    client.on('notification', (message) => {
      if (message.channel !== CHANNEL || !message.payload) return;
      const change = parse(message.payload);
      if (!change || change.origin === this.origin) return;
      const refresh = this.handlers.get(change.kind);
      if (!refresh) return;
      // One refresh at a time, in the order the commits were announced.
      this.pending = this.pending.then(() => refresh(change.key)).catch(this.onError);
    });
    let lost = false;
    const onLost = (error?: unknown) => {
      if (lost || this.closed) return;
      lost = true;
      this.onError(error ?? new Error('the change feed connection ended'));
      this.listener = undefined;
      client.release(true);
      void this.relisten(pool);
    };
    client.on('error', onLost);
    client.on('end', () => onLost());
    await client.query(`LISTEN ${CHANNEL}`);
    this.listener = client;
  }

  private async relisten(pool: pg.Pool): Promise<void> {
    while (!this.closed) {
      await new Promise((resolve) => setTimeout(resolve, 1000));
      if (this.closed) return;
      try {
        await this.listen(pool);
        this.pending = this.pending
          .then(async () => {
            for (const reload of this.resyncs) await reload();
          })
          .catch(this.onError);
        return;
      } catch (error) {
        this.onError(error);
      }
    }
  }

  /** Resolves once every change heard so far is applied (tests, shutdown). */
  settled(): Promise<void> {
    return this.pending;
  }

  async close(): Promise<void> {
    this.closed = true;
    const client = this.listener;
    this.listener = undefined;
    if (!client) return;
    await client.query(`UNLISTEN ${CHANNEL}`).catch(() => undefined);
    client.release();
  }
}

function parse(payload: string): { origin: string; kind: string; key: string } | undefined {
  try {
    const value: unknown = JSON.parse(payload);
    if (typeof value !== 'object' || value === null) return undefined;
    const { o, k, key } = value as Record<string, unknown>;
    if (typeof o !== 'string' || typeof k !== 'string' || typeof key !== 'string') return undefined;
    return { origin: o, kind: k, key };
  } catch {
    return undefined;
  }
}
