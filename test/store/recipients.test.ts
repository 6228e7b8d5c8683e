import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sessionSchema } from '../../src/bot/session.ts';
import { recipientsOf } from '../../src/delivery/segments.ts';
import { openStore, type Store } from '../../src/store/index.ts';
import type { Segment } from '../../src/store/notices.ts';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kcn-recipients-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const SEGMENTS: Segment[][] = [
  ['all'],
  ['worker'],
  ['enterprise'],
  ['park:que-vo'],
  ['worker', 'park:que-vo'],
  ['enterprise', 'all'],
];

/** What a full scan of every profile gives: the index must always agree with it. */
function scanned(store: Store<unknown>, segments: Segment[]): number[] {
  return recipientsOf(segments, store.users.all(), (user) =>
    store.notices.subscriptions.channelsOf(user.id, user.role),
  );
}

describe('the recipient index', () => {
  it('agrees with a full scan after every kind of change, and after a restart', async () => {
    const store = await openStore({ dataDir: dir, sessionSchema });
    for (let id = 1; id <= 60; id += 1) {
      await store.users.touch({ id, first_name: `U${id}` });
      if (id % 3 === 0) await store.users.setRole(id, 'worker');
      if (id % 3 === 1) await store.users.setRole(id, 'enterprise');
      if (id % 5 === 0) await store.notices.subscriptions.set(id, ['park:que-vo']);
    }
    const check = (s: Store<unknown>) => {
      for (const segments of SEGMENTS)
        expect(s.notices.recipients?.(segments)).toEqual(scanned(s, segments));
    };
    check(store);
    await store.users.markInactive(9);
    await store.notices.subscriptions.toggle(10, 'worker', 'general');
    await store.users.setRole(12, 'enterprise');
    await store.users.remove(15);
    await store.notices.subscriptions.remove(20);
    check(store);
    expect(store.notices.recipients?.(['worker'])).not.toContain(9);
    await store.users.touch({ id: 9, first_name: 'U9' });
    expect(store.notices.recipients?.(['worker'])).toContain(9);
    check(store);
    await store.close();
    const reopened = await openStore({ dataDir: dir, sessionSchema });
    check(reopened);
    await reopened.close();
  });
});
