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
  alreadyDone,
  type ChangeOptions,
  dropNotice,
  type PendingNotice,
  setMark,
} from './notices.ts';
import type { TicketRepository } from './repositoryApi.ts';
import {
  formatCode,
  type OfficerTicketView,
  type Ticket,
  type TicketStatus,
  type TicketType,
} from './schema.ts';
import type { TicketShards } from './shards.ts';

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
  const byCode = new Map<string, Ticket>();
  const filerIndex = new Map<number, Set<string>>();
  const bySubmission = new Map<string, string>();
  const submitting = new Map<string, Promise<Ticket>>();
  const withNotices = new Set<string>();
  /** Codes by status, kept on every committed write: auto-close and retention read one status. */
  const byStatus = new Map<TicketStatus, Set<string>>();
  const statusOf = new Map<string, TicketStatus>();
  const turns = new Map<string, Promise<unknown>>();
  const counters: Record<TicketType, number> = { complaint: 0, request: 0 };
  let seq = 0;

  const filerKey = (ticket: Ticket) => {
    if (ticket.erasedAt !== undefined) return undefined;
    return ticket.anonymous ? contacts.chatOf(ticket.code) : ticket.filer.userId || undefined;
  };
  const index = (ticket: Ticket) => {
    byCode.set(ticket.code, ticket);
    const was = statusOf.get(ticket.code);
    if (was !== ticket.status) {
      if (was !== undefined) byStatus.get(was)?.delete(ticket.code);
      const now = byStatus.get(ticket.status) ?? new Set<string>();
      now.add(ticket.code);
      byStatus.set(ticket.status, now);
      statusOf.set(ticket.code, ticket.status);
    }
    const filer = filerKey(ticket);
    if (filer !== undefined) {
      const own = filerIndex.get(filer) ?? new Set<string>();
      own.add(ticket.code);
      filerIndex.set(filer, own);
    }
    if (ticket.submissionId) bySubmission.set(ticket.submissionId, ticket.code);
    if (ticket.notices?.length) withNotices.add(ticket.code);
    else withNotices.delete(ticket.code);
    seq = Math.max(seq, ticket.seq);
    const number = Number(ticket.code.slice(3));
    counters[ticket.type] = Math.max(counters[ticket.type], number);
  };
  const withStatus = (...statuses: TicketStatus[]): Ticket[] =>
    statuses.flatMap((status) =>
      [...(byStatus.get(status) ?? [])].flatMap((code) => byCode.get(code) ?? []),
    );
  const unindexFiler = (ticket: Ticket) => {
    const filer = filerKey(ticket);
    if (filer !== undefined) filerIndex.get(filer)?.delete(ticket.code);
  };
  for (const ticket of [...loaded].sort((a, b) => a.seq - b.seq)) index(ticket);
  // Numbers issued before a restore stay issued: never give a lost ticket's code to another.
  counters.complaint = Math.max(counters.complaint, floor.complaint);
  counters.request = Math.max(counters.request, floor.request);
  seq = Math.max(seq, floor.seq);

  /** One change at a time per ticket, each written before the next starts. */
  const serial = <T>(code: string, work: () => Promise<T>): Promise<T> => {
    const previous = turns.get(code) ?? Promise.resolve();
    const turn = previous.catch(() => undefined).then(work);
    turns.set(code, turn);
    void turn
      .catch(() => undefined)
      .finally(() => {
        if (turns.get(code) === turn) turns.delete(code);
      });
    return turn;
  };
  /** Writes `next` in place of the current record; memory follows only after the write. */
  const store = async (_current: Ticket | undefined, next: Ticket) => {
    // The shard file changes its copy only once the write is on disk (a failed write changes
    // nothing), and refuses a record its schema would not load.
    const stored = await shards.change(next.seq, next.code, () => next);
    index(stored);
  };
  const mutate = (
    code: string,
    change: (ticket: Ticket, at: string) => void,
    options: ChangeOptions = {},
  ): Promise<Ticket> =>
    serial(code, async () => {
      const current = byCode.get(code);
      if (!current) throw new TicketNotFoundError(code);
      if (alreadyDone(current, options.key)) return filerFacing(current);
      const at = now().toISOString();
      const next = structuredClone(current);
      const historyBefore = next.history.length;
      change(next, at);
      if (options.key) {
        for (const entry of next.history.slice(historyBefore)) entry.key = options.key;
      }
      addNotices(next, options.notify, at, options.key);
      await store(current, next);
      return filerFacing(next);
    });
  /** For filer-facing code: an anonymous ticket's filer is its reply chat and nothing more. */
  const filerFacing = (ticket: Ticket): Ticket => {
    if (!ticket.anonymous) return structuredClone(ticket);
    const chatId = contacts.chatOf(ticket.code) ?? 0;
    return { ...structuredClone(ticket), filer: { userId: chatId, chatId, name: '' } };
  };
  const newestFirst = (a: Ticket, b: Ticket) => b.seq - a.seq;
  const ticketsOf = (userId: number): Ticket[] =>
    [...(filerIndex.get(userId) ?? [])].flatMap((code) => byCode.get(code) ?? []);

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
      seq += 1;
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
        await store(undefined, ticket);
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
      const due = withStatus('resolved', 'rejected').filter((ticket) =>
        autoCloseDue(ticket, limit),
      );
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
        withStatus('closed').filter(
          (ticket) => ticket.closedAt !== null && ticket.closedAt < limit,
        ),
      );
    },
    eraseFiler: (userId) => erase(ticketsOf(userId)),
    pendingNotices() {
      const pending: PendingNotice[] = [];
      for (const code of withNotices) {
        for (const notice of byCode.get(code)?.notices ?? []) pending.push({ code, notice });
      }
      return pending.sort((a, b) => a.notice.at.localeCompare(b.notice.at));
    },
    notice: (code, noticeId) =>
      byCode.get(code)?.notices?.find((candidate) => candidate.id === noticeId),
    replyChat(code) {
      const ticket = byCode.get(code);
      if (!ticket || ticket.erasedAt !== undefined) return undefined;
      return ticket.anonymous ? contacts.chatOf(code) : ticket.filer.chatId;
    },
    async markNotice(code, noticeId, index, mark) {
      await mutate(code, (ticket) => {
        setMark(ticket, noticeId, index, mark);
      });
    },
    async finishNotice(code, noticeId) {
      if (!byCode.get(code)?.notices?.some((notice) => notice.id === noticeId)) return;
      await mutate(code, (ticket) => dropNotice(ticket, noticeId));
    },
    digests,
    flush: async () => {
      await Promise.all([shards.flush(), contacts.flush(), digests.flush()]);
    },
  };

  async function erase(tickets: Ticket[]): Promise<string[]> {
    const due = tickets.filter((ticket) => ticket.erasedAt === undefined);
    await Promise.all(
      due.map(async (ticket) => {
        unindexFiler(ticket);
        await mutate(ticket.code, eraseChange);
      }),
    );
    await contacts.remove(due.map((ticket) => ticket.code));
    return due.map((ticket) => ticket.code);
  }
}
