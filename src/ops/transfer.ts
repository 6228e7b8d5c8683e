import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { sessionSchema } from '../bot/session.ts';
import { loadConfig } from '../config.ts';
import { Collection } from '../store/collection.ts';
import { parseEnvelope } from '../store/envelope.ts';
import {
  type ActionEntry,
  readActionEntries,
  writeActionEntries,
} from '../store/pg/dashboardActions.ts';
import { createPool } from '../store/pg/db.ts';
import { migrate } from '../store/pg/migrate.ts';
import { readPgCore, writePgCore } from '../store/pg/transfer.ts';
import { readLowdbCore, snapshotCounts, writeLowdbCore } from '../store/transferLowdb.ts';
import { ACTION_FILE, actionFileSchema } from '../web/dashboard/actionLog.ts';

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
      const actions = await readActionFile(folder);
      await writePgCore(pool, snapshot, sessionSchema, (client) =>
        writeActionEntries(client, actions),
      );
      return { ...snapshotCounts(snapshot), dashboardActions: Object.keys(actions).length };
    }
    const snapshot = await readPgCore(pool, sessionSchema);
    const actions = await readActionEntries(pool);
    await writeLowdbCore(folder, snapshot, sessionSchema);
    await Collection.open(join(folder, ACTION_FILE), 1, actionFileSchema, () => ({ actions }));
    return { ...snapshotCounts(snapshot), dashboardActions: Object.keys(actions).length };
  } finally {
    await pool.end();
  }
}

/** The dashboard's Idempotency-Key log of a data folder, checked; none when the file is absent. */
async function readActionFile(folder: string): Promise<Record<string, ActionEntry>> {
  const file = join(folder, ACTION_FILE);
  const raw = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return null;
    throw error;
  });
  return raw === null ? {} : parseEnvelope(file, raw, 1, actionFileSchema).actions;
}
