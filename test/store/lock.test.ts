import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  DataDirLockedError,
  type LockOwner,
  lockDataDir,
  lockHolder,
  processStartTime,
} from '../../src/store/lock.ts';

let dir: string;
const children: ReturnType<typeof spawn>[] = [];
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kcn-lock-'));
});
afterEach(async () => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
  await rm(dir, { recursive: true, force: true });
});

/** A live process that is not a bot: `sleep`. */
function unrelatedProcess(): number {
  const child = spawn('sleep', ['30'], { stdio: 'ignore' });
  children.push(child);
  return child.pid ?? 0;
}

describe('the data folder lock', () => {
  it('records pid and process start time, private, and releases on unlock', async () => {
    const unlock = await lockDataDir(dir);
    const file = join(dir, 'bot.pid');
    const owner = JSON.parse(await readFile(file, 'utf8')) as LockOwner;
    expect(owner.pid).toBe(process.pid);
    expect(owner.startTime).toBe(processStartTime(process.pid));
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    await unlock();
    await expect(stat(file)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('takes over a lock whose pid now belongs to another live process, and says so', async () => {
    const pid = unrelatedProcess();
    await writeFile(join(dir, 'bot.pid'), JSON.stringify({ pid, startTime: '1' }));
    const stale: LockOwner[] = [];
    const unlock = await lockDataDir(dir, { onTakeover: (owner) => stale.push(owner) });
    expect(stale).toEqual([{ pid, startTime: '1' }]);
    expect(JSON.parse(await readFile(join(dir, 'bot.pid'), 'utf8')).pid).toBe(process.pid);
    await unlock();
  });

  it('takes over an old plain-pid lock held by a live process that is not Node', async () => {
    const pid = unrelatedProcess();
    await writeFile(join(dir, 'bot.pid'), String(pid));
    expect(await lockHolder(dir)).toBeNull();
    const unlock = await lockDataDir(dir, { onTakeover: () => undefined });
    await unlock();
  });

  it('takes over a lock of a process that is gone', async () => {
    await writeFile(join(dir, 'bot.pid'), JSON.stringify({ pid: 2 ** 22 + 17, startTime: '5' }));
    const unlock = await lockDataDir(dir);
    await unlock();
  });

  it('still refuses the lock of a live bot', async () => {
    const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)'], {
      stdio: 'ignore',
    });
    children.push(child);
    const pid = child.pid ?? 0;
    await new Promise((resolve) => setTimeout(resolve, 100));
    await writeFile(
      join(dir, 'bot.pid'),
      JSON.stringify({ pid, startTime: processStartTime(pid) }),
    );
    await expect(lockDataDir(dir)).rejects.toBeInstanceOf(DataDirLockedError);
    expect(await lockHolder(dir)).toBe(pid);
  });
});
