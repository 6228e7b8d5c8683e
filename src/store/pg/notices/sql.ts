import type { Queryable } from '../db.ts';
import { NOTICE_CHANNEL, type NoticeChange } from './rows.ts';

/** What the notice repositories need of a pool or of a client inside a transaction. */
export type Query = Queryable;

/** Tells every instance (this one included) what changed; delivered only if the write commits. */
export async function announce(db: Query, change: NoticeChange): Promise<void> {
  await db.query('SELECT pg_notify($1, $2)', [NOTICE_CHANNEL, `${change.kind}:${change.id}`]);
}

/**
 * Runs one writing statement that ends in `RETURNING <key> AS id` and announces each row it
 * touched, in the same statement (so in the same transaction: no change without its notice).
 * Returns the keys of the rows written; none when nothing matched.
 */
export async function writeAnnounced(
  db: Query,
  kind: NoticeChange['kind'],
  statement: string,
  params: readonly unknown[],
): Promise<string[]> {
  const channel = params.length + 1;
  const prefix = params.length + 2;
  const result = await db.query<{ id: string }>(
    `WITH written AS (${statement})
     SELECT written.id::text AS id, pg_notify($${channel}, $${prefix} || written.id::text)
     FROM written`,
    [...params, NOTICE_CHANNEL, `${kind}:`],
  );
  return result.rows.map((row) => row.id);
}
