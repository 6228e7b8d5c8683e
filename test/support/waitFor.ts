import type { EventEmitter } from 'node:events';

export interface WaitOptions {
  /** Give up after this long; default 5000 ms. */
  timeoutMs?: number;
  /** Names what is awaited, for the timeout message. */
  what?: string;
}

/**
 * Resolves with `predicate`'s first truthy value, checking it now and again each time
 * `subscribe`'s source reports a change (for the fake Bot API: every recorded call and every
 * long poll it starts holding), so a wait ends as soon as it can, with no polling interval. A
 * predicate that throws counts as "not yet"; its last error and `details()` end the timeout
 * message.
 */
export function waitUntil<T>(
  subscribe: (onChange: () => void) => () => void,
  predicate: () => T | undefined | null | false,
  options: WaitOptions & { details?: () => string } = {},
): Promise<T> {
  const { timeoutMs = 5000, what = 'condition' } = options;
  let lastError: unknown;
  const check = (): T | undefined => {
    try {
      const value = predicate();
      if (value !== undefined && value !== null && value !== false) return value;
    } catch (error) {
      lastError = error;
    }
    return undefined;
  };
  const ready = check();
  if (ready !== undefined) return Promise.resolve(ready);
  return new Promise<T>((resolve, reject) => {
    const unsubscribe = subscribe(() => {
      const value = check();
      if (value === undefined) return;
      finish();
      resolve(value);
    });
    const timer = setTimeout(() => {
      finish();
      const reason = lastError instanceof Error ? `\nLast error: ${lastError.message}` : '';
      const details = options.details ? `\n${options.details()}` : '';
      reject(new Error(`Timed out after ${timeoutMs} ms waiting for ${what}.${reason}${details}`));
    }, timeoutMs);
    const finish = () => {
      clearTimeout(timer);
      unsubscribe();
    };
  });
}

/** A `subscribe` for {@link waitUntil}: any of `names` emitted by `emitter` counts as a change. */
export function onEvents(emitter: EventEmitter, ...names: string[]) {
  return (onChange: () => void) => {
    for (const name of names) emitter.on(name, onChange);
    return () => {
      for (const name of names) emitter.off(name, onChange);
    };
  };
}
