import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { recipientsOf } from '../../src/delivery/segments.ts';
import type { NoticeStore } from '../../src/store/noticeStore.ts';
import { noticeBackends } from '../support/noticeBackends.ts';

describe.each(noticeBackends())('subscriptions and segments on $name', (backend) => {
  let store: NoticeStore;
  beforeEach(async () => {
    store = await backend.open(() => new Date());
  });
  afterEach(() => backend.close());
  afterAll(() => backend.end());

  it('defaults to general and the role channel, toggles, and persists', async () => {
    const subs = store.subscriptions;
    expect(subs.channelsOf(1, 'worker')).toEqual(['general', 'worker']);
    expect(await subs.toggle(1, 'worker', 'park:que-vo')).toEqual([
      'general',
      'worker',
      'park:que-vo',
    ]);
    expect(await subs.toggle(1, 'worker', 'general')).toEqual(['worker', 'park:que-vo']);
    const reopened = await backend.reopen(() => new Date());
    expect(reopened.subscriptions.get(1)).toEqual(['worker', 'park:que-vo']);
    await subs.set(1, []);
    expect(subs.channelsOf(1, 'worker')).toEqual([]);
  });

  it('resolves segments to active subscribers, once each, skipping inactive users', async () => {
    const users = [
      { id: 3, active: true, role: 'worker' as const },
      { id: 1, active: true, role: 'enterprise' as const },
      { id: 2, active: false, role: 'worker' as const },
      { id: 4, active: true, role: null },
    ];
    await store.subscriptions.set(4, ['park:que-vo']);
    const channels = (user: (typeof users)[number]) =>
      store.subscriptions.channelsOf(user.id, user.role);
    expect(recipientsOf(['all'], users, channels)).toEqual([1, 3]);
    expect(recipientsOf(['worker'], users, channels)).toEqual([3]);
    expect(recipientsOf(['enterprise', 'park:que-vo'], users, channels)).toEqual([1, 4]);
    expect(recipientsOf(['all', 'worker'], users, channels)).toEqual([1, 3]);
  });
});
