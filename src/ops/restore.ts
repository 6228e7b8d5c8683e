import { resolve } from 'node:path';
import { sessionSchema } from '../bot/session.ts';
import { loadConfig } from '../config.ts';
import { readEnvironment } from '../env.ts';
import { errorMessage } from '../errors.ts';
import { RestoreRefusedError, restoreBackup } from '../store/restore.ts';

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

/**
 * `npm run restore -- <backup>`: puts a backup back as DATA_DIR after checking it (see
 * restoreBackup); the bot must be stopped, since it keeps its data in memory and would write
 * over the restore. The current data folder is kept beside it, renamed, never deleted.
 */
async function main(): Promise<void> {
  const source = process.argv[2];
  if (!source)
    fail('Usage: npm run restore -- <backup folder>, e.g. backups/kcn-backup-20261126-020000');
  const env = readEnvironment();
  const config = loadConfig({
    ...env,
    BOT_TOKEN: env.BOT_TOKEN || '0:restore-needs-no-token-xxxxxxx',
  });
  if (config.DATABASE_URL)
    fail(
      'DATABASE_URL is set: the data is in PostgreSQL. Restore it with pg_restore (README "Scaling out"), or move a lowdb backup in with npm run db:import -- <DATA_DIR>.',
    );
  const backup = resolve(source);
  const dataDir = resolve(config.DATA_DIR);
  const keptAside = await restoreBackup({
    backup,
    dataDir,
    sessionSchema,
    key: config.BACKUP_KEY,
  });
  process.stdout.write(
    `Restored ${backup} into ${dataDir}.${keptAside ? ` The previous data is kept in ${keptAside}.` : ''}\n`,
  );
}

main().catch((error: unknown) => {
  if (error instanceof RestoreRefusedError) fail(error.message);
  fail(`Restore failed: ${errorMessage(error)}`);
});
