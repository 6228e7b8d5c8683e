import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

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

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The pid holding `dataDir`, or null when nobody (alive) does. */
export async function lockHolder(dataDir: string): Promise<number | null> {
  const raw = await readFile(join(dataDir, LOCK_FILE), 'utf8').catch(() => '');
  const pid = Number.parseInt(raw, 10);
  return Number.isInteger(pid) && pid > 0 && pid !== process.pid && isAlive(pid) ? pid : null;
}

/**
 * Claims DATA_DIR for this process: lowdb keeps each file in memory, so a second process on
 * the same files would silently lose writes. A lock left by a crashed process is taken over.
 */
export async function lockDataDir(dataDir: string): Promise<() => Promise<void>> {
  await mkdir(dataDir, { recursive: true });
  const holder = await lockHolder(dataDir);
  if (holder !== null) throw new DataDirLockedError(dataDir, holder);
  const file = join(dataDir, LOCK_FILE);
  await writeFile(file, String(process.pid));
  return async () => {
    const raw = await readFile(file, 'utf8').catch(() => '');
    if (raw === String(process.pid)) await rm(file, { force: true });
  };
}
