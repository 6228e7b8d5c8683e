import type { ServerResponse } from 'node:http';
import { ApiFailure, type FakeUpdate, toInteger } from './fakeBotApiTypes.ts';

/** Telegram's update queue: updates stay until a later `offset` confirms them. */
export class UpdateQueue {
  private updates: FakeUpdate[] = [];
  private nextId = 100_000_001;
  private readonly listeners = new Set<() => void>();

  /** Queues an update with the next update_id and wakes pending long polls. */
  push(partial: Record<string, unknown>): FakeUpdate {
    const update: FakeUpdate = { ...partial, update_id: this.nextId++ };
    this.updates.push(update);
    for (const listener of [...this.listeners]) listener();
    return update;
  }

  /** Applies getUpdates' `offset`: positive confirms lower ids, negative keeps only the last N. */
  confirm(offset: number): void {
    if (offset > 0) this.updates = this.updates.filter((update) => update.update_id >= offset);
    else if (offset < 0) this.updates = this.updates.slice(offset);
  }

  take(limit: number): FakeUpdate[] {
    return this.updates.slice(0, limit);
  }

  get pending(): number {
    return this.updates.length;
  }

  clear(): void {
    this.updates = [];
  }

  /** Calls `listener` after each push until the returned function is called. */
  onPush(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

const CONFLICT =
  'Conflict: terminated by other getUpdates request; make sure that only one bot instance is running';
const WEBHOOK_ACTIVE =
  "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first";

type PollOutcome = 'update' | 'timeout' | 'conflict' | 'closed';

/** Serves `getUpdates` like Telegram: one poller at a time, held until an update or the timeout. */
export class LongPoller {
  private readonly polls = new Set<(outcome: PollOutcome) => void>();
  private stopped = false;

  constructor(
    private readonly updates: UpdateQueue,
    private readonly maxHoldMs: number | undefined,
    /** Told each time a poll starts being held. */
    private readonly onHold: () => void = () => {},
  ) {}

  /** Answers a getUpdates call; a newer call ends a pending one with 409 Conflict. */
  async getUpdates(
    payload: Record<string, unknown>,
    res: ServerResponse,
    webhookActive: boolean,
  ): Promise<FakeUpdate[]> {
    if (webhookActive) throw new ApiFailure({ error_code: 409, description: WEBHOOK_ACTIVE });
    for (const end of [...this.polls]) end('conflict');
    const { updates } = this;
    const limit = Math.min(100, Math.max(1, toInteger(payload.limit) ?? 100));
    const timeoutMs = Math.max(0, toInteger(payload.timeout) ?? 0) * 1000;
    updates.confirm(toInteger(payload.offset) ?? 0);
    const ready = updates.take(limit);
    if (ready.length > 0 || timeoutMs === 0 || this.stopped) return ready;
    const holdMs = Math.min(timeoutMs, this.maxHoldMs ?? timeoutMs);
    const outcome = await new Promise<PollOutcome>((resolve) => {
      const end = (result: PollOutcome): void => {
        clearTimeout(timer);
        unsubscribe();
        res.off('close', onClose);
        this.polls.delete(end);
        resolve(result);
      };
      const onClose = (): void => end('closed');
      const timer = setTimeout(() => end('timeout'), holdMs);
      const unsubscribe = updates.onPush(() => end('update'));
      res.once('close', onClose);
      this.polls.add(end);
      this.onHold();
    });
    if (outcome === 'conflict') throw new ApiFailure({ error_code: 409, description: CONFLICT });
    return outcome === 'closed' ? [] : updates.take(limit);
  }

  /** Number of getUpdates requests being held right now. */
  get waiting(): number {
    return this.polls.size;
  }

  /** Ends every pending poll with `[]` and answers later ones at once. */
  stop(): void {
    this.stopped = true;
    for (const end of [...this.polls]) end('closed');
  }
}
