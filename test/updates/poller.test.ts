import { pino } from 'pino';
import type { Update } from 'telegraf/types';
import { describe, expect, it } from 'vitest';
import { warnAboutDebugOutput } from '../../src/boot.ts';
import { UpdateDispatcher } from '../../src/updates/dispatcher.ts';
import { Inbox, type InboxFile } from '../../src/updates/inbox.ts';
import { UpdatePoller } from '../../src/updates/poller.ts';

const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };
const update = (id: number): Update =>
  ({ update_id: id, message: { chat: { id: 1 }, text: 'x' } }) as unknown as Update;

describe('UpdatePoller', () => {
  it('acknowledges a batch (next offset) only after the inbox wrote it', async () => {
    const data: InboxFile = { seenUpTo: 0, handled: [], waiting: {} };
    let failWrites = 1;
    const inbox = new Inbox({
      data,
      async update(change) {
        if (failWrites-- > 0) throw new Error('write failed');
        change(data);
      },
      flush: async () => undefined,
    });
    const handled: number[] = [];
    const dispatcher = new UpdateDispatcher({
      inbox,
      logger: silent,
      handle: async (u) => {
        handled.push(u.update_id);
      },
    });
    const offsets: number[] = [];
    const batches = [[update(5), update(6)], [update(5), update(6)], [update(7)]];
    let stop = () => {};
    const poller = new UpdatePoller({
      dispatcher,
      logger: silent,
      onFatal: () => undefined,
      sleep: async () => undefined,
      getUpdates: async (offset) => {
        offsets.push(offset);
        const next = batches.shift();
        if (!next) {
          stop();
          return [];
        }
        return next;
      },
    });
    const stopped = new Promise<void>((resolve) => {
      stop = () => {
        void poller.stop().then(resolve);
      };
    });
    poller.start();
    await stopped;
    await dispatcher.drain(1000);
    // The first write failed: the same batch was fetched again with the same offset.
    expect(offsets.slice(0, 3)).toEqual([0, 0, 7]);
    expect(handled).toEqual([5, 6, 7]);
  });

  it('gives up on a token Telegram refuses', async () => {
    const fatal: unknown[] = [];
    const poller = new UpdatePoller({
      dispatcher: new UpdateDispatcher({
        inbox: new Inbox({
          data: { seenUpTo: 0, handled: [], waiting: {} },
          update: async () => undefined,
          flush: async () => undefined,
        }),
        logger: silent,
        handle: async () => undefined,
      }),
      logger: silent,
      onFatal: (error) => fatal.push(error),
      getUpdates: async () => {
        throw Object.assign(new Error('Unauthorized'), { code: 401 });
      },
    });
    poller.start();
    for (let i = 0; i < 100 && fatal.length === 0; i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    await poller.stop();
    expect(fatal).toHaveLength(1);
  });
});

describe('DEBUG warning', () => {
  it('warns when DEBUG turns on telegraf debug output, and only then', () => {
    const lines: string[] = [];
    const logger = pino({ level: 'warn' }, { write: (line: string) => void lines.push(line) });
    expect(warnAboutDebugOutput('telegraf:*', logger)).toBe(true);
    expect(warnAboutDebugOutput('*', logger)).toBe(true);
    expect(warnAboutDebugOutput('express:*,-telegraf:*', logger)).toBe(false);
    expect(warnAboutDebugOutput(undefined, logger)).toBe(false);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/chat ids/);
  });
});
