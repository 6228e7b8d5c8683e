import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { Collection, StoreCorruptError } from '../../src/store/collection.ts';

const schema = z.object({ items: z.array(z.object({ n: z.number() })) });
type Data = z.infer<typeof schema>;
const initial = (): Data => ({ items: [] });

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kcn-collection-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('Collection', () => {
  it('creates a missing file with a schema version', async () => {
    const file = join(dir, 'things.json');
    await Collection.open(file, 1, schema, initial);
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({ version: 1, data: { items: [] } });
  });

  it('has a change on disk when update resolves', async () => {
    const file = join(dir, 'things.json');
    const collection = await Collection.open(file, 1, schema, initial);
    await collection.update((data) => data.items.push({ n: 7 }));
    expect(JSON.parse(await readFile(file, 'utf8')).data.items).toEqual([{ n: 7 }]);
  });

  it('turns many changes in one tick into one write, and loses none', async () => {
    const file = join(dir, 'things.json');
    const collection = await Collection.open(file, 1, schema, initial);
    const before = collection.writeCount;
    await Promise.all(
      Array.from({ length: 100 }, (_, n) => collection.update((data) => data.items.push({ n }))),
    );
    expect(collection.writeCount - before).toBe(1);
    const reopened = await Collection.open(file, 1, schema, initial);
    expect(reopened.data.items).toHaveLength(100);
  });

  it('keeps changes made while a write is under way', async () => {
    const file = join(dir, 'things.json');
    const collection = await Collection.open(file, 1, schema, initial);
    const first = collection.update((data) => data.items.push({ n: 1 }));
    await new Promise((resolve) => setImmediate(resolve));
    const second = collection.update((data) => data.items.push({ n: 2 }));
    await Promise.all([first, second]);
    const reopened = await Collection.open(file, 1, schema, initial);
    expect(reopened.data.items.map((item) => item.n)).toEqual([1, 2]);
  });

  it.each([
    ['not JSON', '{"version": 1, "data": {', /not valid JSON/],
    ['a wrong shape', '{"version": 1, "data": {"items": [{"n": "seven"}]}}', /data\.items\.0\.n/],
    ['no envelope', '[1, 2, 3]', /"version" and "data"/],
    ['a newer version', '{"version": 9, "data": {"items": []}}', /version 9/],
    ['an empty file', '', /not valid JSON/],
  ])('refuses %s, names the file and leaves it untouched', async (_, content, problem) => {
    const file = join(dir, 'things.json');
    await writeFile(file, content);
    const opening = Collection.open(file, 1, schema, initial);
    await expect(opening).rejects.toBeInstanceOf(StoreCorruptError);
    await expect(opening).rejects.toThrow(file);
    await expect(opening).rejects.toThrow(problem);
    expect(await readFile(file, 'utf8')).toBe(content);
  });
});
