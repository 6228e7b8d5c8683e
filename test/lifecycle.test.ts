import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { stopAll, timerService } from '../src/lifecycle.ts';

describe('timerService', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  const silent = { error: vi.fn() };

  it('runs at each `next`, never overlapping, and arms the next run only after one ends', async () => {
    let running = 0;
    let most = 0;
    const runs: number[] = [];
    const service = timerService({
      name: 'sweep',
      next: () => 1000,
      run: async () => {
        running += 1;
        most = Math.max(most, running);
        runs.push(Date.now());
        await new Promise((resolve) => setTimeout(resolve, 1500));
        running -= 1;
      },
      logger: silent,
    });
    const started = Date.now();
    service.start();
    await vi.advanceTimersByTimeAsync(999);
    expect(runs).toEqual([]);
    await vi.advanceTimersByTimeAsync(1 + 1500 + 1000);
    expect(runs.map((at) => at - started)).toEqual([1000, 3500]);
    expect(most).toBe(1);
    await vi.advanceTimersByTimeAsync(1500);
    await service.stop();
  });

  it('runs once at start when asked, logs a failure and keeps going', async () => {
    const error = vi.fn();
    let calls = 0;
    const service = timerService({
      name: 'retention',
      runAtStart: true,
      next: () => 60_000,
      run: async () => {
        calls += 1;
        if (calls === 1) throw new Error('disk busy');
      },
      logger: { error },
    });
    service.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(calls).toBe(1);
    expect(error).toHaveBeenCalledWith({ err: expect.any(Error) }, 'retention failed');
    await vi.advanceTimersByTimeAsync(60_000);
    expect(calls).toBe(2);
    await service.stop();
  });

  it('stop waits for the run in progress and arms nothing after it', async () => {
    let finished = false;
    let calls = 0;
    const service = timerService({
      name: 'backup',
      next: () => 10,
      run: async () => {
        calls += 1;
        await new Promise((resolve) => setTimeout(resolve, 100));
        finished = true;
      },
      logger: silent,
    });
    service.start();
    await vi.advanceTimersByTimeAsync(10);
    const stopping = service.stop();
    await vi.advanceTimersByTimeAsync(100);
    await stopping;
    expect(finished).toBe(true);
    await vi.advanceTimersByTimeAsync(1000);
    expect(calls).toBe(1);
  });
});

describe('stopAll', () => {
  it('stops every service, then flushes the store, then unlocks, even if a service fails', async () => {
    const order: string[] = [];
    const service = (name: string, fails = false) => ({
      name,
      start() {},
      async stop() {
        order.push(`stop ${name}`);
        if (fails) throw new Error('stuck');
      },
    });
    await stopAll(
      [service('a'), service('b', true)],
      { flush: async () => void order.push('flush') },
      async () => void order.push('unlock'),
    );
    expect(order).toEqual(['stop a', 'stop b', 'flush', 'unlock']);
  });
});
