import { cp, mkdtemp, readdir, rename, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { sessionSchema } from '../bot/session.ts';
import { loadConfig } from '../config.ts';
import { readEnvironment } from '../env.ts';
import { errorMessage } from '../errors.ts';
import { verifyManifest } from '../store/backup.ts';
import { openStore } from '../store/index.ts';
import { lockHolder } from '../store/lock.ts';

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

/**
 * `npm run restore -- <backup>`: puts a backup back as DATA_DIR. The backup is checked first
 * (manifest checksums, then every file against the store's schemas, on a scratch copy); the
 * bot must be stopped, since it keeps its data in memory and would write over the restore.
 * The current data folder is kept beside it, renamed, never deleted.
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
  const backup = resolve(source);
  const dataDir = resolve(config.DATA_DIR);

  const holder = await lockHolder(dataDir);
  if (holder !== null)
    fail(
      `The bot (process ${holder}) is using ${dataDir}. Stop it first (e.g. systemctl stop kcn-bot), then restore.`,
    );
  try {
    verifyManifest(backup);
  } catch (error) {
    fail(`${backup} is not a usable backup: ${errorMessage(error)}`);
  }
  const scratch = await mkdtemp(join(tmpdir(), 'kcn-restore-check-'));
  try {
    await cp(backup, scratch, { recursive: true });
    await openStore({ dataDir: scratch, sessionSchema });
  } catch (error) {
    fail(`${backup} does not pass the data checks: ${errorMessage(error)}`);
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }

  const staging = join(dirname(dataDir), `.${basename(dataDir)}.restoring`);
  await rm(staging, { recursive: true, force: true });
  await cp(backup, staging, { recursive: true });
  await rm(join(staging, 'manifest.json'), { force: true });
  const keptAside = `${dataDir}.before-restore-${new Date().toISOString().replace(/[-:.]/g, '')}`;
  const hasData = await readdir(dataDir).then(
    (names) => names.length > 0,
    () => false,
  );
  if (hasData) await rename(dataDir, keptAside);
  else await rm(dataDir, { recursive: true, force: true });
  await rename(staging, dataDir);
  process.stdout.write(
    `Restored ${backup} into ${dataDir}.${hasData ? ` The previous data is kept in ${keptAside}.` : ''}\n`,
  );
}

main().catch((error: unknown) => {
  fail(`Restore failed: ${errorMessage(error)}`);
});
