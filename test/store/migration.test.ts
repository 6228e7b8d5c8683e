import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sessionSchema } from '../../src/bot/session.ts';
import { verifyManifest } from '../../src/store/backup.ts';
import { openStore, StoreCorruptError } from '../../src/store/index.ts';

let root: string;
let dataDir: string;
let backupDir: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'kcn-migrate-'));
  dataDir = join(root, 'data');
  backupDir = join(root, 'backups');
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

const envelope = (data: unknown) => JSON.stringify({ version: 1, data });
const at = '2026-03-01T00:00:00.000Z';

/** A data folder as the one-file layout left it, with a bit of everything. */
async function legacyFolder(): Promise<void> {
  const { mkdir } = await import('node:fs/promises');
  await mkdir(dataDir, { recursive: true });
  const users = Object.fromEntries(
    Array.from({ length: 300 }, (_, i) => [
      String(i + 1),
      {
        id: i + 1,
        firstName: `U${i + 1}`,
        lang: 'vi',
        role: 'worker',
        active: true,
        createdAt: at,
      },
    ]),
  );
  await writeFile(join(dataDir, 'users.json'), envelope(users));
  await writeFile(
    join(dataDir, 'sessions.json'),
    envelope({ '1:1': { dialogue: { kind: 'idle' }, updatedAt: at } }),
  );
  await writeFile(
    join(dataDir, 'subscriptions.json'),
    envelope({ '2': { channels: ['general', 'park:que-vo'], updatedAt: at } }),
  );
  await writeFile(
    join(dataDir, 'reminders.json'),
    envelope({
      r1: {
        id: 'r1',
        userId: 3,
        text: 'nộp báo cáo',
        dueAt: '2026-04-01T01:00:00.000Z',
        repeat: { kind: 'once' },
        status: 'pending',
        createdAt: at,
      },
    }),
  );
  const to = Array.from({ length: 1200 }, (_, i) => i + 1);
  await writeFile(
    join(dataDir, 'outbox.json'),
    envelope({
      job: {
        id: 'job',
        priority: 2,
        createdAt: at,
        message: { kind: 'broadcast', broadcastId: 'b', text: 'Thông báo' },
        to,
        marks: `${'s'.repeat(700)}${'.'.repeat(500)}`,
      },
    }),
  );
  await writeFile(join(dataDir, 'feedback.json'), envelope({ unanswered: [], votes: [] }));
}

describe('moving a one-file data folder to the sharded layout', () => {
  it('backs the folder up first, moves every record, and removes the old files', async () => {
    await legacyFolder();
    const store = await openStore({ dataDir, sessionSchema, backupDir });
    expect(store.migration?.files).toEqual([
      'users.json',
      'sessions.json',
      'subscriptions.json',
      'reminders.json',
      'outbox.json',
      'feedback.json',
    ]);
    const [backupName] = await readdir(backupDir);
    expect(backupName).toMatch(/^kcn-premigration-/);
    const manifest = verifyManifest(join(backupDir, backupName ?? ''));
    expect(manifest.files.map((f) => f.path)).toContain('users.json');
    expect(await readFile(join(backupDir, backupName ?? '', 'users.json'), 'utf8')).toContain(
      'U300',
    );

    expect(store.users.all()).toHaveLength(300);
    expect(store.users.get(300)?.firstName).toBe('U300');
    expect(store.sessions.get('1:1')).toEqual({ dialogue: { kind: 'idle' }, updatedAt: at });
    expect(store.notices.subscriptions.get(2)).toEqual(['general', 'park:que-vo']);
    expect(store.notices.reminders.pendingOf(3).map((r) => r.text)).toEqual(['nộp báo cáo']);
    const job = store.notices.outbox.get('job');
    expect(job?.to).toHaveLength(1200);
    expect(job?.marks).toBe(`${'s'.repeat(700)}${'.'.repeat(500)}`);
    const left = await readdir(dataDir);
    expect(left).not.toContain('users.json');
    expect(left).toEqual(expect.arrayContaining(['users', 'sessions', 'outbox', 'feedback']));
    expect(left).not.toContain('feedback.json');

    await store.notices.outbox.mark('job', 1100, 's');
    await store.close();
    const reopened = await openStore({ dataDir, sessionSchema, backupDir });
    expect(reopened.migration).toBeNull();
    expect(reopened.notices.outbox.get('job')?.marks[1100]).toBe('s');
    expect(reopened.users.all()).toHaveLength(300);
    expect(await readdir(backupDir)).toHaveLength(1);
    await reopened.close();
  });

  it('redoes a migration cut short, from the old file that is still there', async () => {
    await legacyFolder();
    await (await openStore({ dataDir, sessionSchema, backupDir })).close();
    // As if the process died after writing shards but before removing users.json.
    const users = Object.fromEntries(
      [[7, 'Bảy']].map(([id, name]) => [
        String(id),
        { id, firstName: name, lang: null, role: null, active: true, createdAt: at },
      ]),
    );
    await writeFile(join(dataDir, 'users.json'), envelope(users));
    const store = await openStore({ dataDir, sessionSchema, backupDir });
    expect(store.migration?.files).toEqual(['users.json']);
    expect(store.users.all().map((u) => u.firstName)).toEqual(['Bảy']);
    await store.close();
  });

  it('refuses a corrupt old file by name before changing anything', async () => {
    await legacyFolder();
    const corrupt = '{"version": 1, "data": {"1": {"id": 1,';
    await writeFile(join(dataDir, 'reminders.json'), corrupt);
    const opening = openStore({ dataDir, sessionSchema, backupDir });
    await expect(opening).rejects.toBeInstanceOf(StoreCorruptError);
    await expect(opening).rejects.toThrow(join(dataDir, 'reminders.json'));
    expect(await readFile(join(dataDir, 'reminders.json'), 'utf8')).toBe(corrupt);
    expect(await readdir(dataDir)).toContain('users.json');
    expect(await readdir(dataDir)).not.toContain('users');
  });
});
