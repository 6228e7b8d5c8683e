import { loadConfig } from '../config.ts';
import { readEnvironment } from '../env.ts';
import { errorMessage } from '../errors.ts';
import { createBackup, pruneBackups } from '../store/backup.ts';

/**
 * `npm run backup`: a timestamped copy of DATA_DIR in BACKUP_DIR, safe to take while the bot
 * runs (it only reads, and each data file is always whole on disk).
 */
/** What backup and restore answer with DATABASE_URL set. */
const ON_POSTGRES =
  'DATABASE_URL is set: the data is in PostgreSQL. Back it up with pg_dump (README "Scaling out"), or write a lowdb copy with npm run db:export -- <DIR>.';

async function main(): Promise<void> {
  const env = readEnvironment();
  const config = loadConfig({
    ...env,
    BOT_TOKEN: env.BOT_TOKEN || '0:backup-needs-no-token-xxxxxxxx',
  });
  // A copy of DATA_DIR would hold none of the data then, and look like a good backup.
  if (config.DATABASE_URL) throw new Error(ON_POSTGRES);
  const path = await createBackup(config.DATA_DIR, config.BACKUP_DIR, new Date(), {
    ...(config.BACKUP_KEY ? { key: config.BACKUP_KEY } : {}),
  });
  const pruned = await pruneBackups(config.BACKUP_DIR, config.BACKUP_KEEP);
  process.stdout.write(
    `Backup written to ${path}${pruned.length ? ` (removed ${pruned.length} old)` : ''}\n`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`Backup failed: ${errorMessage(error)}\n`);
  process.exit(1);
});
