import { mkdir, mkdtemp, readdir, readFile, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sessionSchema } from '../../src/bot/session.ts';
import { type BackupManifest, createBackup } from '../../src/store/backup.ts';
import { openStore } from '../../src/store/index.ts';
import { RestoreRefusedError, restoreBackup } from '../../src/store/restore.ts';
import type { NewTicket } from '../../src/store/tickets/index.ts';

let root: string;
let dataDir: string;
let backupDir: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'kcn-restore-'));
  dataDir = join(root, 'data');
  backupDir = join(root, 'backups');
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

const filing: NewTicket = {
  type: 'complaint',
  category: 'wages',
  parkId: 'tien-son',
  company: null,
  description: 'Chậm lương',
  attachments: [],
  anonymous: false,
  filer: { userId: 1, chatId: 1, name: 'An' },
};

async function storeWithData(): Promise<string> {
  const store = await openStore({ dataDir, sessionSchema });
  await store.users.touch({ id: 1, first_name: 'An' });
  await store.tickets.create(filing);
  await store.flush();
  return createBackup(dataDir, backupDir, new Date('2026-05-01T02:00:00Z'), {
    key: 'k'.repeat(32),
  });
}

const restore = (backup: string, key?: string) =>
  restoreBackup({ backup, dataDir, sessionSchema, key });
const manifestOf = async (backup: string) =>
  JSON.parse(await readFile(join(backup, 'manifest.json'), 'utf8')) as BackupManifest;

describe('restoreBackup', () => {
  it('restores a signed backup with private modes, keeping the old folder aside', async () => {
    const backup = await storeWithData();
    expect((await stat(backup)).mode & 0o777).toBe(0o700);
    expect((await stat(join(backup, 'schedules.json'))).mode & 0o777).toBe(0o600);
    const kept = await restore(backup, 'k'.repeat(32));
    expect(kept).toMatch(/before-restore/);
    const store = await openStore({ dataDir, sessionSchema });
    expect(store.users.get(1)?.firstName).toBe('An');
  });

  it('never reissues a ticket code the replaced folder had given out', async () => {
    const backup = await storeWithData();
    const store = await openStore({ dataDir, sessionSchema });
    const lost = await store.tickets.create(filing);
    expect(lost.code).toBe('KN-0002');
    await restore(backup);
    const restored = await openStore({ dataDir, sessionSchema });
    expect(restored.tickets.get('KN-0002')).toBeUndefined();
    expect((await restored.tickets.create(filing)).code).toBe('KN-0003');
  });

  it('refuses a file the manifest does not list, and leaves the data folder alone', async () => {
    const backup = await storeWithData();
    await writeFile(join(backup, 'extra.json'), '{}');
    await expect(restore(backup)).rejects.toThrow(
      /extra\.json is in the backup but not in its manifest/,
    );
    expect(await readdir(root)).not.toContain(expect.stringMatching(/before-restore/));
  });

  it('refuses a symbolic link', async () => {
    const backup = await storeWithData();
    const target = join(backup, 'schedules.json');
    const outside = join(root, 'elsewhere.json');
    await writeFile(outside, await readFile(target));
    await rm(target);
    await symlink(outside, target);
    await expect(restore(backup)).rejects.toThrow(/symbolic link/);
  });

  it('refuses a manifest with a collection dropped, even with checksums that match', async () => {
    const backup = await storeWithData();
    const manifest = await manifestOf(backup);
    const dropped = manifest.files.find((f) => /^users\/users-\d+\.json$/.test(f.path));
    manifest.files = manifest.files.filter((f) => f !== dropped);
    delete manifest.hmac;
    await writeFile(join(backup, 'manifest.json'), JSON.stringify(manifest));
    await rm(join(backup, dropped?.path ?? ''));
    await expect(restore(backup)).rejects.toThrow(/missing users\//);
  });

  it('with BACKUP_KEY, refuses a file changed together with its checksum', async () => {
    const backup = await storeWithData();
    const manifest = await manifestOf(backup);
    await writeFile(join(backup, 'schedules.json'), '{"version":1,"data":{}} ');
    const { createHash } = await import('node:crypto');
    const entry = manifest.files.find((f) => f.path === 'schedules.json');
    if (entry)
      entry.sha256 = createHash('sha256')
        .update(await readFile(join(backup, 'schedules.json')))
        .digest('hex');
    await writeFile(join(backup, 'manifest.json'), JSON.stringify(manifest));
    await expect(restore(backup, 'k'.repeat(32))).rejects.toThrow(/signature does not match/);
    await expect(restore(backup, 'x'.repeat(32))).rejects.toBeInstanceOf(RestoreRefusedError);
  });

  it('restores a backup in the one-file layout, which the next start migrates', async () => {
    const old = join(root, 'old');
    await mkdir(old, { recursive: true });
    const envelope = (data: unknown) => JSON.stringify({ version: 1, data });
    const empty = ['sessions', 'subscriptions', 'reminders', 'schedules', 'outbox', 'broadcasts'];
    for (const name of empty) await writeFile(join(old, `${name}.json`), envelope({}));
    await writeFile(join(old, 'feedback.json'), envelope({ unanswered: [], votes: [] }));
    await writeFile(
      join(old, 'users.json'),
      envelope({
        '9': { id: 9, firstName: 'Chín', lang: 'vi', role: null, active: true, createdAt: 'x' },
      }),
    );
    const backup = await createBackup(old, backupDir);
    await restore(backup);
    const store = await openStore({ dataDir, sessionSchema, backupDir: join(root, 'migration') });
    expect(store.migration).not.toBeNull();
    expect(store.users.get(9)?.firstName).toBe('Chín');
  });
});
