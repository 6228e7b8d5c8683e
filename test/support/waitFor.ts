import { setTimeout as sleep } from 'node:timers/promises';

export interface WaitOptions {
  /** Give up after this long; default 5000 ms. */
  timeoutMs?: number;
  /** Names what is awaited, for the timeout message. */
  what?: string;
}

/**
 * Calls `predicate` every `intervalMs` until it returns a truthy value, which is returned. A
 * predicate that throws counts as "not yet"; its last error and `details()` end the timeout message.
 */
export async function pollUntil<T>(
  predicate: () => T | undefined | null | false,
  options: WaitOptions & { intervalMs?: number; details?: () => string } = {},
): Promise<T> {
  const { timeoutMs = 5000, intervalMs = 10, what = 'condition' } = options;
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = predicate();
      if (value !== undefined && value !== null && value !== false) return value;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() >= deadline) break;
    await sleep(intervalMs);
  }
  const reason = lastError instanceof Error ? `\nLast error: ${lastError.message}` : '';
  const details = options.details ? `\n${options.details()}` : '';
  throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}.${reason}${details}`);
}
