import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type pg from 'pg';
import type { Queryable } from './db.ts';

/**
 * The schema's versions are SQL files `migrations/NNN_name.sql`, applied in order, each in its
 * own transaction, each recorded in `schema_migrations`. Numbering: 001–049 the core
 * repositories, 050–099 notices, outbox, inbox and leader (so two people can add files at once).
 */
export const MIGRATIONS_DIR = new URL('./migrations/', import.meta.url);

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export interface MigrationResult {
  /** Versions applied by this call, in order. */
  applied: number[];
  /** The highest version now in the database (0 for an empty one). */
  version: number;
}

/** Any number the advisory lock can be keyed on, as long as every instance uses the same one. */
const MIGRATION_LOCK = 720_120_001;

/** Raised for a migration file whose name or order is wrong: the program stops before any SQL. */
export class MigrationFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MigrationFileError';
  }
}

/** Reads the migration files, checking names and that no version appears twice. */
export async function readMigrations(dir: URL | string = MIGRATIONS_DIR): Promise<Migration[]> {
  const path = typeof dir === 'string' ? dir : dir.pathname;
  const names = (await readdir(path)).filter((name) => name.endsWith('.sql')).sort();
  const migrations: Migration[] = [];
  for (const name of names) {
    const match = /^(\d{3})_[a-z0-9_]+\.sql$/.exec(name);
    if (!match) throw new MigrationFileError(`migration file ${name} is not NNN_name.sql`);
    const version = Number(match[1]);
    if (migrations.some((migration) => migration.version === version)) {
      throw new MigrationFileError(`two migration files have version ${version}`);
    }
    migrations.push({ version, name, sql: await readFile(join(path, name), 'utf8') });
  }
  return migrations;
}

/**
 * Brings the database to the newest schema. Holds a session advisory lock for the whole run, so
 * when two instances start together one migrates and the other waits, then finds nothing to do.
 */
export async function migrate(pool: pg.Pool, migrations?: Migration[]): Promise<MigrationResult> {
  const files = migrations ?? (await readMigrations());
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    try {
      await client.query(
        `CREATE TABLE IF NOT EXISTS schema_migrations (
           version integer PRIMARY KEY,
           name text NOT NULL,
           applied_at timestamptz NOT NULL DEFAULT now()
         )`,
      );
      const done = await client.query<{ version: number }>('SELECT version FROM schema_migrations');
      const applied = new Set(done.rows.map((row) => row.version));
      const newlyApplied: number[] = [];
      for (const migration of files) {
        if (applied.has(migration.version)) continue;
        await client.query('BEGIN');
        try {
          await client.query(migration.sql);
          await client.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [
            migration.version,
            migration.name,
          ]);
          await client.query('COMMIT');
        } catch (error) {
          await client.query('ROLLBACK');
          const reason = error instanceof Error ? error.message : String(error);
          throw new Error(`migration ${migration.name} failed: ${reason}`);
        }
        newlyApplied.push(migration.version);
      }
      return { applied: newlyApplied, version: await schemaVersion(client) };
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]);
    }
  } finally {
    client.release();
  }
}

/** The highest applied migration, or 0 when none is (for /healthz). */
export async function schemaVersion(db: Queryable): Promise<number> {
  const exists = await db.query<{ present: boolean }>(
    "SELECT to_regclass('schema_migrations') IS NOT NULL AS present",
  );
  if (!exists.rows[0]?.present) return 0;
  const { rows } = await db.query<{ version: number | null }>(
    'SELECT max(version) AS version FROM schema_migrations',
  );
  return rows[0]?.version ?? 0;
}
