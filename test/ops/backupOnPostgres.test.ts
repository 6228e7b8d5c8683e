import { execFile } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);

/** Runs an npm ops script as an operator would, returning its exit code and output. */
async function script(file: string, args: string[], env: Record<string, string>) {
  try {
    const { stdout, stderr } = await run('npx', ['tsx', file, ...args], {
      env: { ...process.env, ...env },
    });
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, output: failed.stdout + failed.stderr };
  }
}

describe('backup and restore with DATABASE_URL set', () => {
  let root: string;
  let env: Record<string, string>;
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'kcn-pg-backup-'));
    env = {
      DATABASE_URL: 'postgres://kcn:secret@127.0.0.1:1/kcn',
      DATA_DIR: join(root, 'data'),
      BACKUP_DIR: join(root, 'backups'),
    };
  });
  afterAll(() => rm(root, { recursive: true, force: true }));

  it('refuse to copy DATA_DIR, which holds none of the data, and point to pg_dump', async () => {
    const backup = await script('src/ops/backup.ts', [], env);
    expect(backup.code).toBe(1);
    expect(backup.output).toContain('pg_dump');
    expect(await readdir(root)).not.toContain('backups');
    const restore = await script('src/ops/restore.ts', [join(root, 'backups', 'x')], env);
    expect(restore.code).toBe(1);
    expect(restore.output).toContain('pg_restore');
    expect(restore.output).not.toContain('secret');
  });
});
