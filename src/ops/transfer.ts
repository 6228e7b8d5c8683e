import { sessionSchema } from '../bot/session.ts';
import { loadConfig } from '../config.ts';
import { createPool } from '../store/pg/db.ts';
import { migrate } from '../store/pg/migrate.ts';
import { readPgCore, writePgCore } from '../store/pg/transfer.ts';
import { readLowdbCore, snapshotCounts, writeLowdbCore } from '../store/transferLowdb.ts';

/**
 * `npm run db:import -- <DATA_DIR>` copies a lowdb data folder into the empty database at
 * DATABASE_URL; `npm run db:export -- <DIR>` writes the database out as a lowdb folder. Either
 * way every record is checked against the bot's schemas and the counts are printed, so a backup
 * of one backend restores into the other. Stop the bot first: this is a copy, not a sync.
 */
export async function transfer(
  direction: 'import' | 'export',
  folder: string,
  env: Record<string, string | undefined>,
): Promise<Record<string, number>> {
  const config = loadConfig({
    ...env,
    BOT_TOKEN: env.BOT_TOKEN || '0:transfer-needs-no-token-xxxxx',
  });
  if (!config.DATABASE_URL) throw new Error('DATABASE_URL is not set');
  const pool = createPool(config.DATABASE_URL, { max: 2, applicationName: `kcn-db-${direction}` });
  try {
    await migrate(pool);
    if (direction === 'import') {
      const snapshot = await readLowdbCore(folder, sessionSchema);
      await writePgCore(pool, snapshot, sessionSchema);
      return snapshotCounts(snapshot);
    }
    const snapshot = await readPgCore(pool, sessionSchema);
    await writeLowdbCore(folder, snapshot, sessionSchema);
    return snapshotCounts(snapshot);
  } finally {
    await pool.end();
  }
}
