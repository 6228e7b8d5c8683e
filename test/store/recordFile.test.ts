import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { Collection } from '../../src/store/collection.ts';
import { StoreValidationError, WriteHealth } from '../../src/store/envelope.ts';
import { failingWrites, nodeFileLayer } from '../../src/store/fileLayer.ts';
import { RecordFile } from '../../src/store/recordFile.ts';

const schema = z.object({ name: z.string(), n: z.number() });
type Item = z.infer<typeof schema>;

let dir: string;
let full = false;
const layer = failingWrites(nodeFileLayer, () => full);
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kcn-records-'));
  full = false;
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const open = (health = new WriteHealth()) =>
  RecordFile.open<Item>(join(dir, 'items.json'), 1, schema, layer, health, true);
const onDisk = async () =>
  JSON.parse(await readFile(join(dir, 'items.json'), 'utf8')).data as Record<string, Item>;

describe('RecordFile', () => {
  it('makes a change visible only once its write is on disk', async () => {
    const file = await open();
    const saving = file.put('a', { name: 'An', n: 1 });
    expect(file.get('a')).toBeUndefined();
    await saving;
    expect(file.get('a')).toEqual({ name: 'An', n: 1 });
    expect((await onDisk()).a).toEqual({ name: 'An', n: 1 });
  });

  it('on a failed write (ENOSPC) rejects, keeps memory as on disk, and records the failure', async () => {
    const health = new WriteHealth();
    const file = await open(health);
    await file.put('a', { name: 'An', n: 1 });
    full = true;
    await expect(file.change('a', (item) => item && { ...item, n: 2 })).rejects.toMatchObject({
      code: 'ENOSPC',
    });
    await expect(file.put('b', { name: 'Bình', n: 3 })).rejects.toMatchObject({ code: 'ENOSPC' });
    expect(file.get('a')?.n).toBe(1);
    expect(file.has('b')).toBe(false);
    expect(await onDisk()).toEqual({ a: { name: 'An', n: 1 } });
    expect(health.failedRecently(60_000)).toBe(true);

    full = false;
    await file.change('a', (item) => item && { ...item, n: 2 });
    expect(file.get('a')?.n).toBe(2);
    expect(health.failedRecently(60_000)).toBe(false);
    const reopened = await open();
    expect([...reopened.entries()]).toEqual([['a', { name: 'An', n: 2 }]]);
  });

  it('refuses a record its load schema would refuse, alone, and writes the others', async () => {
    const file = await open();
    const bad = file.put('x', { name: undefined, n: 1 } as unknown as Item);
    const good = file.put('y', { name: 'Yến', n: 2 });
    await expect(bad).rejects.toBeInstanceOf(StoreValidationError);
    await expect(bad).rejects.toThrow(/data\.x\.name/);
    await good;
    expect(await onDisk()).toEqual({ y: { name: 'Yến', n: 2 } });
    await expect(open()).resolves.toBeDefined();
  });

  it('applies changes of one tick in order, as one write, each from the previous value', async () => {
    const file = await open();
    await file.put('c', { name: 'counter', n: 0 });
    const before = file.writes;
    await Promise.all(
      Array.from({ length: 50 }, () =>
        file.change('c', (item) => item && { ...item, n: item.n + 1 }),
      ),
    );
    expect(file.writes - before).toBe(1);
    expect(file.get('c')?.n).toBe(50);
  });

  it('hands a change a private copy, so a change that throws leaves nothing behind', async () => {
    const file = await open();
    await file.put('a', { name: 'An', n: 1 });
    await expect(
      file.change('a', (item) => {
        if (item) item.n = 99;
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    expect(file.get('a')?.n).toBe(1);
  });

  it('creates data files readable by the bot only', async () => {
    const file = await open();
    await file.put('a', { name: 'An', n: 1 });
    expect((await stat(join(dir, 'items.json'))).mode & 0o777).toBe(0o600);
  });
});

describe('Collection (one-document files)', () => {
  const docSchema = z.object({ items: z.array(z.number()) });
  it('rolls back on a failed write and refuses what would not load', async () => {
    const file = join(dir, 'doc.json');
    const doc = await Collection.open(file, 1, docSchema, () => ({ items: [] }), { layer });
    await doc.update((data) => data.items.push(1));
    full = true;
    await expect(doc.update((data) => data.items.push(2))).rejects.toMatchObject({
      code: 'ENOSPC',
    });
    expect(doc.data.items).toEqual([1]);
    full = false;
    await expect(
      doc.update((data) => data.items.push('three' as unknown as number)),
    ).rejects.toBeInstanceOf(StoreValidationError);
    expect(doc.data.items).toEqual([1]);
    expect(JSON.parse(await readFile(file, 'utf8')).data.items).toEqual([1]);
  });
});
