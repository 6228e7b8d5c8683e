import { z } from 'zod';
import type { KeyedRecords } from './journaled.ts';
import type { ShardedSpec } from './sharded.ts';

export const userSchema = z.object({
  id: z.number().int(),
  firstName: z.string(),
  username: z.string().optional(),
  /** The Telegram app's language, remembered so messages sent outside an update use it too. */
  languageCode: z.string().optional(),
  /** Chosen with /lang; null means "follow the Telegram app's language". */
  lang: z.enum(['vi', 'en']).nullable(),
  role: z.enum(['worker', 'enterprise']).nullable(),
  /** False once Telegram answered 403 (the user blocked the bot); true again when they write. */
  active: z.boolean(),
  createdAt: z.string(),
});
export type User = z.infer<typeof userSchema>;
export type Role = NonNullable<User['role']>;

export const usersFileSchema = z.record(z.string().regex(/^-?\d+$/), userSchema);
export type UsersFile = z.infer<typeof usersFileSchema>;

export interface TelegramProfile {
  id: number;
  first_name: string;
  username?: string | undefined;
  language_code?: string | undefined;
}

/** The only way handlers touch user profiles, so the backend can change without them noticing. */
export interface UserRepository {
  get(id: number): User | undefined;
  /** Creates the profile on first contact, refreshes the name, and reactivates a returning user. */
  touch(profile: TelegramProfile): Promise<User>;
  setLang(id: number, lang: 'vi' | 'en'): Promise<void>;
  setRole(id: number, role: Role): Promise<void>;
  markInactive(id: number): Promise<void>;
  /** Erases the profile (/forgetme); a later message starts a new one. */
  remove(id: number): Promise<void>;
  all(): User[];
}

/** Users live in a sharded collection keyed by their Telegram id. */
export const usersSpec: ShardedSpec<User> = {
  name: 'users',
  version: 1,
  recordSchema: userSchema,
  shards: 128,
  journal: true,
};

/**
 * Profiles from a sharded collection. A profile is written only when something in it changed,
 * so the common update (a known user writing again) costs a map lookup and no write.
 */
export function createUserRepository(records: KeyedRecords<User>, now: () => Date): UserRepository {
  const write = async (id: number, change: (user: User) => User | undefined): Promise<void> => {
    if (!records.has(String(id))) return;
    await records.change(String(id), (user) => (user ? change(user) : undefined));
  };

  return {
    get: (id) => records.get(String(id)),
    async touch(profile) {
      const key = String(profile.id);
      // Telegram may leave out fields it documents as required; a missing name must not make
      // the stored profile fail the next start's checks.
      const firstName = typeof profile.first_name === 'string' ? profile.first_name : '';
      const existing = records.get(key);
      const unchanged =
        existing?.active &&
        existing.firstName === firstName &&
        existing.username === profile.username &&
        existing.languageCode === profile.language_code;
      if (existing && unchanged) return existing;
      await records.change(key, (user) =>
        user
          ? {
              ...user,
              firstName,
              username: profile.username,
              languageCode: profile.language_code,
              active: true,
            }
          : {
              id: profile.id,
              firstName,
              username: profile.username,
              languageCode: profile.language_code,
              lang: null,
              role: null,
              active: true,
              createdAt: now().toISOString(),
            },
      );
      return records.get(key) as User;
    },
    async setLang(id, lang) {
      if (records.get(String(id))?.lang === lang) return;
      await write(id, (user) => ({ ...user, lang }));
    },
    async setRole(id, role) {
      if (records.get(String(id))?.role === role) return;
      await write(id, (user) => ({ ...user, role }));
    },
    async markInactive(id) {
      if (records.get(String(id))?.active === false) return;
      await write(id, (user) => ({ ...user, active: false }));
    },
    async remove(id) {
      if (!records.has(String(id))) return;
      await records.remove(String(id));
    },
    all: () => [...records.values()],
  };
}
