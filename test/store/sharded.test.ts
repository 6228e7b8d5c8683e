import { chmod, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sessionSchema } from '../../src/bot/session.ts';
import { StoreCorruptError, WriteHealth } from '../../src/store/envelope.ts';
import { nodeFileLayer } from '../../src/store/fileLayer.ts';
import { openStore } from '../../src/store/index.ts';
import { ShardedRecords, shardFileName } from '../../src/store/sharded.ts';
import { type User, usersSpec } from '../../src/store/users.ts';
import { shardFileOf } from '../support/storeFiles.ts';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kcn-sharded-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const user = (id: number): User => ({
  id,
  firstName: `U${id}`,
  lang: null,
  role: null,
  active: true,
  createdAt: '2026-01-01T00:00:00.000Z',
});
const open = () => ShardedRecords.open(dir, usersSpec, nodeFileLayer, new WriteHealth());

describe('ShardedRecords', () => {
  it('rewrites only the shard holding the changed record', async () => {
    const users = await open();
    await Promise.all(Array.from({ length: 2000 }, (_, i) => users.put(String(i), user(i))));
    const target = shardFileOf(dir, usersSpec, '7');
    const others = (await readdir(join(dir, 'users'))).filter(
      (name) => join(dir, 'users', name) !== target && name.endsWith('.json'),
    );
    const before = await Promise.all(others.map((n) => stat(join(dir, 'users', n))));
    const writes = users.stats().writes;
    await users.change('7', (u) => u && { ...u, role: 'worker' });
    expect(users.stats().writes - writes).toBe(1);
    const after = await Promise.all(others.map((n) => stat(join(dir, 'users', n))));
    expect(after.map((s) => s.mtimeMs)).toEqual(before.map((s) => s.mtimeMs));
    const shard = JSON.parse(await readFile(target, 'utf8')).data;
    expect(shard['7'].role).toBe('worker');
    expect(Object.keys(shard).length).toBeLessThan(2000 / 64);
    const reopened = await open();
    expect(reopened.size).toBe(2000);
    expect(reopened.get('7')?.role).toBe('worker');
  });

  it('creates every shard with private modes, and refuses a folder with one missing', async () => {
    await open();
    expect((await stat(join(dir, 'users'))).mode & 0o777).toBe(0o700);
    const missing = join(dir, 'users', shardFileName('users', 3));
    expect((await stat(missing)).mode & 0o777).toBe(0o600);
    await rm(missing);
    const opening = open();
    await expect(opening).rejects.toBeInstanceOf(StoreCorruptError);
    await expect(opening).rejects.toThrow(missing);
  });

  it('narrows a data file an older version left readable by others to 0600', async () => {
    await open();
    const file = join(dir, 'users', shardFileName('users', 2));
    await chmod(file, 0o644);
    await open();
    expect((await stat(file)).mode & 0o777).toBe(0o600);
  });

  it('refuses a corrupt shard by name and leaves it untouched', async () => {
    await open();
    const file = join(dir, 'users', shardFileName('users', 5));
    await writeFile(file, '{"version": 1, "data": {"1": {"id": "one"}}}');
    await expect(open()).rejects.toThrow(file);
    expect(await readFile(file, 'utf8')).toContain('"one"');
  });

  it('refuses a stray file in a collection folder rather than ignoring data', async () => {
    await open();
    await writeFile(join(dir, 'users', 'users-9999.json'), '{"version":1,"data":{}}');
    await expect(open()).rejects.toThrow(/users-9999\.json/);
  });
});

describe('openStore', () => {
  it('stores a profile only when it changed, and a missing first name as empty', async () => {
    const store = await openStore({ dataDir: dir, sessionSchema });
    await store.users.touch({ id: 5, first_name: 'Lan' });
    const writes = store.writeStats().writes;
    await store.users.touch({ id: 5, first_name: 'Lan' });
    await store.users.setLang(5, 'vi');
    await store.users.setLang(5, 'vi');
    expect(store.writeStats().writes - writes).toBe(1);
    await store.users.touch({ id: 6 } as unknown as { id: number; first_name: string });
    expect(store.users.get(6)?.firstName).toBe('');
    await expect(openStore({ dataDir: dir, sessionSchema })).resolves.toBeDefined();
  });
});
