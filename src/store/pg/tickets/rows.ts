import type { PendingDigest } from '../../tickets/digests.ts';
import type { Ticket, TicketNotice } from '../../tickets/schema.ts';
import type { Queryable } from '../db.ts';

interface NoticeRow {
  code: string;
  id: string;
  event: TicketNotice['event'];
  recipients: TicketNotice['to'];
  marks: string;
  note: string | null;
  files: number | null;
  at: string;
}

const noticeFromRow = (row: NoticeRow): TicketNotice => ({
  id: row.id,
  event: row.event,
  to: row.recipients,
  marks: row.marks,
  ...(row.note !== null && { note: row.note }),
  ...(row.files !== null && { files: row.files }),
  at: row.at,
});

/** A ticket's row: the record without its notices, which have rows of their own. */
const ticketData = (ticket: Ticket) => {
  const { notices: _notices, ...data } = ticket;
  return data;
};

/**
 * Writes a ticket whole: its row and its pending notices (the old notice rows replaced), inside
 * the caller's transaction, so the change and what it must tell are one commit.
 */
export async function saveTicket(db: Queryable, ticket: Ticket): Promise<void> {
  await db.query(
    `INSERT INTO tickets (code, seq, type, status, filer_user_id, submission_id, created_at, data)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
     ON CONFLICT (code) DO UPDATE SET status = $4, filer_user_id = $5, data = $8`,
    [
      ticket.code,
      ticket.seq,
      ticket.type,
      ticket.status,
      ticket.anonymous || ticket.filer.userId === 0 ? null : ticket.filer.userId,
      ticket.submissionId ?? null,
      ticket.createdAt,
      JSON.stringify(ticketData(ticket)),
    ],
  );
  await db.query('DELETE FROM ticket_notices WHERE code = $1', [ticket.code]);
  for (const [position, notice] of (ticket.notices ?? []).entries()) {
    await db.query(
      `INSERT INTO ticket_notices (code, id, position, event, recipients, marks, note, files, at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [
        ticket.code,
        notice.id,
        position,
        notice.event,
        JSON.stringify(notice.to),
        notice.marks,
        notice.note ?? null,
        notice.files ?? null,
        notice.at,
      ],
    );
  }
}

/** Tickets with their notices: all of them (start-up, export), or the codes given. */
export async function readTickets(
  db: Queryable,
  codes?: string[],
  lock = false,
): Promise<Ticket[]> {
  const where = codes ? 'WHERE code = ANY($1)' : '';
  const params = codes ? [codes] : [];
  const { rows } = await db.query<{ data: Ticket }>(
    `SELECT data FROM tickets ${where} ORDER BY seq${lock ? ' FOR UPDATE' : ''}`,
    params,
  );
  const notices = await db.query<NoticeRow>(
    `SELECT * FROM ticket_notices ${where} ORDER BY code, position`,
    params,
  );
  const byCode = new Map<string, TicketNotice[]>();
  for (const row of notices.rows) {
    byCode.set(row.code, [...(byCode.get(row.code) ?? []), noticeFromRow(row)]);
  }
  return rows.map(({ data }) => {
    const own = byCode.get(data.code);
    return own ? { ...data, notices: own } : data;
  });
}

/** Anonymous tickets' reply chats, code → chat. */
export async function readContacts(db: Queryable, codes?: string[]): Promise<Map<string, number>> {
  const { rows } = await db.query<{ code: string; chat_id: number }>(
    `SELECT code, chat_id FROM anonymous_contacts ${codes ? 'WHERE code = ANY($1)' : ''}`,
    codes ? [codes] : [],
  );
  return new Map(rows.map((row) => [row.code, row.chat_id]));
}

export async function saveContact(db: Queryable, code: string, chatId: number): Promise<void> {
  await db.query(
    `INSERT INTO anonymous_contacts (code, chat_id) VALUES ($1, $2)
     ON CONFLICT (code) DO UPDATE SET chat_id = $2`,
    [code, chatId],
  );
}

export async function readDigests(db: Queryable, id?: string): Promise<PendingDigest[]> {
  const { rows } = await db.query<{ id: string; recipients: number[]; marks: string; at: string }>(
    `SELECT id, recipients, marks, at FROM ticket_digests ${id ? 'WHERE id = $1' : ''} ORDER BY id`,
    id ? [id] : [],
  );
  return rows.map((row) => ({
    id: row.id,
    to: row.recipients.map(Number),
    marks: row.marks,
    at: row.at,
  }));
}

export async function saveDigest(db: Queryable, digest: PendingDigest): Promise<void> {
  await db.query(
    `INSERT INTO ticket_digests (id, recipients, marks, at) VALUES ($1, $2, $3, $4)
     ON CONFLICT (id) DO NOTHING`,
    [digest.id, digest.to, digest.marks, digest.at],
  );
}

/** Sequences above every number issued, so a code is never given twice (import, restore). */
export async function raiseTicketNumbers(
  db: Queryable,
  floor: { complaint: number; request: number; seq: number },
): Promise<void> {
  const { rows } = await db.query<{ complaint: number; request: number; seq: number }>(
    `SELECT
       coalesce(max(substring(code from 4)::int) FILTER (WHERE type = 'complaint'), 0) AS complaint,
       coalesce(max(substring(code from 4)::int) FILTER (WHERE type = 'request'), 0) AS request,
       coalesce(max(seq), 0) AS seq
     FROM tickets`,
  );
  const stored = rows[0] ?? { complaint: 0, request: 0, seq: 0 };
  const raise = async (sequence: string, value: number) => {
    if (value > 0) await db.query('SELECT setval($1::regclass, $2)', [sequence, value]);
  };
  await raise('ticket_number_complaint', Math.max(stored.complaint, floor.complaint));
  await raise('ticket_number_request', Math.max(stored.request, floor.request));
  await raise('ticket_seq', Math.max(stored.seq, floor.seq));
}
