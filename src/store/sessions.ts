import { z } from 'zod';
import type { Collection } from './collection.ts';

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

export function createSessionRepository<S>(
  collection: Collection<SessionsFile<S>>,
): SessionRepository<S> {
  return {
    get: (key) => collection.data[key],
    set: (key, session) =>
      collection.update((sessions) => {
        sessions[key] = session;
      }),
    async delete(key) {
      if (!(key in collection.data)) return;
      await collection.update((sessions) => {
        delete sessions[key];
      });
    },
  };
}
