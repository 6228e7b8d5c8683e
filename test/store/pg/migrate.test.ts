import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPool, withTransaction } from '../../../src/store/pg/db.ts';
import { migrate, readMigrations, schemaVersion } from '../../../src/store/pg/migrate.ts';
import { freshDatabase } from '../../support/postgres.ts';

describe('PostgreSQL migrations', () => {
  let pool: pg.Pool;
  beforeAll(async () => {
    pool = createPool(await freshDatabase());
  });
  afterAll(() => pool.end());

  it('applies every file once, in order, even when two instances start together', async () => {
    const files = await readMigrations();
    expect(files.length).toBeGreaterThan(0);
    expect(await schemaVersion(pool)).toBe(0);
    const [first, second] = await Promise.all([migrate(pool), migrate(pool)]);
    const newest = files.at(-1)?.version;
    expect(first?.version).toBe(newest);
    expect(second?.version).toBe(newest);
    // One of the two waited on the lock, then found everything applied.
    expect([...(first?.applied ?? []), ...(second?.applied ?? [])]).toEqual(
      files.map((file) => file.version),
    );
    const again = await migrate(pool);
    expect(again.applied).toEqual([]);
    const { rows } = await pool.query('SELECT count(*)::int AS n FROM schema_migrations');
    expect(rows[0]?.n).toBe(files.length);
  });

  it('leaves nothing of a failing migration and names it', async () => {
    const migrations = [
      ...(await readMigrations()),
      {
        version: 998,
        name: '998_half.sql',
        sql: 'CREATE TABLE half (a int); SELECT no_such_fn();',
      },
    ];
    await expect(migrate(pool, migrations)).rejects.toThrow(/998_half\.sql/);
    const { rows } = await pool.query("SELECT to_regclass('half') IS NULL AS gone");
    expect(rows[0]?.gone).toBe(true);
    expect(await schemaVersion(pool)).toBe((await readMigrations()).at(-1)?.version);
  });

  it('refuses a badly named file before running any SQL', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'kcn-migrations-'));
    await writeFile(join(dir, '1_x.sql'), 'SELECT 1');
    await expect(readMigrations(dir)).rejects.toThrow(/1_x\.sql is not NNN_name\.sql/);
  });

  it('rolls a transaction back whole when its work throws', async () => {
    await pool.query('CREATE TABLE tx_probe (n int)');
    await expect(
      withTransaction(pool, async (client) => {
        await client.query('INSERT INTO tx_probe VALUES (1)');
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    await withTransaction(pool, (client) => client.query('INSERT INTO tx_probe VALUES (2)'));
    const { rows } = await pool.query('SELECT n FROM tx_probe');
    expect(rows).toEqual([{ n: 2 }]);
  });
});
