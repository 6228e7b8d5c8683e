import type pg from 'pg';
import type { NoticeStore } from '../../noticeStore.ts';
import { pgBroadcasts, pgSchedules } from './officerNotices.ts';
import { PgOutboxView } from './outbox.ts';
import { NoticeMirror, pgReminders, pgSubscriptions } from './repositories.ts';
import { NOTICE_CHANNEL, type NoticeChange, parseChange } from './rows.ts';
import { SharedOutbox } from './sharedOutbox.ts';

export { SharedOutbox } from './sharedOutbox.ts';

/** How often the outbox view reads the marks other instances wrote (progress, /healthz). */
const MARKS_REFRESH_MS = 1500;
const RECONNECT_MS = 1000;

export interface PgNoticeStoreOptions {
  now?: () => Date;
  /** Claim lease of the shared outbox (tests of a crash shorten it). */
  leaseMs?: number;
}

/**
 * The notice store on PostgreSQL, for one of several instances. Reads stay synchronous, as the
 * repositories promise: every record is mirrored in memory, loaded at open and kept current
 * from this instance's writes and from the changes every instance announces on a LISTEN
 * connection (reminders added on one instance reach the leader's scheduler through `watch`).
 * Sending goes through `sharedOutbox`: claimed with SKIP LOCKED, paced in the database.
 */
export async function openPgNoticeStore(
  pool: pg.Pool,
  options: PgNoticeStoreOptions = {},
): Promise<NoticeStore> {
  const now = options.now ?? (() => new Date());
  const mirror = new NoticeMirror();
  const outbox = new PgOutboxView(pool);
  const shared = new SharedOutbox(pool, { leaseMs: options.leaseMs });
  const watchers: ((change: NoticeChange) => void)[] = [];
  let listener: pg.PoolClient | null = null;
  let closed = false;

  const apply = async (change: NoticeChange) => {
    if (change.kind === 'job') {
      await outbox.reload(pool, change.id);
      shared.notify();
    } else {
      await mirror.reload(pool, change.kind, change.id);
    }
    for (const watcher of watchers) watcher(change);
  };
  // Changes are applied one after another, so an older read never lands after a newer one.
  let applying: Promise<void> = Promise.resolve();
  const listen = async (): Promise<void> => {
    const client = await pool.connect();
    client.on('notification', (message) => {
      const change = message.channel === NOTICE_CHANNEL ? parseChange(message.payload) : null;
      if (change) applying = applying.then(() => apply(change)).catch(() => undefined);
    });
    // A connection is given back once: lost here, or released by `close` (after which an error
    // of the idle connection, e.g. the server stopping, is the pool's business, not ours).
    let given = false;
    client.on('error', () => {
      if (given || closed) return;
      given = true;
      listener = null;
      client.release(true);
      setTimeout(() => void reconnect(), RECONNECT_MS).unref();
    });
    await client.query(`LISTEN ${NOTICE_CHANNEL}`);
    listener = client;
  };
  // After the feed was cut, changes may have been missed: read everything again.
  const reconnect = async () => {
    try {
      await listen();
      await Promise.all([mirror.loadAll(pool), outbox.loadAll(pool)]);
    } catch {
      if (!closed) setTimeout(() => void reconnect(), RECONNECT_MS).unref();
    }
  };

  await listen();
  await Promise.all([mirror.loadAll(pool), outbox.loadAll(pool)]);
  const refresher = setInterval(() => {
    outbox.refreshMarks(pool).catch(() => undefined);
  }, MARKS_REFRESH_MS);
  refresher.unref();

  return {
    subscriptions: pgSubscriptions(pool, mirror, now),
    reminders: pgReminders(pool, mirror, now),
    schedules: pgSchedules(pool, mirror, now),
    outbox: outbox.repository(now),
    broadcasts: pgBroadcasts(pool, mirror, now),
    sharedOutbox: shared,
    watch(watcher) {
      watchers.push(watcher);
    },
    async flush() {
      await applying;
    },
    async close() {
      closed = true;
      clearInterval(refresher);
      await applying;
      if (listener) {
        await listener.query(`UNLISTEN ${NOTICE_CHANNEL}`).catch(() => undefined);
        listener.release();
        listener = null;
      }
    },
    writeStats: () => ({ writes: 0, bytes: 0 }),
  };
}
