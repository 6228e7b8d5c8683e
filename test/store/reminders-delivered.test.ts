import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sessionSchema } from '../../src/bot/session.ts';
import { ColdRecords } from '../../src/store/coldRecords.ts';
import { WriteHealth } from '../../src/store/envelope.ts';
import { failingWrites, nodeFileLayer } from '../../src/store/fileLayer.ts';
import { openStore, StoreCorruptError } from '../../src/store/index.ts';
import { deliveredRemindersSpec, type Reminder, remindersSpec } from '../../src/store/reminders.ts';
import { readStoredRecords, shardFileOf } from '../support/storeFiles.ts';

let dataDir: string;
beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'kcn-delivered-'));
});
afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

const open = () => openStore({ dataDir, sessionSchema });
const due = new Date('2026-06-01T01:00:00.000Z');
const reminder = (id: string, userId: number, status: Reminder['status']): Reminder => ({
  id,
  userId,
  text: `nộp báo cáo ${id}`,
  dueAt: due.toISOString(),
  repeat: { kind: 'once' },
  status,
  createdAt: due.toISOString(),
});

describe('delivered reminders stay on disk', () => {
  it('an ended reminder leaves memory, is still found by id, and is erased with its user', async () => {
    const store = await open();
    const { reminders } = store.notices;
    const kept = await reminders.add({
      userId: 5,
      text: 'họp',
      dueAt: due,
      repeat: { kind: 'once' },
    });
    const ended = await reminders.add({
      userId: 5,
      text: 'nộp',
      dueAt: due,
      repeat: { kind: 'once' },
    });
    const other = await reminders.add({
      userId: 6,
      text: 'ký',
      dueAt: due,
      repeat: { kind: 'once' },
    });
    await reminders.advance(ended.id, null, 'done');
    await reminders.advance(other.id, null, 'missed');
    expect(reminders.pending().map((r) => r.id)).toEqual([kept.id]);
    expect(reminders.get(ended.id)).toMatchObject({ text: 'nộp', status: 'done' });
    await store.close();

    const hot = await readStoredRecords(dataDir, remindersSpec);
    expect([...hot.keys()]).toEqual([kept.id]);
    const reopened = await open();
    expect(reopened.notices.reminders.pending().map((r) => r.id)).toEqual([kept.id]);
    // After the restart it is read from its file on disk, not from memory.
    expect(reopened.notices.reminders.get(other.id)).toMatchObject({ status: 'missed' });
    expect((await reopened.notices.reminders.removeAllOf(5)).sort()).toEqual(
      [kept.id, ended.id].sort(),
    );
    expect(reopened.notices.reminders.get(ended.id)).toBeUndefined();
    expect(reopened.notices.reminders.get(other.id)).toMatchObject({ userId: 6 });
    await reopened.close();
    const again = await open();
    expect(again.notices.reminders.get(ended.id)).toBeUndefined();
    await again.close();
  });

  it('an ending the disk refused half-way is finished by the next start, never fired again', async () => {
    let full = false;
    const layer = failingWrites(
      nodeFileLayer,
      (file) => full && file.includes(deliveredRemindersSpec.name),
    );
    const store = await openStore({ dataDir, sessionSchema, layer });
    const { reminders } = store.notices;
    const once = await reminders.add({
      userId: 8,
      text: 'ký',
      dueAt: due,
      repeat: { kind: 'once' },
    });
    full = true;
    await expect(reminders.advance(once.id, null, 'done')).rejects.toMatchObject({
      code: 'ENOSPC',
    });
    expect(reminders.pending()).toEqual([]);
    expect(reminders.get(once.id)?.status).toBe('done');
    await store.close();
    full = false;
    const reopened = await open();
    expect(reopened.notices.reminders.pending()).toEqual([]);
    expect(reopened.notices.reminders.get(once.id)?.status).toBe('done');
    await reopened.close();
    expect((await readStoredRecords(dataDir, remindersSpec)).size).toBe(0);
  });

  it('moves ended reminders an older version kept with the pending ones', async () => {
    const first = await open();
    await first.close();
    const hot = reminder('a1', 7, 'done');
    const file = shardFileOf(dataDir, remindersSpec, 'a1');
    await writeFile(file, JSON.stringify({ version: 1, data: { a1: hot } }));
    const store = await open();
    expect(store.notices.reminders.pending()).toEqual([]);
    expect(store.notices.reminders.get('a1')).toEqual(hot);
    await store.close();
    expect((await readStoredRecords(dataDir, remindersSpec)).size).toBe(0);
  });

  it('folds its journal into the shard files, losing nothing, and refuses a damaged shard', async () => {
    const health = new WriteHealth();
    const cold = await ColdRecords.open(
      dataDir,
      deliveredRemindersSpec,
      nodeFileLayer,
      health,
      2000,
    );
    for (let round = 0; round < 4; round += 1) {
      await Promise.all(
        Array.from({ length: 30 }, (_, i) => cold.put(`r${i}`, reminder(`r${i}`, round, 'done'))),
      );
    }
    await cold.remove('r3');
    await cold.close();
    const dir = join(dataDir, deliveredRemindersSpec.name);
    expect((await readdir(dir)).filter((name) => name.startsWith('journal')).length).toBeLessThan(
      3,
    );
    const reopened = await ColdRecords.open(dataDir, deliveredRemindersSpec, nodeFileLayer, health);
    await reopened.flush();
    expect((await readdir(dir)).filter((name) => name.startsWith('journal'))).toHaveLength(1);
    expect(reopened.get('r7')?.userId).toBe(3);
    expect(reopened.get('r3')).toBeUndefined();
    expect((await reopened.keysWhere((r) => r.userId === 3)).length).toBe(29);
    await reopened.close();

    const damaged = shardFileOf(dataDir, deliveredRemindersSpec, 'r7');
    await writeFile(damaged, '{"version":1,"data":{"r7":{"id":"r7"}}}');
    const broken = await ColdRecords.open(dataDir, deliveredRemindersSpec, nodeFileLayer, health);
    expect(() => broken.get('r7')).toThrow(StoreCorruptError);
    expect(() => broken.get('r7')).toThrow(damaged);
    await broken.close();
  });
});
