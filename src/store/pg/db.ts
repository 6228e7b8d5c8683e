import pg from 'pg';

/** Anything that runs a query: the pool itself, or one client inside a transaction. */
export type Queryable = Pick<pg.Pool | pg.PoolClient, 'query'>;

export interface PoolOptions {
  /** Connections this process may hold; the default suits one bot instance. */
  max?: number;
  /** Shown in pg_stat_activity, so an operator can tell the bot's connections apart. */
  applicationName?: string;
}

// BIGINT (Telegram ids, counters) comes back as a number, not a string: every id the bot stores
// fits in 2^53, and the repositories' types say `number`.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));

/**
 * One pool per process, from `DATABASE_URL`. An idle connection that fails (the server
 * restarted) is dropped by the pool and logged by the caller's handler, never thrown at an
 * unrelated query, so a database restart does not crash the bot.
 */
export function createPool(
  url: string,
  options: PoolOptions = {},
  onError: (error: Error) => void = () => {},
): pg.Pool {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.max ?? 10,
    application_name: options.applicationName ?? 'kcn-bot',
    connectionTimeoutMillis: 10_000,
  });
  pool.on('error', onError);
  return pool;
}

/**
 * Runs `fn` in one transaction on one connection: committed when it resolves, rolled back when
 * it throws (the error is rethrown). This is how a change made of several rows (a ticket and its
 * notices) becomes one write that happens whole or not at all.
 */
export async function withTransaction<T>(
  pool: pg.Pool,
  fn: (client: pg.PoolClient) => Promise<T>,
): Promise<T> {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    await client.query('BEGIN');
    const result = await fn(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch((rollbackError: unknown) => {
      // A connection that cannot even roll back is not given back to the pool.
      broken = rollbackError instanceof Error ? rollbackError : new Error(String(rollbackError));
    });
    throw error;
  } finally {
    client.release(broken);
  }
}
