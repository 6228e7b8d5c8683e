import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import {
  chmodSync,
  copyFileSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  statSync,
} from 'node:fs';
import { chmod, mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { DIR_MODE, FILE_MODE } from './fileLayer.ts';

const BACKUP_PREFIX = 'kcn-backup-';
const MANIFEST = 'manifest.json';

export interface BackupManifest {
  createdAt: string;
  files: { path: string; bytes: number; sha256: string }[];
  /** HMAC-SHA256 of the manifest without this field, keyed with BACKUP_KEY, when one is set. */
  hmac?: string;
}

/** Every data file under `dir` (collections, shards, journals), relative to it; dot entries skipped. */
export function dataFiles(dir: string): string[] {
  const found: string[] = [];
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      if (entry.name.startsWith('.')) continue;
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile() && /\.jsonl?$/.test(entry.name)) found.push(relative(dir, path));
    }
  };
  walk(dir);
  return found.sort();
}

function stampOf(date: Date): string {
  return date.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
}

const sha256 = (content: Buffer): string => createHash('sha256').update(content).digest('hex');

/** The signature of a manifest: every field but `hmac`, in a fixed order. */
export function signManifest(manifest: BackupManifest, key: string): string {
  const canonical = JSON.stringify({ createdAt: manifest.createdAt, files: manifest.files });
  return createHmac('sha256', key).update(canonical).digest('hex');
}

export interface BackupOptions {
  /** Folder name prefix; daily backups use the default, which `pruneBackups` rotates. */
  prefix?: string;
  /** BACKUP_KEY: signs the manifest so a file changed together with its checksum is caught. */
  key?: string;
}

/**
 * Copies DATA_DIR into a new folder of `backupDir`. Files are copied synchronously in one go,
 * so no write of this process can land half-way; each data file is replaced atomically by its
 * writer, so even a copy taken from another process sees only whole files. The backup folder
 * appears under its final name only once complete, with a manifest of checksums; like the data
 * folder, it is readable by the bot's account only (0700 folders, 0600 files).
 */
export async function createBackup(
  dataDir: string,
  backupDir: string,
  now = new Date(),
  options: BackupOptions = {},
): Promise<string> {
  await mkdir(backupDir, { recursive: true, mode: DIR_MODE });
  await chmod(backupDir, DIR_MODE);
  const name = `${options.prefix ?? BACKUP_PREFIX}${stampOf(now)}`;
  const staging = join(backupDir, `.${name}.partial`);
  await rm(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true, mode: DIR_MODE });
  const files = dataFiles(dataDir);
  const manifest: BackupManifest = { createdAt: now.toISOString(), files: [] };
  for (const file of files) {
    const target = join(staging, file);
    mkdirSync(dirname(target), { recursive: true, mode: DIR_MODE });
    copyFileSync(join(dataDir, file), target);
    chmodSync(target, FILE_MODE);
  }
  for (const file of files) {
    const content = readFileSync(join(staging, file));
    // Journals (.jsonl) may end in a line still being written; the loader skips it.
    if (file.endsWith('.json')) JSON.parse(content.toString('utf8'));
    manifest.files.push({
      path: file,
      bytes: statSync(join(staging, file)).size,
      sha256: sha256(content),
    });
  }
  if (options.key) manifest.hmac = signManifest(manifest, options.key);
  await writeFile(join(staging, MANIFEST), JSON.stringify(manifest, null, 2), { mode: FILE_MODE });
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

/** Every entry under `dir` relative to it; throws on a symlink or anything but files and folders. */
function entriesOf(dir: string): string[] {
  const found: string[] = [];
  const walk = (folder: string) => {
    for (const name of readdirSync(folder)) {
      const path = join(folder, name);
      const stats = lstatSync(path);
      if (stats.isSymbolicLink()) throw new Error(`${relative(dir, path)} is a symbolic link`);
      if (stats.isDirectory()) walk(path);
      else if (stats.isFile()) found.push(relative(dir, path));
      else throw new Error(`${relative(dir, path)} is not a regular file`);
    }
  };
  walk(dir);
  return found.sort();
}

export interface VerifyOptions {
  /** BACKUP_KEY: when set, the manifest must carry a matching signature. */
  key?: string;
  /** Files a complete data folder has; the backup must hold all of one list (either layout). */
  layouts?: string[][];
}

/**
 * Checks a backup against its manifest: exactly the listed files (nothing more, no symbolic
 * links), each whole and unchanged, every collection of one known layout present, and with a
 * key, a manifest signed with it.
 */
export function verifyManifest(backup: string, options: VerifyOptions = {}): BackupManifest {
  if (lstatSync(backup).isSymbolicLink()) throw new Error(`${backup} is a symbolic link`);
  const manifest = JSON.parse(readFileSync(join(backup, MANIFEST), 'utf8')) as BackupManifest;
  if (!Array.isArray(manifest.files)) throw new Error('the manifest lists no files');
  if (options.key) {
    if (!manifest.hmac) throw new Error('the manifest is not signed, but BACKUP_KEY is set');
    const expected = Buffer.from(signManifest(manifest, options.key), 'hex');
    const given = Buffer.from(manifest.hmac, 'hex');
    if (expected.length !== given.length || !timingSafeEqual(expected, given))
      throw new Error('the manifest signature does not match BACKUP_KEY');
  }
  const listed = new Set(manifest.files.map((file) => file.path));
  for (const path of entriesOf(backup)) {
    if (path !== MANIFEST && !listed.has(path))
      throw new Error(`${path} is in the backup but not in its manifest`);
  }
  for (const file of manifest.files) {
    if (file.path.split(/[\\/]/).includes('..') || file.path.startsWith('/'))
      throw new Error(`${file.path} points outside the backup`);
    const content = readFileSync(join(backup, file.path));
    if (sha256(content) !== file.sha256)
      throw new Error(`${file.path} does not match the backup's manifest`);
  }
  const layouts = options.layouts ?? [];
  if (layouts.length > 0 && !layouts.some((files) => files.every((path) => listed.has(path)))) {
    const closest = layouts
      .map((files) => files.filter((path) => !listed.has(path)))
      .sort((a, b) => a.length - b.length)[0];
    throw new Error(
      `the backup is missing ${closest?.slice(0, 3).join(', ')} (not a whole data folder)`,
    );
  }
  return manifest;
}
