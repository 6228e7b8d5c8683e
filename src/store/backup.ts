import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';

const BACKUP_PREFIX = 'kcn-backup-';

export interface BackupManifest {
  createdAt: string;
  files: { path: string; bytes: number; sha256: string }[];
}

/** Every data file under `dir` (collections and ticket shards), relative to it. */
export function dataFiles(dir: string): string[] {
  const found: string[] = [];
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.json') && !entry.name.startsWith('.')) {
        found.push(relative(dir, path));
      }
    }
  };
  walk(dir);
  return found.sort();
}

function stampOf(date: Date): string {
  return date.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
}

/**
 * Copies DATA_DIR into a new folder of `backupDir`. Files are copied synchronously in one go,
 * so no write of this process can land half-way; each data file is replaced atomically by its
 * writer, so even a copy taken from another process sees only whole files. The backup folder
 * appears under its final name only once complete, with a manifest of checksums.
 */
export async function createBackup(
  dataDir: string,
  backupDir: string,
  now = new Date(),
): Promise<string> {
  await mkdir(backupDir, { recursive: true });
  const name = `${BACKUP_PREFIX}${stampOf(now)}`;
  const staging = join(backupDir, `.${name}.partial`);
  await rm(staging, { recursive: true, force: true });
  const files = dataFiles(dataDir);
  const manifest: BackupManifest = { createdAt: now.toISOString(), files: [] };
  for (const file of files) {
    const target = join(staging, file);
    mkdirSync(dirname(target), { recursive: true });
    copyFileSync(join(dataDir, file), target);
  }
  for (const file of files) {
    const content = readFileSync(join(staging, file));
    JSON.parse(content.toString('utf8'));
    manifest.files.push({
      path: file,
      bytes: statSync(join(staging, file)).size,
      sha256: createHash('sha256').update(content).digest('hex'),
    });
  }
  await writeFile(join(staging, 'manifest.json'), JSON.stringify(manifest, null, 2));
  const final = join(backupDir, name);
  await rm(final, { recursive: true, force: true });
  await rename(staging, final);
  return final;
}

/** Deletes the oldest backups so that `keep` remain. */
export async function pruneBackups(backupDir: string, keep: number): Promise<string[]> {
  const names = (await readdir(backupDir).catch(() => []))
    .filter((name) => name.startsWith(BACKUP_PREFIX))
    .sort();
  const doomed = names.slice(0, Math.max(0, names.length - keep));
  for (const name of doomed) await rm(join(backupDir, name), { recursive: true, force: true });
  return doomed;
}

/** Checks a backup against its manifest: every file present, whole and unchanged. */
export function verifyManifest(backup: string): BackupManifest {
  const manifest = JSON.parse(
    readFileSync(join(backup, 'manifest.json'), 'utf8'),
  ) as BackupManifest;
  for (const file of manifest.files) {
    const content = readFileSync(join(backup, file.path));
    const sha256 = createHash('sha256').update(content).digest('hex');
    if (sha256 !== file.sha256)
      throw new Error(`${file.path} does not match the backup's manifest`);
  }
  return manifest;
}
