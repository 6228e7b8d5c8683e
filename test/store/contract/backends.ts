import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type pg from 'pg';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { type Session, sessionSchema } from '../../../src/bot/session.ts';
import { openStore, type Store } from '../../../src/store/index.ts';
import { createPool } from '../../../src/store/pg/db.ts';
import { openPgCore } from '../../../src/store/pg/index.ts';
import { migrate } from '../../../src/store/pg/migrate.ts';
import { openTickets, type TicketRepository } from '../../../src/store/tickets/index.ts';
import { freshDatabase } from '../../support/postgres.ts';

/** The repositories the contract covers: everything a Store has but notices. */
export type CoreRepositories = Omit<Store<Session>, 'notices'>;

export interface OpenOptions {
  now?: () => Date;
  sessionIsIdle?: (session: Session) => boolean;
}

/** One test's storage on one backend. Opening again reads the same data, as after a restart. */
export interface BackendUnderTest {
  readonly name: 'lowdb' | 'postgres';
  open(options?: OpenOptions): Promise<CoreRepositories>;
  openTickets(now: () => Date): Promise<TicketRepository>;
  /** Everything stored of the tickets themselves (files or rows), as text: what a leak would be in. */
  ticketsAtRest(): Promise<string>;
  /** Where anonymous tickets' reply chats are kept, as text. */
  contactsAtRest(): Promise<string>;
}

interface Backend {
  name: 'lowdb' | 'postgres';
  /** Registers the hooks that give each test empty storage, and returns its handle. */
  use(): BackendUnderTest;
}

const lowdb: Backend = {
  name: 'lowdb',
  use() {
    let dir = '';
    const opened: CoreRepositories[] = [];
    beforeEach(async () => {
      dir = await mkdtemp(join(tmpdir(), 'kcn-contract-'));
    });
    afterEach(async () => {
      await Promise.all(opened.splice(0).map((store) => store.close().catch(() => undefined)));
      await rm(dir, { recursive: true, force: true });
    });
    return {
      name: 'lowdb',
      async open(options = {}) {
        const store = await openStore({ dataDir: dir, sessionSchema, ...options });
        opened.push(store);
        return store;
      },
      openTickets: (now) => openTickets(dir, now),
      async ticketsAtRest() {
        const folder = join(dir, 'tickets');
        const names = await readdir(folder);
        const texts = await Promise.all(names.map((name) => readFile(join(folder, name), 'utf8')));
        return texts.join('\n');
      },
      contactsAtRest: () =>
        readFile(join(dir, 'private', 'anonymous-contacts.json'), 'utf8').catch(() => ''),
    };
  },
};

const postgres: Backend = {
  name: 'postgres',
  use() {
    let pool: pg.Pool | undefined;
    const opened: { close(): Promise<void> }[] = [];
    const need = () => {
      if (!pool) throw new Error('the PostgreSQL contract database is not open');
      return pool;
    };
    // One database per test file; every table emptied and every sequence restarted per test,
    // in one round trip (DELETE on these few rows is quicker than TRUNCATE).
    let reset = '';
    beforeAll(async () => {
      pool = createPool(await freshDatabase(), { max: 20 });
      await migrate(pool);
      const tables = await pool.query<{ name: string }>(
        "SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'schema_migrations'",
      );
      const sequences = await pool.query<{ name: string }>(
        "SELECT sequencename AS name FROM pg_sequences WHERE schemaname = 'public'",
      );
      reset = [
        'SET session_replication_role = replica',
        ...tables.rows.map((row) => `DELETE FROM "${row.name}"`),
        ...sequences.rows.map((row) => `ALTER SEQUENCE "${row.name}" RESTART`),
        'SET session_replication_role = DEFAULT',
      ].join(';\n');
    });
    afterAll(() => pool?.end());
    beforeEach(async () => {
      await need().query(reset);
    });
    afterEach(async () => {
      await Promise.all(opened.splice(0).map((store) => store.close().catch(() => undefined)));
    });
    const open = async (options: OpenOptions = {}) => {
      const store = await openPgCore({ pool: need(), sessionSchema, ...options });
      opened.push(store);
      return store;
    };
    return {
      name: 'postgres',
      open,
      openTickets: async (now) => (await open({ now })).tickets,
      ticketsAtRest: () => tableText(need(), ['tickets', 'ticket_notices']),
      contactsAtRest: () => tableText(need(), ['anonymous_contacts']),
    };
  },
};

/** Both backends, for `describe.each(BACKENDS)('$name', …)`. */
export const BACKENDS: Backend[] = [lowdb, postgres];

async function tableText(pool: pg.Pool, tables: string[]): Promise<string> {
  const texts = await Promise.all(
    tables.map(async (table) => {
      const { rows } = await pool.query<{ row: string }>(`SELECT t::text AS row FROM "${table}" t`);
      return rows.map((row) => row.row).join('\n');
    }),
  );
  return texts.join('\n');
}
