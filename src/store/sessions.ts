import { z } from 'zod';
import type { KeyedRecords } from './journaled.ts';
import type { ShardedSpec } from './sharded.ts';

export type SessionsFile<S> = Record<string, S>;

export function sessionsFileSchema<S>(sessionSchema: z.ZodType<S>): z.ZodType<SessionsFile<S>> {
  return z.record(z.string(), sessionSchema);
}

/** Persisted per-chat state, so a half-finished dialogue survives a restart. */
export interface SessionRepository<S> {
  get(key: string): S | undefined;
  set(key: string, session: S): Promise<void>;
  delete(key: string): Promise<void>;
  /**
   * The stored session read afresh, where another process may have changed it (PostgreSQL with
   * several instances); the session middleware prefers it to `get` when present.
   */
  load?(key: string): Promise<S | undefined>;
}

/**
 * A session step to commit in the same write as another change: the ticket and the step that
 * filed it (PostgreSQL writes both in one transaction). A backend that cannot leaves it to the
 * session middleware, which writes it after; `committed` tells the middleware it need not.
 * `sessionAfter` gives the session from what the other change made (the ticket's code).
 */
export interface SessionWrite<R> {
  readonly key: string;
  sessionAfter(result: R): unknown;
  committed(): void;
}

/** Sessions live in a sharded collection keyed by `<chat>:<user>`. */
export function sessionsSpec<S>(sessionSchema: z.ZodType<S>): ShardedSpec<S> {
  return { name: 'sessions', version: 1, recordSchema: sessionSchema, shards: 128, journal: true };
}

/**
 * `isIdle` says which sessions carry nothing a fresh one would not (no dialogue under way): those
 * are removed rather than stored, so the collection holds only chats in the middle of something.
 */
export function createSessionRepository<S>(
  records: KeyedRecords<S>,
  isIdle: (session: S) => boolean = () => false,
): SessionRepository<S> {
  return {
    get: (key) => records.get(key),
    async set(key, session) {
      if (!isIdle(session)) return records.put(key, session);
      if (records.has(key)) await records.remove(key);
    },
    async delete(key) {
      if (!records.has(key)) return;
      await records.remove(key);
    },
  };
}
