import type { Mark, OutMessage } from '../store/outbox.ts';
import { type JobStats, jobStats } from '../store/outbox.ts';

/** Telegram's answer to one send, classified by the adapter so this file stays Telegram-free. */
export type SendResult =
  | { ok: true }
  | { ok: false; kind: 'rateLimited'; retryAfterMs: number }
  | { ok: false; kind: 'blocked' }
  | { ok: false; kind: 'failed'; retryable: boolean; description: string };

export type SendFn<M = OutMessage> = (chatId: number, message: M) => Promise<SendResult>;

/** One message to several chats with one mark each; the broadcast outbox and ticket notices. */
export interface QueuedJob<M = OutMessage> {
  id: string;
  to: number[];
  marks: string;
  message: M;
}

/** What the worker needs of a queue: the broadcast outbox, or the tickets' pending notices. */
export interface WorkQueue<M = OutMessage> {
  get(id: string): QueuedJob<M> | undefined;
  /** Jobs in sending order. */
  jobs(): QueuedJob<M>[];
  /** Resolves when the mark is durable. */
  mark(jobId: string, index: number, mark: Mark): Promise<void>;
  remove(jobId: string): Promise<void>;
}

type Log = Record<'info' | 'warn' | 'error', (object: object, message: string) => void>;

export interface OutboxWorkerOptions<M = OutMessage> {
  outbox: WorkQueue<M>;
  send: SendFn<M>;
  /** Messages a second across all chats (BROADCAST_RATE). */
  ratePerSecond: number;
  /** Telegram allows about one message a second per chat. */
  perChatIntervalMs?: number;
  /**
   * Sends started but not yet durably marked. This is the crash bound: at most this many
   * messages can be accepted by Telegram without a durable "sent" mark, so at most this many
   * are sent twice after a crash. Nothing is ever marked before Telegram accepted it.
   */
  maxInFlight?: number;
  /** Attempts for errors other than 429 and 403 before a recipient is marked failed. */
  maxAttempts?: number;
  retryDelayMs?: (attempt: number) => number;
  now?: () => number;
  onBlocked?: (chatId: number) => Promise<void>;
  onFailed?: (job: QueuedJob<M>, chatId: number, description: string) => void;
  /** Called once every recipient has an outcome; the job is removed from the outbox after it. */
  onJobDone?: (job: QueuedJob<M>, stats: JobStats) => Promise<void>;
  logger?: Log;
}

interface Item {
  jobId: string;
  index: number;
  chatId: number;
  attempt: number;
}

/** How long to wait before writing again a result whose write failed. */
const RECORD_RETRY_MS = 1000;
/** How far pacing may catch up after the event loop was late: a small, bounded burst. */
const MAX_CATCH_UP_MS = 40;
const MAX_SLEEP_MS = 1000;

/**
 * Sends the outbox at a steady pace: `ratePerSecond` overall, one message a second per chat.
 * A 429 pauses the whole queue for `retry_after`; a 403 marks the recipient blocked; other errors
 * are retried a few times. A recipient is marked only after Telegram's answer, and the number of
 * answered-but-not-yet-durable marks is capped by `maxInFlight`.
 */
export class OutboxWorker<M = OutMessage> {
  private readonly interval: number;
  private readonly perChat: number;
  private readonly maxInFlight: number;
  private readonly maxAttempts: number;
  private readonly now: () => number;
  private readonly cursor = new Map<string, number>();
  private readonly busy = new Set<string>();
  private readonly busyPerJob = new Map<string, number>();
  private readonly deferred: Item[] = [];
  private readonly readyAt = new Map<string, number>();
  private readonly chatFreeAt = new Map<number, number>();
  private readonly deliveries = new Set<Promise<void>>();
  private readonly finishing = new Set<string>();
  private nextSlot = 0;
  private pausedUntil = 0;
  private open = 0;
  private running = false;
  private loopDone: Promise<void> = Promise.resolve();
  private wakeUp: (() => void) | null = null;

  constructor(private readonly options: OutboxWorkerOptions<M>) {
    this.interval = 1000 / options.ratePerSecond;
    this.perChat = options.perChatIntervalMs ?? 1000;
    this.maxInFlight = options.maxInFlight ?? 32;
    this.maxAttempts = options.maxAttempts ?? 3;
    this.now = options.now ?? Date.now;
  }

  /** Starts sending; whatever the outbox holds from before a restart is resumed. */
  start(): void {
    if (this.running) return;
    this.running = true;
    this.loopDone = this.loop();
  }

  /** Stops starting sends and waits for those in flight to be answered and marked. */
  async stop(): Promise<void> {
    this.running = false;
    this.wake();
    await this.loopDone;
    await Promise.allSettled([...this.deliveries]);
  }

  /** Tells the worker a job was enqueued, so it does not wait for its next wake-up. */
  notify(): void {
    this.wake();
  }

  /** Estimated milliseconds to send `pending` more messages at the configured pace. */
  estimateMs(pending: number): number {
    return Math.ceil(pending * this.interval + Math.max(0, this.pausedUntil - this.now()));
  }

  /**
   * Starts every send allowed at `now` and returns how long to wait before the next one could
   * start (Infinity when only an answer or a new job can unblock it). Exposed for tests.
   */
  step(now: number): number {
    if (now < this.pausedUntil) return this.pausedUntil - now;
    for (;;) {
      if (this.open >= this.maxInFlight) return Number.POSITIVE_INFINITY;
      if (this.nextSlot > now) return this.nextSlot - now;
      const picked = this.pick(now);
      if (typeof picked === 'number') return picked;
      this.launch(picked, now);
      this.nextSlot = Math.max(this.nextSlot, now - MAX_CATCH_UP_MS) + this.interval;
    }
  }

  private async loop(): Promise<void> {
    while (this.running) {
      const wait = this.step(this.now());
      await this.pause(Math.min(Math.max(wait, 1), MAX_SLEEP_MS));
    }
  }

  private pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wakeUp = null;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wakeUp = done;
    });
  }

  private wake(): void {
    this.wakeUp?.();
  }

  /** The next item to send now, or how long until one may be ready. */
  private pick(now: number): Item | number {
    let soonest = Number.POSITIVE_INFINITY;
    for (let i = 0; i < this.deferred.length; i += 1) {
      const item = this.deferred[i] as Item;
      const at = Math.max(this.readyAt.get(key(item)) ?? 0, this.chatFreeAt.get(item.chatId) ?? 0);
      if (this.options.outbox.get(item.jobId)?.marks[item.index] !== '.') {
        this.deferred.splice(i, 1);
        this.release(item);
        i -= 1;
      } else if (at <= now) {
        this.deferred.splice(i, 1);
        return item;
      } else {
        soonest = Math.min(soonest, at - now);
      }
    }
    for (const job of this.options.outbox.jobs()) {
      const found = this.scan(job, now);
      if (found) return found;
    }
    return soonest;
  }

  /** Finds the job's next pending recipient; ones whose chat is not free yet are deferred. */
  private scan(job: QueuedJob<M>, now: number): Item | null {
    let index = this.cursor.get(job.id) ?? 0;
    for (; index < job.marks.length; index += 1) {
      if (job.marks[index] !== '.') continue;
      const item: Item = { jobId: job.id, index, chatId: job.to[index] ?? 0, attempt: 0 };
      if (this.busy.has(key(item))) continue;
      this.hold(item);
      if ((this.chatFreeAt.get(item.chatId) ?? 0) > now) {
        this.deferred.push(item);
        continue;
      }
      this.cursor.set(job.id, index + 1);
      return item;
    }
    this.cursor.set(job.id, index);
    void this.finishIfDone(job.id);
    return null;
  }

  private launch(item: Item, now: number): void {
    const job = this.options.outbox.get(item.jobId);
    if (!job) {
      this.release(item);
      return;
    }
    this.open += 1;
    this.chatFreeAt.set(item.chatId, now + this.perChat);
    if (this.chatFreeAt.size > 50_000) this.pruneChats(now);
    const delivery = this.deliver(item, job).finally(() => {
      this.deliveries.delete(delivery);
      this.open -= 1;
      void this.finishIfDone(item.jobId);
      this.wake();
    });
    this.deliveries.add(delivery);
  }

  private async deliver(item: Item, job: QueuedJob<M>): Promise<void> {
    const { logger } = this.options;
    let result: SendResult;
    try {
      result = await this.options.send(item.chatId, job.message);
    } catch (error) {
      result = { ok: false, kind: 'failed', retryable: true, description: String(error) };
    }
    if (result.ok) {
      await this.settle(item, 's');
    } else if (result.kind === 'blocked') {
      const reported = Promise.resolve(this.options.onBlocked?.(item.chatId)).catch(
        (error: unknown) => logger?.error({ err: error }, 'could not record a blocked chat'),
      );
      await Promise.all([this.settle(item, 'b'), reported]);
    } else if (result.kind === 'rateLimited') {
      this.pausedUntil = Math.max(this.pausedUntil, this.now() + result.retryAfterMs);
      logger?.warn({ retryAfterMs: result.retryAfterMs }, 'outbox paused by a 429');
      this.defer(item, this.pausedUntil);
    } else if (result.retryable && item.attempt + 1 < this.maxAttempts) {
      const delay = this.options.retryDelayMs?.(item.attempt) ?? 1000 * 2 ** item.attempt;
      this.defer({ ...item, attempt: item.attempt + 1 }, this.now() + delay);
    } else {
      this.options.onFailed?.(job, item.chatId, result.description);
      await this.settle(item, 'f');
    }
  }

  /**
   * Records a send's outcome. A write that fails (disk full, database away) is tried again
   * without sending again: released with its mark unwritten, the recipient was passed by the
   * job's scan for good, and the job never finished. When the worker stops first, the mark
   * stays unwritten and the recipient is sent again after the restart, like a send in flight.
   */
  private async settle(item: Item, mark: 's' | 'b' | 'f'): Promise<void> {
    try {
      for (;;) {
        try {
          await this.options.outbox.mark(item.jobId, item.index, mark);
          return;
        } catch (error) {
          this.options.logger?.error(
            { err: error, jobId: item.jobId },
            'could not record an outbox result; trying again',
          );
          if (!this.running) return;
          await new Promise((resolve) => setTimeout(resolve, RECORD_RETRY_MS));
        }
      }
    } finally {
      this.release(item);
    }
  }

  private defer(item: Item, at: number): void {
    this.readyAt.set(key(item), at);
    this.deferred.push(item);
  }

  private hold(item: Item): void {
    this.busy.add(key(item));
    this.busyPerJob.set(item.jobId, (this.busyPerJob.get(item.jobId) ?? 0) + 1);
  }

  private release(item: Item): void {
    if (!this.busy.delete(key(item))) return;
    this.readyAt.delete(key(item));
    this.busyPerJob.set(item.jobId, (this.busyPerJob.get(item.jobId) ?? 1) - 1);
  }

  private async finishIfDone(jobId: string): Promise<void> {
    const job = this.options.outbox.get(jobId);
    if (!job) {
      this.cursor.delete(jobId);
      return;
    }
    if ((this.busyPerJob.get(jobId) ?? 0) > 0 || job.marks.includes('.')) return;
    if (this.finishing.has(jobId)) return;
    this.finishing.add(jobId);
    try {
      await this.options.onJobDone?.(job, jobStats(job));
      await this.options.outbox.remove(jobId);
      this.cursor.delete(jobId);
      this.busyPerJob.delete(jobId);
    } catch (error) {
      this.options.logger?.error({ err: error, jobId }, 'could not finish an outbox job');
    } finally {
      this.finishing.delete(jobId);
    }
  }

  private pruneChats(now: number): void {
    for (const [chatId, at] of this.chatFreeAt) if (at <= now) this.chatFreeAt.delete(chatId);
  }
}

const key = (item: { jobId: string; index: number }) => `${item.jobId}:${item.index}`;
