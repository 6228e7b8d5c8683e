import { chmod, copyFile, mkdir, mkdtemp, readdir, rename, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import type { z } from 'zod';
import { type BackupManifest, verifyManifest } from './backup.ts';
import { DIR_MODE, FILE_MODE } from './fileLayer.ts';
import { openStore } from './index.ts';
import { knownLayouts } from './layout.ts';
import { lockHolder } from './lock.ts';
import { higherFloor, highestIssued, writeTicketFloor } from './ticketFloor.ts';

/** Raised when a restore is refused; nothing was changed. */
export class RestoreRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RestoreRefusedError';
  }
}

export interface RestoreOptions<S> {
  backup: string;
  dataDir: string;
  sessionSchema: z.ZodType<S>;
  /** BACKUP_KEY: when set, only a manifest signed with it is accepted. */
  key?: string | undefined;
  now?: Date;
}

/** Copies exactly the manifest's files into `target`, private modes, folders as needed. */
async function copyListed(backup: string, manifest: BackupManifest, target: string): Promise<void> {
  await mkdir(target, { recursive: true, mode: DIR_MODE });
  await chmod(target, DIR_MODE);
  for (const file of manifest.files) {
    const to = join(target, file.path);
    await mkdir(dirname(to), { recursive: true, mode: DIR_MODE });
    await copyFile(join(backup, file.path), to);
    await chmod(to, FILE_MODE);
  }
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Puts a backup back as the data folder, after checking it: the bot is stopped; the manifest
 * lists exactly the backup's files (no extra file, no symbolic link), each unchanged, and every
 * collection of one layout (one-file or sharded); with BACKUP_KEY it is signed; and a scratch
 * copy passes every load check (an old-layout backup is migrated there, as the bot will do).
 * Ticket numbers issued by the folder being replaced stay issued (see ticketFloor.ts). The
 * current folder is kept beside it, renamed, never deleted. Returns where it was kept.
 */
export async function restoreBackup<S>(options: RestoreOptions<S>): Promise<string | null> {
  const { backup, dataDir } = options;
  const holder = await lockHolder(dataDir);
  if (holder !== null)
    throw new RestoreRefusedError(
      `The bot (process ${holder}) is using ${dataDir}. Stop it first (e.g. systemctl stop kcn-bot), then restore.`,
    );
  let manifest: BackupManifest;
  try {
    manifest = verifyManifest(backup, {
      ...(options.key ? { key: options.key } : {}),
      layouts: knownLayouts(),
    });
  } catch (error) {
    throw new RestoreRefusedError(`${backup} is not a usable backup: ${message(error)}`);
  }
  const scratch = await mkdtemp(join(tmpdir(), 'kcn-restore-check-'));
  try {
    await copyListed(backup, manifest, join(scratch, 'data'));
    const store = await openStore({
      dataDir: join(scratch, 'data'),
      sessionSchema: options.sessionSchema,
      backupDir: join(scratch, 'migration'),
    });
    await store.close();
  } catch (error) {
    throw new RestoreRefusedError(`${backup} does not pass the data checks: ${message(error)}`);
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }

  const staging = join(dirname(dataDir), `.${basename(dataDir)}.restoring`);
  await rm(staging, { recursive: true, force: true });
  await copyListed(backup, manifest, staging);
  const floor = higherFloor(await highestIssued(dataDir), await highestIssued(staging));
  await writeTicketFloor(staging, floor);
  const stamp = (options.now ?? new Date()).toISOString().replace(/[-:.]/g, '');
  const keptAside = `${dataDir}.before-restore-${stamp}`;
  const hasData = await readdir(dataDir).then(
    (names) => names.length > 0,
    () => false,
  );
  if (hasData) await rename(dataDir, keptAside);
  else await rm(dataDir, { recursive: true, force: true });
  await rename(staging, dataDir);
  return hasData ? keptAside : null;
}
