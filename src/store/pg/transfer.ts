import type pg from 'pg';
import type { z } from 'zod';
import { type DeskFile, deskFileSchema } from '../desk.ts';
import { feedbackFileSchema } from '../feedback.ts';
import { ticketFloorSchema } from '../ticketFloor.ts';
import { ticketSchema } from '../tickets/schema.ts';
import type { CoreSnapshot } from '../transferLowdb.ts';
import { userSchema } from '../users.ts';
import type { Queryable } from './db.ts';
import { readDesk, saveDraft, saveMark, saveRelay, saveTopic } from './desk.ts';
import { insertFeedback, readFeedback } from './feedback.ts';
import { readSessions, saveSession } from './sessions.ts';
import {
  raiseTicketNumbers,
  readContacts,
  readDigests,
  readTickets,
  saveContact,
  saveDigest,
  saveTicket,
} from './tickets/rows.ts';
import { NOTICE_TABLES, readPgNotices, writePgNotices } from './transferNotices.ts';
import { readUsers } from './users.ts';
import { checked, commit } from './write.ts';

/** The tables an import must find empty: it copies a folder in, it never merges. */
const CORE_TABLES = [
  'users',
  'sessions',
  'feedback_unanswered',
  'feedback_votes',
  'tickets',
  'anonymous_contacts',
  'ticket_digests',
  'desk_topics',
  'desk_relays',
  'desk_marks',
  'desk_drafts',
];

/** Reads the core repositories' rows as a snapshot, each record checked against its schema. */
export async function readPgCore<S>(
  db: Queryable,
  sessionSchema: z.ZodType<S>,
): Promise<CoreSnapshot<S>> {
  const sessions = await readSessions(db);
  const contacts = await readContacts(db);
  const { rows } = await db.query<{ complaint: number; request: number; seq: number }>(
    `SELECT (SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM ticket_number_complaint) AS complaint,
            (SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM ticket_number_request) AS request,
            (SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM ticket_seq) AS seq`,
  );
  return {
    users: (await readUsers(db))
      .map((user) => checked('users', userSchema, user))
      .sort((a, b) => a.id - b.id),
    sessions: sessions
      .map((row): [string, S] => [row.key, checked('sessions', sessionSchema, row.data)])
      .sort(([a], [b]) => a.localeCompare(b)),
    feedback: checked('feedback', feedbackFileSchema, await readFeedback(db)),
    desk: checked('desk', deskFileSchema, await readDesk(db)),
    tickets: (await readTickets(db)).map((ticket) => checked('tickets', ticketSchema, ticket)),
    contacts: [...contacts.entries()].sort(([a], [b]) => a.localeCompare(b)),
    digests: (await readDigests(db)).sort((a, b) => a.id.localeCompare(b.id)),
    floor: checked('ticket floor', ticketFloorSchema, rows[0]),
    notices: await readPgNotices(db),
  };
}

/**
 * Copies a snapshot into an empty database in one transaction: all of it or, on any problem,
 * nothing (`alsoWrite` adds rows of other parts, the dashboard's keys, to the same transaction). Every record is checked against its schema first; the ticket sequences are raised
 * above every number issued.
 */
export async function writePgCore<S>(
  pool: pg.Pool,
  snapshot: CoreSnapshot<S>,
  sessionSchema: z.ZodType<S>,
  alsoWrite?: (client: Queryable) => Promise<void>,
): Promise<void> {
  await commit(pool, async (client) => {
    for (const table of [...CORE_TABLES, ...NOTICE_TABLES, 'dashboard_actions']) {
      const { rows } = await client.query(`SELECT 1 FROM ${table} LIMIT 1`);
      if (rows.length > 0)
        throw new Error(`the database already holds ${table}; import into an empty one`);
    }
    await insertUsers(
      client,
      snapshot.users.map((user) => checked('users', userSchema, user)),
    );
    for (const [key, session] of snapshot.sessions) {
      await saveSession(client, key, checked('sessions', sessionSchema, session));
    }
    await insertFeedback(client, checked('feedback', feedbackFileSchema, snapshot.feedback));
    await insertDesk(client, checked('desk', deskFileSchema, snapshot.desk));
    for (const ticket of snapshot.tickets)
      await saveTicket(client, checked('tickets', ticketSchema, ticket));
    for (const [code, chat] of snapshot.contacts) await saveContact(client, code, chat);
    for (const digest of snapshot.digests) await saveDigest(client, digest);
    await raiseTicketNumbers(client, snapshot.floor);
    await writePgNotices(client, snapshot.notices);
    await alsoWrite?.(client);
  });
}

/** Users in batches of 5,000 rows a statement: a board's whole user base imports in seconds. */
async function insertUsers(db: Queryable, users: CoreSnapshot<unknown>['users']): Promise<void> {
  for (let start = 0; start < users.length; start += 5000) {
    const batch = users.slice(start, start + 5000);
    await db.query(
      `INSERT INTO users (id, first_name, username, language_code, lang, role, active, created_at)
       SELECT * FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::text[],
                            $6::text[], $7::boolean[], $8::text[])`,
      [
        batch.map((user) => user.id),
        batch.map((user) => user.firstName),
        batch.map((user) => user.username ?? null),
        batch.map((user) => user.languageCode ?? null),
        batch.map((user) => user.lang),
        batch.map((user) => user.role),
        batch.map((user) => user.active),
        batch.map((user) => user.createdAt),
      ],
    );
  }
}

async function insertDesk(db: Queryable, desk: DeskFile): Promise<void> {
  for (const [code, topic] of Object.entries(desk.topics)) await saveTopic(db, code, topic);
  for (const relay of Object.values(desk.relays)) await saveRelay(db, relay);
  for (const [code, marks] of Object.entries(desk.targetMarks)) {
    for (const mark of marks) await saveMark(db, code, mark);
  }
  for (const draft of Object.values(desk.drafts)) await saveDraft(db, draft);
}
