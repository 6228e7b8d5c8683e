import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import { OutboxWorker, type SendFn, type SendResult } from '../../src/delivery/outboxWorker.ts';
import { memoryFileLayer } from '../../src/store/memoryLayer.ts';
import { openNoticeStore } from '../../src/store/noticeStore.ts';
import type { OutboxRepository } from '../../src/store/outbox.ts';

const message = { kind: 'broadcast', broadcastId: 'x', text: 'hello' } as const;

async function memoryOutbox(): Promise<OutboxRepository> {
  // The worker's tests run on a fake clock: marks are written at once rather than gathered.
  const store = await openNoticeStore('/memory', () => new Date(), {
    layer: memoryFileLayer(),
    outboxLingerMs: 0,
  });
  return store.outbox;
}

interface Sent {
  chatId: number;
  at: number;
}

function recorder(answer: (chatId: number, attempt: number) => SendResult = () => ({ ok: true })) {
  const sent: Sent[] = [];
  const attempts = new Map<number, number>();
  const send: SendFn = async (chatId) => {
    const attempt = attempts.get(chatId) ?? 0;
    attempts.set(chatId, attempt + 1);
    sent.push({ chatId, at: Date.now() });
    return answer(chatId, attempt);
  };
  return { sent, send };
}

describe('OutboxWorker', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'], now: 1_000_000 });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('paces sends at the configured rate overall', async () => {
    const outbox = await memoryOutbox();
    const { sent, send } = recorder();
    await outbox.enqueue({ priority: 2, message, to: Array.from({ length: 100 }, (_, i) => i) });
    const worker = new OutboxWorker({ outbox, send, ratePerSecond: 20 });
    worker.start();
    await vi.advanceTimersByTimeAsync(2000);
    expect(sent.length).toBeGreaterThanOrEqual(39);
    expect(sent.length).toBeLessThanOrEqual(42);
    for (let i = 20; i < sent.length; i += 1) {
      expect((sent[i]?.at ?? 0) - (sent[i - 20]?.at ?? 0)).toBeGreaterThanOrEqual(950);
    }
    await vi.advanceTimersByTimeAsync(4000);
    expect(sent).toHaveLength(100);
    expect(outbox.jobs()).toHaveLength(0);
    await worker.stop();
  });

  it('keeps one second between messages to the same chat', async () => {
    const outbox = await memoryOutbox();
    const { sent, send } = recorder();
    await outbox.enqueue({ priority: 0, message, to: [7] });
    await outbox.enqueue({ priority: 0, message, to: [7] });
    await outbox.enqueue({ priority: 0, message, to: [7] });
    const worker = new OutboxWorker({ outbox, send, ratePerSecond: 100 });
    worker.start();
    await vi.advanceTimersByTimeAsync(3000);
    expect(sent).toHaveLength(3);
    expect((sent[1]?.at ?? 0) - (sent[0]?.at ?? 0)).toBeGreaterThanOrEqual(1000);
    expect((sent[2]?.at ?? 0) - (sent[1]?.at ?? 0)).toBeGreaterThanOrEqual(1000);
    await worker.stop();
  });

  it('pauses the whole queue for retry_after on a 429, then resends', async () => {
    const outbox = await memoryOutbox();
    const { sent, send } = recorder((chatId, attempt) =>
      chatId === 3 && attempt === 0
        ? { ok: false, kind: 'rateLimited', retryAfterMs: 5000 }
        : { ok: true },
    );
    await outbox.enqueue({ priority: 2, message, to: [1, 2, 3, 4, 5, 6] });
    const worker = new OutboxWorker({ outbox, send, ratePerSecond: 10 });
    worker.start();
    await vi.advanceTimersByTimeAsync(1000);
    const at429 = sent.find((s) => s.chatId === 3)?.at ?? 0;
    const afterPause = sent.filter((s) => s.at > at429);
    expect(afterPause.every((s) => s.at >= at429 + 5000)).toBe(true);
    await vi.advanceTimersByTimeAsync(6000);
    expect(new Set(sent.map((s) => s.chatId)).size).toBe(6);
    expect(sent.filter((s) => s.chatId === 3)).toHaveLength(2);
    expect(outbox.jobs()).toHaveLength(0);
    await worker.stop();
  });

  it('marks a 403 blocked without retrying and reports it', async () => {
    const outbox = await memoryOutbox();
    const { sent, send } = recorder((chatId) =>
      chatId === 2 ? { ok: false, kind: 'blocked' } : { ok: true },
    );
    const blocked: number[] = [];
    const done = vi.fn();
    await outbox.enqueue({ priority: 2, message, to: [1, 2, 3] });
    const worker = new OutboxWorker({
      outbox,
      send,
      ratePerSecond: 10,
      onBlocked: async (chatId) => {
        blocked.push(chatId);
      },
      onJobDone: async (_job, stats) => done(stats),
    });
    worker.start();
    await vi.advanceTimersByTimeAsync(2000);
    expect(sent.filter((s) => s.chatId === 2)).toHaveLength(1);
    expect(blocked).toEqual([2]);
    expect(done).toHaveBeenCalledWith(expect.objectContaining({ sent: 2, blocked: 1, pending: 0 }));
    await worker.stop();
  });

  it('finishes a job whose result could not be written once, without sending anyone twice', async () => {
    const outbox = await memoryOutbox();
    const { sent, send } = recorder();
    await outbox.enqueue({ priority: 2, message, to: [1, 2, 3, 4] });
    let refusals = 1;
    // The store refuses one write (a full disk, a lost database connection), then recovers.
    const flaky: typeof outbox = Object.create(outbox);
    flaky.mark = async (jobId, index, mark) => {
      if (index === 1 && refusals-- > 0) throw new Error('ENOSPC: no space left on device');
      return outbox.mark(jobId, index, mark);
    };
    const done = vi.fn();
    const worker = new OutboxWorker({
      outbox: flaky,
      send,
      ratePerSecond: 10,
      onJobDone: async (_job, stats) => done(stats),
    });
    worker.start();
    await vi.advanceTimersByTimeAsync(5000);
    expect(sent.map((s) => s.chatId).sort()).toEqual([1, 2, 3, 4]);
    expect(done).toHaveBeenCalledWith(expect.objectContaining({ sent: 4, pending: 0 }));
    expect(outbox.jobs()).toHaveLength(0);
    await worker.stop();
  });

  it('retries other errors a bounded number of times, then marks them failed', async () => {
    const outbox = await memoryOutbox();
    const { sent, send } = recorder((chatId) =>
      chatId === 1
        ? { ok: false, kind: 'failed', retryable: true, description: 'Bad Gateway' }
        : { ok: true },
    );
    const failed = vi.fn();
    const done = vi.fn();
    await outbox.enqueue({ priority: 2, message, to: [1, 2] });
    const worker = new OutboxWorker({
      outbox,
      send,
      ratePerSecond: 10,
      maxAttempts: 3,
      retryDelayMs: () => 100,
      onFailed: failed,
      onJobDone: async (_job, stats) => done(stats),
    });
    worker.start();
    await vi.advanceTimersByTimeAsync(5000);
    expect(sent.filter((s) => s.chatId === 1)).toHaveLength(3);
    expect(failed).toHaveBeenCalledTimes(1);
    expect(done).toHaveBeenCalledWith(expect.objectContaining({ sent: 1, failed: 1 }));
    await worker.stop();
  });

  it('stops sending the rest of a cancelled job', async () => {
    const outbox = await memoryOutbox();
    const { sent, send } = recorder();
    const job = await outbox.enqueue({ priority: 2, message, to: [1, 2, 3, 4, 5, 6, 7, 8] });
    const done = vi.fn();
    const worker = new OutboxWorker({
      outbox,
      send,
      ratePerSecond: 4,
      onJobDone: async (_job, stats) => done(stats),
    });
    worker.start();
    await vi.advanceTimersByTimeAsync(600);
    await outbox.cancel(job.id);
    await vi.advanceTimersByTimeAsync(3000);
    expect(sent.length).toBeLessThan(8);
    expect(done).toHaveBeenCalledWith(expect.objectContaining({ cancelled: 8 - sent.length }));
    await worker.stop();
  });
});

describe('OutboxWorker with the persisted outbox', () => {
  let dir = '';
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'outbox-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const open = async () => {
    // On the fake clock below, outbox marks are written at once rather than gathered.
    const collection = await openNoticeStore(dir, () => new Date(), { outboxLingerMs: 0 });
    return { collection, outbox: collection.outbox };
  };

  it('resumes after a restart, sending only what was not marked sent', async () => {
    // Fake timers drive the worker's pacing; the outbox file is still written for real.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'], now: 1_000_000 });
    onTestFinished(() => {
      vi.useRealTimers();
    });
    const first = await open();
    await first.outbox.enqueue({ id: 'job', priority: 2, message, to: [1, 2, 3, 4, 5, 6] });
    const one = recorder();
    const worker = new OutboxWorker({ outbox: first.outbox, send: one.send, ratePerSecond: 50 });
    worker.start();
    await vi.advanceTimersByTimeAsync(45);
    await worker.stop();
    await first.collection.flush();
    expect(one.sent.length).toBeGreaterThan(0);
    expect(one.sent.length).toBeLessThan(6);

    const second = await open();
    expect(second.outbox.get('job')?.marks.replaceAll('.', '')).toHaveLength(one.sent.length);
    const two = recorder();
    const resumed = new OutboxWorker({ outbox: second.outbox, send: two.send, ratePerSecond: 50 });
    resumed.start();
    await vi.advanceTimersByTimeAsync(300);
    await resumed.stop();
    const all = [...one.sent, ...two.sent].map((s) => s.chatId).sort();
    expect(all).toEqual([1, 2, 3, 4, 5, 6]);
    // The finished job's removal is a real write: it disappears once that is on disk.
    await second.collection.flush();
    expect(second.outbox.get('job')).toBeUndefined();
  });
});
