import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sessionSchema } from '../../src/bot/session.ts';
import { type FileLayer, failingWrites, nodeFileLayer } from '../../src/store/fileLayer.ts';
import { openStore } from '../../src/store/index.ts';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kcn-health-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('store health (for /healthz)', () => {
  it('is not ok after a failed write, and ok again once a write succeeds', async () => {
    let full = false;
    const store = await openStore({
      dataDir: dir,
      sessionSchema,
      layer: failingWrites(nodeFileLayer, () => full),
    });
    expect(await store.isWritable()).toBe(true);
    full = true;
    await expect(store.users.touch({ id: 1, first_name: 'An' })).rejects.toMatchObject({
      code: 'ENOSPC',
    });
    expect(store.users.get(1)).toBeUndefined();
    const report = await store.health();
    expect(report.ok).toBe(false);
    expect(report.lastWriteFailure).toContain('ENOSPC');
    full = false;
    await store.users.touch({ id: 1, first_name: 'An' });
    expect(await store.isWritable()).toBe(true);
  });

  it('is not ok when free space is below twice the largest data file', async () => {
    let free = 10_000_000;
    const layer: FileLayer = { ...nodeFileLayer, freeBytes: async () => free };
    const store = await openStore({ dataDir: dir, sessionSchema, layer });
    await Promise.all(
      Array.from({ length: 400 }, (_, i) =>
        store.users.touch({ id: i, first_name: 'x'.repeat(200) }),
      ),
    );
    const { neededBytes } = await store.health();
    expect(neededBytes).toBeGreaterThan(1000);
    expect((await store.health()).ok).toBe(true);
    free = neededBytes - 1;
    expect((await store.health()).ok).toBe(false);
  });
});
