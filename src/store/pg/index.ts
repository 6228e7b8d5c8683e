import type pg from 'pg';
import type { z } from 'zod';
import type { Store, StoreHealth } from '../index.ts';
import type { TicketRepository } from '../tickets/index.ts';
import { ChangeFeed } from './changes.ts';
import { createPool } from './db.ts';
import { openPgDesk } from './desk.ts';
import { openPgFeedback } from './feedback.ts';
import { type MigrationResult, migrate, schemaVersion } from './migrate.ts';
import { openPgNoticeStore } from './notices/index.ts';
import { openPgSessions } from './sessions.ts';
import { openPgDigests } from './tickets/digests.ts';
import { openPgTickets } from './tickets/repository.ts';
import { openPgUsers } from './users.ts';

export interface PgStoreOptions<S> {
  /** `postgres://…`; ignored when `pool` is given. */
  url?: string;
  /** A pool to use instead of opening one (tests, tools); the caller then ends it. */
  pool?: pg.Pool;
  sessionSchema: z.ZodType<S>;
  now?: () => Date;
  sessionIsIdle?: (session: S) => boolean;
  /** Told about failures in the background (a lost listening connection). */
  onError?: (error: unknown) => void;
}

/** The repositories every backend has apart from notices (built in notices/, issue #12 part B). */
export type CoreStore<S> = Omit<Store<S>, 'notices'> & {
  pool: pg.Pool;
  /** What the start-up migration did. */
  schema: MigrationResult;
  /** Resolves once every change heard from other instances so far is in memory (tests). */
  settled(): Promise<void>;
};

/**
 * Opens the core repositories on PostgreSQL: migrates the schema first (under its advisory
 * lock), reads what the synchronous reads need into memory, and listens for other instances'
 * changes. Every repository keeps the signature of its lowdb twin.
 */
export async function openPgCore<S>(options: PgStoreOptions<S>): Promise<CoreStore<S>> {
  const onError = options.onError ?? (() => {});
  const ownPool = options.pool === undefined;
  if (ownPool && !options.url) throw new Error('openPgStore needs a url or a pool');
  const pool = options.pool ?? createPool(options.url ?? '', {}, onError);
  const now = options.now ?? (() => new Date());
  try {
    const schema = await migrate(pool);
    const feed = new ChangeFeed(onError);
    await feed.listen(pool);
    const [users, sessions, feedback, desk, digests] = await Promise.all([
      openPgUsers(pool, now, feed),
      openPgSessions(pool, options.sessionSchema, feed, options.sessionIsIdle),
      openPgFeedback(pool, feed),
      openPgDesk(pool, feed),
      openPgDigests(pool, feed),
    ]);
    const tickets: TicketRepository = await openPgTickets(pool, now, feed, digests, sessions);
    const health = async (): Promise<StoreHealth> => {
      const base = { freeBytes: 0, neededBytes: 0, lastWriteFailure: null };
      try {
        const version = await schemaVersion(pool);
        return { ...base, ok: version > 0, database: { reachable: true, schemaVersion: version } };
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        return {
          ...base,
          ok: false,
          lastWriteFailure: reason,
          database: { reachable: false, schemaVersion: 0 },
        };
      }
    };
    return {
      pool,
      schema,
      users,
      sessions,
      feedback,
      tickets,
      desk,
      // Nothing to migrate from files: db:import moves a lowdb folder in.
      migration: null,
      health,
      isWritable: async () => (await health()).ok,
      // Every change resolved only after its commit: nothing is waiting to be written.
      flush: async () => {},
      async close() {
        await feed.close();
        if (ownPool) await pool.end();
      },
      writeStats: () => ({ writes: 0, bytes: 0 }),
      settled: () => feed.settled(),
    };
  } catch (error) {
    if (ownPool) await pool.end().catch(() => undefined);
    throw error;
  }
}

/**
 * The whole store on PostgreSQL, selected by DATABASE_URL: the same `Store<S>` the lowdb backend
 * gives, so handlers and features do not know which one they use.
 */
export async function openPgStore<S>(
  options: PgStoreOptions<S>,
): Promise<Store<S> & { pool: pg.Pool }> {
  const core = await openPgCore(options);
  try {
    const notices = await openPgNoticeStore(core.pool, options.now ? { now: options.now } : {});
    return {
      ...core,
      notices,
      async flush() {
        await Promise.all([core.flush(), notices.flush()]);
      },
      async close() {
        await notices.close();
        await core.close();
      },
    };
  } catch (error) {
    await core.close();
    throw error;
  }
}
