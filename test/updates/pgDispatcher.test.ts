import pg from 'pg';
import type { Update } from 'telegraf/types';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { migrate } from '../../src/store/pg/migrate.ts';
import { PgUpdateDispatcher } from '../../src/updates/pgDispatcher.ts';
import { freshDatabase } from '../support/postgres.ts';

const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };

const message = (updateId: number, chatId: number, text: string): Update =>
  ({
    update_id: updateId,
    message: {
      message_id: updateId,
      date: 0,
      chat: { id: chatId, type: 'private', first_name: 'T' },
      from: { id: chatId, is_bot: false, first_name: 'T' },
      text,
    },
  }) as Update;

const textOf = (update: Update) =>
  'message' in update && 'text' in update.message ? update.message.text : '';

async function until(predicate: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(`not true within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Two instances, one inbox table: each update handled once, each chat in order. */
describe('the update inbox shared by several instances (PostgreSQL)', () => {
  const pools: pg.Pool[] = [];
  let url = '';
  let handled: { instance: string; text: string }[] = [];
  const instance = (name: string, delayMs = 0) => {
    const pool = new pg.Pool({ connectionString: url, max: 10 });
    pools.push(pool);
    return new PgUpdateDispatcher({
      pool,
      logger: quiet,
      sweepMs: 200,
      handle: async (update) => {
        if (delayMs) await new Promise((resolve) => setTimeout(resolve, delayMs));
        handled.push({ instance: name, text: textOf(update) });
      },
    });
  };
  beforeAll(async () => {
    url = await freshDatabase();
    const pool = new pg.Pool({ connectionString: url });
    await migrate(pool);
    await pool.end();
  });
  beforeEach(() => {
    handled = [];
  });
  afterAll(async () => {
    await Promise.allSettled(pools.map((pool) => pool.end()));
  });

  it('handles an update posted to both instances once', async () => {
    const a = instance('a');
    const b = instance('b');
    const update = message(1001, 5, 'hello');
    await Promise.all([a.accept([update]), b.accept([update]), a.accept([update])]);
    await until(() => handled.length > 0);
    await Promise.all([a.drain(2000), b.drain(2000)]);
    expect(handled.map((h) => h.text)).toEqual(['hello']);
  });

  it("handles one chat's updates in order though they arrive at alternate instances", async () => {
    const a = instance('a', 15);
    const b = instance('b', 15);
    const texts = Array.from({ length: 12 }, (_, i) => `m${i}`);
    for (const [i, text] of texts.entries()) {
      await (i % 2 === 0 ? a : b).accept([message(2000 + i, 7, text)]);
    }
    await until(() => handled.length === texts.length);
    await Promise.all([a.drain(2000), b.drain(2000)]);
    expect(handled.map((h) => h.text)).toEqual(texts);
  });

  it('picks up an update an instance died handling', async () => {
    const pool = new pg.Pool({ connectionString: url, application_name: 'kcn-dying' });
    pool.on('error', () => undefined);
    let started = false;
    let finish = () => {};
    const dying = new PgUpdateDispatcher({
      pool,
      logger: quiet,
      handle: () => {
        started = true;
        return new Promise<void>((resolve) => {
          finish = resolve;
        });
      },
    });
    await dying.accept([message(3001, 9, 'left behind')]);
    await until(() => started);
    // As after a SIGKILL: its connections, and the lane lock held on one, are gone.
    await pools[0]?.query(
      "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'kcn-dying'",
    );
    finish();
    const survivor = instance('b');
    expect((await survivor.lag()).waiting).toBe(1);
    survivor.resume();
    await until(() => handled.some((h) => h.text === 'left behind'));
    await survivor.drain(2000);
    expect((await survivor.lag()).waiting).toBe(0);
    void pool.end().catch(() => undefined);
  });
});
