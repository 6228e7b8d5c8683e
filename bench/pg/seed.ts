import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type pg from 'pg';
import { type Session, sessionSchema } from '../../src/bot/session.ts';
import { openStore } from '../../src/store/index.ts';
import { raiseTicketNumbers } from '../../src/store/pg/tickets/rows.ts';
import { SHARD_SIZE, type Ticket } from '../../src/store/tickets/index.ts';
import { FIRST_USER_ID, fillDataDir } from '../scale/fill.ts';

/**
 * Fast seeding of the benchmark's data on PostgreSQL: one `INSERT … SELECT FROM generate_series`
 * per table, run by the server itself, writing the same records `bench/scale/fill.ts` writes into
 * a lowdb folder (users, every second one subscribed, one in a hundred mid-dialogue), so the two
 * backends hold the same data.
 */
const AT = '2026-01-15T02:00:00.000Z';
const PARKS = ['que-vo', 'tien-son', 'yen-phong', 'vsip-bac-ninh', 'thuan-thanh'];

export async function seedPgUsers(pool: pg.Pool, count: number): Promise<void> {
  const first = FIRST_USER_ID;
  await pool.query(
    `INSERT INTO users (id, first_name, username, language_code, lang, role, active, created_at)
     SELECT $1::bigint + i, 'Công nhân ' || i, CASE WHEN i % 4 = 0 THEN 'cn_' || i END,
            CASE WHEN i % 5 = 0 THEN 'en' ELSE 'vi' END, NULL,
            CASE WHEN i % 10 = 0 THEN 'enterprise' ELSE 'worker' END, true, $3
     FROM generate_series(0, $2::int - 1) AS i`,
    [first, count, AT],
  );
  await pool.query(
    `INSERT INTO notice_subscriptions (user_id, channels, updated_at)
     SELECT $1::bigint + i,
            ARRAY['general', CASE WHEN i % 10 = 0 THEN 'enterprise' ELSE 'worker' END,
                  'park:' || ($4::text[])[i % 5 + 1]],
            $3::timestamptz
     FROM generate_series(0, $2::int - 1, 2) AS i`,
    [first, count, AT, PARKS],
  );
  const dueAt = new Date(Date.now() + 86_400_000).toISOString();
  await pool.query(
    `INSERT INTO sessions (key, data)
     SELECT ($1::bigint + i) || ':' || ($1::bigint + i),
            jsonb_build_object('dialogue', jsonb_build_object('kind', 'reminderConfirm',
              'text', 'nộp báo cáo lao động', 'dueAt', $3::text,
              'repeat', jsonb_build_object('kind', 'once')), 'updatedAt', $4::text)
     FROM generate_series(0, $2::int - 1, 100) AS i`,
    [first, count, dueAt, AT],
  );
  await pool.query('ANALYZE users, notice_subscriptions, sessions');
}

/**
 * Stored tickets were filed and closed one a second from 60 days ago: inside RETENTION_MONTHS,
 * so the retention service does not start erasing them all when the bot starts.
 */
const TICKETS_FROM = new Date(Date.now() - 60 * 86_400_000);

/** Stored ticket number `seq`: closed, named, with one photo and its history. */
function storedTicket(seq: number): Ticket {
  const at = new Date(TICKETS_FROM.getTime() + seq * 1000).toISOString();
  return {
    code: `KN-${String(seq).padStart(4, '0')}`,
    seq,
    type: 'complaint',
    category: 'wages',
    parkId: null,
    company: 'Công ty TNHH Ví dụ',
    description: 'Công ty chậm trả lương tháng trước, chưa có thông báo lý do. '.repeat(3),
    attachments: [{ kind: 'photo', fileId: `AgACAgUAAxkBAAI${seq}` }],
    anonymous: false,
    filer: { userId: 1_000_000 + seq, chatId: 1_000_000 + seq, name: `Người ${seq}` },
    status: 'closed',
    assignee: 1,
    createdAt: at,
    firstResponseAt: at,
    resolvedAt: at,
    closedAt: at,
    rating: 4,
    history: [{ at, by: 'filer', action: 'created', status: 'new' }],
  };
}

/** `count` closed tickets as rows (the same records as the lowdb shards), sequences raised. */
export async function seedPgTickets(pool: pg.Pool, count: number): Promise<void> {
  const description = storedTicket(1).description;
  await pool.query(
    `WITH t AS (
       SELECT s, 'KN-' || lpad(s::text, greatest(4, length(s::text)), '0') AS code,
              to_char(($3::timestamptz + s * interval '1 second') AT TIME ZONE 'UTC',
                      'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS at
       FROM generate_series(1, $1::int) AS s)
     INSERT INTO tickets (code, seq, type, status, filer_user_id, submission_id, created_at, data)
     SELECT code, s, 'complaint', 'closed', 1000000 + s, NULL, at,
       jsonb_build_object('code', code, 'seq', s, 'type', 'complaint', 'category', 'wages',
         'parkId', NULL, 'company', 'Công ty TNHH Ví dụ', 'description', $2::text,
         'attachments', jsonb_build_array(jsonb_build_object('kind', 'photo',
           'fileId', 'AgACAgUAAxkBAAI' || s)),
         'anonymous', false,
         'filer', jsonb_build_object('userId', 1000000 + s, 'chatId', 1000000 + s,
           'name', 'Người ' || s),
         'status', 'closed', 'assignee', 1, 'createdAt', at, 'firstResponseAt', at,
         'resolvedAt', at, 'closedAt', at, 'rating', 4,
         'history', jsonb_build_array(jsonb_build_object('at', at, 'by', 'filer',
           'action', 'created', 'status', 'new')))
     FROM t`,
    [count, description, TICKETS_FROM.toISOString()],
  );
  await raiseTicketNumbers(pool, { complaint: 0, request: 0, seq: 0 });
  await pool.query('ANALYZE tickets');
}

/** `count` closed tickets written straight into lowdb's ticket shards (1,000 a file). */
export async function writeLowdbTickets(dataDir: string, count: number): Promise<void> {
  const dir = join(dataDir, 'tickets');
  await mkdir(dir, { recursive: true, mode: 0o700 });
  for (let start = 1; start <= count; start += SHARD_SIZE) {
    const data: Record<string, Ticket> = {};
    for (let seq = start; seq < start + SHARD_SIZE && seq <= count; seq += 1) {
      const ticket = storedTicket(seq);
      data[ticket.code] = ticket;
    }
    const index = String(Math.floor((start - 1) / SHARD_SIZE)).padStart(4, '0');
    await writeFile(join(dir, `tickets-${index}.json`), JSON.stringify({ version: 1, data }), {
      mode: 0o600,
    });
  }
}

/** A complaint at its last step ("Send" on the summary), so one press files it. */
export function draftAtConfirm(): Session {
  return {
    dialogue: {
      kind: 'ticket_filing',
      step: 'confirm',
      editing: false,
      draft: {
        type: 'complaint',
        category: 'safety',
        parkId: null,
        company: null,
        description: 'Thiếu đồ bảo hộ ở xưởng B',
        attachments: [],
        anonymous: true,
      },
    },
  } as Session;
}

/** The filers (stored users `0..filers-1`), each with a draft waiting for "Send", on lowdb. */
export async function lowdbFilers(dataDir: string, filers: number): Promise<void> {
  await fillDataDir(dataDir, { users: filers, reminders: 0 });
  const store = await openStore<Session>({ dataDir, sessionSchema });
  try {
    for (let i = 0; i < filers; i += 1) {
      const id = FIRST_USER_ID + i;
      await store.sessions.set(`${id}:${id}`, draftAtConfirm());
    }
  } finally {
    await store.close();
  }
}

/** The same filers and drafts on PostgreSQL (the drafts checked against the session schema). */
export async function pgFilers(pool: pg.Pool, filers: number): Promise<void> {
  await seedPgUsers(pool, filers);
  const draft = JSON.stringify(sessionSchema.parse(draftAtConfirm()));
  await pool.query(
    `INSERT INTO sessions (key, data)
     SELECT ($1::bigint + i) || ':' || ($1::bigint + i), $3::jsonb
     FROM generate_series(0, $2::int - 1) AS i
     ON CONFLICT (key) DO UPDATE SET data = excluded.data`,
    [FIRST_USER_ID, filers, draft],
  );
}
