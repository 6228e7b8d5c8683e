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
  private listener: pg.PoolClient | undefined;
  private pending = Promise.resolve();

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

  /** Starts listening on a connection of its own, held until `close`. */
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
    client.on('error', this.onError);
    await client.query(`LISTEN ${CHANNEL}`);
    this.listener = client;
  }

  /** Resolves once every change heard so far is applied (tests, shutdown). */
  settled(): Promise<void> {
    return this.pending;
  }

  async close(): Promise<void> {
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
