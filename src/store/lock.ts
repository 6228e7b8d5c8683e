import { readFileSync } from 'node:fs';
import { open, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { FILE_MODE, nodeFileLayer } from './fileLayer.ts';

/** Raised when another live process already owns DATA_DIR. */
export class DataDirLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly pid: number,
  ) {
    super(
      `${dataDir} is in use by process ${pid}. Two bots on one data folder would overwrite each other's writes; stop the other one first.`,
    );
    this.name = 'DataDirLockedError';
  }
}

const LOCK_FILE = 'bot.pid';

/** Who holds the lock: a pid alone can be reused after a reboot, a pid with its start time cannot. */
export interface LockOwner {
  pid: number;
  /** Field 22 of /proc/<pid>/stat (clock ticks since boot), null where /proc is unavailable. */
  startTime: string | null;
}

/** The start time of process `pid`, or null if it does not exist (or /proc is unavailable). */
export function processStartTime(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) is in parentheses and may contain spaces: count after it.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return fields[19] ?? null;
  } catch {
    return null;
  }
}

function exists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function parseOwner(raw: string): LockOwner | null {
  try {
    const json = JSON.parse(raw) as Partial<LockOwner>;
    if (typeof json === 'number') return { pid: json, startTime: null };
    if (Number.isInteger(json.pid) && (json.pid ?? 0) > 0)
      return { pid: json.pid as number, startTime: json.startTime ?? null };
  } catch {
    // Not JSON: the plain-pid format of older versions, or garbage.
  }
  const pid = Number.parseInt(raw, 10);
  return Number.isInteger(pid) && pid > 0 ? { pid, startTime: null } : null;
}

/** Whether the recorded owner is this very process still running (not a reuse of its pid). */
function isLive(owner: LockOwner): boolean {
  if (!exists(owner.pid)) return false;
  const current = processStartTime(owner.pid);
  if (owner.startTime !== null && current !== null) return owner.startTime === current;
  if (current === null) return true; // No /proc: a live pid is all we can know.
  // An old plain-pid lock: only a Node process can be the bot.
  try {
    return /node|tsx/.test(readFileSync(`/proc/${owner.pid}/cmdline`, 'utf8'));
  } catch {
    return true;
  }
}

async function readOwner(file: string): Promise<LockOwner | null> {
  const raw = await readFile(file, 'utf8').catch(() => '');
  return parseOwner(raw.trim());
}

/** The pid holding `dataDir`, or null when nobody (alive) does. */
export async function lockHolder(dataDir: string): Promise<number | null> {
  const owner = await readOwner(join(dataDir, LOCK_FILE));
  if (!owner || owner.pid === process.pid) return null;
  return isLive(owner) ? owner.pid : null;
}

export interface LockOptions {
  /** Told when a lock left by a dead process (or a reused pid) is taken over. */
  onTakeover?: (stale: LockOwner) => void;
}

/**
 * Claims DATA_DIR for this process: the store keeps each file in memory, so a second process on
 * the same files would silently lose writes. The lock file records pid and process start time,
 * so a lock left by a crash is recognised even when its pid now belongs to another process;
 * such a lock is taken over (and reported through `onTakeover`). The file is created with
 * O_EXCL, so two bots starting at once cannot both win.
 */
export async function lockDataDir(
  dataDir: string,
  options: LockOptions = {},
): Promise<() => Promise<void>> {
  await nodeFileLayer.ensureDir(dataDir);
  const file = join(dataDir, LOCK_FILE);
  const me: LockOwner = { pid: process.pid, startTime: processStartTime(process.pid) };
  const text = JSON.stringify(me);
  for (let attempt = 0; attempt < 5; attempt += 1) {
    try {
      const handle = await open(file, 'wx', FILE_MODE);
      try {
        await handle.writeFile(text);
        await handle.sync();
      } finally {
        await handle.close();
      }
      return async () => {
        const raw = await readFile(file, 'utf8').catch(() => '');
        if (raw === text) await rm(file, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const owner = await readOwner(file);
    if (owner && owner.pid !== process.pid && isLive(owner)) {
      throw new DataDirLockedError(dataDir, owner.pid);
    }
    if (owner) options.onTakeover?.(owner);
    await rm(file, { force: true });
  }
  throw new Error(`could not take the lock ${file}: it keeps changing`);
}
