import type pg from 'pg';
import type { z } from 'zod';
import type { SessionRepository } from '../sessions.ts';
import type { ChangeFeed } from './changes.ts';
import type { Queryable } from './db.ts';
import { checked, commit } from './write.ts';

/** A session repository that also reads one session afresh from the database. */
export type PgSessionRepository<S> = SessionRepository<S> & {
  load(key: string): Promise<S | undefined>;
  /**
   * Writes a session inside another repository's transaction (a ticket and the step that filed
   * it); the function it resolves to puts it in memory, to call only after the commit.
   */
  writeIn(client: Queryable, key: string, session: unknown): Promise<() => void>;
};

/** Every stored session with its key (db:export, start-up). */
export async function readSessions(db: Queryable): Promise<{ key: string; data: unknown }[]> {
  const { rows } = await db.query<{ key: string; data: unknown }>(
    'SELECT key, data FROM sessions ORDER BY key',
  );
  return rows;
}

export async function saveSession(db: Queryable, key: string, data: unknown): Promise<void> {
  await db.query(
    `INSERT INTO sessions (key, data, updated_at) VALUES ($1, $2, now())
     ON CONFLICT (key) DO UPDATE SET data = $2, updated_at = now()`,
    [key, JSON.stringify(data)],
  );
}

/**
 * Sessions (the dialogue state of each chat) on PostgreSQL, so a dialogue begun on one instance
 * goes on on another. Idle sessions are deleted rather than stored, as with lowdb; a session
 * that fails its schema is refused before anything is written.
 */
export async function openPgSessions<S>(
  pool: pg.Pool,
  schema: z.ZodType<S>,
  feed: ChangeFeed,
  isIdle: (session: S) => boolean = () => false,
): Promise<PgSessionRepository<S>> {
  const byKey = new Map<string, S>();
  const parse = (data: unknown) => checked('sessions', schema, data);
  const loadAll = async () => {
    const rows = await readSessions(pool);
    byKey.clear();
    for (const row of rows) byKey.set(row.key, parse(row.data));
  };
  await loadAll();
  feed.onResync(loadAll);
  const load = async (key: string) => {
    const { rows } = await pool.query<{ data: unknown }>(
      'SELECT data FROM sessions WHERE key = $1',
      [key],
    );
    const row = rows[0];
    if (row) byKey.set(key, parse(row.data));
    else byKey.delete(key);
    return byKey.get(key);
  };
  feed.on('session', async (key) => {
    await load(key);
  });
  const writeIn = async (client: Queryable, key: string, session: unknown) => {
    const valid = parse(session);
    // Another instance may hold this chat's session: the delete goes to the database always.
    if (isIdle(valid)) await client.query('DELETE FROM sessions WHERE key = $1', [key]);
    else await saveSession(client, key, valid);
    await feed.publish(client, 'session', key);
    return () => {
      if (isIdle(valid)) byKey.delete(key);
      else byKey.set(key, structuredClone(valid));
    };
  };
  const write = async (key: string, session: unknown) => {
    const remember = await commit(pool, (client) => writeIn(client, key, session));
    remember();
  };
  return {
    get: (key) => byKey.get(key),
    load,
    writeIn,
    set: write,
    async delete(key) {
      await commit(pool, async (client) => {
        await client.query('DELETE FROM sessions WHERE key = $1', [key]);
        await feed.publish(client, 'session', key);
      });
      byKey.delete(key);
    },
  };
}
