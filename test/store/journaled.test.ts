import { appendFile, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StoreCorruptError, WriteHealth } from '../../src/store/envelope.ts';
import { failingWrites, nodeFileLayer } from '../../src/store/fileLayer.ts';
import { JournaledRecords } from '../../src/store/journaled.ts';
import { type User, usersSpec } from '../../src/store/users.ts';
import { shardFileOf } from '../support/storeFiles.ts';

let dir: string;
let full = false;
const layer = failingWrites(nodeFileLayer, () => full);
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kcn-journal-'));
  full = false;
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const user = (id: number, name = `U${id}`): User => ({
  id,
  firstName: name,
  lang: null,
  role: null,
  active: true,
  createdAt: '2026-01-01T00:00:00.000Z',
});
const open = () => JournaledRecords.open(dir, usersSpec, layer, new WriteHealth());
const journals = async () =>
  (await readdir(join(dir, 'users'))).filter((n) => n.endsWith('.jsonl')).sort();

describe('JournaledRecords', () => {
  it('appends a change to the journal (no shard rewritten), and a restart replays it', async () => {
    const users = await open();
    const shard = shardFileOf(dir, usersSpec, '1');
    const before = await readFile(shard, 'utf8');
    const saving = users.put('1', user(1));
    expect(users.get('1')).toBeUndefined();
    await saving;
    expect(users.get('1')?.firstName).toBe('U1');
    expect(await readFile(shard, 'utf8')).toBe(before);
    const [journal = ''] = await journals();
    const lines = (await readFile(join(dir, 'users', journal), 'utf8')).split('\n');
    expect(lines).toHaveLength(2);
    expect(JSON.parse(lines[0] ?? '')).toEqual([['1', user(1)]]);
    await users.remove('1');
    await users.put('2', user(2));
    const reopened = await open();
    expect(reopened.get('1')).toBeUndefined();
    expect(reopened.get('2')?.firstName).toBe('U2');
  });

  it('skips a last line cut short by a crash, and refuses a damaged line by file and number', async () => {
    const users = await open();
    await users.put('1', user(1));
    const [journal = ''] = await journals();
    const file = join(dir, 'users', journal);
    await appendFile(file, '[["2",{"id":2,"firstN');
    const reopened = await open();
    expect(reopened.get('1')?.firstName).toBe('U1');
    expect(reopened.has('2')).toBe(false);

    await reopened.flush();
    const later = join(dir, 'users', 'journal-000009.jsonl');
    const damaged = '[["3",{"id":"three"}]]\n[["4",null]]\n';
    await writeFile(later, damaged);
    const opening = open();
    await expect(opening).rejects.toBeInstanceOf(StoreCorruptError);
    await expect(opening).rejects.toThrow(`${later}: line 1`);
    expect(await readFile(later, 'utf8')).toBe(damaged);
  });

  it('a change refused by a full disk is not visible, and not replayed after a restart', async () => {
    const users = await open();
    await users.put('1', user(1));
    full = true;
    await expect(users.put('2', user(2))).rejects.toMatchObject({ code: 'ENOSPC' });
    await expect(
      users.change('1', (u) => u && { ...u, firstName: 'changed' }),
    ).rejects.toMatchObject({
      code: 'ENOSPC',
    });
    expect(users.has('2')).toBe(false);
    expect(users.get('1')?.firstName).toBe('U1');
    full = false;
    const reopened = await open();
    expect(reopened.has('2')).toBe(false);
    expect(reopened.get('1')?.firstName).toBe('U1');
  });

  it('compacts: a full journal is folded into the shards and deleted, losing nothing', async () => {
    const users = await open();
    const long = 'x'.repeat(1000);
    for (let round = 0; round < 6; round += 1) {
      await Promise.all(
        Array.from({ length: 1000 }, (_, i) => users.put(String(i), user(i, `${round}${long}`))),
      );
    }
    await users.flush();
    expect((await journals()).length).toBe(1);
    const shard = JSON.parse(await readFile(shardFileOf(dir, usersSpec, '7'), 'utf8'));
    // The retired journal's changes are in the shard (a later round too, if the shard was
    // rewritten after it was appended: every entry is a whole record, so that is harmless).
    expect(Number(shard.data['7'].firstName[0])).toBeGreaterThanOrEqual(3);
    const reopened = await open();
    expect(reopened.size).toBe(1000);
    expect(reopened.get('7')?.firstName.startsWith('5')).toBe(true);
    await reopened.flush();
    const again = await open();
    expect(again.get('999')?.firstName.startsWith('5')).toBe(true);
  });
});
