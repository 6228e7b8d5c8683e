import pg from 'pg';
import { StoreUnavailableError } from '../../envelope.ts';
import {
  addInfoChange,
  assignChange,
  autoCloseChange,
  autoCloseKey,
  eraseChange,
  NO_FILER,
  noteChange,
  rateChange,
  respondChange,
  type TicketChange,
  takeChange,
  transitionChange,
  undeliveredChange,
} from '../../tickets/changes.ts';
import type { DigestQueue } from '../../tickets/digests.ts';
import {
  addNotices,
  alreadyDone,
  type ChangeOptions,
  dropNotice,
  setMark,
} from '../../tickets/notices.ts';
import { TicketNotFoundError, toOfficerView } from '../../tickets/repository.ts';
import type { TicketRepository } from '../../tickets/repositoryApi.ts';
import { formatCode, type Ticket, ticketSchema } from '../../tickets/schema.ts';
import type { ChangeFeed } from '../changes.ts';
import type { PgSessionRepository } from '../sessions.ts';
import { Turns } from '../turns.ts';
import { checked, commit } from '../write.ts';
import { TicketCache } from './cache.ts';
import { readContacts, readTickets, saveContact, saveTicket } from './rows.ts';

const NUMBER_SEQUENCE = { complaint: 'ticket_number_complaint', request: 'ticket_number_request' };

/**
 * Tickets on PostgreSQL. Codes come from sequences, so no two instances ever give the same
 * one. A change locks the ticket's row, applies the same change the lowdb repository applies to
 * what the database holds (not to memory), and writes the ticket, its notices and its anonymous
 * contact in one transaction; memory follows only after the commit.
 */
export async function openPgTickets(
  pool: pg.Pool,
  now: () => Date,
  feed: ChangeFeed,
  digests: DigestQueue,
  sessions?: Pick<PgSessionRepository<unknown>, 'writeIn'>,
): Promise<TicketRepository> {
  const cache = new TicketCache(await readTickets(pool), await readContacts(pool));
  const refresh = async (codes: string[]) => {
    const [tickets, contacts] = await Promise.all([
      readTickets(pool, codes),
      readContacts(pool, codes),
    ]);
    for (const code of codes) {
      const ticket = tickets.find((candidate) => candidate.code === code);
      if (ticket) cache.put(ticket, contacts.get(code));
    }
  };
  feed.on('ticket', (code) => refresh([code]));
  feed.onResync(async () => {
    cache.reset(await readTickets(pool), await readContacts(pool));
  });
  const submitting = new Map<string, Promise<Ticket>>();
  const turns = new Turns();
  const serial = <T>(code: string, work: () => Promise<T>) => turns.run(code, work);

  const mutate = (
    code: string,
    change: TicketChange,
    options: ChangeOptions = {},
    erase = false,
  ): Promise<Ticket> =>
    serial(code, async () => {
      const saved = await commit(pool, async (client) => {
        const [current] = await readTickets(client, [code], true);
        if (!current) throw new TicketNotFoundError(code);
        if (alreadyDone(current, options.key)) return current;
        const at = now().toISOString();
        const next = structuredClone(current);
        const historyBefore = next.history.length;
        change(next, at);
        if (options.key) {
          for (const entry of next.history.slice(historyBefore)) entry.key = options.key;
        }
        addNotices(next, options.notify, at, options.key);
        await saveTicket(client, checked('tickets', ticketSchema, next));
        if (erase) await client.query('DELETE FROM anonymous_contacts WHERE code = $1', [code]);
        await feed.publish(client, 'ticket', code);
        return next;
      });
      if (erase) cache.dropContact(code);
      cache.put(saved);
      return cache.filerFacing(saved);
    });

  /** Changes one notice row in place (a recipient's outcome, or the finished notice removed). */
  const noticeWrite = (
    code: string,
    noticeId: string,
    sql: string,
    params: unknown[],
    apply: (ticket: Ticket) => void,
  ) =>
    serial(code, async () => {
      await commit(pool, async (client) => {
        // The ticket's lock, so a change rewriting its notices never undoes this outcome.
        await client.query('SELECT 1 FROM tickets WHERE code = $1 FOR UPDATE', [code]);
        await client.query(sql, [code, noticeId, ...params]);
        await feed.publish(client, 'ticket', code);
      });
      const ticket = cache.raw(code);
      if (ticket) {
        const next = structuredClone(ticket);
        apply(next);
        cache.put(next);
      }
    });

  const erase = (codes: string[]): Promise<string[]> =>
    succeededInTurn(codes, async (code) => {
      await mutate(code, eraseChange, {}, true);
      return code;
    });

  return {
    async create(input, options = {}) {
      const { submissionId } = options;
      const earlier = submissionId ? cache.findSubmission(submissionId) : undefined;
      if (earlier) return earlier;
      const inProgress = submissionId ? submitting.get(submissionId) : undefined;
      if (inProgress) return inProgress;
      const step = options.session;
      // The filer's session step goes in the same transaction: filed and moved on, or neither.
      const withStep = (client: pg.PoolClient, ticket: Ticket) =>
        step && sessions
          ? sessions.writeIn(client, step.key, step.sessionAfter(ticket))
          : undefined;
      const file = () =>
        commit(pool, async (client) => {
          if (submissionId) {
            const [known] = await client
              .query<{ code: string }>('SELECT code FROM tickets WHERE submission_id = $1', [
                submissionId,
              ])
              .then((result) => result.rows);
            if (known) {
              const [ticket] = await readTickets(client, [known.code]);
              const remember = ticket && (await withStep(client, ticket));
              return { ticket, fresh: false, remember };
            }
          }
          const { rows } = await client.query<{ seq: number; number: number }>(
            'SELECT nextval($1::regclass) AS number, nextval($2::regclass) AS seq',
            [NUMBER_SEQUENCE[input.type], 'ticket_seq'],
          );
          const { seq, number } = rows[0] ?? { seq: 0, number: 0 };
          const createdAt = now().toISOString();
          const ticket: Ticket = {
            ...structuredClone(input),
            ...(input.anonymous && { filer: { ...NO_FILER } }),
            code: formatCode(input.type, number),
            seq,
            status: 'new',
            assignee: null,
            createdAt,
            firstResponseAt: null,
            resolvedAt: null,
            closedAt: null,
            rating: null,
            history: [{ at: createdAt, by: 'filer', action: 'created', status: 'new' }],
            ...(submissionId !== undefined && { submissionId }),
          };
          addNotices(ticket, options.notify, createdAt, 'created');
          await saveTicket(client, checked('tickets', ticketSchema, ticket));
          if (input.anonymous) await saveContact(client, ticket.code, input.filer.chatId);
          await feed.publish(client, 'ticket', ticket.code);
          const remember = await withStep(client, ticket);
          return { ticket, fresh: true, remember };
        });
      // The same draft sent to two instances at once: the second insert meets the first one's
      // submission id, and filing again finds that ticket instead.
      const filing = file()
        .catch((error: unknown) => {
          if (submissionId && isSubmissionClash(error)) return file();
          throw error;
        })
        .then(({ ticket, fresh, remember }) => {
          if (!ticket) throw new Error(`ticket of submission ${submissionId} vanished`);
          if (remember) {
            remember();
            step?.committed();
          }
          if (fresh && input.anonymous) cache.put(ticket, input.filer.chatId);
          else if (fresh) cache.put(ticket);
          else return refresh([ticket.code]).then(() => cache.filerFacing(ticket));
          return cache.filerFacing(ticket);
        });
      if (!submissionId) return filing;
      submitting.set(submissionId, filing);
      try {
        return await filing;
      } finally {
        submitting.delete(submissionId);
      }
    },
    findSubmission: (submissionId) => cache.findSubmission(submissionId),
    get: (code) => cache.get(code),
    view(code) {
      const ticket = cache.raw(code);
      return ticket ? toOfficerView(ticket) : undefined;
    },
    list: () => cache.newestFirst().map(toOfficerView),
    byFiler: (userId) => cache.ofFiler(userId).map((ticket) => cache.filerFacing(ticket)),
    countFiledSince(userId, since) {
      const from = since.toISOString();
      return cache.ofFiler(userId).filter((ticket) => ticket.createdAt >= from).length;
    },
    transition: (code, to, by, note, options) =>
      mutate(code, transitionChange(to, by, note), options),
    take: (code, officerId, options) => mutate(code, takeChange(officerId), options),
    respond: (code, officerId, action, text, options) =>
      mutate(code, respondChange(officerId, action, text), options),
    noteUndelivered: (code, officerId, reason) =>
      mutate(code, undeliveredChange(officerId, reason)),
    assign: (code, officerId, by) => mutate(code, assignChange(officerId, by)),
    note: (code, officerId, text) => mutate(code, noteChange(officerId, text)),
    addInfo: (code, text, attachments, options) =>
      mutate(code, addInfoChange(text, attachments), options),
    rate: (code, rating) => mutate(code, rateChange(rating)),
    async autoClose(before, notify) {
      // The database decides what is due, not this instance's memory.
      const { rows } = await pool.query<{ data: Ticket }>(
        `SELECT data FROM tickets WHERE status IN ('resolved', 'rejected')
           AND data->>'resolvedAt' < $1 ORDER BY seq`,
        [before.toISOString()],
      );
      return succeededInTurn(
        rows.map((row) => row.data),
        async (ticket) => {
          await mutate(ticket.code, autoCloseChange, {
            ...(notify && { notify }),
            key: autoCloseKey(ticket),
          });
          return ticket.code;
        },
      );
    },
    async eraseClosedBefore(before) {
      const { rows } = await pool.query<{ code: string }>(
        `SELECT code FROM tickets WHERE status = 'closed' AND data->>'closedAt' < $1
           AND NOT data ? 'erasedAt' ORDER BY seq`,
        [before.toISOString()],
      );
      return erase(rows.map((row) => row.code));
    },
    async eraseFiler(userId) {
      const { rows } = await pool.query<{ code: string }>(
        `SELECT code FROM tickets WHERE NOT data ? 'erasedAt' AND (filer_user_id = $1
           OR code IN (SELECT code FROM anonymous_contacts WHERE chat_id = $1)) ORDER BY seq`,
        [userId],
      );
      return erase(rows.map((row) => row.code));
    },
    pendingNotices: () => cache.pendingNotices(),
    notice: (code, noticeId) => cache.raw(code)?.notices?.find((notice) => notice.id === noticeId),
    replyChat: (code) => cache.replyChat(code),
    markNotice: (code, noticeId, index, mark) =>
      noticeWrite(
        code,
        noticeId,
        `UPDATE ticket_notices SET marks = overlay(marks placing $4::text from $3::int + 1 for 1)
         WHERE code = $1 AND id = $2 AND $3::int >= 0 AND $3::int < length(marks)`,
        [index, mark],
        (ticket) => setMark(ticket, noticeId, index, mark),
      ),
    async finishNotice(code, noticeId) {
      if (!cache.raw(code)?.notices?.some((notice) => notice.id === noticeId)) return;
      await noticeWrite(
        code,
        noticeId,
        'DELETE FROM ticket_notices WHERE code = $1 AND id = $2',
        [],
        (ticket) => dropNotice(ticket, noticeId),
      );
    },
    digests,
    flush: async () => {},
  };
}

function isSubmissionClash(error: unknown): boolean {
  const cause = error instanceof StoreUnavailableError ? error.cause : undefined;
  return cause instanceof pg.DatabaseError && cause.constraint === 'tickets_submission_id_key';
}

/**
 * Runs the background sweeps (auto-close, retention) one ticket at a time: all at once, a
 * backlog of thousands of due tickets took every pooled connection and users' own writes
 * timed out as "not saved". Returns what succeeded; a failure is retried by the next sweep.
 */
async function succeededInTurn<T>(items: readonly T[], run: (item: T) => Promise<string>) {
  const done: string[] = [];
  for (const item of items) {
    try {
      done.push(await run(item));
    } catch {
      // Left as it is; the next sweep finds it again.
    }
  }
  return done;
}
