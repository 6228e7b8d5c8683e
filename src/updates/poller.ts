import type { Update } from 'telegraf/types';
import type { UpdateDispatcher } from './dispatcher.ts';

type Log = Record<'info' | 'warn' | 'error', (object: object, message: string) => void>;

/** One getUpdates call: `offset` acknowledges every lower id; `signal` aborts the long poll. */
export type GetUpdates = (offset: number, signal: AbortSignal) => Promise<Update[]>;

export interface PollerOptions {
  getUpdates: GetUpdates;
  dispatcher: Pick<UpdateDispatcher, 'accept'>;
  logger: Log;
  /** Called when Telegram refuses the token (401/404): polling cannot recover from that. */
  onFatal: (error: unknown) => void;
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
}

const MAX_BACKOFF_MS = 10_000;

function errorCode(error: unknown): number | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'number' ? code : undefined;
}

const abortableSleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });

/**
 * Long polling that acknowledges a batch (the next call's `offset`) only after the dispatcher
 * recorded it on disk, and never waits for handlers: the next poll starts at once.
 */
export class UpdatePoller {
  private readonly abort = new AbortController();
  private loopDone: Promise<void> = Promise.resolve();
  private offset = 0;

  constructor(private readonly options: PollerOptions) {}

  start(): void {
    this.loopDone = this.loop();
  }

  /** Ends the current long poll and the loop; resolves when no getUpdates call is left. */
  async stop(): Promise<void> {
    this.abort.abort();
    await this.loopDone;
  }

  private async loop(): Promise<void> {
    const { signal } = this.abort;
    const sleep = this.options.sleep ?? abortableSleep;
    let failures = 0;
    while (!signal.aborted) {
      let updates: Update[];
      try {
        updates = await this.options.getUpdates(this.offset, signal);
      } catch (error) {
        if (signal.aborted) break;
        const code = errorCode(error);
        if (code === 401 || code === 404) {
          this.options.onFatal(error);
          break;
        }
        failures += 1;
        const delay = Math.min(500 * 2 ** failures, MAX_BACKOFF_MS);
        this.options.logger.warn({ err: error, delayMs: delay }, 'getUpdates failed; retrying');
        await sleep(delay, signal);
        continue;
      }
      failures = 0;
      if (updates.length === 0) continue;
      try {
        await this.options.dispatcher.accept(updates);
      } catch (error) {
        if (signal.aborted) break;
        // Not recorded, so not acknowledged: Telegram gives the same batch again.
        this.options.logger.error(
          { err: error },
          'could not record updates; will fetch them again',
        );
        await sleep(1000, signal);
        continue;
      }
      const last = Math.max(...updates.map((update) => update.update_id));
      this.offset = Math.max(this.offset, last + 1);
    }
  }
}
