import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Update } from 'telegraf/types';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { UpdateDispatcher } from '../../src/updates/dispatcher.ts';
import { Inbox, type InboxCollection, type InboxFile } from '../../src/updates/inbox.ts';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kcn-inbox-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const message = (updateId: number, chatId: number, text = 'hi'): Update =>
  ({
    update_id: updateId,
    message: {
      message_id: updateId,
      date: 0,
      chat: { id: chatId, type: 'private', first_name: 'A' },
      from: { id: chatId, is_bot: false, first_name: 'A' },
      text,
    },
  }) as Update;

const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };

/** An in-memory collection whose writes can be made to fail, like a full disk. */
function memoryCollection(): InboxCollection & { failing: false | 'ENOSPC' | 'bug' } {
  const data: InboxFile = { seenUpTo: 0, handled: [], waiting: {} };
  const collection = {
    failing: false as false | 'ENOSPC' | 'bug',
    data,
    // Like the store's Collection: the change is made on a copy that replaces `data` only once
    // the write succeeded, so a failed write leaves memory as it was. The copy is the one the
    // inbox gives its Collection: the lists are copied, the recorded bodies (never changed) not.
    async update(change: (file: InboxFile) => void) {
      await new Promise((resolve) => setImmediate(resolve));
      if (collection.failing === 'bug') throw new Error('unexpected');
      if (collection.failing) {
        throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
      }
      const draft: InboxFile = {
        ...collection.data,
        handled: [...collection.data.handled],
        waiting: { ...collection.data.waiting },
      };
      change(draft);
      collection.data = draft;
    },
    flush: async () => undefined,
  };
  return collection;
}

describe('Inbox', () => {
  it('records an update once: a redelivery of the same update_id is not new', async () => {
    const inbox = await Inbox.open(dir);
    expect((await inbox.record([message(1, 10)])).map((u) => u.update_id)).toEqual([1]);
    expect(await inbox.record([message(1, 10), message(2, 10)])).toHaveLength(1);
    expect(await inbox.record([message(3, 10), message(3, 10)])).toHaveLength(1);
  });

  it('keeps what was recorded but not handled across a restart, and forgets handled bodies', async () => {
    const inbox = await Inbox.open(dir);
    await inbox.record([message(1, 10), message(2, 11)]);
    await inbox.markHandled(1);
    const reopened = await Inbox.open(dir);
    expect(reopened.waiting().map((u) => u.update_id)).toEqual([2]);
    expect(reopened.has(1)).toBe(true);
    expect(await reopened.record([message(1, 10)])).toEqual([]);
  });

  it('records nothing when the write fails, so the update is not acknowledged and comes again', async () => {
    const collection = memoryCollection();
    const inbox = new Inbox(collection);
    collection.failing = 'bug';
    await expect(inbox.record([message(5, 10)])).rejects.toThrow(/unexpected/);
    expect(inbox.has(5)).toBe(false);
    collection.failing = false;
    expect(await inbox.record([message(5, 10)])).toHaveLength(1);
  });

  it('still hands over, once, what a full disk refused to record, so users hear "not saved"', async () => {
    const collection = memoryCollection();
    const inbox = new Inbox(collection);
    const refusals: unknown[] = [];
    inbox.onDiskRefusal = (error) => refusals.push(error);
    collection.failing = 'ENOSPC';
    expect(await inbox.record([message(6, 10)])).toHaveLength(1);
    expect(await inbox.record([message(6, 10)])).toEqual([]);
    expect(inbox.waiting()).toEqual([]);
    expect(refusals).toHaveLength(1);
  });

  it('makes a duplicate arriving during the write wait for that write', async () => {
    const collection = memoryCollection();
    const inbox = new Inbox(collection);
    collection.failing = 'bug';
    const first = inbox.record([message(9, 10)]);
    const second = inbox.record([message(9, 10)]);
    await expect(first).rejects.toThrow();
    await expect(second).rejects.toThrow();
  });

  it('forgets the oldest handled ids but still recognises them', async () => {
    const inbox = new Inbox(memoryCollection());
    const collection = memoryCollection();
    const inbox2 = new Inbox(collection);
    const updates = Array.from({ length: 2600 }, (_, i) => message(i + 2, 10));
    await inbox2.record([message(1, 10)]);
    await inbox2.record(updates);
    for (let id = 2; id <= 2601; id += 1) await inbox2.markHandled(id);
    expect(collection.data.handled.length).toBeLessThan(2600);
    expect(collection.data.seenUpTo).toBeGreaterThan(50);
    expect(inbox2.has(50)).toBe(true);
    expect(await inbox2.record([message(50, 10)])).toEqual([]);
    expect(inbox2.waiting().map((u) => u.update_id)).toEqual([1]);
    expect(new Inbox(collection).has(2601)).toBe(true);
    expect(inbox.has(1)).toBe(false);
  });
});

describe('UpdateDispatcher', () => {
  it('runs one chat in order while another chat is not held up by it', async () => {
    const inbox = new Inbox(memoryCollection());
    const events: string[] = [];
    let releaseSlow = () => {};
    const slow = new Promise<void>((resolve) => {
      releaseSlow = resolve;
    });
    const dispatcher = new UpdateDispatcher({
      inbox,
      logger: silent,
      handle: async (update) => {
        const text = 'message' in update && 'text' in update.message ? update.message.text : '';
        events.push(`start ${text}`);
        if (text === 'slow') await slow;
        events.push(`end ${text}`);
      },
    });
    await dispatcher.accept([message(1, 10, 'slow'), message(2, 10, 'after'), message(3, 20, 'b')]);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(events).toEqual(['start slow', 'start b', 'end b']);
    releaseSlow();
    expect(await dispatcher.drain(1000)).toBe(true);
    expect(events.slice(3)).toEqual(['end slow', 'start after', 'end after']);
    // Marks join the next write rather than holding up the lane.
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(inbox.waiting()).toEqual([]);
  });

  it('handles a duplicate update once and resumes what a crash left waiting', async () => {
    const collection = memoryCollection();
    const first = new Inbox(collection);
    await first.record([message(1, 10, 'left over')]);
    const handled: number[] = [];
    const dispatcher = new UpdateDispatcher({
      inbox: new Inbox(collection),
      logger: silent,
      handle: async (update) => {
        handled.push(update.update_id);
      },
    });
    expect(dispatcher.resume()).toBe(1);
    await dispatcher.accept([message(2, 10)]);
    await dispatcher.accept([message(2, 10)]);
    await dispatcher.drain(1000);
    expect(handled).toEqual([1, 2]);
  });

  it('stops taking updates once draining and reports handlers still running', async () => {
    const dispatcher = new UpdateDispatcher({
      inbox: new Inbox(memoryCollection()),
      logger: silent,
      handle: () => new Promise(() => undefined),
    });
    await dispatcher.accept([message(1, 10)]);
    expect(await dispatcher.drain(50)).toBe(false);
    await expect(dispatcher.accept([message(2, 10)])).rejects.toThrow(/stopping/);
  });
});
