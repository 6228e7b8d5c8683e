import { readFileSync } from 'node:fs';
import type { FakeBotApi, FakeUser, RecordedCall } from '../../test/support/fakeBotApi.ts';

/** Process figures from /proc: resident memory, CPU seconds used, bytes written to storage. */
export function processStats(pid: number): {
  rssMb: number;
  peakMb: number;
  cpuS: number;
  writtenBytes: number;
} {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]);
  const io = readFileSync(`/proc/${pid}/io`, 'utf8');
  const written = Number(/write_bytes:\s+(\d+)/.exec(io)?.[1] ?? 0);
  return {
    rssMb: kb('VmRSS') / 1024,
    peakMb: kb('VmHWM') / 1024,
    cpuS: ticks / 100,
    writtenBytes: written,
  };
}

type Waiter = (call: RecordedCall) => boolean;

/**
 * Follows the fake Bot API's call log and hands each successful call to whoever waits on its
 * chat. Reading the log incrementally keeps the driver's own cost flat however long the run.
 */
export class CallWatcher {
  private seen = 0;
  private readonly waiters = new Map<
    number,
    { match: Waiter; resolve: (call: RecordedCall) => void }
  >();
  private readonly timer: NodeJS.Timeout;

  constructor(private readonly fake: FakeBotApi) {
    this.seen = fake.calls.length;
    this.timer = setInterval(() => this.poll(), 1);
  }

  /** Resolves with the first call to `chatId` from now on that `match` accepts. */
  next(chatId: number, match: Waiter): Promise<RecordedCall> {
    return new Promise((resolve) => this.waiters.set(chatId, { match, resolve }));
  }

  stop(): void {
    clearInterval(this.timer);
  }

  private poll(): void {
    const calls = this.fake.calls;
    for (; this.seen < calls.length; this.seen += 1) {
      const call = calls[this.seen] as RecordedCall;
      if (call.status !== 200) continue;
      const chatId = Number(call.payload.chat_id ?? 0);
      const waiter = this.waiters.get(chatId);
      if (waiter?.match(call)) {
        this.waiters.delete(chatId);
        waiter.resolve(call);
      }
    }
  }
}

export interface LoadResult {
  ops: number;
  perSecond: number;
  p50: number;
  p99: number;
}

const quantile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))] ?? 0;

/**
 * `concurrency` users act at once, each starting its next action when the previous one was
 * answered (a closed loop, like people waiting for the bot). `act` returns the latency in ms.
 */
export async function closedLoop(
  users: FakeUser[],
  concurrency: number,
  act: (user: FakeUser) => Promise<number>,
): Promise<LoadResult> {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  const lane = async () => {
    while (next < users.length) {
      const user = users[next] as FakeUser;
      next += 1;
      latencies.push(await act(user));
    }
  };
  await Promise.all(Array.from({ length: concurrency }, lane));
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    ops: latencies.length,
    perSecond: latencies.length / seconds,
    p50: quantile(latencies, 0.5),
    p99: quantile(latencies, 0.99),
  };
}

/** Sends `text` as `user` and waits for the bot's message that `done` accepts; the latency in ms. */
export async function exchange(
  fake: FakeBotApi,
  watcher: CallWatcher,
  user: FakeUser,
  send: () => void,
  done: Waiter,
): Promise<{ latency: number; call: RecordedCall }> {
  const answered = watcher.next(user.id, done);
  const sentAt = Date.now();
  send();
  const call = await answered;
  void fake;
  return { latency: call.at - sentAt, call };
}

export const isSend = (call: RecordedCall) => call.method === 'sendMessage';
export const hasKeyboard = (call: RecordedCall) =>
  isSend(call) && JSON.stringify(call.payload.reply_markup ?? '').includes('inline_keyboard');
