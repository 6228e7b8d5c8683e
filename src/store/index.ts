import { join } from 'node:path';
import type { z } from 'zod';
import { Collection } from './collection.ts';
import {
  createSessionRepository,
  type SessionRepository,
  type SessionsFile,
  sessionsFileSchema,
} from './sessions.ts';
import {
  createUserRepository,
  type UserRepository,
  type UsersFile,
  usersFileSchema,
} from './users.ts';

export { StoreCorruptError } from './collection.ts';
export type { SessionRepository } from './sessions.ts';
export type { Role, User, UserRepository } from './users.ts';

export interface StoreOptions<S> {
  dataDir: string;
  /** The bot's session shape; passed in so this folder never depends on the bot. */
  sessionSchema: z.ZodType<S>;
  now?: () => Date;
}

export interface Store<S> {
  users: UserRepository;
  sessions: SessionRepository<S>;
  /** Resolves when every change made so far is on disk (called on shutdown). */
  flush(): Promise<void>;
}

/**
 * Opens every collection file under `dataDir`, one lowdb instance per file. Any file that is
 * not valid JSON or fails its schema stops the program (StoreCorruptError) and stays untouched.
 */
export async function openStore<S>(options: StoreOptions<S>): Promise<Store<S>> {
  const now = options.now ?? (() => new Date());
  const file = (name: string) => join(options.dataDir, `${name}.json`);
  const users = await Collection.open<UsersFile>(file('users'), 1, usersFileSchema, () => ({}));
  const sessions = await Collection.open<SessionsFile<S>>(
    file('sessions'),
    1,
    sessionsFileSchema(options.sessionSchema),
    () => ({}),
  );
  const collections = [users, sessions];
  return {
    users: createUserRepository(users, now),
    sessions: createSessionRepository(sessions),
    async flush() {
      await Promise.all(collections.map((collection) => collection.flush()));
    },
  };
}
