import { z } from 'zod';
import type { Collection } from './collection.ts';

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

export function createUserRepository(
  collection: Collection<UsersFile>,
  now: () => Date,
): UserRepository {
  const write = (id: number, change: (user: User) => void): Promise<void> =>
    collection.update((users) => {
      const user = users[String(id)];
      if (user) change(user);
    });

  return {
    get: (id) => collection.data[String(id)],
    async touch(profile) {
      const existing = collection.data[String(profile.id)];
      const unchanged =
        existing?.active &&
        existing.firstName === profile.first_name &&
        existing.username === profile.username &&
        existing.languageCode === profile.language_code;
      if (existing && unchanged) return existing;
      await collection.update((users) => {
        const user = users[String(profile.id)];
        if (user) {
          user.firstName = profile.first_name;
          user.username = profile.username;
          user.languageCode = profile.language_code;
          user.active = true;
        } else {
          users[String(profile.id)] = {
            id: profile.id,
            firstName: profile.first_name,
            username: profile.username,
            languageCode: profile.language_code,
            lang: null,
            role: null,
            active: true,
            createdAt: now().toISOString(),
          };
        }
      });
      return collection.data[String(profile.id)] as User;
    },
    setLang: (id, lang) => write(id, (user) => (user.lang = lang)),
    setRole: (id, role) => write(id, (user) => (user.role = role)),
    async markInactive(id) {
      if (collection.data[String(id)]?.active === false) return;
      await write(id, (user) => (user.active = false));
    },
    async remove(id) {
      if (!(String(id) in collection.data)) return;
      await collection.update((users) => {
        delete users[String(id)];
      });
    },
    all: () => Object.values(collection.data),
  };
}
