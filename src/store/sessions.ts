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
}

/** Sessions live in a sharded collection keyed by `<chat>:<user>`. */
export function sessionsSpec<S>(sessionSchema: z.ZodType<S>): ShardedSpec<S> {
  return { name: 'sessions', version: 1, recordSchema: sessionSchema, shards: 128, journal: true };
}

export function createSessionRepository<S>(records: KeyedRecords<S>): SessionRepository<S> {
  return {
    get: (key) => records.get(key),
    set: (key, session) => records.put(key, session),
    async delete(key) {
      if (!records.has(key)) return;
      await records.remove(key);
    },
  };
}
