import { existsSync, readFileSync } from 'node:fs';
import {
  chmod,
  mkdir,
  open,
  readdir,
  readFile,
  rename,
  rm,
  statfs,
  unlink,
  writeFile,
} from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { Adapter } from 'lowdb';

/** Data files are readable by the bot's account only: they hold who complained. */
export const FILE_MODE = 0o600;
export const DIR_MODE = 0o700;

/**
 * The few file operations the store performs, behind one seam: unit tests pass a faulty one
 * (see {@link failingWrites}), and e2e tests select a fault by environment ({@link fileLayerFromEnv}).
 */
export interface FileLayer {
  /** Writes `data` to `file` atomically (temporary file, fsync, rename, fsync of the folder). */
  writeAtomic(file: string, data: string): Promise<void>;
  /** Writes a file with no durability promise (a new folder's files, made durable by a rename). */
  writeFresh(file: string, data: string): Promise<void>;
  /** The file's text, or null when it does not exist; narrows its mode to 0600 (older files were 0644). */
  readText(file: string): Promise<string | null>;
  /** `readText` without waiting: for a rare read of a cold record inside a synchronous lookup. */
  readTextSync(file: string): string | null;
  /** Names in `dir`, or null when it does not exist. */
  list(dir: string): Promise<string[] | null>;
  ensureDir(dir: string): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  removeTree(path: string): Promise<void>;
  /** Free bytes on the file system holding `dir`. */
  freeBytes(dir: string): Promise<number>;
  /** Opens (creating) a file for durable appends, e.g. a journal. */
  openAppend(file: string): Promise<Appender>;
}

/** Durable appends to one file: `append` resolves once the data is on disk. */
export interface Appender {
  /** Appends all of `data` or, on failure, nothing: a partial append is cut off again. */
  append(data: string): Promise<void>;
  close(): Promise<void>;
}

async function nodeAppender(file: string): Promise<Appender> {
  const handle = await open(file, 'a', FILE_MODE);
  await handle.chmod(FILE_MODE);
  await syncPath(dirname(file), 'r');
  let size = (await handle.stat()).size;
  let broken: unknown = null;
  return {
    async append(data) {
      if (broken) throw broken;
      const bytes = Buffer.from(data, 'utf8');
      try {
        await handle.write(bytes);
        await handle.datasync();
        size += bytes.length;
      } catch (error) {
        // Leave no acknowledged-looking line behind: the caller reports this change as not saved.
        try {
          await handle.truncate(size);
          await handle.datasync();
        } catch (truncateError) {
          broken = truncateError;
        }
        throw error;
      }
    },
    close: () => handle.close(),
  };
}

async function syncPath(path: string, flags: string): Promise<void> {
  const handle = await open(path, flags);
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

export const nodeFileLayer: FileLayer = {
  async writeAtomic(file, data) {
    const temporary = join(dirname(file), `.${basename(file)}.tmp`);
    const handle = await open(temporary, 'w', FILE_MODE);
    try {
      // A temporary file left by an older version may exist with wider permissions.
      await handle.chmod(FILE_MODE);
      await handle.writeFile(data, 'utf8');
      await handle.sync();
    } catch (error) {
      await handle.close().catch(() => undefined);
      await unlink(temporary).catch(() => undefined);
      throw error;
    }
    await handle.close();
    await rename(temporary, file);
    // The rename is durable only once the folder entry is: a power cut must not undo it.
    await syncPath(dirname(file), 'r');
  },
  writeFresh: (file, data) => writeFile(file, data, { mode: FILE_MODE }),
  list: (dir) =>
    readdir(dir).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return null;
      throw error;
    }),
  async rename(from, to) {
    await rename(from, to);
    await syncPath(dirname(to), 'r');
  },
  removeTree: (path) => rm(path, { recursive: true, force: true }),
  async readText(file) {
    const text = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return null;
      throw error;
    });
    // Files written by older versions were 0644: narrow them the first time they are read.
    // (Best effort: a read-only mount or a file owned by another account is still readable.)
    if (text !== null) await chmod(file, FILE_MODE).catch(() => undefined);
    return text;
  },
  readTextSync(file) {
    try {
      return readFileSync(file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  },
  async ensureDir(dir) {
    await mkdir(dir, { recursive: true, mode: DIR_MODE });
    await chmod(dir, DIR_MODE);
  },
  async freeBytes(dir) {
    const stats = await statfs(dir);
    return stats.bavail * stats.bsize;
  },
  openAppend: nodeAppender,
};

/** An error shaped like the one Node raises on a full disk. */
export function enospcError(file: string): NodeJS.ErrnoException {
  const error: NodeJS.ErrnoException = new Error(
    `ENOSPC: no space left on device, write '${file}'`,
  );
  error.code = 'ENOSPC';
  error.errno = -28;
  error.syscall = 'write';
  return error;
}

/**
 * Test-only: a layer whose writes fail with ENOSPC whenever `failing()` says so, leaving the
 * target file as it was (like a real full disk, which fails before the rename).
 */
export function failingWrites(base: FileLayer, failing: (file: string) => boolean): FileLayer {
  return {
    ...base,
    async writeAtomic(file, data) {
      if (failing(file)) throw enospcError(file);
      await base.writeAtomic(file, data);
    },
    async writeFresh(file, data) {
      if (failing(file)) throw enospcError(file);
      await base.writeFresh(file, data);
    },
    async openAppend(file) {
      const appender = await base.openAppend(file);
      return {
        async append(data) {
          if (failing(file)) throw enospcError(file);
          await appender.append(data);
        },
        close: () => appender.close(),
      };
    },
  };
}

/**
 * The layer the bot uses. For end-to-end tests of a full disk, `STORE_FAULT_ENOSPC_WHILE` names a
 * file: while that file exists, every data write fails with ENOSPC (create it to fill the disk,
 * delete it to free space). Unset in production; it only ever makes writes fail, never succeed.
 */
export function fileLayerFromEnv(env: Record<string, string | undefined>): FileLayer {
  const trigger = env.STORE_FAULT_ENOSPC_WHILE;
  if (!trigger) return nodeFileLayer;
  return failingWrites(nodeFileLayer, () => existsSync(trigger));
}

/**
 * A lowdb adapter over a {@link FileLayer}: text in, text out, written atomically and durably
 * with private modes. The store serialises itself (it validates and batches before writing).
 */
export class DurableTextFile implements Adapter<string> {
  constructor(
    readonly file: string,
    private readonly layer: FileLayer,
  ) {}

  read(): Promise<string | null> {
    return this.layer.readText(this.file);
  }

  write(data: string): Promise<void> {
    return this.layer.writeAtomic(this.file, data);
  }
}
