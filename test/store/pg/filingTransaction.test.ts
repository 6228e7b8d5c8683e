import pg from 'pg';
import type { User } from 'telegraf/types';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { translator } from '../../../src/bot/i18n/index.ts';
import { type Session, sessionIsIdle, sessionSchema } from '../../../src/bot/session.ts';
import type { Store } from '../../../src/store/index.ts';
import { openPgStore } from '../../../src/store/pg/index.ts';
import { BotHarness } from '../../support/botHarness.ts';
import { Conversation } from '../../support/conversation.ts';
import { freshDatabase } from '../../support/postgres.ts';

const t = translator('vi');
const worker: User = { id: 7301, is_bot: false, first_name: 'Lan', language_code: 'vi' };
const sessionKey = `${worker.id}:${worker.id}`;

/**
 * A disk that fills up just as the step ending the dialogue is written (PostgreSQL's own error
 * for it); the earlier steps of the dialogue are written as usual.
 */
const FAIL_ENDING_STEP = `
  CREATE FUNCTION refuse_session() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    IF TG_OP = 'DELETE' OR NEW.data->'dialogue'->>'kind' = 'idle' THEN
      RAISE EXCEPTION 'could not extend file: No space left on device' USING ERRCODE = '53100';
    END IF;
    RETURN NEW;
  END $$;
  CREATE TRIGGER refuse_session BEFORE INSERT OR UPDATE OR DELETE ON sessions
    FOR EACH ROW EXECUTE FUNCTION refuse_session();`;

let url = '';
let admin: pg.Pool;
let store: Store<Session>;
let bot: BotHarness;

beforeAll(async () => {
  url = await freshDatabase();
  admin = new pg.Pool({ connectionString: url, max: 1 });
});
afterAll(() => admin.end());
beforeEach(async () => {
  store = await openPgStore({ url, sessionSchema, sessionIsIdle });
  bot = await BotHarness.create({ store });
});
afterEach(async () => {
  await bot.close();
  await store.close();
  await admin.query(
    'DROP TRIGGER IF EXISTS refuse_session ON sessions; DROP FUNCTION IF EXISTS refuse_session()',
  );
  await admin.query('TRUNCATE tickets, ticket_notices, sessions, users CASCADE');
});

/** A worker's complaint, every step answered, up to the Send button. */
async function draftComplaint(chat: Conversation) {
  await chat.say('/start');
  await chat.press(t('role.worker'));
  await chat.say('/complaint');
  await chat.press('Tiền lương');
  await chat.press('Khác / không rõ');
  await chat.press('Bỏ qua');
  await chat.press('Bỏ qua');
  await chat.say('Công ty nợ lương hai tháng');
  await chat.press('Xong');
  await chat.press('Ẩn danh');
}

const count = async (table: string) =>
  Number((await admin.query(`SELECT count(*) AS n FROM ${table}`)).rows[0].n);

/** The dialogue kind of the worker's stored session row ('none' without a row). */
async function storedDialogue(): Promise<string> {
  const { rows } = await admin.query<{ kind: string }>(
    "SELECT data->'dialogue'->>'kind' AS kind FROM sessions WHERE key = $1",
    [sessionKey],
  );
  return rows[0]?.kind ?? 'none';
}

describe('filing a ticket on PostgreSQL', () => {
  it('ends the dialogue in the same transaction as the ticket and its officers’ notice', async () => {
    const chat = new Conversation(bot, worker);
    await draftComplaint(chat);
    expect(await storedDialogue()).toBe('ticket_filing');
    const told = BotHarness.texts(await chat.press('Gửi'), worker.id).join('\n');
    expect(told).toMatch(/#KN-\d{4}/);
    expect(await count('tickets')).toBe(1);
    // The ended dialogue went in the filing's transaction.
    expect(await storedDialogue()).toBe('idle');
    expect(store.sessions.get(sessionKey)?.dialogue.kind).toBe('idle');
    // Rows written by one transaction carry its id: the ticket and the step are one write.
    const { rows } = await admin.query<{ ticket: string; session: string }>(
      `SELECT (SELECT xmin::text FROM tickets) AS ticket,
              (SELECT xmin::text FROM sessions WHERE key = $1) AS session`,
      [sessionKey],
    );
    expect(rows[0]?.session).toBe(rows[0]?.ticket);
    // With the description remembered, so an edit of it reaches the ticket.
    expect(Object.values(store.sessions.get(sessionKey)?.threadMessages ?? {})).toEqual([
      told.match(/#(KN-\d{4})/)?.[1],
    ]);
  });

  it('files no ticket when the session step cannot be written, and files it on the next press', async () => {
    const chat = new Conversation(bot, worker);
    await draftComplaint(chat);
    await admin.query(FAIL_ENDING_STEP);
    const refused = BotHarness.texts(await chat.press('Gửi'), worker.id).join('\n');
    expect(refused).not.toMatch(/#KN-\d{4}/);
    expect(refused).toContain(t('tickets.notSaved'));
    expect(await count('tickets')).toBe(0);
    expect(await count('ticket_notices')).toBe(0);
    expect(store.tickets.list()).toHaveLength(0);
    // Nothing reached the officers either.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(bot.calls.some((call) => call.payload.chat_id === 900)).toBe(false);

    await admin.query('DROP TRIGGER refuse_session ON sessions');
    const filed = BotHarness.texts(await chat.press('Gửi'), worker.id).join('\n');
    expect(filed).toMatch(/#KN-\d{4}/);
    expect(await count('tickets')).toBe(1);
    expect(await storedDialogue()).toBe('idle');
  });
});
