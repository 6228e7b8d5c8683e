import type pg from 'pg';
import type { NoticeStore } from '../../noticeStore.ts';

/**
 * Subscriptions, reminders, schedules, broadcasts and the outbox on PostgreSQL. A placeholder
 * until they are built (issue #12, part B): opening a PostgreSQL store fails here with a clear
 * message instead of running with notices that go nowhere.
 */
export async function openPgNoticeStore(
  _pool: pg.Pool,
  _options: { now?: () => Date },
): Promise<NoticeStore> {
  throw new Error('PostgreSQL notices are not built yet');
}
