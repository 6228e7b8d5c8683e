import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PgActionKeys } from '../../../src/store/pg/dashboardActions.ts';
import { migrate } from '../../../src/store/pg/migrate.ts';
import { ActionLog } from '../../../src/web/dashboard/actionLog.ts';
import { freshDatabase } from '../../support/postgres.ts';

/** Two instances: each its own pool and log on one database, as behind the proxy. */
let pools: pg.Pool[] = [];
let logs: ActionLog[] = [];
beforeAll(async () => {
  const url = await freshDatabase();
  pools = [new pg.Pool({ connectionString: url }), new pg.Pool({ connectionString: url })];
  await migrate(pools[0] as pg.Pool);
  logs = pools.map((pool) => new ActionLog(new PgActionKeys(pool), () => new Date()));
});
afterAll(() => Promise.all(pools.map((pool) => pool.end())));

const what = { path: '/tickets/KN-0001/take', body: {} };
const slowly = <T>(value: T, ms = 150) =>
  new Promise<T>((resolve) => setTimeout(() => resolve(value), ms));

describe('dashboard Idempotency-Key log on PostgreSQL', () => {
  it('acts once on a key posted to two instances at once, both answered the same', async () => {
    let acted = 0;
    const run = async () => {
      acted += 1;
      return slowly({ answer: { status: 200, json: { ok: true, taken: acted } }, memory: acted });
    };
    const replay = (memory: number) => ({ status: 200, json: { ok: true, taken: memory } });
    const [a, b] = await Promise.all(
      logs.map((log) => log.once(900, 'key-00000001', what, run, replay)),
    );
    expect(acted).toBe(1);
    expect(a).toEqual(b);
    // A retry later, on either instance, changes nothing and gets the same outcome.
    const later = await logs[1]?.once(900, 'key-00000001', what, run, replay);
    expect(later).toEqual(a);
    expect(acted).toBe(1);
  });

  it('refuses the key on another request, and lets a refusal be tried again', async () => {
    const refused = { status: 409, json: { error: 'refused' } };
    let tries = 0;
    const refuse = async () => {
      tries += 1;
      return { answer: refused };
    };
    await logs[0]?.once(900, 'key-00000002', what, refuse, () => refused);
    await logs[1]?.once(900, 'key-00000002', what, refuse, () => refused);
    expect(tries).toBe(2);
    const done = { answer: { status: 200, json: { ok: true } }, memory: 1 };
    await logs[0]?.once(
      900,
      'key-00000003',
      what,
      async () => done,
      () => done.answer,
    );
    const other = await logs[1]?.once(
      900,
      'key-00000003',
      { path: '/tickets/KN-0002/take', body: {} },
      async () => done,
      () => done.answer,
    );
    expect(other?.status).toBe(409);
  });
});
