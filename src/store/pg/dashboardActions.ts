import type { Queryable } from './db.ts';

/** How long a key is kept: far longer than any network retry or double click. */
const KEEP_MS = 24 * 60 * 60_000;
/** A claim not settled in this time belongs to an instance that died mid-action. */
const STALE_CLAIM_MS = 60_000;

export type ActionClaim =
  | { kind: 'claimed' }
  | { kind: 'done'; request: string; memory: unknown }
  | { kind: 'busy'; request: string };

/**
 * The dashboard's Idempotency-Key log in `dashboard_actions` (migration 052), so that two
 * instances behind one proxy never act twice on one officer's key: the instance whose insert
 * lands acts; another finds the row and answers from what the first remembered, or waits while
 * it is still acting. A claim left by an instance that died is taken over after a minute.
 */
export class PgActionKeys {
  constructor(private readonly db: Queryable) {}

  async claim(id: string, request: string): Promise<ActionClaim> {
    await this.db.query(
      `DELETE FROM dashboard_actions WHERE id = $1 AND NOT done
         AND claimed_at < now() - make_interval(secs => $2)`,
      [id, STALE_CLAIM_MS / 1000],
    );
    const inserted = await this.db.query(
      `INSERT INTO dashboard_actions (id, request) VALUES ($1, $2)
       ON CONFLICT (id) DO NOTHING RETURNING id`,
      [id, request],
    );
    if (inserted.rowCount === 1) return { kind: 'claimed' };
    const { rows } = await this.db.query<{ request: string; done: boolean; memory: unknown }>(
      'SELECT request, done, memory FROM dashboard_actions WHERE id = $1',
      [id],
    );
    const row = rows[0];
    // Released between the insert and the read: try again.
    if (!row) return this.claim(id, request);
    return row.done
      ? { kind: 'done', request: row.request, memory: row.memory }
      : { kind: 'busy', request: row.request };
  }

  /** Marks the claimed key done, with what a retry answers from; drops keys past a day. */
  async remember(id: string, entry: { at: string; memory: unknown }): Promise<void> {
    await this.db.query(
      `UPDATE dashboard_actions SET done = true, at = $2, memory = $3 WHERE id = $1`,
      [id, entry.at, JSON.stringify(entry.memory)],
    );
    await this.db.query(
      `DELETE FROM dashboard_actions WHERE claimed_at < now() - make_interval(secs => $1)`,
      [KEEP_MS / 1000],
    );
  }

  /** Gives up a claim that changed nothing (a refusal, a failure), so a retry acts anew. */
  async release(id: string): Promise<void> {
    await this.db.query('DELETE FROM dashboard_actions WHERE id = $1 AND NOT done', [id]);
  }
}

/** A remembered key as the DATA_DIR file keeps it. */
export interface ActionEntry {
  at: string;
  request: string;
  memory?: unknown;
}

/** Every key settled (db:export); claims still in progress changed nothing yet. */
export async function readActionEntries(db: Queryable): Promise<Record<string, ActionEntry>> {
  const { rows } = await db.query<{ id: string; request: string; at: string; memory: unknown }>(
    'SELECT id, request, at, memory FROM dashboard_actions WHERE done ORDER BY id',
  );
  return Object.fromEntries(
    rows.map((row) => [row.id, { at: row.at, request: row.request, memory: row.memory }]),
  );
}

/** Writes the keys of a DATA_DIR file (db:import, inside its transaction). */
export async function writeActionEntries(
  db: Queryable,
  entries: Record<string, ActionEntry>,
): Promise<void> {
  for (const [id, entry] of Object.entries(entries)) {
    await db.query(
      `INSERT INTO dashboard_actions (id, request, claimed_at, done, at, memory)
       VALUES ($1, $2, $3, true, $4, $5)`,
      [id, entry.request, entry.at, entry.at, JSON.stringify(entry.memory ?? null)],
    );
  }
}
