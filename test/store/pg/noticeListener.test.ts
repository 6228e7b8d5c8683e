import { afterAll, beforeAll, expect, it } from 'vitest';
import { createPool } from '../../../src/store/pg/db.ts';
import { migrate } from '../../../src/store/pg/migrate.ts';
import { openPgNoticeStore } from '../../../src/store/pg/notices/index.ts';
import { freshDatabase } from '../../support/postgres.ts';

let url: string;
beforeAll(async () => {
  url = await freshDatabase();
  const setup = createPool(url, { max: 1 });
  await migrate(setup);
  await setup.end();
});

const terminateOthers = async (admin: ReturnType<typeof createPool>) => {
  await admin.query(
    `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
      WHERE datname = current_database() AND pid <> pg_backend_pid()`,
  );
};

let admin: ReturnType<typeof createPool>;
beforeAll(() => {
  admin = createPool(url, { max: 1 });
});
afterAll(async () => {
  await admin.end();
});

/**
 * The server stopping right after the notice store closed used to throw "Release called on
 * client which has already been released" from the listener's error handler and kill the bot.
 */
it('a closed notice store ignores its old listening connection being cut', async () => {
  const pool = createPool(url, { max: 3 });
  pool.on('error', () => undefined);
  const store = await openPgNoticeStore(pool);
  await store.close();
  const uncaught: unknown[] = [];
  const record = (error: unknown) => uncaught.push(error);
  process.on('uncaughtException', record);
  try {
    await terminateOthers(admin);
    await new Promise((resolve) => setTimeout(resolve, 300));
  } finally {
    process.off('uncaughtException', record);
    await pool.end();
  }
  expect(uncaught).toEqual([]);
});

it('an open notice store listens again after its connection is cut, and hears new changes', async () => {
  const pool = createPool(url, { max: 4 });
  pool.on('error', () => undefined);
  const writer = createPool(url, { max: 2 });
  const reader = await openPgNoticeStore(pool);
  const other = await openPgNoticeStore(writer);
  try {
    await terminateOthers(admin);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await other.subscriptions.set(42, ['park:que-vo']);
    await expect
      .poll(() => reader.subscriptions.get(42), { timeout: 10_000 })
      .toEqual(expect.arrayContaining(['park:que-vo']));
  } finally {
    await Promise.all([reader.close(), other.close()]);
    await Promise.all([pool.end(), writer.end()]);
  }
});
