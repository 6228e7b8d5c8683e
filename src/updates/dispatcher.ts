import type { Update } from 'telegraf/types';
import type { Inbox } from './inbox.ts';

type Log = Record<'info' | 'warn' | 'error', (object: object, message: string) => void>;

export interface DispatcherOptions {
  inbox: Inbox;
  /** Runs the bot on one update (telegraf's `handleUpdate`). */
  handle: (update: Update) => Promise<void>;
  logger: Log;
}

/** Raised by `accept` once the dispatcher is draining: the caller must not acknowledge. */
export class DispatcherStoppedError extends Error {
  constructor() {
    super('the bot is stopping and takes no more updates');
    this.name = 'DispatcherStoppedError';
  }
}

interface ChatLike {
  chat?: { id: number };
  from?: { id: number };
  message?: { chat?: { id: number } };
  user?: { id: number };
}

/**
 * The lane an update belongs to: its chat, else its sender, else one shared lane. Updates of one
 * lane run in order; different lanes run at the same time.
 */
export function laneOf(update: Update): string {
  for (const [kind, value] of Object.entries(update)) {
    if (kind === 'update_id' || typeof value !== 'object' || value === null) continue;
    const body = value as ChatLike;
    const chatId = body.chat?.id ?? body.message?.chat?.id;
    if (typeof chatId === 'number') return `c${chatId}`;
    const userId = body.from?.id ?? body.user?.id;
    if (typeof userId === 'number') return `u${userId}`;
  }
  return 'shared';
}

/**
 * Between Telegram and the handlers, in both polling and webhook mode: records each update in the
 * inbox before its source is acknowledged, skips ids already recorded, and runs each chat's
 * updates one after another while chats never wait for each other (telegraf's own polling waits
 * for a whole batch, so one slow chat held up everyone).
 */
export class UpdateDispatcher {
  private readonly lanes = new Map<string, Promise<void>>();
  private readonly running = new Set<Promise<void>>();
  private stopping = false;

  constructor(private readonly options: DispatcherOptions) {}

  /**
   * Records the updates durably and queues the new ones; resolves once they are on disk, which
   * is when the source may be acknowledged. Duplicates resolve too, without being queued.
   */
  async accept(updates: readonly Update[]): Promise<void> {
    if (this.stopping) throw new DispatcherStoppedError();
    const fresh = await this.options.inbox.record(updates);
    for (const update of fresh) this.enqueue(update);
  }

  /** Queues what the inbox holds from before a restart: recorded, never finished. */
  resume(): number {
    const waiting = this.options.inbox.waiting();
    for (const update of waiting) this.enqueue(update);
    if (waiting.length > 0) {
      this.options.logger.info({ count: waiting.length }, 'resuming updates from before a restart');
    }
    return waiting.length;
  }

  /** Updates queued or being handled. */
  get inFlight(): number {
    return this.running.size;
  }

  /**
   * Takes no more updates and waits up to `timeoutMs` for those queued or running; resolves
   * true when all finished. Unfinished ones stay in the inbox and run again after a restart.
   */
  async drain(timeoutMs: number): Promise<boolean> {
    this.stopping = true;
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<false>((resolve) => {
      timer = setTimeout(() => resolve(false), timeoutMs);
    });
    const finished = (async () => {
      while (this.running.size > 0) await Promise.allSettled([...this.running]);
      return true as const;
    })();
    const result = await Promise.race([finished, timedOut]);
    clearTimeout(timer);
    return result;
  }

  private enqueue(update: Update): void {
    const lane = laneOf(update);
    const previous = this.lanes.get(lane) ?? Promise.resolve();
    const turn = previous.then(() => this.run(update));
    this.lanes.set(lane, turn);
    this.running.add(turn);
    void turn.finally(() => {
      this.running.delete(turn);
      if (this.lanes.get(lane) === turn) this.lanes.delete(lane);
    });
  }

  private async run(update: Update): Promise<void> {
    const { logger, inbox, handle } = this.options;
    try {
      await handle(update);
    } catch (error) {
      logger.error({ err: error, updateId: update.update_id }, 'an update failed');
    }
    // Not awaited: the lane moves on while the mark joins the next write. A mark that never lands
    // leaves the update waiting, to run again after a restart; its effects are idempotent.
    inbox.markHandled(update.update_id).catch((error: unknown) => {
      logger.warn({ err: error, updateId: update.update_id }, 'could not mark an update handled');
    });
  }
}
