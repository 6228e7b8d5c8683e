import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { nextBackupTime } from '../src/ops/dailyBackup.ts';
import { createBackup, pruneBackups, verifyManifest } from '../src/store/backup.ts';

const local = (date: Date, timeZone: string) =>
  new Intl.DateTimeFormat('sv-SE', { timeZone, dateStyle: 'short', timeStyle: 'short' }).format(
    date,
  );

describe('nextBackupTime', () => {
  it('is today at the hour if still ahead, else tomorrow, in the board’s time zone', () => {
    const zone = 'Asia/Ho_Chi_Minh';
    expect(local(nextBackupTime(new Date('2026-11-26T18:00:00Z'), 2, zone), zone)).toBe(
      '2026-11-27 02:00',
    );
    expect(local(nextBackupTime(new Date('2026-11-26T20:00:00Z'), 2, zone), zone)).toBe(
      '2026-11-28 02:00',
    );
    expect(local(nextBackupTime(new Date('2026-12-31T18:30:00Z'), 2, zone), zone)).toBe(
      '2027-01-01 02:00',
    );
  });
});

describe('createBackup', () => {
  let dataDir: string;
  let backupDir: string;
  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'kcn-data-'));
    backupDir = await mkdtemp(join(tmpdir(), 'kcn-backups-'));
  });
  afterEach(async () => {
    await rm(dataDir, { recursive: true, force: true });
    await rm(backupDir, { recursive: true, force: true });
  });

  it('copies every data file with a manifest, and keeps only the newest backups', async () => {
    await writeFile(join(dataDir, 'users.json'), '{"version":1,"data":{}}');
    await writeFile(join(dataDir, 'bot.pid'), '123');
    const stamps = ['2026-11-20T02:00:00Z', '2026-11-21T02:00:00Z', '2026-11-22T02:00:00Z'];
    const made = [];
    for (const stamp of stamps) made.push(await createBackup(dataDir, backupDir, new Date(stamp)));
    const manifest = verifyManifest(made[2] ?? '');
    expect(manifest.files.map((f) => f.path)).toEqual(['users.json']);
    expect(await pruneBackups(backupDir, 2)).toHaveLength(1);
    expect((await readdir(backupDir)).sort()).toEqual([
      'kcn-backup-20261121-020000',
      'kcn-backup-20261122-020000',
    ]);
  });
});
