import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { type NoticeStore, openNoticeStore } from '../../src/store/noticeStore.ts';
import { migrate } from '../../src/store/pg/migrate.ts';
import { openPgNoticeStore } from '../../src/store/pg/notices/index.ts';
import { freshDatabase } from './postgres.ts';

/**
 * The notice store's two backends for contract tests: each test file runs the same cases on
 * lowdb (a temp folder) and on PostgreSQL (a database of its own on the run's embedded server,
 * emptied between tests). `reopen` is a restart: a new store over what the last one wrote.
 */
export interface NoticeBackend {
  name: 'lowdb' | 'postgres';
  /** Empties what the last test left and opens a store. */
  open(now: () => Date): Promise<NoticeStore>;
  /** Opens another store over the same data (a restart, or a second instance on PostgreSQL). */
  reopen(now: () => Date): Promise<NoticeStore>;
  /** Flushes and releases every store opened since the last `open`. */
  close(): Promise<void>;
  /** Releases the database connections (in `afterAll`). */
  end(): Promise<void>;
}

const NOTICE_TABLES =
  'notice_subscriptions, notice_reminders, notice_schedules, notice_broadcasts, outbox_jobs, outbox_sends';

function lowdbBackend(): NoticeBackend {
  let dir = '';
  const opened: NoticeStore[] = [];
  return {
    name: 'lowdb',
    async open(now) {
      dir = await mkdtemp(join(tmpdir(), 'notices-contract-'));
      const store = await openNoticeStore(dir, now, { outboxLingerMs: 0 });
      opened.push(store);
      return store;
    },
    async reopen(now) {
      await Promise.all(opened.map((store) => store.flush()));
      const store = await openNoticeStore(dir, now, { outboxLingerMs: 0 });
      opened.push(store);
      return store;
    },
    async close() {
      await Promise.all(opened.splice(0).map((store) => store.close()));
      if (dir) await rm(dir, { recursive: true, force: true });
    },
    end: async () => undefined,
  };
}

function postgresBackend(): NoticeBackend {
  let pool: pg.Pool | null = null;
  const opened: NoticeStore[] = [];
  const connect = async () => {
    if (pool) return pool;
    pool = new pg.Pool({ connectionString: await freshDatabase(), max: 8 });
    await migrate(pool);
    return pool;
  };
  return {
    name: 'postgres',
    async open(now) {
      const db = await connect();
      await db.query(`TRUNCATE ${NOTICE_TABLES}`);
      const store = await openPgNoticeStore(db, { now });
      opened.push(store);
      return store;
    },
    async reopen(now) {
      const store = await openPgNoticeStore(await connect(), { now });
      opened.push(store);
      return store;
    },
    async close() {
      await Promise.all(opened.splice(0).map((store) => store.close()));
    },
    async end() {
      await pool?.end();
      pool = null;
    },
  };
}

/** Both backends, for `describe.each`. The PostgreSQL pool lives until the test file ends. */
export function noticeBackends(): NoticeBackend[] {
  return [lowdbBackend(), postgresBackend()];
}
