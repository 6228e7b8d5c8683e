/** Work that runs beside the update loop (schedulers, outbox); started and stopped by the entry point. */
export interface BackgroundService {
  name: string;
  start(): void;
  /** Resolves once the service has stopped and its last writes are durable. */
  stop(): Promise<void>;
}

/** setTimeout cannot wait longer than about 24.8 days. */
const MAX_TIMER_MS = 2 ** 31 - 1;

export interface TimerServiceOptions {
  name: string;
  /** Milliseconds from now to the next run; asked at start and again after each run. */
  next: () => number;
  /** One run; a failure is logged (through the logger's safeError) and the next run is still armed. */
  run: () => Promise<unknown>;
  logger: { error(object: object, message: string): void };
  /** Also run once at start, for sweeps that catch up after downtime. */
  runAtStart?: boolean;
}

/**
 * The one timer loop the periodic jobs share (digest, auto-close, retention, backup, broadcast
 * progress): runs never overlap, the next run is armed only after the last one finished, and
 * `stop` waits for a run in progress, so its writes are done before the store is flushed.
 */
export function timerService(options: TimerServiceOptions): BackgroundService {
  let timer: NodeJS.Timeout | undefined;
  let stopped = true;
  let running: Promise<void> = Promise.resolve();
  const fire = () => {
    running = running.then(async () => {
      try {
        await options.run();
      } catch (error) {
        options.logger.error({ err: error }, `${options.name} failed`);
      }
    });
    void running.then(arm);
  };
  const arm = () => {
    if (stopped) return;
    const delay = Math.min(Math.max(options.next(), 0), MAX_TIMER_MS);
    timer = setTimeout(fire, delay);
    timer.unref();
  };
  return {
    name: options.name,
    start() {
      if (!stopped) return;
      stopped = false;
      if (options.runAtStart) fire();
      else arm();
    },
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}

/**
 * The one shutdown path of every entry point (server and console): stop the services (each
 * finishing its last writes), make the store durable, then release DATA_DIR.
 */
export async function stopAll(
  services: readonly BackgroundService[],
  store: { flush(): Promise<void> },
  unlock: () => Promise<void>,
): Promise<void> {
  await Promise.allSettled(services.map((service) => service.stop()));
  await store.flush();
  await unlock();
}
