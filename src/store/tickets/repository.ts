import type { TicketFloor } from '../ticketFloor.ts';
import {
  addInfoChange,
  assignChange,
  autoCloseChange,
  autoCloseDue,
  autoCloseKey,
  eraseChange,
  NO_FILER,
  noteChange,
  rateChange,
  respondChange,
  takeChange,
  transitionChange,
  undeliveredChange,
} from './changes.ts';
import type { AnonymousContacts } from './contacts.ts';
import type { DigestQueue } from './digests.ts';
import {
  addNotices,
  type ChangeOptions,
  keyedChange,
  serialByKey,
  ticketNotices,
} from './notices.ts';
import type { TicketRepository } from './repositoryApi.ts';
import { formatCode, type OfficerTicketView, type Ticket } from './schema.ts';
import type { TicketShards } from './shards.ts';
import { TicketIndex } from './ticketIndex.ts';

export type { TicketRepository } from './repositoryApi.ts';

/** Raised when a code names no ticket. */
export class TicketNotFoundError extends Error {
  constructor(readonly code: string) {
    super(`no ticket ${code}`);
    this.name = 'TicketNotFoundError';
  }
}

/** Strips the filer for anonymous tickets and the chat link always. */
export function toOfficerView(ticket: Ticket): OfficerTicketView {
  const { filer, anonymous, submissionId: _id, notices: _notices, ...rest } = ticket;
  if (anonymous) return { ...rest, anonymous: true };
  return { ...rest, anonymous: false, filer: { name: filer.name, username: filer.username } };
}

export function createTicketRepository(
  shards: TicketShards,
  contacts: AnonymousContacts,
  loaded: Ticket[],
  now: () => Date,
  digests: DigestQueue,
  floor: TicketFloor = { complaint: 0, request: 0, seq: 0 },
): TicketRepository {
  const tickets = new TicketIndex(contacts);
  const { byCode, bySubmission, counters } = tickets;
  const submitting = new Map<string, Promise<Ticket>>();
  for (const ticket of [...loaded].sort((a, b) => a.seq - b.seq)) tickets.add(ticket);
  // Numbers issued before a restore stay issued: never give a lost ticket's code to another.
  counters.complaint = Math.max(counters.complaint, floor.complaint);
  counters.request = Math.max(counters.request, floor.request);
  tickets.seq = Math.max(tickets.seq, floor.seq);

  const serial = serialByKey();
  /** Writes `next` in place of the current record; memory follows only after the write. */
  const store = async (next: Ticket) => {
    // The shard file changes its copy only once the write is on disk (a failed write changes
    // nothing), and refuses a record its schema would not load.
    const stored = await shards.change(next.seq, next.code, () => next);
    tickets.add(stored);
  };
  const mutate = (
    code: string,
    change: (ticket: Ticket, at: string) => void,
    options: ChangeOptions = {},
  ): Promise<Ticket> =>
    serial(code, async () => {
      const current = byCode.get(code);
      if (!current) throw new TicketNotFoundError(code);
      const next = keyedChange(current, change, options, now().toISOString());
      if (!next) return filerFacing(current);
      await store(next);
      return filerFacing(next);
    });
  /** For filer-facing code: an anonymous ticket's filer is its reply chat and nothing more. */
  const filerFacing = (ticket: Ticket): Ticket => {
    if (!ticket.anonymous) return structuredClone(ticket);
    const chatId = contacts.chatOf(ticket.code) ?? 0;
    return { ...structuredClone(ticket), filer: { userId: chatId, chatId, name: '' } };
  };
  const newestFirst = (a: Ticket, b: Ticket) => b.seq - a.seq;
  const ticketsOf = (userId: number): Ticket[] => tickets.filedBy(userId);

  return {
    async create(input, options = {}) {
      const { submissionId } = options;
      const earlier = submissionId ? bySubmission.get(submissionId) : undefined;
      if (earlier) {
        const ticket = byCode.get(earlier);
        if (ticket) return filerFacing(ticket);
      }
      const inProgress = submissionId ? submitting.get(submissionId) : undefined;
      if (inProgress) return inProgress;
      tickets.seq += 1;
      const seq = tickets.seq;
      counters[input.type] += 1;
      const code = formatCode(input.type, counters[input.type]);
      const createdAt = now().toISOString();
      const ticket: Ticket = {
        ...structuredClone(input),
        ...(input.anonymous && { filer: { ...NO_FILER } }),
        code,
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
      const filing = serial(code, async () => {
        // The reply link first: a ticket on disk always has a way back to its filer.
        if (input.anonymous) await contacts.set(code, input.filer.chatId);
        await store(ticket);
        return filerFacing(ticket);
      });
      if (!submissionId) return filing;
      submitting.set(submissionId, filing);
      try {
        return await filing;
      } finally {
        submitting.delete(submissionId);
      }
    },
    findSubmission(submissionId) {
      const code = bySubmission.get(submissionId);
      const ticket = code ? byCode.get(code) : undefined;
      return ticket ? filerFacing(ticket) : undefined;
    },
    get(code) {
      const ticket = byCode.get(code);
      return ticket ? filerFacing(ticket) : undefined;
    },
    view(code) {
      const ticket = byCode.get(code);
      return ticket ? toOfficerView(ticket) : undefined;
    },
    list: () => [...byCode.values()].sort(newestFirst).map(toOfficerView),
    byFiler: (userId) => ticketsOf(userId).sort(newestFirst).map(filerFacing),
    countFiledSince(userId, since) {
      const from = since.toISOString();
      return ticketsOf(userId).filter((ticket) => ticket.createdAt >= from).length;
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
      const limit = before.toISOString();
      const due = tickets
        .withStatus('resolved', 'rejected')
        .filter((ticket) => autoCloseDue(ticket, limit));
      const closed = await Promise.allSettled(
        due.map((ticket) =>
          mutate(ticket.code, autoCloseChange, {
            ...(notify && { notify }),
            key: autoCloseKey(ticket),
          }),
        ),
      );
      return due.flatMap((ticket, i) => (closed[i]?.status === 'fulfilled' ? [ticket.code] : []));
    },
    eraseClosedBefore(before) {
      const limit = before.toISOString();
      return erase(
        tickets
          .withStatus('closed')
          .filter((ticket) => ticket.closedAt !== null && ticket.closedAt < limit),
      );
    },
    eraseFiler: (userId) => erase(ticketsOf(userId)),
    ...ticketNotices(byCode, tickets.withNotices, mutate),
    replyChat(code) {
      const ticket = byCode.get(code);
      if (!ticket || ticket.erasedAt !== undefined) return undefined;
      return ticket.anonymous ? contacts.chatOf(code) : ticket.filer.chatId;
    },
    digests,
    flush: async () => {
      await Promise.all([shards.flush(), contacts.flush(), digests.flush()]);
    },
  };

  async function erase(chosen: Ticket[]): Promise<string[]> {
    const due = chosen.filter((ticket) => ticket.erasedAt === undefined);
    await Promise.all(
      due.map(async (ticket) => {
        tickets.dropFiler(ticket);
        await mutate(ticket.code, eraseChange);
      }),
    );
    await contacts.remove(due.map((ticket) => ticket.code));
    return due.map((ticket) => ticket.code);
  }
}
