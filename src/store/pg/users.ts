import type pg from 'pg';
import { type User, type UserRepository, userSchema } from '../users.ts';
import type { ChangeFeed } from './changes.ts';
import type { Queryable } from './db.ts';
import { checked, commit } from './write.ts';

interface UserRow {
  id: number;
  first_name: string;
  username: string | null;
  language_code: string | null;
  lang: 'vi' | 'en' | null;
  role: 'worker' | 'enterprise' | null;
  active: boolean;
  created_at: string;
}

const COLUMNS = 'id, first_name, username, language_code, lang, role, active, created_at';

export const userFromRow = (row: UserRow): User => ({
  id: row.id,
  firstName: row.first_name,
  ...(row.username !== null && { username: row.username }),
  ...(row.language_code !== null && { languageCode: row.language_code }),
  lang: row.lang,
  role: row.role,
  active: row.active,
  createdAt: row.created_at,
});

/** Inserts or replaces one profile (also used by db:import). */
export async function saveUser(db: Queryable, user: User): Promise<void> {
  await db.query(
    `INSERT INTO users (${COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
     ON CONFLICT (id) DO UPDATE SET first_name = $2, username = $3, language_code = $4,
       lang = $5, role = $6, active = $7`,
    [
      user.id,
      user.firstName,
      user.username ?? null,
      user.languageCode ?? null,
      user.lang,
      user.role,
      user.active,
      user.createdAt,
    ],
  );
}

/** Every stored profile, in no particular order (sorting a million rows slows the start). */
export async function readUsers(db: Queryable): Promise<User[]> {
  const { rows } = await db.query<UserRow>(`SELECT ${COLUMNS} FROM users`);
  return rows.map(userFromRow);
}

/**
 * Profiles on PostgreSQL, answered from memory like the lowdb repository (reads are synchronous
 * for the handlers). A change is one upsert computed from the row locked in its transaction,
 * put in memory only after it committed; unchanged profiles are not written.
 */
export async function openPgUsers(
  pool: pg.Pool,
  now: () => Date,
  feed: ChangeFeed,
): Promise<UserRepository> {
  const byId = new Map<number, User>();
  const loadAll = async () => {
    const users = await readUsers(pool);
    byId.clear();
    for (const user of users) byId.set(user.id, user);
  };
  await loadAll();
  feed.onResync(loadAll);
  const reload = async (id: number) => {
    const { rows } = await pool.query<UserRow>(`SELECT ${COLUMNS} FROM users WHERE id = $1`, [id]);
    const row = rows[0];
    if (row) byId.set(id, userFromRow(row));
    else byId.delete(id);
  };
  feed.on('user', (key) => reload(Number(key)));

  /** Applies `change` to the stored profile (or creates one); memory follows the commit. */
  const write = async (
    id: number,
    change: (user: User | undefined) => User | undefined,
  ): Promise<User | undefined> => {
    const saved = await commit(pool, async (client) => {
      const { rows } = await client.query<UserRow>(
        `SELECT ${COLUMNS} FROM users WHERE id = $1 FOR UPDATE`,
        [id],
      );
      const current = rows[0] ? userFromRow(rows[0]) : undefined;
      const next = change(current);
      if (!next) return current;
      await saveUser(client, checked('users', userSchema, next));
      await feed.publish(client, 'user', String(id));
      return next;
    });
    if (saved) byId.set(id, saved);
    return saved;
  };

  return {
    get: (id) => byId.get(id),
    async touch(profile) {
      const firstName = typeof profile.first_name === 'string' ? profile.first_name : '';
      const fresh = (user: User | undefined) =>
        user?.active &&
        user.firstName === firstName &&
        user.username === profile.username &&
        user.languageCode === profile.language_code;
      const known = byId.get(profile.id);
      if (known && fresh(known)) return known;
      const saved = await write(profile.id, (user) => {
        if (fresh(user)) return undefined;
        return {
          id: profile.id,
          firstName,
          ...(profile.username !== undefined && { username: profile.username }),
          ...(profile.language_code !== undefined && { languageCode: profile.language_code }),
          lang: user?.lang ?? null,
          role: user?.role ?? null,
          active: true,
          createdAt: user?.createdAt ?? now().toISOString(),
        };
      });
      return saved as User;
    },
    async setLang(id, lang) {
      if (byId.get(id)?.lang === lang) return;
      await write(id, (user) => (user && user.lang !== lang ? { ...user, lang } : undefined));
    },
    async setRole(id, role) {
      if (byId.get(id)?.role === role) return;
      await write(id, (user) => (user && user.role !== role ? { ...user, role } : undefined));
    },
    async markInactive(id) {
      if (byId.get(id)?.active === false) return;
      await write(id, (user) => (user?.active ? { ...user, active: false } : undefined));
    },
    async remove(id) {
      await commit(pool, async (client) => {
        await client.query('DELETE FROM users WHERE id = $1', [id]);
        await feed.publish(client, 'user', String(id));
      });
      byId.delete(id);
    },
    all: () => [...byId.values()],
  };
}
