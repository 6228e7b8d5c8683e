import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessionSchema } from '../../../src/bot/session.ts';
import { isNotSavedError } from '../../../src/store/index.ts';
import { createPool } from '../../../src/store/pg/db.ts';
import { type CoreStore, openPgCore } from '../../../src/store/pg/index.ts';
import { readMigrations } from '../../../src/store/pg/migrate.ts';
import type { NewTicket } from '../../../src/store/tickets/index.ts';
import { freshDatabase } from '../../support/postgres.ts';

const input = (userId: number): NewTicket => ({
  type: 'complaint',
  category: 'wages',
  parkId: null,
  company: null,
  description: 'Lương trả chậm',
  attachments: [],
  anonymous: userId % 2 === 0,
  filer: { userId, chatId: userId, name: `Filer ${userId}` },
});

/** Two bot instances on one database, each with its own pool, as in production. */
describe('two instances on one PostgreSQL', () => {
  let url: string;
  let a: CoreStore<unknown>;
  let b: CoreStore<unknown>;
  let admin: pg.Pool;
  beforeAll(async () => {
    url = await freshDatabase();
    [a, b] = await Promise.all([
      openPgCore({ url, sessionSchema }),
      openPgCore({ url, sessionSchema }),
    ]);
    admin = createPool(url, { max: 2 });
  });
  afterAll(async () => {
    await Promise.all([a.close(), b.close(), admin.end()]);
  });
  /** Waits until `check` holds on the other instance (it hears commits a moment later). */
  const eventually = async (check: () => boolean) => {
    const until = Date.now() + 5000;
    while (!check() && Date.now() < until) await new Promise((r) => setTimeout(r, 10));
    return check();
  };

  it('migrated the schema once although both started together', async () => {
    expect(a.schema.version).toBe((await readMigrations()).at(-1)?.version);
    expect([...a.schema.applied, ...b.schema.applied]).toHaveLength(
      (await readMigrations()).length,
    );
    expect(await a.health()).toMatchObject({
      ok: true,
      database: { reachable: true, schemaVersion: a.schema.version },
    });
  });

  it('give 200 concurrent filings on both instances 200 distinct codes, seen by both', async () => {
    const created = await Promise.all(
      Array.from({ length: 200 }, (_, i) => (i % 2 ? a : b).tickets.create(input(i + 1))),
    );
    expect(new Set(created.map((ticket) => ticket.code)).size).toBe(200);
    expect(await eventually(() => a.tickets.list().length === 200)).toBe(true);
    expect(await eventually(() => b.tickets.list().length === 200)).toBe(true);
    const anonymous = created.find((ticket) => ticket.anonymous);
    expect(anonymous && a.tickets.replyChat(anonymous.code)).toBe(anonymous?.filer.chatId);
  });

  it('file one ticket when the same draft reaches both instances at once', async () => {
    const [first, second] = await Promise.all([
      a.tickets.create(input(3001), { submissionId: 'draft-both' }),
      b.tickets.create(input(3001), { submissionId: 'draft-both' }),
    ]);
    expect(second.code).toBe(first.code);
    const { rows } = await admin.query(
      "SELECT count(*)::int AS n FROM tickets WHERE submission_id = 'draft-both'",
    );
    expect(rows[0]?.n).toBe(1);
  });

  it('apply an officer change made on one instance to the record the other changes next', async () => {
    const { code } = await a.tickets.create(input(1001));
    await b.tickets.take(code, 900);
    // a's memory may not have heard yet; its change starts from the stored record anyway.
    await a.tickets.respond(code, 901, 'reply', 'Đã liên hệ');
    expect(await eventually(() => b.tickets.get(code)?.history.length === 3)).toBe(true);
    expect(b.tickets.get(code)?.history.map((entry) => entry.action)).toEqual([
      'created',
      'take',
      'reply',
    ]);
    expect(b.tickets.get(code)?.assignee).toBe(900);
  });

  it('let a dialogue begun on one instance go on on the other', async () => {
    const session = {
      dialogue: { kind: 'idle' as const },
      threadMessages: { '12': 'KN-0001' },
      updatedAt: '2025-03-03T02:00:00.000Z',
    };
    await a.sessions.set('7:7', session);
    expect(await b.sessions.load?.('7:7')).toEqual(session);
    await a.users.touch({ id: 7, first_name: 'Lan' });
    await a.users.setLang(7, 'en');
    expect(await eventually(() => b.users.get(7)?.lang === 'en')).toBe(true);
  });

  it('catch up on changes made while their listening connection was lost', async () => {
    await admin.query(
      "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query LIKE 'LISTEN kcn_store_changes%'",
    );
    const { code } = await a.tickets.create(input(4001));
    expect(await eventually(() => b.tickets.get(code) !== undefined)).toBe(true);
    await a.users.touch({ id: 4001, first_name: 'Mai' });
    expect(await eventually(() => b.users.get(4001)?.firstName === 'Mai')).toBe(true);
  });

  it('write a change and its notices as one transaction: refused whole, memory untouched', async () => {
    const { code } = await a.tickets.create(input(2001));
    await admin.query(`
      CREATE FUNCTION refuse_info() RETURNS trigger LANGUAGE plpgsql AS
        $$ BEGIN RAISE EXCEPTION 'disk full (simulated)'; END $$;
      CREATE TRIGGER refuse_info BEFORE INSERT ON ticket_notices
        FOR EACH ROW WHEN (NEW.event = 'info') EXECUTE FUNCTION refuse_info();`);
    const failure = await a.tickets
      .addInfo(code, 'thêm chi tiết', [], { notify: [{ event: 'info', to: [900] }] })
      .catch((error: unknown) => error);
    await admin.query('DROP TRIGGER refuse_info ON ticket_notices');
    expect(isNotSavedError(failure)).toBe(true);
    expect(a.tickets.get(code)?.history.map((entry) => entry.action)).toEqual(['created']);
    const { rows } = await admin.query('SELECT data FROM tickets WHERE code = $1', [code]);
    expect(rows[0]?.data.history).toHaveLength(1);
    const fresh = await openPgCore({ url, sessionSchema });
    expect(fresh.tickets.get(code)?.history).toHaveLength(1);
    expect(fresh.tickets.pendingNotices().filter((notice) => notice.code === code)).toEqual([]);
    await fresh.close();
  });
});
